"""Issue 13: the lists of meetings and of a meeting's attendees grow with the data, so they
are paged (upcoming meetings by «kommende», past ones by «page», attendees by «side»); the
attendee export streams every row, read in chunks. Page sizes are made small here so that a
handful of rows spans pages."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.events import views
from apps.events.models import RegistrationStatus

from .factories import EventFactory, PastEventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db


def _titles(html: str, section: str) -> list[str]:
    start = html.index(f'id="{section}-heading"')
    part = html[start : html.index("</section>", start)]
    return [title for title in TITLES if f">{title}</a>" in part]


TITLES = [f"Kommende {n}" for n in range(5)] + [f"Holdt {n}" for n in range(3)]


def test_upcoming_meetings_are_paged_and_keep_the_past_page(client, monkeypatch):
    monkeypatch.setattr(views, "UPCOMING_PER_PAGE", 2)
    monkeypatch.setattr(views, "PAST_PER_PAGE", 2)
    for n in range(5):
        EventFactory(title=f"Kommende {n}", start=in_days(10 + n))
    for n in range(3):
        PastEventFactory(title=f"Holdt {n}", start=in_days(-10 - n))

    first = client.get(reverse("events:list")).content.decode()
    third = client.get(reverse("events:list"), {"kommende": 3, "page": 2}).content.decode()

    assert _titles(first, "upcoming") == ["Kommende 0", "Kommende 1"]
    assert _titles(first, "past") == ["Holdt 0", "Holdt 1"]
    assert "?kommende=2" in first
    assert _titles(third, "upcoming") == ["Kommende 4"]
    assert _titles(third, "past") == ["Holdt 2"]
    # Each list's page links keep the other list's page.
    assert "page=2&amp;kommende=2" in third or "kommende=2&amp;page=2" in third


@pytest.fixture
def organiser(client):
    user = UserFactory()
    force_login_verified(client, user)
    return user


def _meeting(organiser, *, confirmed: int, waiting: int, cancelled: int = 1):
    event = EventFactory(capacity=confirmed, organisers=[organiser])
    for n in range(confirmed):
        RegistrationFactory(event=event, name=f"Bekreftet {n}")
    for n in range(waiting):
        RegistrationFactory(
            event=event,
            name=f"Venter {n}",
            status=RegistrationStatus.WAITING,
            position=n + 1,
        )
    for n in range(cancelled):
        RegistrationFactory(event=event, name=f"Avmeldt {n}", status=RegistrationStatus.CANCELLED)
    return event


def _rows(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        row.split("<th", 1)[1].split(">", 1)[1].split("</th>", 1)[0]
        + " | "
        + row.split("<td>")[4].split("</td>", 1)[0]
        for row in body.split("<tr>")[1:]
    ]


def test_attendees_are_paged_with_waiting_numbers_that_run_across_pages(
    client, organiser, monkeypatch
):
    monkeypatch.setattr(views, "ATTENDEES_PER_PAGE", 2)
    client.cookies["kokeboka_language"] = "en"
    event = _meeting(organiser, confirmed=3, waiting=3)
    url = reverse("events:attendees", args=[event.slug])

    pages = [client.get(url, {"side": n}).content.decode() for n in (1, 2, 3)]

    assert "3 confirmed of 3 seats; 3 on the waiting list." in pages[0]
    assert _rows(pages[0]) == ["Bekreftet 0 | Confirmed", "Bekreftet 1 | Confirmed"]
    assert _rows(pages[1]) == [
        "Bekreftet 2 | Confirmed",
        "Venter 0 | On the waiting list (number 1)",
    ]
    assert _rows(pages[2]) == [
        "Venter 1 | On the waiting list (number 2)",
        "Venter 2 | On the waiting list (number 3)",
    ]
    assert "Avmeldt" not in "".join(pages)
    assert "?side=2" in pages[0]


def test_attendee_export_has_every_row_beyond_a_page(client, organiser, monkeypatch):
    monkeypatch.setattr(views, "ATTENDEES_PER_PAGE", 2)
    monkeypatch.setattr(views, "EXPORT_CHUNK", 2)
    event = _meeting(organiser, confirmed=3, waiting=2)

    response = client.get(reverse("events:attendees-csv", args=[event.slug]))

    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[1:]] == [
        "Bekreftet 0",
        "Bekreftet 1",
        "Bekreftet 2",
        "Venter 0",
        "Venter 1",
    ]
    assert [row[5] for row in rows[1:]] == ["", "", "", "1", "2"]


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["events:attendees", "events:detail"])
def test_a_meeting_with_many_sign_ups_costs_the_same_queries(client, organiser, name):
    few = _meeting(organiser, confirmed=3, waiting=2)
    many = _meeting(organiser, confirmed=60, waiting=40, cancelled=5)

    assert _queries(client, reverse(name, args=[few.slug])) == _queries(
        client, reverse(name, args=[many.slug])
    )


def test_input_form_targets_are_the_books_chapters_and_recipes(home_page):
    """The meeting page's choice of target reads (pk, title) rows instead of page objects; it
    lists exactly what the cookbook's own book_contents lists, in the same order."""
    from apps.cookbook.selectors import book_contents, book_outline
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    book = CookbookIndexPageFactory(parent=home_page)
    first = ChapterPageFactory(parent=book, title="Forstå")
    second = ChapterPageFactory(parent=book, title="Prøve")
    RecipePageFactory(parent=second, title="Pilot")
    RecipePageFactory(parent=first, title="Behov")
    RecipePageFactory(parent=first, title="Utkast", live=False)
    RecipePageFactory(parent=first, title="Dialog")

    expected = [
        (item.chapter.pk, item.chapter.title, [(r.pk, r.title) for r in item.recipes])
        for item in book_contents()
    ]

    assert [(c.pk, c.title, c.recipes) for c in book_outline()] == expected
    assert [title for _pk, title in book_outline()[0].recipes] == ["Behov", "Dialog"]
