#!/usr/bin/env bash
# Benchmarks one API list endpoint under granian (production settings, SQLite, demo content)
# with wrk on loopback, and prints requests/s and p95 latency. Follows scripts/bench.sh.
#   DURATION=10s CONNECTIONS=8 scripts/bench-api.sh
#   API_PATH="/api/v1/rules?limit=20" scripts/bench-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${BENCH_PORT:-8766}
WORKERS=${WORKERS:-2}
API_PATH=${API_PATH:-/api/v1/recipes?limit=20}
if ! command -v wrk >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_SECRET_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')"
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
mkdir -p var
# A database of its own, so the benchmark never touches the one `make run` uses.
export DATABASE_URL="sqlite:///$PWD/var/bench-api.sqlite3"
export DJANGO_SECURE_SSL_REDIRECT=false
# One machine, SQLite and a file cache; no JSON line per request in the figures.
export KOKEBOKA_SINGLE_INSTANCE=true LOG_LEVEL=WARNING
# One client (wrk) makes every request: lift its rate limit, the counting still runs.
export API_RATE_LIMIT_REQUESTS=1000000000
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/granian --interface wsgi --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" --no-ws \
  --log-level warning config.wsgi:application &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/helse/" >/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$PORT$API_PATH"
curl -fs "$url" >/dev/null
size=$(curl -fs "$url" | wc -c)
etag=$(curl -fsI "$url" | tr -d '\r' | sed -nE 's/^[Ee][Tt]ag: (.*)$/\1/p')
get() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
printf "\n%-34s %8s %10s %10s %8s\n" "request" "bytes" "req/s" "p95 ms" "errors"
run=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/bench.lua "$url" | grep RESULT)
printf "%-34s %8s %10s %10s %8s\n" "GET $API_PATH" "$size" "$(get rps "$run")" "$(get p95 "$run")" "$(get errors "$run")"
run=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/bench.lua -H "If-None-Match: $etag" "$url" | grep RESULT)
printf "%-34s %8s %10s %10s %8s\n" "  same, If-None-Match (304)" "0" "$(get rps "$run")" "$(get p95 "$run")" "$(get errors "$run")"
echo "(wrk -t1 -c$CONNECTIONS -d$DURATION on loopback; granian --workers $WORKERS; page cache on)"
