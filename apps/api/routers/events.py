"""Dialogue meetings: published meetings and their public facts. Never attendee data."""

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from apps.api.listing import list_endpoint
from apps.events import selectors
from apps.events.formatting import absolute_url, oslo

router = Router(tags=["events"])


class PlaceOut(Schema):
    name: str
    address: str


class EventOut(Schema):
    title: str
    slug: str
    url: str
    start: dt.datetime
    end: dt.datetime
    place: PlaceOut | None
    online: bool
    capacity: int
    seats_left: int
    registration_open: bool

    @staticmethod
    def resolve_start(event) -> dt.datetime:
        return oslo(event.start)

    @staticmethod
    def resolve_end(event) -> dt.datetime:
        return oslo(event.end)

    @staticmethod
    def resolve_url(event) -> str:
        return absolute_url(event.get_absolute_url())

    @staticmethod
    def resolve_place(event) -> dict | None:
        if not event.place_name and not event.place_address:
            return None
        return {"name": event.place_name, "address": event.place_address}

    @staticmethod
    def resolve_online(event) -> bool:
        return event.is_online

    @staticmethod
    def resolve_registration_open(event) -> bool:
        return event.registration_open()


class EventDetailOut(EventOut):
    summary: str
    registration_deadline: dt.datetime
    accessibility_info: str
    agenda: list[dict]
    speakers: list[dict]
    inputs_in_cookbook: int

    @staticmethod
    def resolve_registration_deadline(event) -> dt.datetime:
        return oslo(event.registration_deadline)

    @staticmethod
    def resolve_agenda(event) -> list[dict]:
        return [
            {"time": item.time.strftime("%H:%M"), "title": item.title, "speaker": item.speaker}
            for item in event.agenda_items.all()
        ]

    @staticmethod
    def resolve_speakers(event) -> list[dict]:
        return [{"name": speaker.name, "role": speaker.role} for speaker in event.speakers.all()]

    @staticmethod
    def resolve_inputs_in_cookbook(event) -> int:
        return event.converted_total


@list_endpoint(
    router,
    "",
    response=EventOut,
    updated_field="updated_at",
    summary="List published dialogue meetings",
)
def list_events(request: HttpRequest, when: Literal["upcoming", "past"] | None = None):
    """`when=upcoming`: meetings not yet ended, soonest first; `when=past`: ended meetings,
    most recent first; without it, upcoming then past. Times are in ISO 8601 with offset."""
    return selectors.events_for_api(when=when)


@router.get("/{slug}", response=EventDetailOut, summary="One dialogue meeting")
def get_event(request: HttpRequest, slug: str):
    event = selectors.event_public(slug=slug)
    if event is None:
        raise Http404
    return event
