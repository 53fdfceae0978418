"""Machine-readable descriptions of meetings: schema.org Event (JSON-LD) and iCalendar."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .formatting import absolute_url, oslo
from .models import Event

# The characters that could end the <script> element or start markup inside it, written
# as JSON escapes (the same set as Django's json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

ORGANISER = {"@type": "Organization", "name": "Kokeboka"}


def _attendance_mode(event: Event) -> str:
    if event.online_url and event.place_name:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.online_url:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def _locations(event: Event) -> list[dict]:
    locations = []
    if event.place_name or event.place_address:
        place: dict = {"@type": "Place", "name": event.place_name or event.place_address}
        if event.place_address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": event.place_address,
                "addressCountry": "NO",
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def event_schema(event: Event, *, now: datetime.datetime | None = None) -> dict:
    url = absolute_url(event.get_absolute_url())
    locations = _locations(event)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": oslo(event.start).isoformat(),
        "endDate": oslo(event.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": _attendance_mode(event),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {**ORGANISER, "url": absolute_url("/")},
        "maximumAttendeeCapacity": event.capacity,
        "remainingAttendeeCapacity": event.seats_left,
        "isAccessibleForFree": True,
        "inLanguage": "nb",
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "NOK",
            "url": url,
            "validThrough": oslo(event.registration_deadline).isoformat(),
            "availability": (
                "https://schema.org/InStock"
                if event.registration_open(now) and event.seats_left
                else "https://schema.org/SoldOut"
            ),
        },
    }
    speakers = list(event.speakers.all())
    if speakers:
        data["performer"] = [{"@type": "Person", "name": speaker.name} for speaker in speakers]
    return data


def json_ld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> data block that no text can break
    out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - <, > and & are escaped above


def _uid(event: Event) -> str:
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":")[0]
    return f"dialogmote-{event.pk}@{host or 'kokeboka'}"


def _vevent(event: Event, *, stamp: datetime.datetime) -> icalendar.Event:
    url = absolute_url(event.get_absolute_url())
    item = icalendar.Event()
    item.add("uid", _uid(event))
    item.add("dtstamp", stamp)
    item.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    # Times in UTC: every calendar converts them, and no VTIMEZONE can be wrong.
    item.add("dtstart", event.start.astimezone(datetime.UTC))
    item.add("dtend", event.end.astimezone(datetime.UTC))
    item.add("summary", event.title)
    item.add("description", f"{event.summary}\n\n{url}".strip())
    item.add("url", url)
    if event.location_text:
        item.add("location", event.location_text)
    item.add("status", "CONFIRMED")
    return item


def calendar_for(events: Iterable[Event], *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kokeboka//Dialogmoter//NB")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(_vevent(event, stamp=stamp))
    return calendar.to_ical()
