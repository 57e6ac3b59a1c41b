#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://localhost:8501.
# Extra arguments go to streamlit, e.g. --server.address 0.0.0.0 for a classroom.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# `python -m streamlit` from the repository root puts the root on sys.path, so `import core` works.
exec .venv/bin/python -m streamlit run app/main.py --server.port "${PORT:-8501}" "$@"
