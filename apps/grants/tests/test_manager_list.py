"""Issue 12, item 1: the manager's list shows weighted scores, the rank within the call, review
progress (done/assigned) and the call's budget used and left, in a number of queries that does
not grow with the rows."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.fund.models import ApplicationStatus as S

from .factories import ApplicationFactory, AssignmentFactory, DecisionFactory, ScoreFactory


def _scored(world, title, first, second, *, done=True):
    application = ApplicationFactory(call=world.call, status=S.IN_REVIEW, title=title)
    assignment = AssignmentFactory(
        application=application,
        reviewer=world.people["reviewer"],
        completed_at=timezone.now() if done else None,
    )
    ScoreFactory(assignment=assignment, criterion=world.criteria[0], score=first)
    ScoreFactory(assignment=assignment, criterion=world.criteria[1], score=second)
    return application


def _row(body: str, title: str) -> list[str]:
    start = body.index(f">{title}</a>")
    row = body[start : body.index("</tr>", start)]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in row.split("<td")[1:]]


def _cells(cells: list[str]) -> list[str]:
    return [cell.split(">", 1)[1] if ">" in cell else cell for cell in cells]


def test_scores_rank_and_progress(as_user, world):
    _scored(world, "Sterkest", 5, 5)  # 5.0
    _scored(world, "Midt på", 4, 0)  # (12 + 0) / 4 = 3.0
    client = as_user(world.people["manager"])
    body = client.get(reverse("grants:manage")).content.decode()
    # Applicant, call, status, reviews done, weighted score, rank, amount requested.
    assert _cells(_row(body, "Sterkest"))[3:6] == ["1 / 1", "5.0", "1"]
    assert _cells(_row(body, "Midt på"))[3:6] == ["1 / 1", "3.0", "2"]
    # Rita's review of the world's application lacks a criterion; Kari is conflicted.
    assert _cells(_row(body, world.application.title))[3:6] == ["0 / 1", "not scored", "–"]


def test_equal_scores_share_a_rank(as_user, world):
    _scored(world, "Lik A", 4, 4)
    _scored(world, "Lik B", 4, 4)
    _scored(world, "Lavere", 1, 1)
    client = as_user(world.people["manager"])
    body = client.get(reverse("grants:manage")).content.decode()
    assert _cells(_row(body, "Lik A"))[5] == "1"
    assert _cells(_row(body, "Lik B"))[5] == "1"
    assert _cells(_row(body, "Lavere"))[5] == "3"


def _budget_row(body: str, call_title: str) -> list[str]:
    section = body[body.index('id="budget-heading"') :]
    start = section.index(f">{call_title}</th>")
    row = section[start : section.index("</tr>", start)]
    return [re.sub(r"<[^>]+>", "", cell).split(">", 1)[-1].strip() for cell in row.split("<td")[1:]]


def test_call_budget_used_and_left(as_user, world):
    world.call.budget = 1_000_000
    world.call.save(update_fields=["budget"])
    DecisionFactory(application__call=world.call, amount=150_000)  # with the world's 300 000
    client = as_user(world.people["manager"])
    # Filtered to applications in review, the budget still counts every grant of the call.
    body = client.get(reverse("grants:manage") + "?status=in_review").content.decode()
    assert _budget_row(body, world.call.title) == [
        "kr 1\u00a0000\u00a0000",
        "kr 450\u00a0000",
        "kr 550\u00a0000",
    ]


def test_call_over_budget_is_said(as_user, world):
    world.call.budget = 200_000
    world.call.save(update_fields=["budget"])
    client = as_user(world.people["manager"])
    body = client.get(reverse("grants:manage")).content.decode()
    assert _budget_row(body, world.call.title)[2] == "-100\u00a0000 (over budget)"


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("grants:manage")).status_code == 200
    return len(context.captured_queries)


def test_list_queries_stay_flat_with_scores_and_grants(as_user, world):
    client = as_user(world.people["manager"])
    for number in range(3):
        _scored(world, f"Få {number}", 3, number)
        DecisionFactory(application__call=world.call, amount=1000)
    few = _queries(client)
    for number in range(15):
        _scored(world, f"Mange {number}", 2, number % 5)
        DecisionFactory(application__call=world.call, amount=1000)
    assert _queries(client) == few
