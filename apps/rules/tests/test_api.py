import datetime

import pytest

from apps.rules import demo

from .factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db

RULE_FIELDS = {
    "code", "citation", "title", "summary", "law", "source_url",
    "valid_from", "valid_to", "verified", "pending",
    "title_nn", "summary_nn", "title_en", "summary_en",
}  # fmt: skip
THRESHOLD_FIELDS = {
    "key", "label", "amount", "valid_from", "valid_to", "citation", "source_url",
    "verified", "pending",
}  # fmt: skip


@pytest.fixture
def demo_rules():
    demo.load()


def test_rules_are_listed_with_count_and_documented_fields(client, demo_rules):
    response = client.get("/api/v1/rules")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 28
    assert set(body["items"][0]) == RULE_FIELDS
    by_code = {item["code"]: item for item in body["items"]}
    assert by_code["prop-147-l"]["pending"] is False
    assert by_code["prop-147-l"]["valid_from"] == "2026-07-01"
    assert by_code["loa-2"]["valid_from"] == "2017-01-01"
    # Bokmål stays in title/summary; the nynorsk and English texts come beside it.
    assert by_code["loa-2"]["title"] == "Virkeområde og nedre terskelverdi"
    assert by_code["loa-2"]["title_nn"] == "Verkeområde og nedre terskelverdi"
    assert by_code["loa-2"]["title_en"] == "Scope and the lower threshold"


def test_rules_paginate_with_limit_and_offset(client):
    LegalRuleFactory.create_batch(5)
    body = client.get("/api/v1/rules", {"limit": 2, "offset": 4}).json()
    assert body["count"] == 5
    assert len(body["items"]) == 1


def test_rules_for_a_date_are_those_in_force(client, demo_rules):
    body = client.get("/api/v1/rules", {"date": "2016-06-01"}).json()
    assert [item["code"] for item in body["items"]] == ["offentlig-stotte"]
    codes = {item["code"] for item in client.get("/api/v1/rules?date=2024-06-01").json()["items"]}
    assert "foa-7-9" in codes and "prop-147-l" not in codes
    codes = {item["code"] for item in client.get("/api/v1/rules?date=2026-07-01").json()["items"]}
    assert "prop-147-l" in codes


def test_thresholds_for_a_date(client, demo_rules):
    body = client.get("/api/v1/thresholds", {"date": "2018-01-01"}).json()
    by_key = {item["key"]: item for item in body["items"]}
    assert body["count"] == len(by_key)
    assert by_key["national"]["amount"] == 1_100_000
    assert by_key["national"]["valid_to"] == "2018-04-05"
    assert by_key["eea_goods_services_state"]["amount"] == 1_100_000
    assert all(item["pending"] is False for item in body["items"])
    assert set(body["items"][0]) == THRESHOLD_FIELDS
    assert by_key["national"]["label"]


def test_thresholds_default_to_today(client):
    ThresholdFactory(valid_from=datetime.date(2018, 4, 6), amount=1_300_000)
    ThresholdFactory(
        key="eea_works", valid_from=datetime.date(2000, 1, 1), valid_to=datetime.date(2001, 1, 1)
    )
    body = client.get("/api/v1/thresholds").json()
    assert [(item["key"], item["amount"]) for item in body["items"]] == [("national", 1_300_000)]


def test_threshold_history_has_every_row(client, demo_rules):
    body = client.get("/api/v1/thresholds/history").json()
    assert body["count"] == 28
    assert not [item for item in body["items"] if item["pending"]]
    lower = [(i["amount"], i["valid_from"]) for i in body["items"] if i["key"] == "lower_limit"]
    assert sorted(lower) == [(100_000, "2017-01-01"), (500_000, "2026-07-01")]


@pytest.mark.parametrize("path", ["/api/v1/thresholds", "/api/v1/rules"])
def test_a_bad_date_is_a_422_naming_the_field(client, path):
    response = client.get(path, {"date": "2024-02-30"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(error["loc"][-1] == "date" for error in detail)


def test_openapi_documents_the_rules_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/rules", "/api/v1/thresholds", "/api/v1/thresholds/history"):
        assert path in schema["paths"], path
    threshold = schema["components"]["schemas"]["ThresholdOut"]
    assert "NOK" in threshold["properties"]["amount"]["description"]
    assert "RuleOut" in schema["components"]["schemas"]
