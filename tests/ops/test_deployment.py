"""The deployment files describe a stack that can start: compose.yaml, Containerfile, nginx.

Neither Docker nor Podman runs on the test machines, so these tests read the files: every
process is there with a health check, every command it runs exists in this code, the
environment it gets starts the production settings, and nginx reaches every web instance.
"""

import http.server
import os
import re
import shlex
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[2]
LONG_RUNNING = {"worker", "scheduler", "nginx", "postgres", "redis", "s3", "opensearch"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def _web_services(compose: dict) -> list[str]:
    return sorted(name for name in compose["services"] if re.fullmatch(r"web-\d+", name))


def _commands(service: dict) -> list[list[str]]:
    """The command lines a service runs (`sh -c "a && b"` split into a and b)."""
    command = service.get("command")
    if command is None:
        return []
    if isinstance(command, str):
        command = shlex.split(command)
    if command[:2] == ["sh", "-c"]:
        return [shlex.split(part) for part in command[2].split("&&")]
    return [command]


def _interpolate(value: str) -> str:
    """Compose's ${VAR:-default} and ${VAR:?error}, with a stand-in for required secrets."""

    def replace(match: re.Match) -> str:
        name, op, rest = match.group(1), match.group(2), match.group(3)
        if op == ":-":
            return rest
        if name == "DJANGO_SECRET_KEY":
            return "s" * 60
        if name == "DJANGO_ALLOWED_HOSTS":
            return "kokeboka.example.no"
        return f"test-{name.lower()}"

    return re.sub(r"\$\{(\w+)(:-|:\?)([^}]*)\}", replace, str(value))


def test_compose_has_every_process_of_the_scaled_out_site(compose):
    services = set(compose["services"])
    assert services >= LONG_RUNNING
    assert len(_web_services(compose)) >= 2


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if service.get("restart") == "no":
            continue
        test = service.get("healthcheck", {}).get("test")
        assert test and test[0] in {"CMD", "CMD-SHELL"}, f"{name} has no health check"


def test_one_off_services_finish_before_the_app_starts(compose):
    one_off = {n for n, s in compose["services"].items() if s.get("restart") == "no"}
    assert one_off == {"migrate", "s3-init"}
    for name in [*_web_services(compose), "worker", "scheduler"]:
        depends = compose["services"][name]["depends_on"]
        for job in one_off:
            assert depends[job]["condition"] == "service_completed_successfully", (name, job)


def test_every_command_the_stack_runs_exists_in_this_code(compose):
    commands = get_commands()
    seen = set()
    for name, service in compose["services"].items():
        if "build" not in service:
            continue  # third-party images
        runs = _commands(service)
        health = service.get("healthcheck", {}).get("test", [])
        if health[:1] == ["CMD"]:
            runs.append(health[1:])
        for argv in runs:
            if argv[:2] == ["python", "manage.py"]:
                assert argv[2] in commands, f"{name}: manage.py {argv[2]} does not exist"
                seen.add(argv[2])
            elif argv[0] == "python":
                assert (ROOT / argv[1]).is_file(), f"{name}: {argv[1]} does not exist"
            elif argv[0] == "granian":
                module, attribute = argv[-1].split(":")
                assert (ROOT / (module.replace(".", "/") + ".py")).is_file()
                assert attribute == "application"
            else:
                pytest.fail(f"{name}: unexpected command {argv}")
    assert {"run_worker", "run_scheduler", "migrate", "load_rules", "update_index"} <= seen


def test_web_health_checks_ask_the_readiness_endpoint(compose):
    for name in _web_services(compose):
        test = compose["services"][name]["healthcheck"]["test"]
        assert test[-2:] == ["http", "/helse/klar/"]
    assert resolve("/helse/klar/").url_name == "readiness"


def test_the_app_environment_in_compose_starts_the_production_settings(compose):
    environment = {
        key: _interpolate(value)
        for key, value in compose["services"]["worker"]["environment"].items()
    }
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "KOKEBOKA_", "OIDC_"))
    }
    program = (
        "import json, config.settings.production as s\n"
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND'],"
        " s.STORAGES['private']['BACKEND'], s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],"
        " s.DATABASES['default']['ENGINE']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env={**clean, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        '["django_redis.cache.RedisCache", "storages.backends.s3.S3Storage", '
        '"storages.backends.s3.S3Storage", "modelsearch.backends.opensearch3", '
        '"django.db.backends.postgresql"]'
    )


def test_nginx_sends_traffic_to_every_web_instance_with_the_headers_the_app_trusts(compose):
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    upstream = re.search(r"upstream kokeboka_web \{(.*?)\}", conf, re.S).group(1)
    servers = re.findall(r"server (web-\d+):8000", upstream)
    assert servers == _web_services(compose)
    assert "proxy_set_header X-Request-ID $request_id;" in conf
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in conf
    app_env = compose["services"]["web-1"]["environment"]
    assert app_env["KOKEBOKA_TRUSTED_PROXY_COUNT"] == "1"
    assert app_env["KOKEBOKA_TRUST_REQUEST_ID"] == "true"
    mount = compose["services"]["nginx"]["volumes"][0].split(":")[0]
    assert (ROOT / mount).resolve() == ROOT / "deploy" / "nginx.conf"


def test_the_image_runs_granian_as_a_non_root_user_with_static_files_collected():
    containerfile = (ROOT / "Containerfile").read_text()
    assert containerfile.startswith("#") and "\nFROM python:3.11-slim-bookworm\n" in containerfile
    assert "libpango-1.0-0" in containerfile and "postgresql-client-15" in containerfile
    assert '".[opensearch]"' in containerfile
    assert "manage.py collectstatic" in containerfile
    user = re.findall(r"^USER (\S+)$", containerfile, re.M)
    assert user == ["kokeboka"]
    cmd = re.search(r'^CMD \["granian"', containerfile, re.M)
    assert cmd is not None
    assert (ROOT / ".containerignore").read_text() == (ROOT / ".dockerignore").read_text()
    ignored = (ROOT / ".containerignore").read_text().split()
    assert {".git", ".venv", ".env", "var/", "media/"} <= set(ignored)


class _Probe(http.server.BaseHTTPRequestHandler):
    status = 200
    seen: list[dict] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        type(self).seen.append(dict(self.headers) | {"path": self.path})
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(("status", "exit_code"), [(200, 0), (503, 1)])
def test_the_http_health_check_asks_as_nginx_would(status, exit_code):
    _Probe.status, _Probe.seen = status, []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Probe)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        env = {
            **os.environ,
            "PORT": str(server.server_port),
            "DJANGO_ALLOWED_HOSTS": ".kokeboka.example.no,localhost",
        }
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "healthcheck.py"), "http", "/helse/klar/"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == exit_code
    request = _Probe.seen[0]
    assert request["path"] == "/helse/klar/"
    assert request["Host"] == "kokeboka.example.no"
    assert request["X-Forwarded-Proto"] == "https"


def test_the_image_build_environment_starts_the_production_settings_for_collectstatic():
    """The Containerfile's build-only values must keep satisfying production's checks."""
    containerfile = (ROOT / "Containerfile").read_text().replace("\\\n", " ")
    step = next(line for line in containerfile.splitlines() if "collectstatic" in line)
    build_env = dict(re.findall(r"\b([A-Z_]+)=(\S+)", step.split("python manage.py")[0]))
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "KOKEBOKA_SINGLE_INSTANCE"} <= set(build_env)
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "KOKEBOKA_", "OPENSEARCH_"))
    }
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings.production as s; print(s.STATIC_ROOT)"],
        cwd=ROOT,
        env={**clean, **build_env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("staticfiles")
