"""Writes of the newsletter: sign-up with double opt-in, confirmation, unsubscribe, issues
(prefill, send now, schedule) and the personal data of a subscriber."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import LANGUAGES, Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
LANGUAGE_CODES = {code for code, _label in LANGUAGES}


def confirm_max_age() -> int:
    """How long a confirmation link is valid (NEWSLETTER_CONFIRM_MAX_AGE, three days)."""
    return int(getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 60 * 60 * 24 * 3))


def resend_window() -> datetime.timedelta:
    """A second sign-up within this window sends no second confirmation
    (NEWSLETTER_RESEND_WINDOW_SECONDS, 15 minutes): nobody can flood an address."""
    return datetime.timedelta(
        seconds=int(getattr(settings, "NEWSLETTER_RESEND_WINDOW_SECONDS", 15 * 60))
    )


def consent_text(*, topics: list[str], language: str) -> str:
    from .selectors import topic_names

    names = ", ".join(topic_names(topics)) if topics else _("all topics")
    return _(
        "I want Kokeboka's newsletter by email about: %(topics)s (language: %(language)s). "
        "I can unsubscribe from every newsletter with one click."
    ) % {"topics": names, "language": language}


# Tokens -------------------------------------------------------------------------------------


def confirmation_token(subscriber: Subscriber) -> str:
    # The address is signed too, so a link stays bound to the address it was sent to.
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk}, salt=UNSUBSCRIBE_SALT)


def subscriber_for_unsubscribe(token: str) -> Subscriber | None:
    try:
        pk = int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return Subscriber.objects.filter(pk=pk).first()


# Sign-up, confirmation, unsubscribe ---------------------------------------------------------


def confirm(token: str) -> Subscriber | None:
    """The subscriber whose link this is, now confirmed; None when the link is forged,
    expired or for an address that has changed."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
        pk, email = int(data["s"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=pk, email=email).first()
        if subscriber is None:
            return None
        if subscriber.status != Subscriber.Status.CONFIRMED:
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.confirmed_at = timezone.now()
            subscriber.unsubscribed_at = None
            subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


def unsubscribe(subscriber: Subscriber) -> None:
    """Stops every future issue at once, also one being sent (its waiting rows are skipped)."""
    Subscriber.objects.filter(pk=subscriber.pk).exclude(
        status=Subscriber.Status.UNSUBSCRIBED
    ).update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())


# Issues -------------------------------------------------------------------------------------


def issue_prefill(*, issue: Issue) -> Issue:
    """Fills the items with what was published since the last sent issue (replacing the
    items); the editor edits them after."""
    from .selectors import last_sent_at, published_since

    issue.items = published_since(since=last_sent_at(exclude=issue))
    issue.save(update_fields=["items"])
    return issue


def issue_schedule(*, issue: Issue, when: datetime.datetime) -> bool:
    """The scheduled job (apps.operations.schedule "newsletter_send_due") sends it at `when`."""
    return (
        Issue.objects.filter(
            pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]
        ).update(status=Issue.Status.SCHEDULED, scheduled_at=when)
        == 1
    )


def issue_unschedule(*, issue: Issue) -> bool:
    return (
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(
            status=Issue.Status.DRAFT, scheduled_at=None
        )
        == 1
    )


def create_deliveries(*, issue: Issue) -> int:
    """One PENDING row per confirmed subscriber (idempotent: the unique pair decides)."""
    pks = list(
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk) for pk in pks],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return len(pks)


# Personal data ------------------------------------------------------------------------------


def personal_data(user) -> list[dict]:
    """The subscription and its consent, for "download my data" (by the account's address)."""
    return [
        {
            "email": s.email,
            "status": s.status,
            "topics": s.topics,
            "language": s.language,
            "signed_up_at": s.created_at.isoformat(),
            "consent": s.consent_text,
            "consent_given_at": s.consent_at.isoformat() if s.consent_at else None,
            "consent_given_from_address": s.consent_ip,
            "consent_given_from_browser": s.consent_user_agent,
            "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            "unsubscribed_at": s.unsubscribed_at.isoformat() if s.unsubscribed_at else None,
        }
        for s in Subscriber.objects.filter(email__iexact=user.email)
    ]


def personal_data_delete(user) -> None:
    Subscriber.objects.filter(email__iexact=user.email).delete()
