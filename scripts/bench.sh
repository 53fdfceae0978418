#!/usr/bin/env bash
# Benchmarks anonymous pages under granian (production settings, SQLite, demo content)
# against static files of the same sizes served by the same granian process, and prints
# the ratio. Loopback only; every run is bounded in time.
#   DURATION=10s CONNECTIONS=8 make bench
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${BENCH_PORT:-8765}
WORKERS=${WORKERS:-2}
if ! command -v wrk >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_SECRET_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')"
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
mkdir -p var
# A database of its own, so the benchmark never touches the one `make run` uses.
export DATABASE_URL="sqlite:///$PWD/var/bench.sqlite3"
export DJANGO_SECURE_SSL_REDIRECT=false
# One machine, SQLite and a file cache; no JSON line per request in the figures.
export KOKEBOKA_SINGLE_INSTANCE=true LOG_LEVEL=WARNING
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
recipe=$(.venv/bin/python manage.py shell -v0 -c "from apps.cookbook.models import RecipePage; print(RecipePage.objects.live().first().url)")
pages=("/" "$recipe" "/kokebokloggen/" "/sok/?q=anskaffelse")
names=("home" "recipe" "blog index" "search")
static_dir=var/bench-static
rm -rf "$static_dir"; mkdir -p "$static_dir"
.venv/bin/granian --interface wsgi --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" --no-ws \
  --log-level warning --static-path-route /bench-static --static-path-mount "$static_dir" \
  config.wsgi:application &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/helse/" >/dev/null && break; sleep 0.2; done
printf "\n%-12s %8s %10s %10s | %10s %10s | %s\n" "page" "bytes" "req/s" "p95 ms" "static r/s" "static p95" "ratio r/s (page/static)"
for i in "${!pages[@]}"; do
  url="http://127.0.0.1:$PORT${pages[$i]}"
  size=$(curl -fs "$url" | wc -c)
  head -c "$size" /dev/urandom > "$static_dir/page$i.bin"
  page=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/bench.lua "$url" | grep RESULT)
  static=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/bench.lua "http://127.0.0.1:$PORT/bench-static/page$i.bin" | grep RESULT)
  get() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
  prps=$(get rps "$page"); pp95=$(get p95 "$page"); srps=$(get rps "$static"); sp95=$(get p95 "$static")
  perr=$(get errors "$page")
  ratio=$(python3 -c "print(f'{$prps/$srps:.2f}')")
  printf "%-12s %8s %10s %10s | %10s %10s | %s (errors: %s)\n" "${names[$i]}" "$size" "$prps" "$pp95" "$srps" "$sp95" "$ratio" "$perr"
done
echo "(wrk -t1 -c$CONNECTIONS -d$DURATION on loopback; granian --workers $WORKERS; anonymous page cache on)"
