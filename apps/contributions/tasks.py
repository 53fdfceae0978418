"""Mail about contributions, sent by the task worker after the write has committed."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from apps.accounts.models import User
from apps.accounts.permissions import MODERATORS_GROUP
from apps.core.mail import in_language_of
from apps.core.siteaddress import site_url

from .models import DigestFrequency, Notification, NotificationPreference, SuggestedChange

DIGEST_BATCH_SIZE = 100
UNSUBSCRIBE_SALT = "contributions.unsubscribe"


def absolute_url(path: str) -> str:
    return site_url(path)


def unsubscribe_token(*, user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_user_id(*, token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_url(*, user_id: int) -> str:
    return absolute_url(
        reverse("contributions:unsubscribe", kwargs={"token": unsubscribe_token(user_id=user_id)})
    )


def _moderator_emails() -> list[str]:
    return list(
        User.objects.filter(is_active=True)
        .filter(groups__name=MODERATORS_GROUP)
        .exclude(anonymised_at__isnull=False)
        .values_list("email", flat=True)
        .distinct()
        .order_by("email")
    )


@task()
def alert_moderators() -> int:
    """One short message to each moderator saying how much waits; returns how many were sent."""
    from .selectors import waiting_count

    count = waiting_count()
    if count == 0:
        return 0
    messages = []
    for email in _moderator_emails():
        user = User.objects.get(email=email)
        with in_language_of(user):
            body = render_to_string(
                "contributions/email/moderators_alert.txt",
                {
                    "count": count,
                    "queue_url": absolute_url(reverse("contributions_admin:queue")),
                    "unsubscribe_url": unsubscribe_url(user_id=user.pk),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                },
            )
            subject = _("%(count)d contributions wait for moderation") % {"count": count}
        messages.append(EmailMessage(subject=subject, body=body, to=[email]))
    if not messages:
        return 0
    with get_connection() as connection:
        connection.send_messages(messages)
    return len(messages)


@task()
def send_suggestion_outcome(*, suggestion_id: int) -> bool:
    suggestion = (
        SuggestedChange.objects.select_related("author", "recipe").filter(pk=suggestion_id).first()
    )
    if suggestion is None or suggestion.author is None or suggestion.author.is_anonymised:
        return False
    if suggestion.status not in (SuggestedChange.Status.ACCEPTED, SuggestedChange.Status.REJECTED):
        return False
    with in_language_of(suggestion.author):
        body = render_to_string(
            "contributions/email/suggestion_outcome.txt",
            {
                "suggestion": suggestion,
                "accepted": suggestion.status == SuggestedChange.Status.ACCEPTED,
                "recipe_url": absolute_url(suggestion.recipe.url or "/"),
                "unsubscribe_url": unsubscribe_url(user_id=suggestion.author_id),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
        if suggestion.status == SuggestedChange.Status.ACCEPTED:
            subject = _("Your suggestion was accepted: %(title)s")
        else:
            subject = _("Your suggestion was not accepted: %(title)s")
        subject = subject % {"title": suggestion.recipe.title}
    EmailMessage(subject=subject, body=body, to=[suggestion.author.email]).send()
    return True


def digest_recipients(*, frequency: str) -> list[int]:
    """People with this digest frequency who have something unsent."""
    preferred = NotificationPreference.objects.filter(frequency=frequency).values("user_id")
    users_without_preference = Q()
    if frequency == DigestFrequency.DAILY:
        # The default for someone who never chose is daily.
        users_without_preference = Q(user__notification_preference__isnull=True)
    return list(
        Notification.objects.filter(sent_at__isnull=True, user__is_active=True)
        .filter(Q(user_id__in=preferred) | users_without_preference)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )


DIGEST_KIND = "contributions.digest"


def digest_period(*, frequency: str, now=None) -> str:
    """The period a digest belongs to, in Oslo time: the day ("2026-12-04") for daily
    digests, the ISO week ("2026-W49") for weekly ones. One digest per person and period."""
    from apps.operations.schedule import OSLO

    day = (now or timezone.now()).astimezone(OSLO).date()
    if frequency == DigestFrequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


@task()
def send_digests(*, frequency: str = DigestFrequency.DAILY) -> int:
    """Enqueues one batch task per DIGEST_BATCH_SIZE people; returns how many batches."""
    if frequency not in (DigestFrequency.DAILY, DigestFrequency.WEEKLY):
        raise ValueError(f"Unknown digest frequency: {frequency}")
    period = digest_period(frequency=frequency)
    user_ids = digest_recipients(frequency=frequency)
    batches = 0
    for start in range(0, len(user_ids), DIGEST_BATCH_SIZE):
        send_digest_batch.enqueue(
            user_ids=user_ids[start : start + DIGEST_BATCH_SIZE], period=period
        )
        batches += 1
    return batches


@task()
def send_digest_batch(*, user_ids: list[int], period: str = "") -> int:
    """One email per person in the batch who still has unsent notifications, and at most one
    per person and period however often this runs, also in two workers at once: each person
    is claimed in the delivery ledger before the mail goes out (and released if it fails)."""
    from apps.operations import ledger

    period = period or digest_period(frequency=DigestFrequency.DAILY)
    now = timezone.now()
    pending = (
        Notification.objects.filter(user_id__in=user_ids, sent_at__isnull=True)
        .select_related("recipe", "user")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for note in pending:
        by_user.setdefault(note.user_id, []).append(note)
    sent = 0
    with get_connection() as connection:
        for user_id, notes in by_user.items():
            user = notes[0].user
            if not user.is_active or user.is_anonymised:
                continue
            if not ledger.claim(DIGEST_KIND, str(user_id), period):
                continue
            message = _digest_message(user=user, notes=notes, connection=connection)
            try:
                message.send()
            except Exception:
                ledger.release(DIGEST_KIND, str(user_id), period)
                raise
            Notification.objects.filter(pk__in=[n.pk for n in notes]).update(sent_at=now)
            sent += 1
    return sent


def _digest_message(*, user, notes: list[Notification], connection) -> EmailMessage:
    recipes: dict[int, dict] = {}
    for note in notes:
        entry = recipes.setdefault(
            note.recipe_id,
            {
                "title": note.recipe.title,
                "url": absolute_url(note.recipe.url or "/"),
                "versions": [],
                "tips": 0,
            },
        )
        if note.kind == Notification.Kind.NEW_TIP:
            entry["tips"] += 1
        else:
            entry["versions"].append(note.text)
    with in_language_of(user):
        body = render_to_string(
            "contributions/email/digest.txt",
            {
                "recipes": list(recipes.values()),
                "unsubscribe_url": unsubscribe_url(user_id=user.pk),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
        subject = _("News from the recipes you follow")
    return EmailMessage(
        subject=subject,
        body=body,
        to=[user.email],
        connection=connection,
    )
