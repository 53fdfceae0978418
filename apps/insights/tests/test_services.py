"""The route guide's tally: counts per day, question and answer, and nothing else."""

import datetime

import pytest

from apps.insights.models import RouteGuideTally
from apps.insights.services import route_guide_tally
from apps.routeguide.answer import Situation

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 23)


def _situation(**changes) -> Situation:
    values = {
        "purpose": "buy",
        "service": "ordinary",
        "provider": "company",
        "authority": "municipality",
        "on_market": "yes",
        "on": DAY,
        "value": 1_800_000,
    }
    return Situation(**{**values, **changes})


def _counts() -> dict[tuple[str, str], int]:
    return {
        (row.question, row.answer): row.count for row in RouteGuideTally.objects.filter(day=DAY)
    }


def test_each_answer_is_counted_once_per_question():
    route_guide_tally(situation=_situation(), day=DAY)
    route_guide_tally(situation=_situation(), day=DAY)
    route_guide_tally(situation=_situation(purpose="grant"), day=DAY)
    counts = _counts()
    assert counts[("purpose", "buy")] == 2
    assert counts[("purpose", "grant")] == 1
    assert counts[("service", "ordinary")] == 3
    assert {question for question, _answer in counts} == {
        "purpose",
        "service",
        "provider",
        "authority",
        "on_market",
    }


def test_a_known_answer_is_counted_with_one_update(django_assert_num_queries):
    route_guide_tally(situation=_situation(), day=DAY)
    with django_assert_num_queries(1):
        route_guide_tally(situation=_situation(), day=DAY)
    assert _counts()[("provider", "company")] == 2


def test_days_are_counted_apart():
    route_guide_tally(situation=_situation(), day=DAY)
    route_guide_tally(situation=_situation(), day=DAY + datetime.timedelta(days=1))
    assert RouteGuideTally.objects.filter(question="purpose", answer="buy").count() == 2
    assert _counts()[("purpose", "buy")] == 1


def test_showing_a_route_guide_answer_counts_it(client):
    from apps.routeguide.tests.ruledata import seed_rule_rows

    seed_rule_rows()
    query = (
        "purpose=buy&value=1800000&service=ordinary&provider=company&authority=municipality"
        "&on_market=yes"
    )
    assert client.get(f"/veiviser/svar/?{query}").status_code == 200
    assert client.get(f"/veiviser/svar/?{query}").status_code == 200
    assert RouteGuideTally.objects.get(question="purpose", answer="buy").count == 2
    # An invalid answer page (a step is missing) counts nothing.
    client.get("/veiviser/svar/?purpose=grant")
    assert not RouteGuideTally.objects.filter(answer="grant").exists()
