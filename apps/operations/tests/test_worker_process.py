"""A real task worker killed in the middle of a task: after a restart the task completes.

Runs where the test database can be reached by another process (PostgreSQL; SQLite's test
database lives in the test process's memory). The worker runs with a 3 s lease."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from apps.operations.models import Delivery

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the worker process needs a database it can share (PostgreSQL)",
)


def database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    host = quote(db.get("HOST") or "localhost", safe="")
    return f"postgres://{auth}@{host}:{db.get('PORT') or 5432}/{db['NAME']}"


def start_worker() -> subprocess.Popen:
    env = dict(
        os.environ,
        DATABASE_URL=database_url(),
        DJANGO_SETTINGS_MODULE="apps.operations.tests.worker_settings",
    )
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "run_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
        ],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def status_of(task_id) -> str:
    return DBTaskResult.objects.filter(pk=task_id).values_list("status", flat=True).first()


@pytest.mark.django_db(transaction=True)
def test_a_task_killed_with_its_worker_completes_after_a_restart(settings):
    from apps.operations.tests.slow_tasks import sleep_then_mark

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = sleep_then_mark.enqueue(key="killed", seconds=4)
    first = start_worker()
    second = None
    try:
        wait_for(
            lambda: status_of(result.id) == TaskResultStatus.RUNNING,
            timeout=30,
            what="the first worker to take the task",
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert status_of(result.id) == TaskResultStatus.RUNNING  # lost, as before the fix
        second = start_worker()
        wait_for(
            lambda: status_of(result.id) == TaskResultStatus.SUCCESSFUL,
            timeout=40,
            what="the task to complete after the restart",
        )
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=15)
    task = DBTaskResult.objects.get(pk=result.id)
    assert len(task.worker_ids) == 2
    assert Delivery.objects.filter(kind="test.slow", key="killed").count() == 1
