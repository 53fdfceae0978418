"""Sending, by the task worker. An issue is split into batches of delivery rows, one task per
batch; each row is claimed in the database (PENDING -> SENDING) before the mail server is
asked, and marked SENT after. A worker killed mid-batch leaves at most the one row it was
sending as SENDING: its batch task is run again (apps.operations.recovery), marks that row
INTERRUPTED (it may have left) and sends the rest, so nobody gets a second copy.

Tasks call services, never the reverse: the writes that queue a task (subscribe,
issue_send_now) live at the end of this module, so services.py does not import it
(docs/decisions/0022, 0026)."""

from __future__ import annotations

import datetime
import logging
import smtplib
import socket
import time

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .models import Delivery, Issue, Subscriber
from .services import LANGUAGE_CODES, consent_text, create_deliveries, resend_window

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BATCH_KIND = "newsletter.batch"


def batch_size() -> int:
    return int(getattr(settings, "NEWSLETTER_BATCH_SIZE", 200))


def send_rate() -> float:
    """Messages per second per worker (NEWSLETTER_SEND_RATE, 0 = no limit)."""
    return float(getattr(settings, "NEWSLETTER_SEND_RATE", 10))


def retry_delay(attempts: int) -> datetime.timedelta:
    """30 s, 1 min, 2 min, 4 min … (NEWSLETTER_RETRY_BASE_SECONDS doubles each attempt)."""
    base = float(getattr(settings, "NEWSLETTER_RETRY_BASE_SECONDS", 30))
    return datetime.timedelta(seconds=base * 2 ** max(0, attempts - 1))


def is_transient(error: Exception) -> bool:
    """4xx answers and lost connections are worth another try; 5xx answers are not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(
        error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError | socket.error
    )


@task()
def send_confirmation(*, subscriber_id: int) -> bool:
    from .mail import confirmation_message

    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber is None:
        return False
    confirmation_message(subscriber).send()
    return True


@task()
def send_issue(*, issue_id: int) -> int:
    """Creates the delivery rows and enqueues one task per batch of them (once per batch,
    however often this runs: the ledger holds each batch's claim); returns the batches."""
    from apps.operations import ledger

    issue = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).first()
    if issue is None:
        return 0
    create_deliveries(issue=issue)
    # Every row, whatever its state, so the batches (and their ledger keys) are the same on
    # every run; a batch skips the rows already done.
    pks = list(Delivery.objects.filter(issue=issue).order_by("pk").values_list("pk", flat=True))
    batches = 0
    size = batch_size()
    for start in range(0, len(pks), size):
        chunk = pks[start : start + size]
        with transaction.atomic():
            if ledger.claim(BATCH_KIND, f"{issue.pk}:{chunk[0]}", str(issue.pk)):
                send_issue_batch.enqueue(issue_id=issue.pk, delivery_ids=chunk)
                batches += 1
    finish_if_done(issue_id=issue.pk)
    return batches


def finish_if_done(*, issue_id: int) -> bool:
    from .selectors import unfinished_rows

    issue = Issue.objects.get(pk=issue_id)
    if unfinished_rows(issue=issue).exists():
        return False
    return (
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, sent_at=timezone.now()
        )
        == 1
    )


def _claim(pk: int, now) -> bool:
    """PENDING or a due RETRY -> SENDING; True only for the one process that made the change."""
    return (
        Delivery.objects.filter(pk=pk, status__in=[Delivery.Status.PENDING, Delivery.Status.RETRY])
        .filter(_due(now))
        .update(status=Delivery.Status.SENDING, claimed_at=now)
        == 1
    )


def _due(now) -> Q:
    """Never tried, or its retry time has come."""
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


@task()
def send_issue_batch(*, issue_id: int, delivery_ids: list[int]) -> dict:
    """Sends the batch over one SMTP connection at the configured rate. Rows of this batch
    found SENDING were being sent when an earlier run of this task died: they may have left,
    so they become INTERRUPTED and are not sent again (the issue page counts them)."""
    from .mail import issue_message

    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None:
        return {}
    Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.INTERRUPTED,
        error="The worker stopped while sending; not sent again to avoid a second copy.",
    )
    outcome = {"sent": 0, "failed": 0, "retry": 0, "skipped": 0}
    pause = 1 / send_rate() if send_rate() > 0 else 0
    rows = (
        Delivery.objects.filter(pk__in=delivery_ids)
        .filter(status__in=[Delivery.Status.PENDING, Delivery.Status.RETRY])
        .select_related("subscriber")
        .order_by("pk")
    )
    connection = get_connection()
    try:
        for row in rows:
            now = timezone.now()
            if row.subscriber.status != Subscriber.Status.CONFIRMED:
                Delivery.objects.filter(pk=row.pk, status=row.status).update(
                    status=Delivery.Status.FAILED, error="Unsubscribed before sending."
                )
                outcome["skipped"] += 1
                continue
            if not _claim(row.pk, now):
                continue
            message = issue_message(issue=issue, subscriber=row.subscriber, connection=connection)
            started = time.monotonic()
            try:
                message.send()
            except Exception as error:  # noqa: BLE001 - every failure is recorded per row
                outcome[_record_failure(row, error)] += 1
                connection.close()
                connection = get_connection()
            else:
                Delivery.objects.filter(pk=row.pk).update(
                    status=Delivery.Status.SENT,
                    sent_at=timezone.now(),
                    attempts=row.attempts + 1,
                    error="",
                )
                outcome["sent"] += 1
            if pause:
                time.sleep(max(0.0, pause - (time.monotonic() - started)))
    finally:
        connection.close()
    retry_at = (
        Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.RETRY)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if retry_at is not None and send_issue_batch.get_backend().supports_defer:
        # The same batch again when its first retry is due (the immediate backend of the
        # tests cannot wait; there the tests run the batch again themselves).
        send_issue_batch.using(run_after=retry_at).enqueue(
            issue_id=issue_id, delivery_ids=delivery_ids
        )
    finish_if_done(issue_id=issue_id)
    return outcome


def _record_failure(row: Delivery, error: Exception) -> str:
    attempts = row.attempts + 1
    text = f"{type(error).__name__}: {error}"[:300]
    if is_transient(error) and attempts < MAX_ATTEMPTS:
        Delivery.objects.filter(pk=row.pk).update(
            status=Delivery.Status.RETRY,
            attempts=attempts,
            next_attempt_at=timezone.now() + retry_delay(attempts),
            error=text,
        )
        logger.warning("Newsletter %s to %s: retry (%s)", row.issue_id, row.subscriber_id, text)
        return "retry"
    Delivery.objects.filter(pk=row.pk).update(
        status=Delivery.Status.FAILED, attempts=attempts, error=text
    )
    logger.warning("Newsletter %s to %s failed: %s", row.issue_id, row.subscriber_id, text)
    return "failed"


@task()
def send_due_issues() -> int:
    """The scheduled job: starts every scheduled issue whose time has come."""
    from .selectors import issues_due

    started = 0
    for issue in issues_due():
        if issue_send_now(issue=issue):
            started += 1
    return started


# Queueing (the writes that start a task) ---------------------------------------------------


def subscribe(
    *,
    email: str,
    topics: list[str],
    language: str,
    ip: str,
    user_agent: str,
    user=None,
) -> Subscriber:
    """Records a sign-up and sends a confirmation link (after the commit, by the task
    worker). The answer to the visitor is the same whether the address was new, waiting or
    already subscribed; an already confirmed subscription is not changed by someone who has
    not proved they own the address, and at most one confirmation leaves per window. Lives
    here, beside the task it queues, so that services.py never imports tasks.py."""
    email = email.strip().lower()
    language = language if language in LANGUAGE_CODES else "nb"
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return subscriber
        recent = (
            subscriber.confirmation_sent_at is not None
            and now - subscriber.confirmation_sent_at < resend_window()
        )
        if not created and recent:
            return subscriber
        subscriber.status = Subscriber.Status.PENDING
        subscriber.topics = sorted(set(topics))
        subscriber.language = language
        subscriber.consent_text = consent_text(topics=subscriber.topics, language=language)
        subscriber.consent_at = now
        subscriber.consent_ip = (ip or "")[:64]
        subscriber.consent_user_agent = (user_agent or "")[:200]
        subscriber.confirmation_sent_at = now
        if user is not None and getattr(user, "email", "").lower() == email:
            subscriber.user = user
        subscriber.save()
        pk = subscriber.pk
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber_id=pk))
    return subscriber


def issue_send_now(*, issue: Issue) -> bool:
    """Starts sending (by the task worker); False when the issue was already started.
    Lives here, beside the task it queues (services.py never imports tasks.py)."""
    with transaction.atomic():
        started = (
            Issue.objects.filter(
                pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]
            ).update(status=Issue.Status.SENDING, started_at=timezone.now())
            == 1
        )
        if started:
            pk = issue.pk
            transaction.on_commit(lambda: send_issue.enqueue(issue_id=pk))
    issue.refresh_from_db()
    return started
