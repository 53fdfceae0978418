"""Issue 12, item 1: the applicant sees the decision, the amount granted (not the amount applied
for) and the conditions on the application page and in the list of applications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.fund.models import ApplicationStatus as S
from apps.grants.models import Outcome

from .factories import ApplicationFactory, DecisionFactory


@pytest.fixture
def granted(world):
    decision = world.granted.decision
    decision.conditions = "Rapport hvert halvår"
    decision.save(update_fields=["conditions"])
    world.granted.amount_requested = 450_000
    world.granted.save(update_fields=["amount_requested"])
    return world.granted


def test_list_shows_the_amount_granted(as_user, world, granted):
    client = as_user(world.people["applicant"])
    body = client.get(reverse("fund:application-list")).content.decode()
    row = body[body.index(granted.title) :]
    row = row[: row.index("</tr>")]
    assert "Granted 300\u00a0000 kr" in row
    assert "applied for 450\u00a0000 kr" in row
    # The application still in review shows only what was applied for.
    other = body[body.index(world.application.title) :]
    other = other[: other.index("</tr>")]
    assert "Granted" not in other.replace("ds-tag", "")
    assert "applied for 400\u00a0000 kr" in other


def test_list_in_norwegian_reads_innvilget(client, verified_login, world, granted):
    verified_login(client, world.people["applicant"])
    client.cookies["django_language"] = "nb"
    body = client.get(reverse("fund:application-list")).content.decode()
    assert "Innvilget 300\u00a0000 kr" in body
    assert "omsøkt 450\u00a0000 kr" in body


def test_application_page_shows_decision_amount_and_conditions(as_user, world, granted):
    client = as_user(world.people["applicant"])
    response = client.get(granted.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    section = body[body.index('id="s-decision"') :]
    section = section[: section.index("</section>")]
    assert "Decision: Granted" in section
    assert "300\u00a0000 kr" in section and "applied for 450\u00a0000 kr" in section
    assert "Rapport hvert halvår" in section
    assert reverse("grants:letter", args=[granted.pk]) in section


def test_rejection_shows_reasons_and_no_amount(as_user, world):
    rejected = ApplicationFactory(
        call=world.call, organisation=world.applicant_org, status=S.REJECTED
    )
    DecisionFactory(
        application=rejected, outcome=Outcome.REJECTED, amount=0, reasons="Utenfor formålet"
    )
    client = as_user(world.people["applicant"])
    body = client.get(rejected.get_absolute_url()).content.decode()
    assert "Decision: Rejected" in body
    assert "Utenfor formålet" in body
    assert "Amount granted" not in body


def test_no_decision_section_before_the_decision(as_user, world):
    client = as_user(world.people["applicant"])
    body = client.get(world.application.get_absolute_url()).content.decode()
    assert 'id="s-decision"' not in body


def _count(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("fund:application-list")).status_code == 200
    return len(context.captured_queries)


def test_list_queries_do_not_grow_with_decisions(as_user, world):
    client = as_user(world.people["applicant"])
    for _ in range(3):
        DecisionFactory(application__call=world.call, application__organisation=world.applicant_org)
    few = _count(client)
    for _ in range(12):
        DecisionFactory(application__call=world.call, application__organisation=world.applicant_org)
    assert _count(client) == few
