import datetime

import icalendar
import pytest

from .factories import EventFactory, PastEventFactory

pytestmark = pytest.mark.django_db

OSLO_SUMMER_START = datetime.datetime(2027, 9, 14, 7, 0, tzinfo=datetime.UTC)  # 09.00 in Oslo


def test_event_ical_parses_with_the_right_times_and_fields(client):
    event = EventFactory(
        title="Dialogmøte 2027",
        start=OSLO_SUMMER_START,
        end=OSLO_SUMMER_START + datetime.timedelta(hours=6),
        registration_deadline=OSLO_SUMMER_START - datetime.timedelta(days=7),
        place_name="Møtesenteret",
        place_address="Storgata 1, Oslo",
    )

    response = client.get(f"/dialogmoter/{event.slug}.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == OSLO_SUMMER_START
    assert vevent.decoded("dtend") == OSLO_SUMMER_START + datetime.timedelta(hours=6)
    assert str(vevent["summary"]) == "Dialogmøte 2027"
    assert str(vevent["uid"]) == f"dialogmote-{event.pk}@testserver"
    assert str(vevent["url"]) == f"http://testserver/dialogmoter/{event.slug}/"
    assert str(vevent["location"]) == "Møtesenteret, Storgata 1, Oslo"
    assert vevent.decoded("dtstamp").tzinfo is not None
    # 07:00 UTC is 09.00 in Oslo in September.
    local = vevent.decoded("dtstart").astimezone(datetime.timezone(datetime.timedelta(hours=2)))
    assert local.hour == 9


def test_online_meeting_uses_the_link_as_location(client):
    event = EventFactory(place_name="", place_address="", online_url="https://example.no/mote")

    calendar = icalendar.Calendar.from_ical(client.get(f"/dialogmoter/{event.slug}.ics").content)

    assert str(calendar.walk("VEVENT")[0]["location"]) == "https://example.no/mote"


def test_ical_of_a_draft_is_not_found(client):
    draft = EventFactory(status="draft")

    assert client.get(f"/dialogmoter/{draft.slug}.ics").status_code == 404


def test_calendar_feed_lists_only_upcoming_published_meetings(client):
    soon = EventFactory(title="Snart")
    later = EventFactory(title="Senere", start=soon.start + datetime.timedelta(days=10))
    PastEventFactory(title="Før")
    EventFactory(title="Utkast", status="draft")

    response = client.get("/dialogmoter/kalender.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "Kokeboka – dialogmøter"
    events = calendar.walk("VEVENT")
    assert [str(item["summary"]) for item in events] == [soon.title, later.title]
    assert len({str(item["uid"]) for item in events}) == 2


def test_calendar_slug_is_reserved():
    from django.core.exceptions import ValidationError

    event = EventFactory.build(slug="kalender")

    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["organisers"])

    assert "slug" in error.value.message_dict
