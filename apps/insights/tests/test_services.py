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


# --- with Redis: counted in the cache, moved by the scheduler -------------------------------

ANSWER = (
    "/veiviser/svar/?purpose=buy&value=1800000&service=ordinary&provider=company"
    "&authority=municipality&on_market=yes"
)


def test_with_redis_an_answer_is_counted_in_the_cache_and_moved_once(redis_cache):
    from apps.insights.services import flush_route_guide_tally

    route_guide_tally(situation=_situation(), day=DAY)
    route_guide_tally(situation=_situation(), day=DAY)
    route_guide_tally(situation=_situation(purpose="grant"), day=DAY)
    assert not RouteGuideTally.objects.exists()
    assert flush_route_guide_tally(days=(DAY,)) == 3 * 5
    counts = _counts()
    assert counts[("purpose", "buy")] == 2
    assert counts[("purpose", "grant")] == 1
    assert counts[("service", "ordinary")] == 3
    # A second flush finds nothing left to move; new answers are added to the rows.
    assert flush_route_guide_tally(days=(DAY,)) == 0
    route_guide_tally(situation=_situation(), day=DAY)
    assert flush_route_guide_tally(days=(DAY,)) == 5
    assert _counts()[("purpose", "buy")] == 3


def test_with_redis_a_cached_answer_costs_no_database_query(
    client, redis_cache, django_assert_num_queries
):
    from apps.insights.services import flush_route_guide_tally
    from apps.routeguide.tests.ruledata import seed_rule_rows
    from apps.rules.selectors import today_oslo

    seed_rule_rows()
    assert client.get(ANSWER)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get(ANSWER)
    assert response["X-Page-Cache"] == "hit"
    assert not RouteGuideTally.objects.exists()
    flush_route_guide_tally()
    assert (
        RouteGuideTally.objects.get(day=today_oslo(), question="purpose", answer="buy").count == 2
    )


def test_with_redis_gone_the_answer_is_counted_in_the_database(redis_cache):
    redis_cache.stop()
    route_guide_tally(situation=_situation(), day=DAY)
    assert _counts()[("purpose", "buy")] == 1


def test_a_flush_that_cannot_write_puts_the_counts_back(redis_cache, monkeypatch):
    from django.db import DatabaseError

    from apps.insights import services

    route_guide_tally(situation=_situation(), day=DAY)

    def refuse(*args, **kwargs):
        raise DatabaseError("database away")

    monkeypatch.setattr(services, "_add_to_tally", refuse)
    with pytest.raises(DatabaseError):
        services.flush_route_guide_tally(days=(DAY,))
    monkeypatch.undo()
    assert services.flush_route_guide_tally(days=(DAY,)) == 5
    assert _counts()[("purpose", "buy")] == 1


def test_the_flush_is_a_scheduled_job():
    from apps.operations.schedule import job_named

    job = job_named("insights_flush_route_guide_counts")
    assert job.cron == "*/5 * * * *"
    assert job.get_task().func.__name__ == "flush_route_guide_counts"
