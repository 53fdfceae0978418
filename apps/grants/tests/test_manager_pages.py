"""Issue 13: the manager's list is paged (a national fund receives thousands of applications),
while the rank within the call and the call budgets still cover every application the filter
matches, and the screening list shows the newest few with a link to all of them. Page sizes
are made small here so that a handful of rows spans pages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.fund.models import ApplicationStatus as S
from apps.grants import views

from .factories import ApplicationFactory, AssignmentFactory, CallFactory, ScoreFactory


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "MANAGE_PER_PAGE", 2)
    monkeypatch.setattr(views, "SCREENING_SHOWN", 2)


def _scored(world, title, first, second, *, days_ago=0, call=None):
    application = ApplicationFactory(
        call=call or world.call,
        status=S.IN_REVIEW,
        title=title,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    assignment = AssignmentFactory(
        application=application, reviewer=world.people["reviewer"], completed_at=timezone.now()
    )
    ScoreFactory(assignment=assignment, criterion=world.criteria[0], score=first)
    ScoreFactory(assignment=assignment, criterion=world.criteria[1], score=second)
    return application


def _cells(body: str, title: str) -> list[str]:
    start = body.index(f">{title}</a>")
    row = body[start : body.index("</tr>", start)]
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in row.split("<td")[1:]]
    return [cell.split(">", 1)[1] if ">" in cell else cell for cell in cells]


def _table(body: str) -> str:
    return body[body.index('id="applications-heading"') :]


def _screening(body: str) -> str:
    start = body.index('id="screening-heading"')
    return body[start : body.index("</section>", start)]


def test_rank_counts_the_applications_on_every_page(as_user, world, small_pages):
    _scored(world, "Sterkest", 5, 5, days_ago=30)  # oldest: listed last, on the last page
    _scored(world, "Midt på", 4, 0)  # 3.0
    _scored(world, "Lavest", 1, 1)  # 1.0
    client = as_user(world.people["manager"])

    first = _table(client.get(reverse("grants:manage")).content.decode())
    last = _table(client.get(reverse("grants:manage"), {"side": 3}).content.decode())

    assert "Lavest" in first and "Midt på" in first and "Sterkest" not in first
    assert _cells(first, "Lavest")[3:6] == ["1 / 1", "1.0", "3"]
    assert _cells(first, "Midt på")[3:6] == ["1 / 1", "3.0", "2"]
    assert "Lavest" not in last
    assert _cells(last, "Sterkest")[3:6] == ["1 / 1", "5.0", "1"]
    assert 'aria-current="page"' in last and "?side=2" in last


def test_budgets_cover_calls_whose_applications_are_on_other_pages(as_user, world, small_pages):
    other_call = CallFactory(fund=world.fund, title="Andre runde", budget=2_000_000)
    ApplicationFactory(
        call=other_call,
        status=S.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(days=60),
    )
    _scored(world, "Ny A", 3, 3)
    _scored(world, "Ny B", 3, 3)
    client = as_user(world.people["manager"])

    body = client.get(reverse("grants:manage")).content.decode()

    budgets = body[body.index('id="budget-heading"') :]
    assert ">Andre runde</th>" in budgets
    assert ">Andre runde<" not in _table(body).split('id="budget-heading"')[0]


def test_screening_shows_the_newest_and_links_to_all(as_user, world, small_pages):
    for number in range(3):
        ApplicationFactory(
            call=world.call,
            status=S.SUBMITTED,
            title=f"Til screening {number}",
            submitted_at=timezone.now() - datetime.timedelta(days=number),
        )
    client = as_user(world.people["manager"])

    screening = _screening(client.get(reverse("grants:manage")).content.decode())

    assert "Til screening 0" in screening and "Til screening 1" in screening
    assert "Til screening 2" not in screening
    assert "Show all 3 applications waiting for screening" in screening
    assert 'href="/fond/forvaltning/?status=submitted"' in screening


def test_screening_link_keeps_the_chosen_fund(as_user, world, small_pages):
    for number in range(3):
        ApplicationFactory(call=world.call, status=S.SUBMITTED, title=f"Søknad {number}")
    client = as_user(world.people["manager"])

    screening = _screening(
        client.get(reverse("grants:manage"), {"fond": world.fund.slug}).content.decode()
    )

    assert f'href="/fond/forvaltning/?fond={world.fund.slug}&amp;status=submitted"' in screening


def test_no_screening_list_when_filtered_to_another_status(as_user, world, small_pages):
    ApplicationFactory(call=world.call, status=S.SUBMITTED, title="Venter på screening")
    client = as_user(world.people["manager"])

    body = client.get(reverse("grants:manage"), {"status": "in_review"}).content.decode()

    assert "No applications are waiting for screening." in _screening(body)
    assert "Venter på screening" not in body


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("grants:manage"), params).status_code == 200
    return len(context.captured_queries)


def test_paged_list_queries_stay_flat(as_user, world, small_pages):
    client = as_user(world.people["manager"])
    for number in range(3):
        _scored(world, f"Få {number}", 3, number)
        ApplicationFactory(call=world.call, status=S.SUBMITTED)
    few, few_last = _queries(client), _queries(client, side=2)
    for number in range(15):
        _scored(world, f"Mange {number}", 2, number % 5)
        ApplicationFactory(call=world.call, status=S.SUBMITTED)

    assert _queries(client) == few
    assert _queries(client, side=2) == few_last
