import datetime

import pytest

from .factories import AgendaItemFactory, EventFactory, PastEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PUBLIC_FIELDS = {
    "title",
    "slug",
    "url",
    "start",
    "end",
    "place",
    "online",
    "capacity",
    "seats_left",
    "registration_open",
}


@pytest.fixture
def meetings():
    upcoming = EventFactory(
        title="Neste",
        slug="neste",
        capacity=3,
        start=datetime.datetime(2030, 9, 14, 7, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 9, 14, 13, 0, tzinfo=datetime.UTC),
        registration_deadline=datetime.datetime(2030, 9, 7, 7, 0, tzinfo=datetime.UTC),
        online_url="https://example.no/mote",
    )
    RegistrationFactory(event=upcoming, email="hemmelig@example.no", name="Hemmelig Navn")
    past = PastEventFactory(title="Forrige", slug="forrige")
    EventFactory(slug="utkast", status="draft")
    return upcoming, past


def test_list_has_public_fields_only(client, meetings):
    response = client.get("/api/v1/events")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["neste", "forrige"]
    first = data["items"][0]
    assert set(first) == PUBLIC_FIELDS
    assert first == {
        "title": "Neste",
        "slug": "neste",
        "url": "http://testserver/dialogmoter/neste/",
        "start": "2030-09-14T09:00:00+02:00",
        "end": "2030-09-14T15:00:00+02:00",
        "place": {"name": "Kommunehuset", "address": "Storgata 1, 0155 Oslo"},
        "online": True,
        "capacity": 3,
        "seats_left": 2,
        "registration_open": True,
    }
    assert "hemmelig" not in response.content.decode().lower()


@pytest.mark.parametrize(("when", "slugs"), [("upcoming", ["neste"]), ("past", ["forrige"])])
def test_list_filters_upcoming_and_past(client, meetings, when, slugs):
    data = client.get(f"/api/v1/events?when={when}").json()

    assert [item["slug"] for item in data["items"]] == slugs
    assert data["count"] == len(slugs)


def test_list_rejects_unknown_when(client, meetings):
    assert client.get("/api/v1/events?when=someday").status_code == 422


def test_list_is_paginated(client, meetings):
    data = client.get("/api/v1/events?limit=1&offset=1").json()

    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["forrige"]


def test_detail_has_programme_but_no_attendees(client, meetings):
    upcoming, _past = meetings
    AgendaItemFactory(event=upcoming, time=datetime.time(9, 30), title="Velkommen", speaker="")

    response = client.get("/api/v1/events/neste")

    data = response.json()
    assert response.status_code == 200
    assert data["agenda"] == [{"time": "09:30", "title": "Velkommen", "speaker": ""}]
    assert data["inputs_in_cookbook"] == 0
    assert data["registration_deadline"] == "2030-09-07T09:00:00+02:00"
    assert "registrations" not in data
    assert "hemmelig" not in response.content.decode().lower()


def test_drafts_and_unknown_meetings_are_not_found(client, meetings):
    assert client.get("/api/v1/events/utkast").status_code == 404
    assert client.get("/api/v1/events/finnes-ikke").status_code == 404
