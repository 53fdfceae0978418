"""Reads of the dialogue meetings. Lists are built in a fixed number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone

from apps.cookbook.selectors import BookChapter, book_contents

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


def attendees(*, event: Event) -> list[Registration]:
    """Confirmed attendees in order of sign-up, then the waiting list in its order."""
    return list(
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


def cookbook_targets() -> list[BookChapter]:
    """Chapters and their recipes that input can be about."""
    return book_contents()


def events_published() -> EventQuerySet:
    """Published meetings, past or upcoming: what site search may show (drafts never)."""
    return Event.objects.published()
