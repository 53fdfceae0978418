#!/usr/bin/env bash
# Serves the site with granian (WSGI) and runs the django-tasks database worker beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
WORKERS=${WORKERS:-2}
mkdir -p var
.venv/bin/python manage.py db_worker --queue-name default >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Kokeboka: http://${HOST}:${PORT}/  (admin: http://${HOST}:${PORT}/admin/)"
.venv/bin/granian --interface wsgi --host "$HOST" --port "$PORT" --workers "$WORKERS" \
  --no-ws config.wsgi:application
