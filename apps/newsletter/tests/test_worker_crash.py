"""A real task worker killed (SIGKILL) in the middle of an issue, then started again,
against a real SMTP server: nobody gets a second copy and the issue completes.

Runs where the test database can be shared with another process (PostgreSQL)."""

import collections
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from apps.newsletter import tasks
from apps.newsletter.models import Delivery, Issue
from apps.operations.tests.test_worker_process import database_url, wait_for
from tests.smtp import SmtpServer

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the worker process needs a database it can share (PostgreSQL)",
)

SUBSCRIBERS = 40


def start_worker(smtp_port: int) -> subprocess.Popen:
    env = dict(
        os.environ,
        DATABASE_URL=database_url(),
        DJANGO_SETTINGS_MODULE="apps.newsletter.tests.worker_settings",
        NEWSLETTER_TEST_SMTP_PORT=str(smtp_port),
    )
    return subprocess.Popen(
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


@pytest.mark.django_db(transaction=True)
def test_an_issue_survives_a_killed_worker_without_a_second_copy(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribers = SubscriberFactory.create_batch(SUBSCRIBERS)
    issue = IssueFactory()
    first = second = None
    with SmtpServer() as smtp:
        try:
            assert tasks.issue_send_now(issue=issue)
            first = start_worker(smtp.port)
            smtp.wait_for(12, timeout=60)
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
            at_kill = smtp.count
            assert at_kill < SUBSCRIBERS  # killed in the middle of the issue
            second = start_worker(smtp.port)
            wait_for(
                lambda: Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT,
                timeout=90,
                what="the issue to be sent after the restart",
            )
        finally:
            for process in (first, second):
                if process is not None and process.poll() is None:
                    process.terminate()
                    process.wait(timeout=15)
        copies = collections.Counter(r for m in smtp.messages for r in m.rcpt_tos)
    rows = {row.subscriber.email: row for row in Delivery.objects.select_related("subscriber")}
    assert len(rows) == SUBSCRIBERS
    assert max(copies.values()) == 1  # nobody got a second copy
    statuses = collections.Counter(row.status for row in rows.values())
    assert statuses[Delivery.Status.FAILED] == 0
    # At most the one message in flight at the kill is unknown; it is not sent again.
    assert statuses[Delivery.Status.INTERRUPTED] <= 1
    assert statuses[Delivery.Status.SENT] + statuses[Delivery.Status.INTERRUPTED] == SUBSCRIBERS
    for subscriber in subscribers:
        row = rows[subscriber.email]
        if row.status == Delivery.Status.SENT:
            assert copies[subscriber.email] == 1, subscriber.email
        else:
            assert copies[subscriber.email] <= 1, subscriber.email
