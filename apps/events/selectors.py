"""Reads of the dialogue meetings. Lists are built in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from .models import (
    AgendaItem,
    Event,
    EventQuerySet,
    Input,
    InputStatus,
    Registration,
    RegistrationStatus,
    Speaker,
)


def events_upcoming(*, now: datetime.datetime | None = None) -> EventQuerySet:
    return Event.objects.upcoming(now).with_counts()


def events_past(*, now: datetime.datetime | None = None) -> EventQuerySet:
    return Event.objects.past(now).with_counts()


def list_counts(*, now: datetime.datetime) -> tuple[int, int]:
    """How many meetings events_upcoming and events_past list (end ≥ now, end < now), in
    one query, so the meetings page's two paginators need no COUNT of their own."""
    counts = Event.objects.published().aggregate(
        upcoming=Count("pk", filter=Q(end__gte=now)), past=Count("pk", filter=Q(end__lt=now))
    )
    return counts["upcoming"], counts["past"]


def events_for_api(*, when: str | None = None, now: datetime.datetime | None = None) -> QuerySet:
    """Published meetings: upcoming soonest first, past most recent first, or all of them
    (upcoming first) when `when` is not given."""
    if when == "upcoming":
        return events_upcoming(now=now)
    if when == "past":
        return events_past(now=now)
    now = now or timezone.now()
    return (
        Event.objects.published()
        .with_counts()
        .annotate(
            is_past=Case(
                When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("is_past", "start", "pk")
    )


def _with_programme(events: QuerySet) -> QuerySet:
    return events.with_counts().prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("sort_order", "time")),
        Prefetch("speakers", queryset=Speaker.objects.order_by("sort_order", "pk")),
    )


def event_public(*, slug: str) -> Event | None:
    """A published meeting with its agenda, speakers and counts."""
    return _with_programme(Event.objects.published()).filter(slug=slug).first()


def event_any(*, slug: str) -> Event | None:
    """A meeting in any status, for organisers and editors."""
    return _with_programme(Event.objects.all()).filter(slug=slug).first()


def attendees(*, event: Event) -> QuerySet[Registration]:
    """Confirmed attendees in order of sign-up, then the waiting list in its order. A
    queryset, so the page reads one page of it and the export streams it in chunks."""
    return (
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.CANCELLED)
        .annotate(
            group=Case(
                When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("group", "position", "created_at", "pk")
    )


@dataclass(frozen=True)
class AttendeeCounts:
    confirmed: int
    waiting: int

    @property
    def total(self) -> int:
        return self.confirmed + self.waiting


def attendee_counts(*, event: Event) -> AttendeeCounts:
    """Confirmed and waiting in one query (an index range of events_reg_event_status), so
    the list's heading and its waiting-list numbers need no row beyond the page shown."""
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return AttendeeCounts(confirmed=counts["confirmed"], waiting=counts["waiting"])


def inputs_for_review(*, event: Event) -> list[Input]:
    return list(
        Input.objects.filter(event=event)
        .select_related("recipe", "chapter", "author", "reviewed_by")
        .order_by("status", "created_at", "pk")
    )


def converted_inputs(*, event: Event) -> list[Input]:
    """What input became, for the public meeting page (no names or addresses)."""
    return list(
        Input.objects.filter(event=event, status=InputStatus.CONVERTED)
        .only("pk", "title", "kind", "converted_to_description")
        .order_by("created_at", "pk")
    )


def events_published() -> EventQuerySet:
    """Published meetings, past or upcoming: what site search may show (drafts never)."""
    return Event.objects.published()
