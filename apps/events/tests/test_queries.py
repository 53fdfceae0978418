import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import EventFactory, InputFactory, PastEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def make_meetings(count: int) -> None:
    for n in range(count // 2):
        upcoming = EventFactory()
        past = PastEventFactory()
        if n % 3 == 0:
            RegistrationFactory(event=upcoming)
            InputFactory(event=past, status="converted")


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path", ["/dialogmoter/", "/api/v1/events?limit=100", "/dialogmoter/kalender.ics"]
)
def test_list_queries_do_not_grow_with_the_number_of_meetings(client, path):
    make_meetings(10)
    few = queries_for(client, path)
    make_meetings(50)
    client.cookies.clear()
    from django.core.cache import cache

    cache.clear()
    many = queries_for(client, path)

    assert few == many


def test_list_shows_converted_counts_and_seats(client):
    event = EventFactory(capacity=4)
    RegistrationFactory(event=event)
    past = PastEventFactory()
    InputFactory(event=past, status="converted")
    InputFactory(event=past, status="converted")
    InputFactory(event=past, status="new")
    client.cookies["kokeboka_language"] = "en"

    html = client.get("/dialogmoter/").content.decode()

    assert "3 seats left" in html
    assert "2 inputs became part of the cookbook" in html
