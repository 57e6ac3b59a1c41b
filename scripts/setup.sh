#!/usr/bin/env bash
# Installs what is missing, and nothing twice: Debian packages (with --browser, chromium; with
# --test, redis-server, which the class-store tests start, and node and npm), a virtual environment in
# .venv, the pinned Python packages, and with --test or --browser the npm devDependencies of package.json
# (the JS linter, axe-core) in node_modules/, development only. Safe to run again.
# Usage: bash scripts/setup.sh [--test] [--browser] [--balancer]
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0 want_browser=0 want_balancer=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --browser) want_browser=1 ;;
    --balancer) want_balancer=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_packages=()
"$PYTHON" -c "import venv, ensurepip" >/dev/null 2>&1 || apt_packages+=(python3-venv)
if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then apt_packages+=(chromium); fi
if [ "$want_balancer" = 1 ] && [ ! -x /usr/sbin/haproxy ]; then apt_packages+=(haproxy); fi
want_npm=$((want_test | want_browser))
if [ "$want_npm" = 1 ] && ! command -v node >/dev/null 2>&1; then apt_packages+=(nodejs); fi
if [ "$want_npm" = 1 ] && ! command -v npm >/dev/null 2>&1; then apt_packages+=(npm); fi
if [ "$want_test" = 1 ] && ! command -v redis-server >/dev/null 2>&1; then apt_packages+=(redis-server); fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${apt_packages[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi

req=requirements.txt
[ "$want_test" = 1 ] && req=requirements-test.txt
stamp=".venv/.installed-$(cat requirements.txt "$req" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages from $req"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
  touch "$stamp"
fi

# The test suite's JavaScript tools, never the app's: exactly package-lock.json's versions, once per
# change of package.json or package-lock.json.
if [ "$want_npm" = 1 ]; then
  npm_stamp="node_modules/.installed-$(cat package.json package-lock.json | sha256sum | cut -c1-16)"
  if [ ! -f "$npm_stamp" ]; then
    echo "setup: installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    touch "$npm_stamp"
  fi
fi
