"""The statistics in the JSON API: the same numbers and the same suppression as the site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.broker.models import NeedVisibility
from apps.insights import selectors

from . import factories as f

pytestmark = pytest.mark.django_db

PUBLIC_SLUGS = [spec.slug for spec in selectors.charts_for(scope=selectors.Scope.public())]


def test_the_list_names_every_public_statistic(client):
    data = client.get("/api/v1/statistics").json()
    assert data["count"] == len(PUBLIC_SLUGS)
    assert [item["slug"] for item in data["items"]] == PUBLIC_SLUGS
    needs = data["items"][0]
    assert needs["csv_url"] == "/innsikt/behov-sektor-status.csv"
    assert needs["filters"] == ["county", "municipality", "period"]


def test_a_suppressed_count_never_leaves_the_server(client):
    f.need(sectors=["barnevern"])
    f.need(sectors=["barnevern"])
    f.need(sectors=["barnevern"], visibility=NeedVisibility.MEMBERS)
    for _ in range(3):
        f.need(sectors=["integrering"])

    data = client.get("/api/v1/statistics/behov-sektor-status").json()

    rows = {row["label"]: row for row in data["rows"]}
    hidden = rows["Child welfare"]["values"][0]
    assert hidden == {"value": None, "display": "<3", "suppressed": True}
    assert rows["Child welfare"]["total"] == {"value": None, "at_least": 1, "display": "<3"}
    assert rows["Integration"]["values"][0] == {"value": 3, "display": "3", "suppressed": False}
    assert rows["Integration"]["total"]["value"] == 3
    assert [series["key"] for series in data["series"]] == ["open", "in_dialogue", "closed"]


def test_filters_apply_and_bad_ones_are_refused(client):
    for _ in range(3):
        f.need(code="4601", sectors=["integrering"])
    f.need(code="3201", sectors=["integrering"])
    url = "/api/v1/statistics/behov-sektor-status"
    bergen = client.get(url, {"municipality": "4601"}).json()
    assert bergen["rows"][0]["values"][0]["value"] == 3
    assert client.get(url, {"county": "99"}).status_code == 422
    assert client.get(url, {"municipality": "12"}).status_code == 422
    assert client.get(url, {"from": "2024", "to": "2020"}).status_code == 422


def test_unknown_and_private_statistics_are_not_found(client):
    assert client.get("/api/v1/statistics/nothing").status_code == 404
    assert client.get("/api/v1/statistics/fondssoknader-status").status_code == 404


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_the_api_reads_the_charts_innsikt_keeps_and_is_as_fresh_as_the_page(client):
    for _ in range(3):
        f.need(sectors=["integrering"])
    url = "/api/v1/statistics/behov-sektor-status"
    listing = "/api/v1/statistics"
    # A new query string each time, so that the page cache never answers.
    client.get(url, {"visit": 1})
    client.get(listing, {"visit": 1})
    # The second visit counts nothing: only the route guide's tally, which is always counted
    # live, is read for the list, and nothing for one stored chart.
    assert _queries(lambda: client.get(url, {"visit": 2})) == 0
    with CaptureQueriesContext(connection) as queries:
        client.get(listing, {"visit": 2})
    assert ["insights_routeguidetally" in query["sql"] for query in queries] == [True]

    f.need(sectors=["integrering"])
    rows = {row["label"]: row for row in client.get(url, {"visit": 3}).json()["rows"]}
    assert rows["Integration"]["values"][0]["value"] == 4
