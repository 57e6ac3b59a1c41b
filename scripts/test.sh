#!/usr/bin/env bash
# Installs what is missing (Debian's chromium included), then runs every test.
# Extra arguments go to pytest, e.g. -k arrays.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test --browser
exec .venv/bin/python -m pytest "$@"
