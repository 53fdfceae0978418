#!/usr/bin/env bash
# Serves the site with granian (WSGI) and runs the task worker and the scheduler beside it.
# The worker and the scheduler are supervised: when one stops (a crash, a kill, a lost
# database), it is started again after 1 s, then 2, 4 ... up to 30 s while it keeps failing
# within a minute of its start. Logs: var/worker.log, var/scheduler.log.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
WORKERS=${WORKERS:-2}
mkdir -p var

# supervise NAME LOG COMMAND...: runs COMMAND again whenever it exits, until this shell is
# told to stop (TERM/INT), which it passes on to COMMAND before leaving.
supervise() {
  local name=$1 log=$2
  shift 2
  local delay=1 child="" started code
  trap 'if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 0' TERM INT
  while true; do
    started=$SECONDS
    "$@" >>"$log" 2>&1 &
    child=$!
    code=0
    wait "$child" || code=$?
    child=""
    if ((SECONDS - started >= 60)); then delay=1; fi
    echo "$(date -u +%FT%TZ) serve.sh: $name exited with $code; starting it again in ${delay} s" \
      | tee -a "$log" >&2
    sleep "$delay" &
    wait $! || true
    delay=$((delay * 2 > 30 ? 30 : delay * 2))
  done
}

: >var/worker.log
: >var/scheduler.log
supervise worker var/worker.log .venv/bin/python manage.py run_worker --queue-name default &
worker=$!
supervise scheduler var/scheduler.log .venv/bin/python manage.py run_scheduler &
scheduler=$!
echo "Kokeboka: http://${HOST}:${PORT}/  (admin: http://${HOST}:${PORT}/admin/)"
echo "Task worker and scheduler run beside it (logs: var/worker.log, var/scheduler.log)."
# granian runs in the background so that a TERM to this script is handled at once.
.venv/bin/granian --interface wsgi --host "$HOST" --port "$PORT" --workers "$WORKERS" \
  --no-ws config.wsgi:application &
web=$!
trap 'kill -TERM $web $worker $scheduler 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM
wait "$web"
