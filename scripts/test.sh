#!/usr/bin/env bash
# Installs what is missing (Debian's chromium and HAProxy included), checks lint and format, then
# runs every test. Extra arguments go to pytest, e.g. -k arrays.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test --browser --balancer
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
