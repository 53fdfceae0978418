"""Writes of the dialogue meetings: sign-up with a waiting list, cancellation with
promotion, messages to attendees, and input that becomes cookbook content."""

from __future__ import annotations

import datetime
import html
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.cases import services as case_services
from apps.contributions import services as contribution_services
from apps.core.mail import current_language
from apps.core.sanitize import plain_text
from apps.core.services import audit_record
from apps.core.transitions import Transitions

from . import tasks
from .formatting import format_date
from .models import (
    Event,
    Input,
    InputKind,
    InputPhase,
    InputStatus,
    Registration,
    RegistrationStatus,
    Role,
)


class EventServiceError(Exception):
    """A refusal with a message that can be shown to the person as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RegistrationClosed(EventServiceError):
    pass


class RegistrationDuplicate(EventServiceError):
    pass


class RegistrationNotFound(EventServiceError):
    pass


class CancellationClosed(EventServiceError):
    pass


class InputNotAllowed(EventServiceError):
    pass


# Allowed moves of an input's status; converted is final.
INPUT_TRANSITIONS = Transitions(
    {
        InputStatus.NEW: {InputStatus.ACCEPTED, InputStatus.REJECTED, InputStatus.CONVERTED},
        InputStatus.ACCEPTED: {InputStatus.REJECTED, InputStatus.CONVERTED},
        InputStatus.REJECTED: {InputStatus.ACCEPTED},
        InputStatus.CONVERTED: set(),
    }
)


def _normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _enqueue_after_commit(task, **kwargs) -> None:
    transaction.on_commit(partial(task.enqueue, **kwargs))


def _locked_event(event: Event) -> Event:
    # Every write that changes who holds a seat locks the meeting's row first, so counting
    # and deciding happen one sign-up at a time (PostgreSQL row lock; SQLite takes the
    # database write lock at BEGIN IMMEDIATE).
    return Event.objects.select_for_update().get(pk=event.pk)


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    role: str,
    organisation: str = "",
    dietary_needs: str = "",
    accessibility_needs: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """A confirmed seat while seats remain, otherwise a place on the waiting list. Raises
    RegistrationClosed after the deadline (or for a meeting that is not published) and
    RegistrationDuplicate when the address is already signed up."""
    now = now or timezone.now()
    email = _normalise_email(email)
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    with transaction.atomic():
        event = _locked_event(event)
        if not event.is_published:
            raise RegistrationClosed(_("This meeting is not open for registration."))
        if not event.registration_open(now):
            raise RegistrationClosed(
                _("Registration for this meeting closed on %(deadline)s.")
                % {"deadline": format_date(min(event.registration_deadline, event.start))}
            )
        registrations = Registration.objects.filter(event=event)
        if registrations.active().filter(email=email).exists():
            raise RegistrationDuplicate(
                _(
                    "%(email)s is already registered for this meeting. The confirmation email "
                    "has a link to cancel or check your registration."
                )
                % {"email": email}
            )
        confirmed = registrations.confirmed().count()
        if confirmed < event.capacity:
            status, position, confirmed_at = RegistrationStatus.CONFIRMED, None, now
        else:
            last = registrations.aggregate(last=Max("position"))["last"] or 0
            status, position, confirmed_at = RegistrationStatus.WAITING, last + 1, None
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event,
                    name=name.strip(),
                    email=email,
                    organisation=organisation.strip(),
                    role=role,
                    dietary_needs=dietary_needs.strip(),
                    accessibility_needs=accessibility_needs.strip(),
                    status=status,
                    position=position,
                    created_at=now,
                    confirmed_at=confirmed_at,
                    language=current_language(),
                )
        except IntegrityError as error:
            raise RegistrationDuplicate(
                _("%(email)s is already registered for this meeting.") % {"email": email}
            ) from error
        audit_record(
            actor=None,
            action="events.registration.create",
            obj=registration,
            data={"event": event.pk, "status": status},
        )
        kind = "confirmed" if status == RegistrationStatus.CONFIRMED else "waiting"
        _enqueue_after_commit(
            tasks.send_registration_email,
            registration_id=registration.pk,
            kind=kind,
            language=current_language(),
        )
    return registration


def registration_submit(
    *,
    event: Event,
    name: str,
    email: str,
    role: str,
    organisation: str = "",
    dietary_needs: str = "",
    accessibility_needs: str = "",
    now: datetime.datetime | None = None,
) -> Registration | None:
    """The public sign-up form's write, which must not tell anyone whether an address is
    already signed up (issue 19): a new registration gets its confirmation mail; an address
    that is already registered gets a mail saying so, with the links to its registration,
    and nothing else changes. The caller answers both alike. Returns the new registration,
    or None for an address that was already registered. RegistrationClosed still raises:
    it says nothing about the address."""
    try:
        return registration_create(
            event=event,
            name=name,
            email=email,
            role=role,
            organisation=organisation,
            dietary_needs=dietary_needs,
            accessibility_needs=accessibility_needs,
            now=now,
        )
    except RegistrationDuplicate:
        existing = (
            Registration.objects.filter(event=event, email=_normalise_email(email)).active().first()
        )
        if existing is not None:
            _enqueue_after_commit(
                tasks.send_registration_email,
                registration_id=existing.pk,
                kind="already",
                language=current_language(),
            )
        return None


def fill_free_seats(*, event: Event, now: datetime.datetime) -> list[Registration]:
    """Moves people from the front of the waiting list into free seats and emails them.
    The caller holds the lock on the event row (see _locked_event)."""
    free = event.capacity - Registration.objects.filter(event=event).confirmed().count()
    if free <= 0:
        return []
    promoted = list(Registration.objects.filter(event=event).waiting()[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.position = None
        registration.confirmed_at = now
        registration.save(update_fields=["status", "position", "confirmed_at"])
        audit_record(
            actor=None,
            action="events.registration.promote",
            obj=registration,
            data={"event": event.pk},
        )
        _enqueue_after_commit(
            tasks.send_registration_email, registration_id=registration.pk, kind="promoted"
        )
    return promoted


def registration_cancel(
    *, token: str, now: datetime.datetime | None = None
) -> tuple[Registration, list[Registration]]:
    """Cancels the registration with this token and gives any freed seat to the first on
    the waiting list, who is emailed. Returns the registration and the people promoted.
    Cancelling twice changes nothing the second time."""
    now = now or timezone.now()
    found = Registration.objects.filter(cancel_token=token or "").only("pk", "event_id").first()
    if found is None:
        raise RegistrationNotFound(_("We could not find this registration."))
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=found.event_id)
        registration = Registration.objects.select_for_update().get(pk=found.pk)
        if registration.is_cancelled:
            return registration, []
        if event.has_started(now):
            raise CancellationClosed(
                _("The meeting has started, so the registration can no longer be cancelled.")
            )
        was_confirmed = registration.is_confirmed
        registration.status = RegistrationStatus.CANCELLED
        registration.position = None
        registration.cancelled_at = now
        registration.save(update_fields=["status", "position", "cancelled_at"])
        audit_record(
            actor=None,
            action="events.registration.cancel",
            obj=registration,
            data={"event": event.pk, "was_confirmed": was_confirmed},
        )
        promoted = fill_free_seats(event=event, now=now) if was_confirmed else []
    return registration, promoted


def event_fill_seats(
    *, event: Event, actor=None, now: datetime.datetime | None = None
) -> list[Registration]:
    """After an editor raises the capacity, the waiting list moves up into the new seats
    (and those promoted are emailed). Nothing moves once the meeting has started."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked_event(event)
        if not event.is_published or event.has_started(now):
            return []
        promoted = fill_free_seats(event=event, now=now)
        if promoted:
            audit_record(
                actor=actor,
                action="events.event.fill_seats",
                obj=event,
                data={"promoted": len(promoted)},
            )
    return promoted


def clean_message_body(body: str) -> str:
    """Plain text for the email: any markup removed, entities turned back into characters."""
    text = html.unescape(plain_text(body))
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def event_message_attendees(*, event: Event, subject: str, body: str, sender) -> int:
    """Emails everyone with a confirmed seat, one message each. Returns how many will
    receive it."""
    subject = " ".join((subject or "").split())
    text = clean_message_body(body)
    if not subject or not text:
        raise ValueError("A message needs a subject and a body.")
    with transaction.atomic():
        recipient_ids = list(
            Registration.objects.filter(event=event).confirmed().values_list("pk", flat=True)
        )
        audit_record(
            actor=sender,
            action="events.event.message_attendees",
            obj=event,
            data={"subject": subject, "recipients": len(recipient_ids)},
        )
        if recipient_ids:
            _enqueue_after_commit(
                tasks.send_attendee_message,
                registration_ids=recipient_ids,
                subject=subject,
                body=text,
                reply_to=getattr(sender, "email", "") or "",
            )
    return len(recipient_ids)


def _phase_at(event: Event, now: datetime.datetime) -> str:
    if now < event.start:
        return InputPhase.BEFORE
    if now <= event.end:
        return InputPhase.DURING
    return InputPhase.AFTER


def input_submit(
    *,
    event: Event,
    kind: str,
    title: str,
    text: str,
    author_name: str = "",
    author_email: str = "",
    author=None,
    recipe=None,
    chapter=None,
    topic: str = "",
    municipality_code: str = "",
    phase: str | None = None,
    now: datetime.datetime | None = None,
) -> Input:
    """Stores advice or an example for a published meeting. The phase (before, during,
    after) follows from the time unless given."""
    now = now or timezone.now()
    if not event.is_published:
        raise InputNotAllowed(_("This meeting does not take input."))
    if kind not in InputKind.values:
        raise ValueError(f"Unknown kind {kind!r}")
    if recipe is not None and chapter is not None:
        raise ValueError("Input is about a recipe or a chapter, not both.")
    if author is not None and getattr(author, "is_authenticated", False):
        author_name = author_name or str(author)
        author_email = author_email or author.email
    else:
        author = None
    with transaction.atomic():
        item = Input.objects.create(
            event=event,
            kind=kind,
            title=title.strip(),
            text=text.strip(),
            author=author,
            author_name=author_name.strip(),
            author_email=_normalise_email(author_email),
            recipe=recipe,
            chapter=chapter,
            topic=topic.strip(),
            municipality_code=municipality_code.strip(),
            phase=phase or _phase_at(event, now),
            created_at=now,
        )
        audit_record(actor=author, action="events.input.submit", obj=item, data={"event": event.pk})
    return item


def _check_transition(item: Input, to: str) -> None:
    if not INPUT_TRANSITIONS.allows(item.status, to):
        raise InputNotAllowed(
            _("Input that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": InputStatus(item.status).label,
                "new": InputStatus(to).label,
            }
        )


def input_review(*, item: Input, status: str, reviewer) -> Input:
    """Marks input as accepted or rejected."""
    if status not in (InputStatus.ACCEPTED, InputStatus.REJECTED):
        raise ValueError("Use input_convert_to_case to turn input into cookbook content.")
    with transaction.atomic():
        item = Input.objects.select_for_update().get(pk=item.pk)
        _check_transition(item, status)
        previous = item.status
        item.status = status
        item.reviewed_by = reviewer
        item.reviewed_at = timezone.now()
        item.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        audit_record(
            actor=reviewer,
            action="events.input.review",
            obj=item,
            data={"from": previous, "to": status},
        )
    return item


def _source_note(item: Input) -> str:
    event = item.event
    if item.credit:
        return _(
            "Based on input from %(author)s at the dialogue meeting “%(event)s” on %(date)s."
        ) % {"author": item.credit, "event": event.title, "date": format_date(event.start)}
    return _("Based on input at the dialogue meeting “%(event)s” on %(date)s.") % {
        "event": event.title,
        "date": format_date(event.start),
    }


def input_convert_to_case(
    *, item: Input, reviewer, municipality_code: str = "", title: str = ""
) -> Input:
    """Turns input into a draft example in the examples bank, crediting the author, and
    records what it became."""
    with transaction.atomic():
        item = Input.objects.select_for_update().get(pk=item.pk)
        _check_transition(item, InputStatus.CONVERTED)
        code = (municipality_code or item.municipality_code).strip()
        try:
            case = case_services.case_create_draft(
                title=(title or item.title).strip(),
                summary=item.text,
                municipality_code=code,
                author=item.author,
                source_note=_source_note(item),
            )
        except case_services.UnknownMunicipality as error:
            raise InputNotAllowed(
                _("No municipality has the number %(code)s.") % {"code": code}
            ) from error
        except case_services.CaseIndexMissing as error:
            raise InputNotAllowed(
                _("The examples bank does not exist yet, so no example can be made.")
            ) from error
        item.status = InputStatus.CONVERTED
        item.converted_to_description = (
            _("Draft example in the examples bank: %(title)s") % {"title": case.title}
        )[:300]
        item.converted_to_url = _case_url(case)
        item.reviewed_by = reviewer
        item.reviewed_at = timezone.now()
        item.save(
            update_fields=[
                "status",
                "converted_to_description",
                "converted_to_url",
                "reviewed_by",
                "reviewed_at",
            ]
        )
        audit_record(
            actor=reviewer,
            action="events.input.convert_to_case",
            obj=item,
            data={"case": case.pk},
        )
    return item


def input_convert_to_tip(*, item: Input, reviewer) -> Input:
    """Turns input about a recipe into a published tip on that recipe, crediting the author
    and the meeting, and records what it became."""
    with transaction.atomic():
        item = (
            Input.objects.select_for_update(of=("self",))
            .select_related("event", "recipe")
            .get(pk=item.pk)
        )
        _check_transition(item, InputStatus.CONVERTED)
        if item.recipe is None:
            raise InputNotAllowed(_("Only input about a recipe can become a tip on it."))
        credit = _("%(author)s, at the dialogue meeting “%(event)s”") % {
            "author": item.credit or _("A participant"),
            "event": item.event.title,
        }
        try:
            contribution_services.input_to_tip(
                recipe=item.recipe,
                text=item.text,
                author_name=item.credit,
                author=item.author,
                credited_to=credit[:200],
            )
        except ValidationError as error:
            raise InputNotAllowed(" ".join(error.messages)) from error
        item.status = InputStatus.CONVERTED
        item.converted_to_description = (
            _("Tip on the recipe: %(title)s") % {"title": item.recipe.title}
        )[:300]
        item.converted_to_url = item.recipe.url or ""
        item.reviewed_by = reviewer
        item.reviewed_at = timezone.now()
        item.save(
            update_fields=[
                "status",
                "converted_to_description",
                "converted_to_url",
                "reviewed_by",
                "reviewed_at",
            ]
        )
        audit_record(
            actor=reviewer,
            action="events.input.convert_to_tip",
            obj=item,
            data={"recipe": item.recipe_id},
        )
    return item


def _case_url(case) -> str:
    # A draft has no public page yet; editors follow the link to finish it in the admin.
    return reverse("wagtailadmin_pages:edit", args=[case.pk])
