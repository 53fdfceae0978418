"""Liveness answers while the process runs; readiness says the truth about the database,
the shared cache, storage and the worker's and scheduler's heartbeats."""

import datetime

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from apps.operations import heartbeat
from apps.operations.models import Heartbeat

pytestmark = pytest.mark.django_db

READY = "/helse/klar/"


@pytest.fixture
def fresh_heartbeats():
    heartbeat.record(heartbeat.WORKER)
    heartbeat.record(heartbeat.SCHEDULER)


def _refuse_queries(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def test_readiness_is_200_with_json_when_everything_is_up(client, fresh_heartbeats, settings):
    response = client.get(READY)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    storages = {f"storage:{a}": "ok" for a in ("default", "private") if a in settings.STORAGES}
    assert body["checks"] == {
        "database:default": "ok",
        "cache:ratelimit": "ok",
        **storages,
        "heartbeat:worker": "ok",
        "heartbeat:scheduler": "ok",
    }
    assert "no-store" in response["Cache-Control"]


def test_readiness_is_503_when_the_database_is_unreachable(client, fresh_heartbeats):
    with connection.execute_wrapper(_refuse_queries):
        response = client.get(READY)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database:default"].startswith("Unavailable")
    assert body["checks"]["heartbeat:worker"].startswith("Unavailable")
    # Liveness does not depend on the database.
    with connection.execute_wrapper(_refuse_queries):
        assert client.get("/helse/").status_code == 200


def test_readiness_is_503_when_the_worker_has_not_reported_in(client, fresh_heartbeats):
    Heartbeat.objects.filter(process=heartbeat.WORKER).update(
        seen_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    response = client.get(READY)
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["heartbeat:worker"] == "Unavailable: no heartbeat from the worker in 120 s"
    assert checks["heartbeat:scheduler"] == "ok"
    assert checks["database:default"] == "ok"


def test_readiness_is_503_when_the_scheduler_never_ran(client):
    heartbeat.record(heartbeat.WORKER)
    response = client.get(READY)
    assert response.status_code == 503
    assert response.json()["checks"]["heartbeat:scheduler"].startswith("Unavailable")


def test_readiness_is_503_when_the_cache_is_down(client, fresh_heartbeats, settings):
    settings.CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # discard port: nothing listens
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
        for alias in ("default", "ratelimit")
    }
    settings.CACHES["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] = True
    response = client.get(READY)
    assert response.status_code == 503
    assert response.json()["checks"]["cache:ratelimit"].startswith("Unexpected Result")


def test_readiness_checks_the_private_storage_when_there_is_one(client, fresh_heartbeats, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    response = client.get(READY)
    assert response.status_code == 200
    assert response.json()["checks"]["storage:private"] == "ok"


def test_readiness_is_never_served_from_the_page_cache(client, fresh_heartbeats):
    client.get(READY)
    Heartbeat.objects.filter(process=heartbeat.WORKER).delete()
    assert client.get(READY).status_code == 503
