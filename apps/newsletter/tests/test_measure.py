"""The 10,000-subscriber measurement (docs: README "Newsletter"): an issue sent through a
real SMTP server that discards what it receives, in batches, in one process as one task
worker would. Off by default (it takes minutes); run it with

    NEWSLETTER_MEASURE=1 .venv/bin/python -m pytest -s apps/newsletter/tests/test_measure.py
"""

import os
import time

import pytest
from django.db import connection

from apps.newsletter import tasks
from apps.newsletter.models import Delivery, Issue, Subscriber
from tests.smtp import SmtpServer, use_smtp_server

from .factories import IssueFactory

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEWSLETTER_MEASURE"), reason="set NEWSLETTER_MEASURE=1 to measure"
)

COUNT = int(os.environ.get("NEWSLETTER_MEASURE_COUNT", "10000"))


@pytest.mark.django_db
def test_measure_an_issue_to_10000_subscribers(settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_SEND_RATE = 0  # the server's own speed; the rate limit is added after
    settings.NEWSLETTER_BATCH_SIZE = 200
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"leser{n}@example.no",
                status=Subscriber.Status.CONFIRMED,
                topics=[] if n % 3 else ["kultur_fritid"],
            )
            for n in range(COUNT)
        ],
        batch_size=2000,
    )
    issue = IssueFactory()
    with SmtpServer(discard=True) as sink:
        use_smtp_server(settings, sink)
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            tasks.issue_send_now(issue=issue)
        elapsed = time.monotonic() - started
        received = sink.count
    issue.refresh_from_db()
    batches = -(-COUNT // settings.NEWSLETTER_BATCH_SIZE)
    assert issue.status == Issue.Status.SENT
    assert received == COUNT
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == COUNT
    print(
        f"\n{connection.vendor}: {COUNT} subscribers, {batches} batches of "
        f"{settings.NEWSLETTER_BATCH_SIZE}: {elapsed:.1f} s "
        f"({COUNT / elapsed:.0f} messages/s, {elapsed / batches:.2f} s per batch); "
        f"at the default limit of 10 messages/s one worker needs {COUNT / 10 / 60:.0f} min"
    )
