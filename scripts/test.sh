#!/usr/bin/env bash
# Installs what is missing (Debian's chromium and HAProxy included), checks lint and format, then
# runs every test in two processes (pytest-xdist; tests sharing a costly fixture stay in one, see
# tests/conftest.py). Extra arguments go to pytest, e.g. -k arrays, or -m quick for the quick
# profile; give -n to choose the number of processes (-n 0: one, no xdist).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test --browser --balancer
.venv/bin/ruff check .
.venv/bin/ruff format --check .
parallel=(-n 2 --dist loadgroup)
for arg in "$@"; do
  case "$arg" in -n | -n* | --numprocesses | --numprocesses=*) parallel=() ;; esac
done
exec .venv/bin/python -m pytest ${parallel[@]+"${parallel[@]}"} "$@"
