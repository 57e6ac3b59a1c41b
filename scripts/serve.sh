#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://localhost:8501 (or $PORT).
# Extra arguments go to streamlit, e.g. --server.address 0.0.0.0 for a classroom.
#
#   bash scripts/serve.sh --replicas N [streamlit arguments]
#
# starts N app processes on free loopback ports and HAProxy in front of them on $PORT (and on
# --server.address / --server.port when given): sticky sessions by a cookie HAProxy sets,
# websockets passed through with a 2 h idle timeout, health checks on /_stcore/health, an
# X-Replica header naming the replica, and one server.cookieSecret shared by all replicas
# (STREAMLIT_SERVER_COOKIE_SECRET, generated for this start if not set). The configuration is
# deploy/haproxy.cfg.template, rendered into a temporary folder. A replica that exits is started
# again on its port; Ctrl-C or SIGTERM stops every process this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

replicas=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas=${2:-}; shift 2 || { echo "serve.sh: --replicas needs a number" >&2; exit 2; } ;;
    --replicas=*) replicas=${1#*=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

# Class questions live in STORE_URL (redis://... for several machines), else in one SQLite file under
# data/, shared by every process on this machine.
mkdir -p data

if [ "$replicas" = 0 ]; then
  bash scripts/setup.sh
  # `python -m streamlit` from the repository root puts the root on sys.path, so `import core` works.
  exec .venv/bin/python -m streamlit run app/main.py --server.port "${PORT:-8501}" ${args[@]+"${args[@]}"}
fi

case "$replicas" in
  [1-9] | 1[0-6]) ;;
  *) echo "serve.sh: --replicas takes 1 to 16, not '$replicas'" >&2; exit 2 ;;
esac
bash scripts/setup.sh --balancer

# The address and port the students use belong to the balancer; the replicas stay on loopback.
address="" port=${PORT:-8501} app_args=()
set -- ${args[@]+"${args[@]}"}
while [ $# -gt 0 ]; do
  case "$1" in
    --server.address) address=${2:-}; shift 2 || shift ;;
    --server.address=*) address=${1#*=}; shift ;;
    --server.port) port=${2:-}; shift 2 || shift ;;
    --server.port=*) port=${1#*=}; shift ;;
    *) app_args+=("$1"); shift ;;
  esac
done

run_dir=$(mktemp -d "${TMPDIR:-/tmp}/explainer-serve.XXXXXX")
balancer_pid="" supervisors=()

# Stop every process this script started: the replicas' supervisors first (so that none starts its
# replica again), the replicas (their pids are in $run_dir), HAProxy; SIGKILL what is left after 10 s.
stop_all() {
  trap - EXIT INT TERM
  touch "$run_dir/stopping"
  local signal=TERM deadline=$((SECONDS + 10)) pids alive pid f
  while [ "$SECONDS" -lt $((deadline + 5)) ]; do
    pids=(${supervisors[@]+"${supervisors[@]}"} $balancer_pid)
    for f in "$run_dir"/*.pid; do [ -e "$f" ] && pids+=("$(cat "$f")"); done
    alive=()
    for pid in ${pids[@]+"${pids[@]}"}; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ "${#alive[@]}" = 0 ] && break
    [ "$SECONDS" -ge "$deadline" ] && signal=KILL
    kill -"$signal" "${alive[@]}" 2>/dev/null || true
    sleep 0.2
  done
  wait 2>/dev/null || true
  rm -rf "$run_dir"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')}
export BALANCER_COOKIE_KEY=${BALANCER_COOKIE_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(16))')}
if [ -z "$address" ]; then
  export BALANCER_BIND=":$port"
else
  export BALANCER_BIND="$address:$port"
fi

read -r -a ports <<<"$(.venv/bin/python -c "
from scripts.local_server import free_port
ports = set()
while len(ports) < $replicas:
    ports.add(free_port())
print(*ports)")"

# One replica: started again on its port whenever it exits, until this script stops.
supervise() {
  local name=$1 app_port=$2 pid status
  while [ ! -e "$run_dir/stopping" ]; do
    .venv/bin/python -m streamlit run app/main.py --server.headless true --server.address 127.0.0.1 \
      --server.port "$app_port" ${app_args[@]+"${app_args[@]}"} >>"$run_dir/$name.log" 2>&1 &
    pid=$!
    echo "$pid" >"$run_dir/$name.pid"
    echo "serve: replica $name (pid $pid) on 127.0.0.1:$app_port"
    status=0
    wait "$pid" || status=$?
    [ -e "$run_dir/stopping" ] && break
    echo "serve: replica $name (pid $pid) exited with status $status; starting it again. Its last lines:" >&2
    tail -n 5 "$run_dir/$name.log" >&2
    sleep 1
  done
}

servers=""
for i in $(seq "$replicas"); do
  supervise "r$i" "${ports[$((i - 1))]}" &
  supervisors+=("$!")
  servers+="    server r$i 127.0.0.1:${ports[$((i - 1))]} cookie r$i"$'\n'
done
awk -v servers="${servers%$'\n'}" '/^ *@@SERVERS@@ *$/ { print servers; next } { print }' \
  deploy/haproxy.cfg.template >"$run_dir/haproxy.cfg"

wait_healthy() {  # url, seconds
  .venv/bin/python -c "import sys; from scripts.local_server import wait_healthy; sys.exit(not wait_healthy('$1', timeout=$2))"
}
for i in $(seq "$replicas"); do
  if ! wait_healthy "http://127.0.0.1:${ports[$((i - 1))]}" 90; then
    echo "serve: replica r$i did not answer its health check; its log:" >&2
    tail -n 20 "$run_dir/r$i.log" >&2
    exit 1
  fi
done

haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)  # /usr/sbin is not on every user's PATH
"$haproxy" -db -f "$run_dir/haproxy.cfg" &
balancer_pid=$!
case "$address" in "" | 0.0.0.0 | "::") probe=127.0.0.1 ;; *:*) probe="[$address]" ;; *) probe=$address ;; esac
if ! wait_healthy "http://$probe:$port" 30 || ! { sleep 0.5 && kill -0 "$balancer_pid" 2>/dev/null; }; then
  echo "serve: the balancer (haproxy, $run_dir/haproxy.cfg) did not start on port $port" >&2
  exit 1
fi
[ "$probe" = 127.0.0.1 ] && probe=localhost
echo "serve: balancer (haproxy, pid $balancer_pid) on ${address:-all addresses} port $port, $replicas replicas: http://$probe:$port"
status=0
wait "$balancer_pid" || status=$?
echo "serve: the balancer stopped (status $status)" >&2
exit "$status"
