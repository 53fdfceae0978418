import datetime

import pytest

from apps.events import demo
from apps.events.formatting import OSLO
from apps.events.models import Event, Input, InputStatus, Registration

pytestmark = pytest.mark.django_db


def test_demo_builds_a_past_and_an_upcoming_meeting_once():
    demo.load()
    demo.load()

    past = Event.objects.get(slug=demo.PAST_SLUG)
    upcoming = Event.objects.get(slug=demo.UPCOMING_SLUG)
    assert Event.objects.count() == 2
    assert past.start.astimezone(OSLO).date() == datetime.date(2016, 6, 14)
    assert past.has_ended()
    assert "Kommunal- og moderniseringsdepartementet" in past.description
    assert past.video is not None and past.video_transcript
    inputs = Input.objects.filter(event=past)
    assert inputs.count() == len(demo.PAST_INPUTS)
    converted = inputs.filter(status=InputStatus.CONVERTED)
    assert converted.count() >= 2
    assert all(item.converted_to_description for item in converted)
    assert upcoming.start.astimezone(OSLO).year == 2027
    assert upcoming.capacity == 40
    assert upcoming.registration_open(now=upcoming.registration_deadline)
    assert Registration.objects.filter(event=upcoming).count() == len(demo.UPCOMING_REGISTRATIONS)
    assert upcoming.agenda_items.count() > 0


def test_demo_pages_render(client):
    demo.load()
    client.cookies["kokeboka_language"] = "en"

    past_page = client.get(f"/dialogmoter/{demo.PAST_SLUG}/").content.decode()
    upcoming_page = client.get(f"/dialogmoter/{demo.UPCOMING_SLUG}/")

    assert "3 inputs from this meeting have become part of the cookbook." in past_page
    assert upcoming_page.status_code == 200
    assert client.get("/dialogmoter/").status_code == 200
