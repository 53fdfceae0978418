#!/usr/bin/env python3
"""`make bench-volume`: every page type at national volume, on PostgreSQL with Redis, under
granian with production settings, in one table.

    SCALE=national make bench-volume     # or SCALE=0.2; DURATION=5s; REQUESTS=30

Steps: a throwaway PostgreSQL cluster (scripts/pg_cluster.py's helpers) and a redis-server on
loopback; migrate, load_demo, load_volume --scale $SCALE, render_book (the book PDF is served
from its last rendered edition); granian (production settings, 2 workers). Then, per page:

- median and p95 of REQUESTS requests one at a time (one keep-alive connection);
- requests/s with `wrk -t1 -c16` for DURATION;
- queries per request: the same URL through Django's test client in this database, counted
  with CaptureQueriesContext (in-process, so the figure is what one request costs).

Anonymous public pages are measured uncached: every request carries a new `bench=` query
parameter, so the page cache always misses (column "as" says "anon, new URL"). Pages of a
role are requested with a session cookie made in the database for that person with a verified
second factor (column "as" names the role). At the end the cached anonymous recipe page is
compared with nginx serving the same bytes as a static file in the same run (ratio).

The match pages keep a need's or an offer's ranking until something it depends on is written
(decision 0036), and site search keeps each query's counts and ranked ids (decision 0035),
so requesting one URL again measures the stored answer. The rows ending in ", first" request
a different need, offer or search each time, REQUESTS + 1 of them, so every one is worked out
anew; wrk is not run for them (it repeats one URL), and their query count is of a first
request.
Everything runs on loopback and is removed afterwards.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import pg_cluster  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GRANIAN = str(ROOT / ".venv" / "bin" / "granian")
CONNECTIONS = 16

# Run inside `manage.py shell`: finds the pages to measure and makes the sessions. Prints one
# JSON line: a list of [name, url, role or ""] and the session cookie of each role.
SETUP = r"""
import json
import os
import sys
from urllib.parse import urlencode
from django.conf import settings
from apps.accounts.models import Membership
from apps.broker.models import Need, Offer
from apps.cookbook.models import RecipePage
from apps.cases.models import CasePage
sys.path.insert(0, "scripts")
from pagetime import entrepreneur_offer, reviewer_assignment, role_user, session_key

def session(role):
    return f"{settings.SESSION_COOKIE_NAME}={session_key(role_user(role))}"

broker = role_user("broker")
broker_orgs = Membership.objects.filter(user=broker, role="broker").values("organisation")
need = Need.objects.public().filter(organisation__in=broker_orgs).order_by("pk").first()
assignment = reviewer_assignment()
recipe = RecipePage.objects.live().filter(slug__startswith="vol-").order_by("path").first()
example = CasePage.objects.live().filter(slug__startswith="vol-").order_by("path").first()
sector = need.sectors.order_by("pk").first().code
offer = entrepreneur_offer()
# Needs and offers not viewed before in this run, one per request of the "first view" rows.
# (REQUESTS + 1 for the timed requests, two more for counting the queries beforehand.)
first = int(os.environ.get("REQUESTS", "30")) + 3
first_needs = list(
    Need.objects.public().filter(organisation__in=broker_orgs).exclude(pk=need.pk)
    .order_by("pk").values_list("pk", flat=True)[:first]
)
# Searches not made before in this run: the first two words of needs' titles, each once.
first_searches = list(
    dict.fromkeys(
        " ".join(title.split()[:2]).lower()
        for title in Need.objects.public().order_by("-pk").values_list("title", flat=True)[:500]
    )
)[:first]
first_offers = list(
    Offer.objects.public().exclude(pk=offer.pk).order_by("-pk").values_list("pk", flat=True)[:first]
)
municipality = need.municipality
example_filter = (
    f"sector={example.sectors.order_by('pk').first().code}"
    f"&county={example.municipality.county.code}"
)
pages = [
    ["home", "/", ""],
    ["recipe", recipe.url, ""],
    ["chapter", recipe.get_parent().url, ""],
    ["cookbook index, filter", f"/kokeboka/?phase={recipe.phase}", ""],
    ["route-guide answer", "/veiviser/svar/?purpose=buy&value=1800000&service=ordinary"
        "&provider=company&authority=municipality&on_market=yes", "anon"],
    ["search", "/sok/?q=arbeidstrening+for+unge", ""],
    ["search, first", [f"/sok/?{urlencode({'q': q})}" for q in first_searches], ""],
    ["examples, filters", f"/eksempler/?{example_filter}", ""],
    ["needs, filters", f"/behov/?sector={sector}&county={municipality.county.code}", ""],
    ["need's matches", f"/behov/{need.pk}/treff/", "broker"],
    ["need's matches, first", [f"/behov/{pk}/treff/" for pk in first_needs], "broker"],
    ["offer's matches", f"/tilbud/{offer.pk}/treff/", "entrepreneur"],
    ["offer's matches, first", [f"/tilbud/{pk}/treff/" for pk in first_offers], "entrepreneur"],
    ["offers (entrepreneurs)", "/entreprenorer/", ""],
    ["collaboration board", "/samarbeid/tavle/", "broker"],
    ["fund management", "/fond/forvaltning/", "fund manager"],
    ["assessment", f"/fond/vurdering/{assignment.pk}/", "reviewer"],
    ["granted list", "/fond/tildelinger/", ""],
    ["/innsikt/", "/innsikt/", ""],
    ["municipality insights", f"/innsikt/kommune/{municipality.code}/", "broker"],
    ["API needs", "/api/v1/needs", ""],
    ["API offers", "/api/v1/offers", ""],
    ["API recipes", "/api/v1/recipes", ""],
    ["API cases", "/api/v1/cases", ""],
]
from apps.printbook.selectors import latest_ready_edition
if latest_ready_edition() is not None:  # else the first request would render the whole book
    pages.append(["book PDF", "/kokeboka/kokeboka.pdf", ""])
cookies = {"broker": session("broker"), "fund manager": session("fund-manager"),
           "reviewer": session("reviewer"), "entrepreneur": session("entrepreneur")}
print(json.dumps({"pages": pages, "cookies": cookies, "recipe": recipe.url}))
"""

# Run inside `manage.py shell`: queries per request of each page, in-process.
QUERIES = r"""
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
spec = json.loads(sys.stdin.read())
counts = {}
slow = []
for name, url, role in spec["pages"]:
    # A "first view" row: warm with one need, count with another, never ranked before.
    url, counted = (url[-1], url[-2]) if isinstance(url, list) else (url, None)
    client = Client(HTTP_HOST="127.0.0.1")
    if role in spec["cookies"]:
        key, value = spec["cookies"][role].split("=", 1)
        client.cookies[key] = value
    elif not role:
        url = url + ("&" if "?" in url else "?") + "bench=queries"
    client.get(url)  # warm: the first request of a process fills per-process caches
    url = counted or url.replace("bench=queries", "bench=queries2")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    counts[name] = [len(queries), response.status_code]
    slow += [(float(q["time"]) * 1000, name, q["sql"]) for q in queries.captured_queries]
# The three slowest statements of all pages, with PostgreSQL's plan as it runs them.
slow.sort(reverse=True)
plans = []
with connection.cursor() as cursor:
    for ms, name, sql in slow[:3]:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plans.append([name, round(ms, 1), sql, "\n".join(row[0] for row in cursor.fetchall())])
print(json.dumps({"counts": counts, "plans": plans}))
"""


def free_port() -> int:
    return pg_cluster.free_port()


def run(cmd: list[str], env: dict, *, timeout: float = 3600, stdin: str | None = None) -> str:
    result = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, input=stdin
    )
    if result.returncode != 0:
        sys.exit(f"bench-volume: {' '.join(cmd[:4])} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    return run([PYTHON, "manage.py", *args], env, stdin=stdin)


def shell_json(env: dict, code: str, stdin: str | None = None) -> dict:
    out = run([PYTHON, "manage.py", "shell", "--no-imports", "-c", code], env, stdin=stdin)
    return json.loads([line for line in out.splitlines() if line.startswith("{")][-1])


def wait_http(port: int, path: str = "/helse/", timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        time.sleep(0.2)
    sys.exit(f"bench-volume: nothing answers on port {port}")


def timed_requests(
    port: int, url: str | list[str], cookie: str, count: int, *, bust: bool
) -> tuple[list[float], dict]:
    """`count` sequential GETs on one keep-alive connection; the latencies in ms and what the
    last response said (status, bytes, page-cache header). A list of URLs is requested in
    turn, one for each request."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    timings = []
    seen = {}
    for number in range(count + 1):
        path = url[number % len(url)] if isinstance(url, list) else url
        if bust:
            path += ("&" if "?" in url else "?") + f"bench={secrets.token_hex(4)}-{number}"
        headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if number:  # the first request warms the worker
            timings.append(elapsed)
        seen = {
            "status": response.status,
            "bytes": len(body),
            "cache": response.getheader("X-Page-Cache", "-"),
        }
    conn.close()
    return timings, seen


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def wrk(url: str, duration: str, *, cookie: str = "", bust: bool = False) -> dict:
    env = dict(os.environ, BENCH_COOKIE=cookie, BENCH_BUST="1" if bust else "")
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{duration}",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "scripts" / "bench.lua"),
            url,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    line = next((line for line in out.splitlines() if line.startswith("RESULT")), "")
    result = {key: float(value) for key, value in re.findall(r"(\w+)=([0-9.]+)", line)}
    # Requests/s counts every answer; say so when some were errors (a 429, a 500).
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["failed"] = float(failed.group(1)) if failed else 0.0
    return result


def start_nginx(workdir: Path, root: Path, port: int) -> subprocess.Popen:
    conf = workdir / "nginx.conf"
    temp = workdir / "nginx-temp"
    temp.mkdir(exist_ok=True)
    user = "user root root;" if os.geteuid() == 0 else ""
    conf.write_text(
        f"""{user}
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi; uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
"""
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen(
        [nginx, "-p", str(workdir), "-e", str(workdir / "nginx-error.log"), "-c", str(conf)]
        + ["-g", "daemon off;"]
    )
    wait_http(port, "/recipe.html")
    return process


def main() -> int:
    scale = os.environ.get("SCALE", "national")
    duration = os.environ.get("DURATION", "5s")
    count = int(os.environ.get("REQUESTS", "30"))
    workers = os.environ.get("WORKERS", "2")
    for tool in ("wrk", "redis-server", "nginx"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"bench-volume: {tool} is missing; run `make install-test`.")
    owner = "postgres" if os.geteuid() == 0 else None
    # REUSE=<dir> measures again in a cluster a KEEP=1 run left behind, without loading.
    reuse = os.environ.get("REUSE", "")
    workdir = Path(reuse) if reuse else Path(tempfile.mkdtemp(prefix="kokeboka-bench-volume-"))
    datadir = workdir / "pg"
    processes: list[subprocess.Popen] = []
    pg_ctl = pg_cluster.find_bin("pg_ctl")
    pg_port, redis_port, app_port, nginx_port = (free_port() for _ in range(4))
    try:
        if owner:
            import pwd

            info = pwd.getpwnam(owner)
            os.chown(workdir, info.pw_uid, info.pw_gid)
        subprocess.run(
            ["true"]
            if reuse
            else pg_cluster.as_owner(
                [pg_cluster.find_bin("initdb"), "-D", str(datadir), "-U", "kokeboka"]
                + ["--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                owner,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-p {pg_port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100 "
            "-c shared_buffers=256MB"
        )
        subprocess.run(
            pg_cluster.as_owner(
                [pg_ctl, "-D", str(datadir), "-o", options, "-l", str(workdir / "pg.log")]
                + ["-w", "start"],
                owner,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        redis = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(redis_port)]
            + ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)],
            stdout=subprocess.DEVNULL,
        )
        processes.append(redis)
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.production",
            DJANGO_SECRET_KEY="bench-volume-" + secrets.token_urlsafe(60),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"postgres://kokeboka@127.0.0.1:{pg_port}/postgres",
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            DJANGO_SECURE_SSL_REDIRECT="false",
            KOKEBOKA_SINGLE_INSTANCE="true",
            MEDIA_ROOT=str(workdir / "media"),
            PRIVATE_MEDIA_ROOT=str(workdir / "private"),
            LOG_LEVEL="WARNING",
            DATABASE_CONN_MAX_AGE="60",  # as compose.yaml,
            # The API's per-client limit (600 requests in 10 minutes) would answer the wrk runs
            # of the API rows with 429s after the first page: the bench measures the server, so
            # its one loopback client gets a limit it cannot reach.
            API_RATE_LIMIT_REQUESTS="100000000",
        )
        times = {}
        if reuse:  # migrations added since the data was loaded (indexes); this checkout's static
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "collectstatic", "--noinput", "-v0")
        for label, args in (
            []
            if reuse
            else [
                ("migrate", ["migrate", "--noinput", "-v0"]),
                ("load_demo", ["load_demo"]),
                ("load_volume", ["load_volume", "--scale", scale]),
                ("render_book", ["render_book"]),
                ("collectstatic", ["collectstatic", "--noinput", "-v0"]),
            ]
        ):
            print(f"bench-volume: {label} …", flush=True)
            started = time.perf_counter()
            out = manage(env, *args)
            times[label] = time.perf_counter() - started
            if label in ("load_volume", "render_book"):
                print(out.strip()[-1500:], flush=True)
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from django.db import connection as c\nc.cursor().execute('VACUUM ANALYZE')",
        )
        spec = shell_json(env, SETUP)
        measured = shell_json(env, QUERIES, stdin=json.dumps(spec))
        queries = measured["counts"]
        server = subprocess.Popen(
            [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(app_port)]
            + [
                "--workers",
                workers,
                "--no-ws",
                "--log-level",
                "warning",
                "config.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
        )
        processes.append(server)
        wait_http(app_port)
        base = f"http://127.0.0.1:{app_port}"
        rows = []
        for name, url, role in spec["pages"]:
            cookie = spec["cookies"].get(role, "")
            timings, seen = timed_requests(app_port, url, cookie, count, bust=not role)
            # wrk repeats one URL: for a "first view" row it would measure stored rankings.
            first_view = isinstance(url, list)
            load = {} if first_view else wrk(base + url, duration, cookie=cookie, bust=not role)
            rows.append(
                (
                    name,
                    {"": "anon, new URL", "anon": "anon, same URL"}.get(role, role),
                    seen,
                    statistics.median(timings),
                    percentile(timings, 0.95),
                    load.get("rps"),
                    queries.get(name, ["?", "?"])[0],
                )
            )
            print(f"  measured {name}", flush=True)
            if load.get("failed"):
                print(f"  {name}: {load['failed']:.0f} of wrk's answers were not 2xx/3xx")
        # Cached anonymous recipe page against nginx serving the same bytes.
        static = workdir / "static"
        static.mkdir(exist_ok=True)
        conn = http.client.HTTPConnection("127.0.0.1", app_port, timeout=30)
        for _ in range(2):  # the second answer comes from the page cache
            conn.request("GET", spec["recipe"], headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            body = response.read()
        cache_state = response.getheader("X-Page-Cache", "-")
        (static / "recipe.html").write_bytes(body)
        nginx = start_nginx(workdir, static, nginx_port)
        processes.append(nginx)
        cached = wrk(base + spec["recipe"], duration)
        plain = wrk(f"http://127.0.0.1:{nginx_port}/recipe.html", duration)
        load_average = os.getloadavg()
        print_table(rows, scale=scale, count=count, duration=duration, workers=workers)
        ratio = cached.get("rps", 0) / max(plain.get("rps", 1), 1)
        print(
            f"\nCached anonymous recipe ({len(body)} bytes, X-Page-Cache: {cache_state}): "
            f"{cached.get('rps', 0):.0f} req/s, p95 {cached.get('p95', 0):.1f} ms; nginx, the "
            f"same bytes as a static file: {plain.get('rps', 0):.0f} req/s, p95 "
            f"{plain.get('p95', 0):.1f} ms; ratio {ratio:.3f} (wrk -t1 -c{CONNECTIONS} "
            f"-d{duration})"
        )
        print("\nThe three slowest queries of one request per page, EXPLAIN (ANALYZE, BUFFERS):")
        for name, ms, sql, plan in measured["plans"]:
            print(f"\n-- {name}: {ms} ms\n{sql[:1500]}\n{plan}")
        print(
            "Load times: "
            + ", ".join(f"{label} {seconds:.0f} s" for label, seconds in times.items())
        )
        print(
            f"Load average (1/5/15 min) at the end: {load_average[0]:.2f} {load_average[1]:.2f} "
            f"{load_average[2]:.2f}; CPUs: {os.cpu_count()}"
        )
        return 0
    finally:
        for process in reversed(processes):
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        with contextlib.suppress(subprocess.CalledProcessError):
            subprocess.run(
                pg_cluster.as_owner([pg_ctl, "-D", str(datadir), "-m", "immediate", "stop"], owner),
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        if os.environ.get("KEEP") == "1" or reuse:
            print(
                f"bench-volume: the cluster stays in {workdir} (REUSE={workdir} to measure again)"
            )
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def print_table(rows, *, scale: str, count: int, duration: str, workers: str) -> None:
    print(
        f"\nScale {scale}; PostgreSQL + Redis; granian --workers {workers}, production settings."
        f"\nmedian/p95: {count} requests one at a time; "
        f"req/s: wrk -t1 -c{CONNECTIONS} -d{duration};"
        " queries: one request in-process (test client, same database).\n"
    )
    header = (
        f"{'page':24} {'as':14} {'status':>6} {'cache':>5} {'KB':>6} {'median ms':>10} "
        f"{'p95 ms':>8} {'req/s':>8} {'queries':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, role, seen, median, p95, rps, queries in rows:
        print(
            f"{name:24} {role:14} {seen['status']:>6} {seen['cache']:>5} "
            f"{seen['bytes'] / 1024:>6.0f} {median:>10.1f} {p95:>8.1f} "
            f"{'-' if rps is None else f'{rps:.1f}':>8} {queries!s:>8}"
        )


if __name__ == "__main__":
    sys.exit(main())
