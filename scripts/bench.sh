#!/usr/bin/env bash
# Benchmarks cached anonymous pages under granian (production settings, SQLite, demo content)
# against nginx serving the very same bytes as static files, in the same run, and prints the
# ratio of requests/s (docs/decisions/0027). Loopback only; every run is bounded in time.
#   DURATION=10s CONNECTIONS=16 WORKERS=2 ROUNDS=3 make bench
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${BENCH_PORT:-8765}
NGINX_PORT=${BENCH_NGINX_PORT:-8766}
WORKERS=${WORKERS:-2}
ROUNDS=${ROUNDS:-3}
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx-light)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_SECRET_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')"
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
mkdir -p var
# A database of its own, so the benchmark never touches the one `make run` uses.
export DATABASE_URL="sqlite:///$PWD/var/bench.sqlite3"
export DJANGO_SECURE_SSL_REDIRECT=false
# One machine and SQLite; no JSON line per request in the figures.
export KOKEBOKA_SINGLE_INSTANCE=true LOG_LEVEL=WARNING
work=$(mktemp -d "${TMPDIR:-/tmp}/kokeboka-bench-XXXXXX")
pids=()
stop() {  # TERM first: granian stops its workers itself; KILL whatever is left after 10 s
  kill "${pids[@]}" 2>/dev/null || true
  [ -n "${server:-}" ] && kill -- "-$server" 2>/dev/null || true
  for _ in $(seq 1 50); do
    alive=0; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break; sleep 0.2
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
  [ -n "${server:-}" ] && kill -9 -- "-$server" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
# The page cache in a Redis of its own on loopback, as in production (and not the shared
# var/cache, which other processes on this machine purge); the file cache when Redis is absent.
REDIS_PORT=${BENCH_REDIS_PORT:-8767}
if command -v redis-server >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >/dev/null &
  pids+=($!)
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  cache_kind="Redis"
else
  cache_kind="file cache"
fi
.venv/bin/python manage.py migrate --noinput -v0
if [ "$(.venv/bin/python manage.py shell -v0 -c "from apps.cookbook.models import RecipePage; print(RecipePage.objects.live().exists())")" != "True" ]; then
  .venv/bin/python manage.py load_demo >/dev/null
fi
.venv/bin/python manage.py collectstatic --noinput -v0
recipe=$(.venv/bin/python manage.py shell -v0 -c "from apps.cookbook.models import RecipePage; print(RecipePage.objects.live().first().url)")
pages=("/" "$recipe" "/kokebokloggen/" "/sok/?q=anskaffelse")
names=("home" "recipe" "blog index" "search")
static_dir=$work/static
mkdir -p "$static_dir" "$work/temp"
nginx_user=""; [ "$(id -u)" -eq 0 ] && nginx_user="user root root;"
cat >"$work/nginx.conf" <<CONF
$nginx_user
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/temp/body; proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi; uwsgi_temp_path $work/temp/uwsgi; scgi_temp_path $work/temp/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $static_dir; }
}
CONF
# In a session of its own, so that stopping it stops its worker processes too.
setsid .venv/bin/granian --interface wsgi --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" --no-ws \
  --log-level warning config.wsgi:application >"$work/granian.log" 2>&1 &
server=$!
pids+=($server)
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" -g "daemon off;" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/helse/" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/helse/" >/dev/null || { echo "bench: granian did not answer in 60 s"; cat "$work/granian.log"; exit 1; }
printf "\n%-12s %8s %5s %10s %8s | %10s %8s | %s\n" "page" "bytes" "cache" "req/s" "p95 ms" "nginx r/s" "p95 ms" "ratio r/s (page/nginx): median (range)"
for i in "${!pages[@]}"; do
  url="http://127.0.0.1:$PORT${pages[$i]}"
  curl -fs -o /dev/null "$url"  # fills the page cache
  # The same bytes the cached page answers with, as a static file for nginx.
  state=$(curl -fs -D "$work/headers$i" -o "$static_dir/page$i.html" "$url" -w '%header{x-page-cache}')
  size=$(wc -c <"$static_dir/page$i.html")
  # Page and nginx alternate, ROUNDS times: the machine's load moves both, so the ratio of
  # each pair and the median over the rounds say more than one long run.
  rounds=()
  for _ in $(seq 1 "$ROUNDS"); do
    page=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/bench.lua "$url" | grep RESULT)
    static=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/bench.lua "http://127.0.0.1:$NGINX_PORT/page$i.html" | grep RESULT)
    rounds+=("$page|$static")
  done
  python3 - "${names[$i]}" "$size" "${state:--}" "${rounds[@]}" <<'PY'
import re, statistics, sys
name, size, state, *rounds = sys.argv[1:]
def parse(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}
pairs = [tuple(parse(part) for part in pair.split("|")) for pair in rounds]
ratios = sorted(page["rps"] / static["rps"] for page, static in pairs)
med = lambda key, side: statistics.median(p[side][key] for p in pairs)
errors = int(sum(page.get("errors", 0) for page, _static in pairs))
print(f"{name:12} {size:>8} {state:>5} {med('rps', 0):10.1f} {med('p95', 0):8.2f} | "
      f"{med('rps', 1):10.1f} {med('p95', 1):8.2f} | {statistics.median(ratios):.3f} "
      f"({ratios[0]:.3f}-{ratios[-1]:.3f}, {len(ratios)} rounds; errors: {errors})")
PY
done
echo "(medians of $ROUNDS alternating rounds of wrk -t1 -c$CONNECTIONS -d$DURATION on loopback; granian --workers $WORKERS; nginx 1 worker; anonymous page cache in $cache_kind; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs)"
