"""One request log record per request, with a request id returned to the client."""

import json
import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _request_records(caplog):
    return [r for r in caplog.records if r.name == "kokeboka.request"]


@pytest.mark.django_db
def test_a_request_logs_one_record_with_a_generated_id_returned_in_the_header(client, caplog):
    caplog.set_level(logging.INFO, logger="kokeboka.request")
    response = client.get("/helse/")
    records = _request_records(caplog)
    assert len(records) == 1
    record = records[0]
    assert record.request_id == response.headers["X-Request-ID"]
    assert uuid.UUID(record.request_id)
    assert (record.method, record.path, record.status) == ("GET", "/helse/", 200)
    assert record.duration_ms >= 0
    assert record.user_id is None


@pytest.mark.django_db
def test_an_untrusted_request_id_header_is_replaced(client, caplog, settings):
    settings.KOKEBOKA_TRUST_REQUEST_ID = False
    caplog.set_level(logging.INFO, logger="kokeboka.request")
    sent = uuid.uuid4().hex
    response = client.get("/helse/", HTTP_X_REQUEST_ID=sent)
    assert response.headers["X-Request-ID"] != sent
    assert _request_records(caplog)[0].request_id == response.headers["X-Request-ID"]


@pytest.mark.django_db
def test_a_trusted_proxys_request_id_is_kept(client, caplog, settings):
    settings.KOKEBOKA_TRUST_REQUEST_ID = True
    caplog.set_level(logging.INFO, logger="kokeboka.request")
    sent = uuid.uuid4().hex
    response = client.get("/helse/", HTTP_X_REQUEST_ID=sent)
    assert response.headers["X-Request-ID"] == sent
    assert _request_records(caplog)[0].request_id == sent


@pytest.mark.django_db
def test_a_request_id_that_is_not_a_uuid_is_replaced_even_from_a_trusted_proxy(client, settings):
    settings.KOKEBOKA_TRUST_REQUEST_ID = True
    response = client.get("/helse/", HTTP_X_REQUEST_ID="abc\nforged log line")
    assert uuid.UUID(response.headers["X-Request-ID"])


@pytest.mark.django_db
def test_the_request_log_names_a_signed_in_user_by_id_not_email(client, user, caplog):
    client.force_login(user)
    caplog.set_level(logging.INFO, logger="kokeboka.request")
    client.get("/konto/")
    record = _request_records(caplog)[-1]
    assert record.user_id == user.pk
    assert user.email not in json.dumps(record.__dict__, default=str)


def test_production_writes_the_request_as_one_json_line_with_the_id():
    """Under the production settings' own logging configuration, in a fresh interpreter."""
    sent = uuid.uuid4().hex
    program = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        f"r = Client().get('/helse/', secure=True, HTTP_X_REQUEST_ID='{sent}')\n"
        "print('STATUS', r.status_code, r.headers['X-Request-ID'])\n"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "KOKEBOKA_", "LOG_"))
    }
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite:////tmp/kokeboka-request-log-test.sqlite3",
        "KOKEBOKA_SINGLE_INSTANCE": "true",
        "KOKEBOKA_TRUST_REQUEST_ID": "true",
    }
    result = subprocess.run(
        # WhiteNoise warns (through `warnings`, not logging) when a fresh clone has not run
        # collectstatic; that line is not a log record.
        [sys.executable, "-W", "ignore:No directory at", "-c", program],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"STATUS 200 {sent}" in result.stdout
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    requests = [line for line in lines if line["logger"] == "kokeboka.request"]
    assert len(requests) == 1
    line = requests[0]
    assert line["request_id"] == sent
    assert (line["method"], line["path"], line["status"]) == ("GET", "/helse/", 200)
    assert line["level"] == "INFO"
    assert isinstance(line["duration_ms"], float)
    assert "user_id" in line
