"""A person's data in the dialogue meetings, found by email address: for the account's
data export and for deletion."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.core.services import audit_record

from .formatting import oslo
from .models import Event, Input, InputStatus, Registration
from .services import fill_free_seats


def _normalise(email: str) -> str:
    return (email or "").strip().lower()


def personal_data_for_email(email: str) -> dict:
    """Every registration and input tied to the address, as JSON-ready data."""
    email = _normalise(email)
    if not email:
        return {"registrations": [], "inputs": []}
    registrations = (
        Registration.objects.filter(email=email).select_related("event").order_by("created_at")
    )
    inputs = (
        Input.objects.filter(Q(author_email=email) | Q(author__email__iexact=email))
        .select_related("event", "recipe", "chapter")
        .order_by("created_at")
    )
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_start": oslo(registration.event.start).isoformat(),
                "name": registration.name,
                "email": registration.email,
                "organisation": registration.organisation,
                "role": registration.role,
                "dietary_needs": registration.dietary_needs,
                "accessibility_needs": registration.accessibility_needs,
                "status": registration.status,
                "registered_at": oslo(registration.created_at).isoformat(),
                "cancelled_at": (
                    oslo(registration.cancelled_at).isoformat()
                    if registration.cancelled_at
                    else None
                ),
            }
            for registration in registrations
        ],
        "inputs": [
            {
                "event": item.event.title,
                "name": item.author_name,
                "email": item.author_email,
                "kind": item.kind,
                "title": item.title,
                "text": item.text,
                "about": item.target_label,
                "municipality_code": item.municipality_code,
                "phase": item.phase,
                "status": item.status,
                "became": item.converted_to_description,
                "submitted_at": oslo(item.created_at).isoformat(),
            }
            for item in inputs
        ],
    }


def personal_data_delete_for_email(email: str) -> int:
    """Deletes the address's registrations (a freed seat goes to the waiting list, as on
    cancellation) and its input. Input that has already become cookbook content is kept
    without name or address, since others have built on it. Returns how many rows were
    deleted or anonymised."""
    email = _normalise(email)
    if not email:
        return 0
    now = timezone.now()
    registrations = Registration.objects.filter(email=email)
    inputs = Input.objects.filter(Q(author_email=email) | Q(author__email__iexact=email))
    with transaction.atomic():
        touched = set(registrations.values_list("event_id", flat=True)) | set(
            inputs.values_list("event_id", flat=True)
        )
        freeing = set(registrations.confirmed().values_list("event_id", flat=True))
        # The meetings whose seats change are locked, in a fixed order, before the delete.
        events = list(Event.objects.select_for_update().filter(pk__in=touched).order_by("pk"))
        affected = registrations.delete()[0]
        affected += inputs.filter(status=InputStatus.CONVERTED).update(
            author=None, author_name="", author_email=""
        )
        affected += inputs.exclude(status=InputStatus.CONVERTED).delete()[0]
        for event in events:
            if event.pk in freeing and not event.has_started(now):
                fill_free_seats(event=event, now=now)
            audit_record(actor=None, action="events.personal_data.delete", obj=event)
    return affected
