"""Answers the page cache serves are counted in the insights tally, and a tally that cannot
be written never stops the cached answer from being served."""

from django.db import DatabaseError

from apps.insights.models import RouteGuideTally

QUERY = (
    "purpose=buy&value=1800000&service=ordinary&provider=company&authority=municipality"
    "&on_market=yes"
)
ANSWER = f"/veiviser/svar/?{QUERY}"


def test_a_cached_answer_is_counted(client, rule_rows):
    assert client.get(ANSWER)["X-Page-Cache"] == "miss"
    assert client.get(ANSWER)["X-Page-Cache"] == "hit"
    assert client.get(ANSWER)["X-Page-Cache"] == "hit"
    assert RouteGuideTally.objects.get(question="purpose", answer="buy").count == 3


def test_other_cached_pages_count_nothing(client, rule_rows):
    client.get("/veiviser/")
    client.get("/veiviser/")
    assert not RouteGuideTally.objects.exists()


def test_a_failing_tally_does_not_stop_the_cached_answer(client, rule_rows, monkeypatch):
    client.get(ANSWER)

    def database_away(**kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("apps.insights.services.route_guide_tally", database_away)
    response = client.get(ANSWER)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
