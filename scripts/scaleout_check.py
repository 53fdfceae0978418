#!/usr/bin/env python3
"""The scale-out check: Kokeboka as an operator runs it, with parts failing on purpose.

    .venv/bin/python scripts/scaleout_check.py        (make scaleout)

Starts, all on loopback and in a throwaway directory: a PostgreSQL 15 cluster, Redis, an
S3-compatible server (moto), two granian instances with production settings behind nginx
(which retries a request on the other instance when one fails to answer), the task worker
and the scheduler. Then it checks what issue 16 promises and prints the figures as a table:

- with every part up, readiness answers 200;
- a login made on one instance holds on the other;
- a publish purges the page cache that both instances share;
- rate limits and login lockouts count per visitor behind the proxy (clients on 127.0.0.2
  and 127.0.0.3), and a forged X-Forwarded-For does not get around them;
- an autosave of a private draft leaves the public page cache alone;
- a file uploaded through one instance is downloaded through the other (from S3);
- SIGKILL of one instance under a read load costs no read, and leaves no half-written save;
- SIGKILL of the task worker mid-task: the task completes after the worker is restarted;
- Redis stopped for 3 s under load: no server error;
- PostgreSQL stopped for 3 s: cached pages 200, other pages 503 with Retry-After,
  readiness non-200, and everything back by itself afterwards.

Every request loop has a fixed count and a deadline, and the whole run a hard time limit
(SCALEOUT_TIME_LIMIT, default 300 s). Every process it started is stopped, also on failure.
Exit status 0 only when every check passed.
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
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

import pg_cluster  # noqa: E402  (scripts/pg_cluster.py: finding and owning the binaries)

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GRANIAN = str(ROOT / ".venv" / "bin" / "granian")
TIME_LIMIT = float(os.environ.get("SCALEOUT_TIME_LIMIT", "300"))
DEPLOY_NGINX = ROOT / "deploy" / "nginx.conf"
READINESS_PATH = "/helse/klar/"
LIVENESS_PATH = "/helse/"
CLIENT_A = "127.0.0.2"  # two visitors behind the proxy (loopback aliases, Linux answers them)
CLIENT_B = "127.0.0.3"
API_LIMIT = 20  # API_RATE_LIMIT_REQUESTS for this run
PASSWORD = "Skalering-" + secrets.token_urlsafe(12)
# Anonymous public pages the read load asks for (the setup adds a recipe page).
# What the TLS terminator in front of nginx says on every request (deploy/nginx.conf passes
# it on); the check says it too when it talks to one instance directly.
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
READ_PATHS = ["/", "/kokeboka/", "/regelverk/", "/kokebokloggen/"]


class TimeUp(Exception):
    """The run's hard time limit passed."""


class CheckFailed(Exception):
    pass


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --------------------------------------------------------------------------------------------
# HTTP: one connection per request, from a chosen loopback address, with a timeout.


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def fetch(
    port: int,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    source: str = "127.0.0.1",
    timeout: float = 10.0,
) -> Reply:
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        collected: dict[str, str] = {}
        for name, value in response.getheaders():
            key = name.lower()
            collected[key] = f"{collected[key]}\n{value}" if key in collected else value
        return Reply(response.status, collected, data)
    finally:
        connection.close()


class FormParser(HTMLParser):
    """Every <form> of a page with the values a browser would send for it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        if tag == "form":
            self._form = {"action": attrs.get("action", ""), "method": attrs.get("method", "")}
            self._form["fields"] = []
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._form["fields"].append((name, attrs.get("value", default)))
        elif tag == "textarea" and name:
            self._textarea = name
            self._form["fields"].append((name, ""))
        elif tag == "select" and name:
            self._select, self._select_value = name, None
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select_value is None or "selected" in attrs:
                self._select_value = value

    def handle_data(self, data):
        if self._form is not None and self._textarea is not None:
            name, value = self._form["fields"][-1]
            self._form["fields"][-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            # As a browser does: the newline right after <textarea> is not part of the value.
            name, value = self._form["fields"][-1]
            self._form["fields"][-1] = (name, value.removeprefix("\r").removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            self._form["fields"].append((self._select, self._select_value or ""))
            self._select = None
        elif tag == "form":
            self._form = None


def forms_of(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


class Visitor:
    """A browser of one person: cookies, a source address and where it sends requests.
    Talking straight to an instance it says X-Forwarded-Proto itself, as nginx would."""

    def __init__(self, port: int, *, source: str = "127.0.0.1") -> None:
        self.port, self.source = port, source
        self.cookies: dict[str, str] = {}

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {**HEADERS, "User-Agent": "kokeboka-scaleout-check"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.update(extra or {})
        return headers

    def _keep(self, reply: Reply) -> Reply:
        for line in reply.headers.get("set-cookie", "").split("\n"):
            if not line.strip():
                continue
            jar = SimpleCookie()
            jar.load(line)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return reply

    def on(self, port: int) -> Visitor:
        other = Visitor(port, source=self.source)
        other.cookies = self.cookies  # the same browser, another address
        return other

    def get(self, path: str, **kwargs) -> Reply:
        return self._keep(
            fetch(self.port, "GET", path, headers=self._headers(), source=self.source, **kwargs)
        )

    def post(self, path: str, fields: Iterable[tuple[str, str]], headers=None) -> Reply:
        body = urllib.parse.urlencode(list(fields)).encode()
        extra = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "https://127.0.0.1",
            "Referer": f"https://127.0.0.1{path}",
            **(headers or {}),
        }
        return self._keep(
            fetch(
                self.port, "POST", path, headers=self._headers(extra), body=body, source=self.source
            )
        )

    def post_multipart(
        self, path: str, fields: Iterable[tuple[str, str]], files: dict[str, tuple[str, bytes]]
    ) -> Reply:
        """A multipart/form-data POST, as a browser sends a form with a file in it."""
        boundary = "scaleout" + secrets.token_hex(12)
        parts = []
        for name, value in fields:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + value.encode()
                + b"\r\n"
            )
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        extra = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Origin": "https://127.0.0.1",
            "Referer": f"https://127.0.0.1{path}",
        }
        return self._keep(
            fetch(
                self.port, "POST", path, headers=self._headers(extra), body=body, source=self.source
            )
        )

    def form(self, path: str, marker: str) -> list[tuple[str, str]]:
        """The fields of the form on `path` that has a field named `marker`."""
        reply = self.get(path)
        if reply.status != 200:
            raise CheckFailed(f"GET {path} answered {reply.status}, expected 200")
        for form in forms_of(reply.text):
            if any(name == marker for name, _value in form["fields"]):
                return form["fields"]
        raise CheckFailed(f"no form with {marker!r} on {path}")

    def login(self, email: str, password: str) -> Reply:
        fields = dict(self.form("/konto/logg-inn/", "password"))
        fields.update(username=email, password=password)
        return self.post("/konto/logg-inn/", fields.items())


# --------------------------------------------------------------------------------------------
# A bounded load: threads with a fixed number of requests each and a deadline.


@dataclass
class Load:
    port: int
    paths: list[str]
    threads: int = 4
    per_thread: int = 400
    seconds: float = 10.0
    interval: float = 0.02  # each thread starts at most one request per interval
    source: str = "127.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # (path, status) of every non-200
    timeline: list[tuple[float, int, float]] = field(default_factory=list)  # at, status, s
    _stop: threading.Event = field(default_factory=threading.Event)
    _workers: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _run(self, index: int, deadline: float) -> None:
        headers = {**HEADERS, "User-Agent": "kokeboka-scaleout-load"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for number in range(self.per_thread):
            if self._stop.is_set() or time.monotonic() > deadline:
                return
            path = self.paths[(index + number) % len(self.paths)]
            started = time.monotonic()
            try:
                reply = fetch(self.port, "GET", path, headers=headers, source=self.source)
                status = reply.status
            except OSError as error:
                status = 0
                with self._lock:
                    self.errors[type(error).__name__] += 1
            with self._lock:
                self.statuses[status] += 1
                self.timeline.append((started, status, time.monotonic() - started))
                if status != 200:
                    self.failures[(path, status)] += 1
            self._stop.wait(max(0.0, self.interval - (time.monotonic() - started)))

    def start(self) -> Load:
        deadline = time.monotonic() + self.seconds
        for index in range(self.threads):
            worker = threading.Thread(target=self._run, args=(index, deadline), daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def stop(self) -> Load:
        self._stop.set()
        return self.join()

    def join(self) -> Load:
        for worker in self._workers:
            worker.join(self.seconds + 15)
        return self

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    def count(self, predicate: Callable[[int], bool]) -> int:
        return sum(n for status, n in self.statuses.items() if predicate(status))

    def between(self, start: float, end: float) -> list[tuple[float, int, float]]:
        return [entry for entry in self.timeline if start <= entry[0] <= end]

    @staticmethod
    def slowest(entries: list[tuple[float, int, float]]) -> str:
        """The median and the slowest answer among `entries`, in milliseconds."""
        if not entries:
            return "-"
        seconds = sorted(entry[2] for entry in entries)
        return f"median {seconds[len(seconds) // 2] * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms"

    def failed_paths(self) -> str:
        """Which paths failed how often, e.g. "/sok/?q=x 500×100" (0: no answer)."""
        return ", ".join(f"{path} {status}×{n}" for (path, status), n in self.failures.items())

    @property
    def rate(self) -> str:
        """Requests per second over the time the load ran."""
        if len(self.timeline) < 2:
            return "-"
        seconds = self.timeline[-1][0] - self.timeline[0][0]
        return f"{len(self.timeline) / seconds:.0f} req/s" if seconds > 0 else "-"


# --------------------------------------------------------------------------------------------
# The processes.


def free_port() -> int:
    return pg_cluster.free_port()


def wait_until(what: str, probe: Callable[[], bool], timeout: float, step: float = 0.1) -> float:
    """Seconds until probe() is true; CheckFailed after `timeout`."""
    started = time.monotonic()
    while True:
        with contextlib.suppress(OSError, CheckFailed):
            if probe():
                return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise CheckFailed(f"{what}: not within {timeout:.0f} s")
        time.sleep(step)


class Stack:
    """Everything the check starts, and the one place that stops it all."""

    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="kokeboka-scaleout-"))
        os.chmod(self.workdir, 0o755)  # noqa: S103 - the postgres user must reach pg/
        self.processes: dict[str, subprocess.Popen] = {}
        self.owner = "postgres" if os.geteuid() == 0 else None
        self.pg_port = free_port()
        self.redis_port = free_port()
        self.nginx_port = free_port()
        self.app_ports = [free_port(), free_port()]
        self.pg_data = self.workdir / "pg"
        self.pg_ctl = pg_cluster.find_bin("pg_ctl")
        self.s3 = None
        self.env: dict[str, str] = {}
        self.logs = self.workdir / "logs"
        self.logs.mkdir()

    # --- PostgreSQL
    def start_postgres(self) -> None:
        socket_dir = self.workdir / "pgsock"
        socket_dir.mkdir()
        if self.owner:
            import pwd

            info = pwd.getpwnam(self.owner)
            for path in (socket_dir,):
                os.chown(path, info.pw_uid, info.pw_gid)
            self.pg_data.mkdir()
            os.chown(self.pg_data, info.pw_uid, info.pw_gid)
            os.chmod(self.logs, 0o777)  # noqa: S103 - postgres writes its log here
        subprocess.run(
            pg_cluster.as_owner(
                [
                    pg_cluster.find_bin("initdb"),
                    "-D",
                    str(self.pg_data),
                    "-U",
                    "kokeboka",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ],
                self.owner,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.pg_options = (
            f"-p {self.pg_port} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self.postgres_up()

    def postgres_up(self) -> None:
        subprocess.run(
            pg_cluster.as_owner(
                [
                    self.pg_ctl,
                    "-D",
                    str(self.pg_data),
                    "-o",
                    self.pg_options,
                    "-l",
                    str(self.logs / "postgres.log"),
                    "-w",
                    "start",
                ],
                self.owner,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def postgres_down(self, mode: str = "fast") -> None:
        subprocess.run(
            pg_cluster.as_owner(
                [self.pg_ctl, "-D", str(self.pg_data), "-m", mode, "-w", "stop"], self.owner
            ),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def postgres_answers(self) -> bool:
        import psycopg

        try:
            self.sql("select 1")
        except psycopg.Error:
            return False
        return True

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"], connect_timeout=3) as connection:
            return connection.execute(query, params).fetchall()

    # --- generic children
    def spawn(self, name: str, cmd: list[str], env: dict[str, str] | None = None) -> None:
        output = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        self.processes[name] = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env or self.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: killed as a whole
        )
        output.close()

    def kill(self, name: str, sig: int = signal.SIGKILL, wait: float = 10.0) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)

    def crashed(self, *names: str) -> list[str]:
        """A line for each long-running process that has died (it should ride out faults)."""
        return [
            f"the {name} died (exit {self.processes[name].poll()}); see {self.logs / name}.log"
            for name in names
            if name in self.processes and not self.alive(name)
        ]

    def alive(self, name: str) -> bool:
        process = self.processes.get(name)
        return process is not None and process.poll() is None

    def start_redis(self) -> None:
        self.spawn(
            "redis",
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
                "--protected-mode",
                "yes",
            ],
        )
        wait_until("Redis answers", lambda: self._redis_ping(), 10)

    def _redis_ping(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.redis_port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def start_s3(self) -> dict[str, str]:
        from tests.ops.s3server import S3Server

        self.s3 = S3Server(port=free_port()).start()
        self.s3.create_bucket("kokeboka-media")
        self.s3.create_bucket("kokeboka-private")
        return self.s3.env(media_bucket="kokeboka-media", private_bucket="kokeboka-private")

    def start_app(self, index: int) -> None:
        port = self.app_ports[index]
        self.spawn(
            f"web{index + 1}",
            [
                GRANIAN,
                "--interface",
                "wsgi",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "1",
                "--blocking-threads",
                "4",
                "--no-ws",
                "config.wsgi:application",
            ],
        )

    def wait_app(self, index: int, timeout: float = 30) -> float:
        port = self.app_ports[index]
        name = f"web{index + 1}"

        def up() -> bool:
            if not self.alive(name):
                raise CheckFailed(f"{name} exited; see {self.logs / (name + '.log')}")
            reply = fetch(port, "GET", LIVENESS_PATH, headers=HEADERS, timeout=2)
            return reply.status == 200

        return wait_until(f"{name} answers on {port}", up, timeout)

    def site_config(self) -> str:
        """deploy/nginx.conf, the file production uses, moved onto loopback: its web servers
        become the two instances, it listens on a loopback port, its S3 host is moto and its
        access log a file. Everything else (retries, forwarded headers) is as shipped."""
        text = DEPLOY_NGINX.read_text()
        servers = re.findall(r"server\s+web-\d+:\d+", text)
        if len(servers) != len(self.app_ports):
            raise CheckFailed(f"deploy/nginx.conf lists {len(servers)} web servers, expected 2")
        for server, port in zip(servers, self.app_ports, strict=True):
            text = text.replace(server, f"server 127.0.0.1:{port}", 1)
        for old, new in {
            "listen 80;": f"listen 127.0.0.1:{self.nginx_port};",
            "/dev/stdout": str(self.logs / "nginx-access.log"),
            "s3:9000": f"127.0.0.1:{self.s3.port}",
        }.items():
            if old not in text:
                raise CheckFailed(f"deploy/nginx.conf no longer has {old!r}; adapt site_config")
            text = text.replace(old, new)
        return text

    def start_nginx(self) -> None:
        conf = self.workdir / "nginx.conf"
        site = self.workdir / "kokeboka-site.conf"
        site.write_text(self.site_config())
        temp = self.workdir / "nginx-temp"
        temp.mkdir()
        user = "user root root;" if os.geteuid() == 0 else ""
        conf.write_text(
            f"""{user}
worker_processes 1;
pid {self.workdir}/nginx.pid;
error_log {self.logs}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  include {site};
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.spawn(
            "nginx",
            [
                nginx,
                "-p",
                str(self.workdir),
                "-e",
                str(self.logs / "nginx-error.log"),
                "-c",
                str(conf),
                "-g",
                "daemon off;",
            ],
        )

        def up() -> bool:
            if not self.alive("nginx"):
                raise CheckFailed(f"nginx exited; see {self.logs / 'nginx.log'}")
            return (
                fetch(self.nginx_port, "GET", LIVENESS_PATH, headers=HEADERS, timeout=2).status
                == 200
            )

        wait_until("nginx answers", up, 10)

    def manage(self, *args: str, timeout: float = 120, env=None) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise CheckFailed(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}"
            )
        return result.stdout

    def start_collectstatic(self) -> float:
        """collectstatic in the background. It needs neither the database nor the demo, and
        most of its time is compressing every file (gzip and brotli, in threads), so it runs
        beside migrate and load_demo on the machine's second core. Returns when it started."""
        self.spawn("collectstatic", [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"])
        return time.monotonic()

    def wait_collectstatic(self, started: float, timeout: float) -> None:
        """Waits for the background collectstatic; CheckFailed when it failed or hung."""
        process = self.processes["collectstatic"]
        try:
            code = process.wait(max(1.0, timeout - (time.monotonic() - started)))
        except subprocess.TimeoutExpired as error:
            self.kill("collectstatic")
            raise CheckFailed(
                f"manage.py collectstatic: not done within {timeout:.0f} s"
            ) from error
        del self.processes["collectstatic"]
        if code != 0:
            output = (self.logs / "collectstatic.log").read_text(errors="replace")
            raise CheckFailed(f"manage.py collectstatic failed ({code}):\n{output[-3000:]}")

    def shell(self, code: str, timeout: float = 60) -> dict:
        """Runs Python in a Django shell of the production settings; returns its JSON line."""
        out = self.manage("shell", "--no-imports", "-c", code, timeout=timeout)
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if not lines:
            raise CheckFailed(f"the shell printed no JSON:\n{out[-2000:]}")
        return json.loads(lines[-1])

    def start_worker(self) -> None:
        self.spawn("worker", [PYTHON, "manage.py", *WORKER_COMMAND])

    def start_scheduler(self) -> None:
        self.spawn("scheduler", [PYTHON, "manage.py", *SCHEDULER_COMMAND])

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.kill(name, signal.SIGTERM, wait=5)
        if self.s3 is not None:
            with contextlib.suppress(Exception):
                self.s3.stop()
        if self.pg_data.exists():
            self.postgres_down("immediate")
        time.sleep(0.2)

    def remove(self, *, keep_logs: bool) -> None:
        """Removes the working directory; after a failure only the logs stay, to read."""
        if not keep_logs:
            shutil.rmtree(self.workdir, ignore_errors=True)
            return
        for path in self.workdir.iterdir():
            if path != self.logs:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)


# The supervised worker and the scheduler of apps/operations (docs/scheduler.md).
WORKER_COMMAND = ["run_worker"]
SCHEDULER_COMMAND = ["run_scheduler"]


# --------------------------------------------------------------------------------------------
# The checks. Each returns a row for the table and raises CheckFailed when it fails.


@dataclass
class Row:
    check: str
    requests: int = 0
    errors: str = "0"
    figure: str = ""
    ok: bool = True
    why: str = ""


SETUP_CODE = r"""
import json
from django.utils import timezone
from apps.accounts.models import User
from apps.cookbook.models import RecipePage
from apps.fund.models import Application, Milestone
applicant = User.objects.get(email="soker@demo.kokeboka.no")
applicant.set_password(PASSWORD)
applicant.save()
locked = User.objects.create_user(
    email="laas@demo.kokeboka.no", password=PASSWORD, email_verified_at=timezone.now()
)
draft = Application.objects.filter(created_by=applicant, status="draft").order_by("pk").first()
recipe = RecipePage.objects.live().order_by("path").first()
print(json.dumps({
    "draft": draft.pk if draft else None,
    "recipe_id": recipe.pk,
    "recipe_url": recipe.get_url(),
    "application_table": Application._meta.db_table,
    "milestone_table": Milestone._meta.db_table,
}))
"""


def check_login(stack: Stack, data: dict) -> Row:
    one, two = stack.app_ports
    visitor = Visitor(one)
    reply = visitor.login("soker@demo.kokeboka.no", PASSWORD)
    if reply.status != 302:
        raise CheckFailed(f"login on instance 1 answered {reply.status}, expected 302")
    mine = visitor.on(two).get("/konto/")
    if mine.status != 200 or "Kari" not in mine.text:
        raise CheckFailed(f"/konto/ on instance 2 answered {mine.status} without the name")
    data["applicant_cookies"] = dict(visitor.cookies)
    return Row("login holds across instances", requests=3, figure="login on 1, /konto/ 200 on 2")


def cache_state(port: int, path: str) -> str:
    reply = fetch(port, "GET", path, headers=HEADERS)
    if reply.status != 200:
        raise CheckFailed(f"GET {path} on {port} answered {reply.status}, expected 200")
    return reply.headers.get("x-page-cache", "none")


def warm(ports: Iterable[int], paths: Iterable[str]) -> None:
    for port in ports:
        for path in paths:
            state = cache_state(port, path)
            if state != "hit":
                state = cache_state(port, path)
            if state != "hit":
                raise CheckFailed(f"{path} on {port} is not served from the page cache ({state})")


def wait_for_idle_queue(stack: Stack, timeout: float = 60) -> float:
    """Tasks enqueued by the setup or a publish (search and reference index) write rows that
    purge the cache; the cache checks start once the worker has done them."""
    return wait_until(
        "task queue empty",
        lambda: (
            stack.sql(
                "select count(*) from django_tasks_database_dbtaskresult "
                "where status in ('READY', 'RUNNING')"
            )[0][0]
            == 0
        ),
        timeout,
        step=0.25,
    )


def check_publish(stack: Stack, data: dict) -> Row:
    """Both instances share one cache: after a publish each serves the new page, and a page
    cached before the publish is a miss on whichever instance is asked first."""
    one, two = stack.app_ports
    warm(stack.app_ports, ["/", "/kokeboka/", data["recipe_url"]])
    title = "Skalert oppskrift " + secrets.token_hex(3)
    stack.shell(
        "import json\n"
        "from apps.cookbook.models import RecipePage\n"
        f"page = RecipePage.objects.get(pk={data['recipe_id']}).specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
        "print(json.dumps({'ok': True}))\n"
    )
    problems = []
    first = {"/ on 2": cache_state(two, "/"), "/kokeboka/ on 1": cache_state(one, "/kokeboka/")}
    problems += [
        f"{what} still a cache hit after publish" for what, s in first.items() if s == "hit"
    ]
    for number, port in enumerate(stack.app_ports, start=1):
        reply = fetch(port, "GET", data["recipe_url"], headers=HEADERS)
        if reply.status != 200 or title not in reply.text:
            problems.append(f"instance {number} serves the recipe without its new title")
    row = Row(
        "publish purges both instances' cache",
        requests=6 + 4,
        figure="after publish: " + ", ".join(f"{w} {s}" for w, s in first.items()),
    )
    if problems:
        row.ok = False
        raise CheckFailed("; ".join(problems), row)
    row.figure += "; new title on 1 and 2"
    return row


def check_rate_limits(stack: Stack, data: dict) -> Row:
    port = stack.nginx_port
    path = "/api/v1/recipes"

    def api(source: str, forged: str | None = None) -> int:
        headers = dict(HEADERS)
        if forged:
            headers["X-Forwarded-For"] = forged
        return fetch(port, "GET", path, headers=headers, source=source).status

    first = Counter(api(CLIENT_A) for _ in range(API_LIMIT + 5))
    forged = Counter(api(CLIENT_A, forged=f"10.9.8.{n}") for n in range(3))
    second = Counter(api(CLIENT_B) for _ in range(5))
    problems = []
    if first[200] != API_LIMIT or first[429] != 5:
        problems.append(f"client A: {dict(first)}, expected {API_LIMIT}×200 and 5×429")
    if forged[429] != 3:
        problems.append(f"client A with a forged X-Forwarded-For: {dict(forged)}, expected 3×429")
    if second[200] != 5:
        problems.append(f"client B after A was limited: {dict(second)}, expected 5×200")

    # Five wrong passwords from A lock (person, A) out; the same person logs in from B.
    wrong = Counter(
        Visitor(port, source=CLIENT_A).login("laas@demo.kokeboka.no", "feil-passord-123").status
        for _ in range(5)
    )
    locked_a = Visitor(port, source=CLIENT_A).login("laas@demo.kokeboka.no", PASSWORD).status
    from_b = Visitor(port, source=CLIENT_B).login("laas@demo.kokeboka.no", PASSWORD).status
    if wrong != Counter({200: 4, 429: 1}):
        problems.append(
            f"five wrong passwords from A answered {dict(wrong)}, expected 4×200, 1×429"
        )
    if locked_a != 429:
        problems.append(f"client A's right password after the lock answered {locked_a}, not 429")
    if from_b != 302:
        problems.append(f"login from client B answered {from_b} after A was locked, expected 302")
    row = Row(
        "rate limits per visitor behind nginx",
        requests=API_LIMIT + 5 + 3 + 5 + 2 * 7,
        errors=f"A {first[429]}×429, forged {forged[429]}×429, B {second[429]}×429",
        figure=f"lockout: A {locked_a}, B {from_b} (wrong passwords {dict(wrong)})",
    )
    if problems:
        raise CheckFailed("; ".join(problems), row)
    return row


def autosave_fields(
    fields: list[tuple[str, str]], changes: dict[str, str]
) -> list[tuple[str, str]]:
    """The form's fields as the page had them, with the named ones changed."""
    return [(name, changes.get(name, value)) for name, value in fields]


def check_autosave(stack: Stack, data: dict) -> Row:
    if not data.get("draft"):
        raise CheckFailed("the demo has no draft fund application for soker@demo.kokeboka.no")
    drained = wait_for_idle_queue(stack)
    paths = ["/", data["recipe_url"]]
    warm(stack.app_ports, paths)
    applicant = Visitor(stack.nginx_port)
    applicant.cookies = dict(data["applicant_cookies"])
    path = f"/fond/soknader/{data['draft']}/"
    fields = applicant.form(path, "app-version")
    reply = applicant.post(
        path,
        autosave_fields(fields, {"app-description": "Autolagret utkast " + secrets.token_hex(3)}),
        headers={"X-Autosave": "1", "X-CSRFToken": dict(fields).get("csrfmiddlewaretoken", "")},
    )
    if reply.status != 200:
        raise CheckFailed(f"autosave answered {reply.status}, expected 200: {reply.text[:300]}")
    states = [cache_state(port, p) for port in stack.app_ports for p in paths]
    row = Row(
        "autosave keeps the public cache",
        requests=2 + 4 * 2 + 4,
        figure=f"after autosave: {states.count('hit')}/{len(states)} cache hits "
        f"(task queue idle after {drained:.1f} s)",
    )
    if states.count("hit") != len(states):
        row.ok = False
        raise CheckFailed("a private draft's autosave emptied the public page cache", row)
    return row


def tiny_pdf(note: str) -> bytes:
    """A valid one-catalogue PDF (header, objects, xref, trailer) with `note` in a comment,
    so that the bytes read back can be told from any other file."""
    out = b"%PDF-1.4\n%" + note.encode() + b"\n"
    offsets = []
    for obj in (
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
    ):
        offsets.append(len(out))
        out += obj
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n"
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    return out + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def check_shared_media(stack: Stack, data: dict) -> Row:
    """A file uploaded through instance 1 is downloaded through instance 2: it lives in the
    shared S3 store (a private bucket, reached by a signed URL), not on one machine's disk."""
    one, two = stack.app_ports
    applicant = Visitor(one)
    applicant.cookies = dict(data["applicant_cookies"])
    path = f"/fond/soknader/{data['draft']}/"
    page = applicant.get(path)
    upload_form = next((f for f in forms_of(page.text) if f["action"].endswith("/vedlegg/")), None)
    if page.status != 200 or upload_form is None:
        raise CheckFailed(f"no attachment form on {path} (status {page.status})")
    content = tiny_pdf("scaleout " + secrets.token_hex(8))
    reply = applicant.post_multipart(
        upload_form["action"] or f"{path}vedlegg/",
        upload_form["fields"],
        {"att-file": ("skalering.pdf", content)},
    )
    if reply.status != 302:
        raise CheckFailed(f"the upload through instance 1 answered {reply.status}, expected 302")
    elsewhere = applicant.on(two)
    listing = elsewhere.get(path)
    ids = [
        int(n)
        for n in re.findall(rf"/fond/soknader/{data['draft']}/vedlegg/(\d+)/\"", listing.text)
    ]
    if not ids:
        raise CheckFailed("instance 2 lists no attachment after the upload through instance 1")
    download = elsewhere.get(f"{path}vedlegg/{max(ids)}/")
    row = Row("uploaded file shared across instances", requests=5)
    if download.status != 302:
        row.ok = False
        raise CheckFailed(
            f"the download through instance 2 answered {download.status}, expected 302 to S3", row
        )
    target = urllib.parse.urlsplit(download.headers.get("location", ""))
    if target.hostname != "127.0.0.1" or target.port != stack.s3.port:
        raise CheckFailed(f"the download went to {target.netloc!r}, not to the S3 server", row)
    stored = fetch(
        target.port, "GET", f"{target.path}?{target.query}", headers={"Host": target.netloc}
    )
    if stored.status != 200 or stored.body != content:
        raise CheckFailed(
            f"the signed URL answered {stored.status} with {len(stored.body)} bytes, "
            f"expected 200 and the {len(content)} bytes uploaded",
            row,
        )
    unsigned = fetch(target.port, "GET", target.path, headers={"Host": target.netloc})
    row.requests += 2
    row.figure = (
        f"{len(content)} bytes up through 1, down through 2: 302 → signed S3 URL 200, same "
        f"bytes; unsigned URL {unsigned.status}"
    )
    if unsigned.status != 403:
        row.ok = False
        raise CheckFailed(f"the private file answered {unsigned.status} without a signature", row)
    return row


def check_kill_instance(stack: Stack, data: dict) -> Row:
    """SIGKILL instance 1 while 4 readers read through nginx and one person autosaves.
    Instance 1 dies 2 s into a 6 s load: about 4 s of reads (hundreds) and a dozen saves
    go through nginx after the kill, which is what the check is about."""
    paths = [*READ_PATHS, data["recipe_url"], "/sok/?q=samarbeid"]
    load = Load(stack.nginx_port, paths, threads=4, per_thread=500, seconds=6).start()
    applicant = Visitor(stack.nginx_port)
    applicant.cookies = dict(data["applicant_cookies"])
    path = f"/fond/soknader/{data['draft']}/"
    acked, unacked, killed_at = 0, 0, None
    started = time.monotonic()
    fields = applicant.form(path, "app-version")
    for number in range(1, 61):  # at most 60 saves in 5.5 s; instance 1 dies at 2 s
        if time.monotonic() - started > 5.5:
            break
        if killed_at is None and time.monotonic() - started > 2:
            stack.kill("web1", signal.SIGKILL)
            killed_at = time.monotonic()
        changed = autosave_fields(
            fields,
            {"app-description": f"Lagring {number}", "milestones-0-title": f"Milepæl {number}"},
        )
        token = dict(fields).get("csrfmiddlewaretoken", "")
        try:
            reply = applicant.post(path, changed, headers={"X-Autosave": "1", "X-CSRFToken": token})
            ok = reply.status == 200
        except OSError:
            ok = False
        if ok:
            acked += 1
            version = json.loads(reply.body)["version"]
            fields = [(n, str(version) if n.endswith("-version") else v) for n, v in changed]
        else:
            unacked += 1
            with contextlib.suppress(CheckFailed, OSError):  # where the saved state is now
                fields = applicant.form(path, "app-version")
        time.sleep(0.1)
    load.join()
    failed = load.total - load.count(lambda s: s == 200)
    after_kill = load.between(killed_at or float("inf"), float("inf"))
    rows = stack.sql(  # the table names come from the models' _meta, not from input
        f"select a.description, a.version, (select m.title from {data['milestone_table']} m "  # noqa: S608
        "where m.application_id = a.id order by m.id limit 1) "
        f"from {data['application_table']} a where a.id = %s",
        (data["draft"],),
    )
    description, version, milestone = rows[0]
    saved = re.fullmatch(r"Lagring (\d+)", description or "")
    stone = re.fullmatch(r"Milepæl (\d+)", milestone or "")
    # restart instance 1 for the checks after this one
    stack.start_app(0)
    back = stack.wait_app(0)
    row = Row(
        "SIGKILL one instance under load",
        requests=load.total + acked + unacked,
        errors=f"{failed} failed reads; saves {acked} ok, {unacked} lost in flight",
        figure=f"reads {load.total} ({dict(load.statuses)}, {load.rate}), {len(after_kill)} "
        f"after the kill ({Load.slowest(after_kill)}); instance back in {back:.1f} s",
    )
    problems = []
    if killed_at is None:
        problems.append("the instance was never killed (the save loop ended early)")
    if len(after_kill) < 50:
        problems.append(f"only {len(after_kill)} reads after the kill: the load ended too soon")
    if failed:
        problems.append(f"{failed} reads failed: {load.failed_paths()} {dict(load.errors)}")
    if not saved or not stone or saved.group(1) != stone.group(1):
        problems.append(f"half-written save: description {description!r}, milestone {milestone!r}")
    if acked == 0:
        problems.append("no save was acknowledged")
    if problems:
        row.ok = False
        raise CheckFailed("; ".join(problems), row)
    return row


def check_kill_worker(stack: Stack, data: dict) -> Row:
    wait_for_idle_queue(stack)
    queued = stack.shell(
        "import json\n"
        "from apps.printbook.services import edition_create\n"
        "from apps.printbook.tasks import render_edition\n"
        "edition = edition_create()\n"
        "render_edition.enqueue(edition_id=edition.pk)\n"
        "print(json.dumps({'edition': edition.pk}))\n"
    )["edition"]

    def status() -> str:
        return stack.sql("select status from printbook_edition where id = %s", (queued,))[0][0]

    wait_until("the worker starts rendering the edition", lambda: status() == "rendering", 30, 0.02)
    stack.kill("worker", signal.SIGKILL)
    killed = time.monotonic()
    time.sleep(0.5)
    left = status()
    stack.start_worker()
    row = Row("SIGKILL the worker mid-task", requests=0, figure=f"status after kill: {left}")
    try:
        recovered = wait_until(
            "the edition is rendered after restart", lambda: status() == "ready", 90, 0.2
        )
    except CheckFailed as error:
        row.ok = False
        row.errors = f"edition {status()} 90 s after restart"
        raise CheckFailed(str(error), row) from error
    row.figure += (
        f"; ready {time.monotonic() - killed:.1f} s after kill ({recovered:.1f} s after restart)"
    )
    return row


def check_redis_outage(stack: Stack, data: dict) -> Row:
    paths = [*READ_PATHS, data["recipe_url"], "/sok/?q=samarbeid"]
    load = Load(stack.nginx_port, paths, threads=4, per_thread=400, seconds=8).start()
    time.sleep(1.5)
    stack.kill("redis", signal.SIGKILL)
    down = time.monotonic()
    time.sleep(3)
    stack.start_redis()
    up = time.monotonic()
    problems = []
    try:  # the page cache serves again once Redis is back: a page is stored, then hit
        cached_again = wait_until(
            "the page cache serves again after Redis is back",
            lambda: cache_state(stack.nginx_port, "/") == "hit",
            15,
            0.2,
        )
    except CheckFailed as error:
        cached_again = None
        problems.append(str(error))
    # The readers go on for a second once the cache serves again (no server error then
    # either) and stop there: the rest of the 8 s would only repeat it.
    time.sleep(1.0)
    load.stop()
    while_down = load.between(down, up)
    during = Counter(status for _at, status, _seconds in while_down)
    after = load.between(up, float("inf"))
    server_errors = load.count(lambda s: s >= 500 or s == 0)
    row = Row(
        "Redis stopped 3 s under load",
        requests=load.total,
        errors=f"{server_errors} server errors ({during.total()} requests while down, "
        f"{len(after)} after)",
        figure=f"{dict(load.statuses)}, {load.rate}; down {up - down:.1f} s "
        f"({Load.slowest(while_down)}); cache hits again "
        + (f"{cached_again:.1f} s after start" if cached_again is not None else "never"),
    )
    if server_errors:
        problems.append(f"{server_errors} server errors: {load.failed_paths()} {dict(load.errors)}")
    if during.total() < 20:
        problems.append(f"only {during.total()} requests while Redis was down: too few to tell")
    if len(after) < 20:
        problems.append(f"only {len(after)} requests after Redis was back: too few to tell")
    problems += stack.crashed("worker", "scheduler")
    if problems:
        row.ok = False
        raise CheckFailed("; ".join(problems), row)
    return row


def check_postgres_outage(stack: Stack, data: dict) -> Row:
    cached = ["/", data["recipe_url"], "/kokeboka/"]
    warm(stack.app_ports, cached)
    applicant_cookie = "; ".join(f"{k}={v}" for k, v in data["applicant_cookies"].items())
    port = stack.nginx_port
    stack.postgres_down("fast")
    down = time.monotonic()
    seen: dict[str, Counter] = {"cached": Counter(), "uncached": Counter(), "ready": Counter()}
    retry_after = Counter()
    live = Counter()
    while time.monotonic() - down < 3:
        for path in cached:
            seen["cached"][fetch(port, "GET", path, headers=HEADERS).status] += 1
        for path, cookie in (("/sok/?q=utenfor-cache", ""), ("/konto/", applicant_cookie)):
            reply = fetch(port, "GET", path, headers={**HEADERS, "Cookie": cookie})
            seen["uncached"][reply.status] += 1
            retry_after["with" if reply.headers.get("retry-after") else "without"] += 1
        seen["ready"][fetch(port, "GET", READINESS_PATH, headers=HEADERS).status] += 1
        live[fetch(port, "GET", LIVENESS_PATH, headers=HEADERS).status] += 1
        time.sleep(0.1)
    stack.postgres_up()
    restarted = time.monotonic()

    def recovered() -> bool:
        search = fetch(port, "GET", "/sok/?q=etter", headers=HEADERS).status
        ready = fetch(port, "GET", READINESS_PATH, headers=HEADERS).status
        return search == 200 and ready == 200

    problems = []
    try:
        recovery = wait_until("pages and readiness back after PostgreSQL", recovered, 30, 0.2)
    except CheckFailed as error:
        recovery = None
        problems.append(str(error))
    requests = sum(c.total() for c in seen.values()) + live.total()
    row = Row(
        "PostgreSQL stopped 3 s",
        requests=requests,
        errors=(
            f"cached {dict(seen['cached'])}, uncached {dict(seen['uncached'])}, "
            f"ready {dict(seen['ready'])}"
        ),
        figure=(
            f"down {restarted - down:.1f} s; recovered "
            + (f"{recovery:.1f} s after start" if recovery is not None else "never")
            + f"; liveness {dict(live)}"
        ),
    )
    if set(seen["cached"]) != {200}:
        problems.append(f"cached pages answered {dict(seen['cached'])}, expected only 200")
    if set(seen["uncached"]) != {503}:
        problems.append(f"uncached pages answered {dict(seen['uncached'])}, expected only 503")
    if retry_after["without"]:
        problems.append(f"{retry_after['without']} 503s without Retry-After")
    if set(seen["ready"]) != {503}:
        problems.append(f"readiness answered {dict(seen['ready'])} while down, expected only 503")
    problems += stack.crashed("worker", "scheduler")
    if problems:
        row.ok = False
        raise CheckFailed("; ".join(problems), row)
    return row


def check_ready(stack: Stack, data: dict) -> Row:
    """With every part up, readiness (database, cache, storage, worker and scheduler
    heartbeats) says 200 through nginx."""
    answers: Counter = Counter()

    def ready() -> bool:
        status = fetch(stack.nginx_port, "GET", READINESS_PATH, headers=HEADERS).status
        answers[status] += 1
        return status == 200

    try:
        seconds = wait_until("readiness 200 with every part up", ready, 60, 0.5)
    except CheckFailed as error:
        reply = fetch(stack.nginx_port, "GET", READINESS_PATH, headers=HEADERS)
        row = Row("readiness with every part up", requests=answers.total(), ok=False)
        row.errors = f"{dict(answers)}"
        raise CheckFailed(f"{error}: last answer {reply.status} {reply.text[:300]}", row) from error
    return Row(
        "readiness with every part up",
        requests=answers.total(),
        figure=f"200 after {seconds:.1f} s ({dict(answers)})",
    )


CHECKS: list[tuple[str, Callable[[Stack, dict], Row]]] = [
    ("readiness with every part up", check_ready),
    ("login holds across instances", check_login),
    ("publish purges both instances' cache", check_publish),
    ("rate limits per visitor behind nginx", check_rate_limits),
    ("autosave keeps the public cache", check_autosave),
    ("uploaded file shared across instances", check_shared_media),
    ("SIGKILL one instance under load", check_kill_instance),
    ("SIGKILL the worker mid-task", check_kill_worker),
    ("Redis stopped 3 s under load", check_redis_outage),
    ("PostgreSQL stopped 3 s", check_postgres_outage),
]


def print_table(rows: list[Row]) -> None:
    headers = ("check", "result", "requests", "errors", "figures")
    table = [
        (r.check, "ok" if r.ok else "FAILED", str(r.requests), r.errors, r.figure) for r in rows
    ]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    widths[-1] = len(headers[-1])
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print("\n" + line + "\n" + "-" * len(line))
    for cells in table:
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    for r in rows:
        if not r.ok:
            print(f"\nFAILED {r.check}: {r.why}")


def environment(stack: Stack, s3_env: dict[str, str]) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return {
        **keep,
        **s3_env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://kokeboka@127.0.0.1:{stack.pg_port}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{stack.redis_port}/0",
        "KOKEBOKA_TRUSTED_PROXY_COUNT": "1",
        "KOKEBOKA_TRUST_REQUEST_ID": "true",
        "API_RATE_LIMIT_REQUESTS": str(API_LIMIT),
        "API_RATE_LIMIT_SECONDS": "600",
        # A short worker lease: the killed worker's task is recovered after 4 s, not 30 s,
        # which is the same path (apps/operations/recovery.py) in a seventh of the wait. It
        # stays longer than the 3 s PostgreSQL outage, during which no heartbeat is written.
        "OPERATIONS_WORKER_LEASE_SECONDS": "4",
        # Rendering the book on every publish would purge the cache in the middle of the
        # cache checks; the worker check enqueues its own edition.
        "PRINTBOOK_RENDER_ON_PUBLISH": "false",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),  # nothing listens: mail fails fast, on loopback
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def static_files_stale() -> bool:
    """Production serves hashed static files from staticfiles/ (as `make run` collects them);
    collecting them again compresses every file, which costs a minute on these machines, so
    it is done only when a source is newer than the manifest (or the packages changed)."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if not manifest.exists():
        return True
    collected = manifest.stat().st_mtime
    sources = [ROOT / ".venv" / ".installed", ROOT / "pyproject.toml", ROOT / "constraints.txt"]
    for folder in [ROOT / "static", *ROOT.glob("apps/*/static")]:
        sources += [path for path in folder.rglob("*") if path.is_file()]
    return any(path.exists() and path.stat().st_mtime > collected for path in sources)


def run(stack: Stack, rows: list[Row]) -> None:
    """Sets everything up and runs the checks, adding a row to `rows` as each one ends (so
    that the rows done so far are printed when the time limit cuts the run short)."""
    started = time.monotonic()
    log(f"workdir {stack.workdir}")
    stack.start_postgres()
    stack.start_redis()
    try:
        s3_env = stack.start_s3()
    except ImportError as error:
        raise CheckFailed(f"no S3 server for media ({error})") from error
    stack.env = environment(stack, s3_env)
    log(
        f"PostgreSQL :{stack.pg_port}, Redis :{stack.redis_port}, S3 :{stack.s3.port}; "
        "migrating and loading the demo"
    )

    def manage(*step: str) -> None:
        step_started = time.monotonic()
        stack.manage(*step, timeout=TIME_LIMIT)
        log(f"manage.py {step[0]}: {time.monotonic() - step_started:.1f} s")

    collecting = static_files_stale()
    if collecting:
        collect_started = stack.start_collectstatic()
    else:
        log("collected static files are newer than their sources: collectstatic skipped")
    manage("migrate", "--noinput", "-v0")
    # The worker and the scheduler start before the demo, so that the tasks it enqueues are
    # done by the time the cache checks begin.
    stack.start_worker()
    stack.start_scheduler()
    manage("load_demo")
    data = stack.shell(SETUP_CODE.replace("PASSWORD", repr(PASSWORD)))
    if collecting:
        done_before = stack.processes["collectstatic"].poll() is not None
        stack.wait_collectstatic(collect_started, timeout=TIME_LIMIT)
        seconds = time.monotonic() - collect_started
        log(
            "manage.py collectstatic, beside migrate and load_demo: "
            + (
                f"done before load_demo was (they began {seconds:.0f} s ago)"
                if done_before
                else f"{seconds:.1f} s"
            )
        )
    for index in range(2):
        stack.start_app(index)
    for index in range(2):
        stack.wait_app(index, timeout=60)
    stack.start_nginx()
    log(
        f"web :{stack.app_ports[0]} and :{stack.app_ports[1]} behind nginx :{stack.nginx_port}; "
        f"setup took {time.monotonic() - started:.0f} s"
    )
    for name, check in CHECKS:
        check_started = time.monotonic()
        # A check that failed half-way must not fail the ones after it: whatever is down is
        # started again (a crash the checks care about is reported by them).
        for process in ("worker", "scheduler"):
            if not stack.alive(process):
                log(f"{process} is not running (see {stack.logs / (process + '.log')}); restarting")
                getattr(stack, f"start_{process}")()
        for index in range(2):
            if not stack.alive(f"web{index + 1}"):
                log(f"web{index + 1} is not running; restarting")
                stack.start_app(index)
                stack.wait_app(index, timeout=60)
        if not stack.alive("redis"):
            stack.start_redis()
        if not stack.postgres_answers():
            stack.postgres_up()
        try:
            row = check(stack, data)
        except CheckFailed as error:
            row = error.args[1] if len(error.args) > 1 else Row(name)
            row.check, row.ok, row.why = name, False, str(error.args[0])
        except OSError as error:
            row = Row(name, ok=False, why=f"{type(error).__name__}: {error}")
        log(f"{'ok    ' if row.ok else 'FAILED'} {name} ({time.monotonic() - check_started:.1f} s)")
        rows.append(row)


def main() -> int:
    def time_up(signum, frame):
        raise TimeUp(f"the scale-out check passed its time limit of {TIME_LIMIT:.0f} s")

    signal.signal(signal.SIGALRM, time_up)
    signal.signal(signal.SIGTERM, time_up)
    signal.alarm(int(TIME_LIMIT))
    stack = Stack()
    rows: list[Row] = []
    failure = ""
    try:
        run(stack, rows)
    except Exception as error:  # any failure of the harness itself fails the check too
        failure = f"{type(error).__name__}: {error.args[0] if error.args else error}"
        traceback.print_exc()
    finally:
        signal.alarm(0)
        stack.stop_all()
    if rows:
        print_table(rows)
    passed = sum(r.ok for r in rows)
    failed = len(CHECKS) - passed
    if failure:
        print(f"\nscale-out check stopped: {failure}")
    stack.remove(keep_logs=bool(failed))
    if failed:
        print(f"logs kept in {stack.logs}")
    print(f"scaleout: {passed} passed, {failed} failed")
    return 0 if passed == len(CHECKS) else 1


if __name__ == "__main__":
    sys.exit(main())
