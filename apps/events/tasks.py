"""Mail about meetings, sent by the task worker after the write has committed."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from apps.core.mail import in_language_of

from .formatting import absolute_url, event_when
from .models import Registration, RegistrationStatus

# Which message each registration state gets, and the state it must still be in when the
# worker runs (a person may cancel before a queued mail goes out).
REGISTRATION_MAILS = {
    "confirmed": ("events/email/registration_confirmed.txt", RegistrationStatus.CONFIRMED),
    "waiting": ("events/email/registration_waiting.txt", RegistrationStatus.WAITING),
    "promoted": ("events/email/registration_promoted.txt", RegistrationStatus.CONFIRMED),
    # Someone signed up an address that already holds a seat or a waiting-list place.
    "already": ("events/email/registration_already.txt", None),
}


def _subject(kind: str, title: str) -> str:
    subjects = {
        "confirmed": _("You are registered: %(title)s"),
        "waiting": _("You are on the waiting list: %(title)s"),
        "promoted": _("You have a seat: %(title)s"),
        "already": _("You are already registered: %(title)s"),
    }
    return subjects[kind] % {"title": title}


@task()
def send_registration_email(*, registration_id: int, kind: str, language: str = "") -> bool:
    """Returns False when the registration is gone or has moved on, so nothing was sent.

    Written in the language of the address's account if it has one, else in ``language``:
    the language of the sign-up request, passed along by the service. A seat freed by
    someone else's cancellation ("promoted") is written in the language the person signed
    up in, kept on the registration."""
    template, expected_status = REGISTRATION_MAILS[kind]
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    if expected_status is None:
        if registration.is_cancelled:
            return False
    elif registration.status != expected_status:
        return False
    event = registration.event
    fallback = language or registration.language or settings.LANGUAGE_CODE
    with in_language_of(email=registration.email, fallback=fallback):
        context = {
            "registration": registration,
            "event": event,
            "when": event_when(event),
            "event_url": absolute_url(event.get_absolute_url()),
            "cancel_url": absolute_url(registration.get_cancel_url()),
            "receipt_url": absolute_url(registration.get_receipt_url()),
            "waiting_place": registration.waiting_place(),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string(template, context)
        subject = _subject(kind, event.title)
    EmailMessage(subject=subject, body=body, to=[registration.email]).send()
    return True


@task()
def send_attendee_message(
    *, registration_ids: list[int], subject: str, body: str, reply_to: str = ""
) -> int:
    """One message per attendee, so nobody sees the others' addresses. Returns how many
    were sent (attendees who cancelled meanwhile are skipped)."""
    recipients = (
        Registration.objects.filter(pk__in=registration_ids, status=RegistrationStatus.CONFIRMED)
        .order_by("pk")
        .values_list("email", flat=True)
    )
    messages = [
        EmailMessage(
            subject=subject,
            body=body,
            to=[email],
            reply_to=[reply_to] if reply_to else None,
        )
        for email in recipients
    ]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
