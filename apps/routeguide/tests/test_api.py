import pytest
from django.conf import settings

URL = "/api/v1/veiviser"
ANSWERS = {
    "purpose": "buy",
    "value": "1800000",
    "service": "ordinary",
    "provider": "wise",
    "authority": "municipality",
    "on_market": "no",
    "date": "2025-06-01",
}


def test_the_answer_has_the_documented_shape(client, rule_rows):
    response = client.get(URL, ANSWERS)
    assert response.status_code == 200
    data = response.json()
    assert data["regime"] == "DEL_II"
    assert data["date"] == "2025-06-01"
    assert data["value"] == 1_800_000
    assert data["procedures"] == [
        "OPEN_TENDER_COMPETITION",
        "RESTRICTED_TENDER_COMPETITION",
        "INNOVATION_PARTNERSHIP",
    ]
    assert data["overlays"] == [
        "PROTOCOL",
        "DOFFIN_NOTICE",
        "RESERVED_WISE",
        "MARKET_DIALOGUE",
        "SOCIAL_CONSIDERATIONS",
    ]
    citation = next(item for item in data["citations"] if item["code"] == "foa-8-8")
    assert citation == {
        "code": "foa-8-8",
        "citation": "FOA § 8-8",
        "title": "Reserverte kontrakter (del II)",
        "url": "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974",
        "rule_url": "http://testserver/regelverk/#foa-8-8",
        "verified": True,
        "pending": False,
    }
    assert {"code": "markedsdialog", "verified": False}.items() <= next(
        item for item in data["citations"] if item["code"] == "markedsdialog"
    ).items()
    assert [(t["key"], t["amount"], t["valid_from"]) for t in data["thresholds"]] == [
        ("lower_limit", 100_000, "2017-01-01"),
        ("national", 1_300_000, "2018-04-06"),
        ("eea_goods_services_other", 2_300_000, "2024-03-14"),
        ("protocol", 100_000, "2017-01-01"),
    ]
    assert data["recipes"] == []
    # The national threshold has applied since 2018 with no end date: it may be out of date.
    assert {warning["code"] for warning in data["warnings"]} == {"UNVERIFIED", "MAY_BE_OUTDATED"}
    assert all(isinstance(sentence, str) and sentence for sentence in data["explanation"])
    assert "1\u00a0800\u00a0000" in data["explanation"][0]
    assert data["answer_url"].startswith("http://testserver/veiviser/svar/?purpose=buy&value=")
    assert data["answer_url"].endswith("&date=2025-06-01")


def test_the_api_answers_in_norwegian_whatever_the_visitors_language(client, rule_rows):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(
        URL, {**ANSWERS, "authority": "state", "value": "1400000", "date": "2016-01-01"}
    )
    data = response.json()
    assert response.status_code == 200
    assert data["regime"] == "UNKNOWN"
    gap = next(warning for warning in data["warnings"] if warning["code"] == "DATA_GAP")
    # The date is formatted the Norwegian way.
    assert "1. januar 2016" in gap["message"]
    assert data["procedures"] == [] and data["overlays"] == []


def test_the_date_defaults_to_today_in_oslo(client, rule_rows):
    from apps.rules.selectors import today_oslo

    answers = {k: v for k, v in ANSWERS.items() if k != "date"}
    data = client.get(URL, answers).json()
    assert data["date"] == today_oslo().isoformat()
    assert "date=" not in data["answer_url"]


def test_annual_value_and_years(client, rule_rows):
    answers = {k: v for k, v in ANSWERS.items() if k != "value"}
    data = client.get(URL, {**answers, "annual_value": "600000", "years": "4"}).json()
    assert data["value"] == 2_400_000
    assert data["regime"] == "DEL_III"


def _fields(response) -> dict[str, str]:
    assert response.status_code == 422
    return {error["loc"][1]: error["msg"] for error in response.json()["detail"]}


def test_bad_input_gives_422_with_a_message_per_field(client, rule_rows):
    response = client.get(
        URL, {**ANSWERS, "purpose": "steal", "value": "-1", "date": "2024-02-30", "on_market": "?"}
    )
    errors = _fields(response)
    assert set(errors) == {"purpose", "value", "date", "on_market"}
    assert all(message for message in errors.values())
    assert all(error["loc"][0] == "query" for error in response.json()["detail"])


def test_missing_answers_give_422_per_field(client, rule_rows):
    assert set(_fields(client.get(URL))) == {
        "purpose",
        "value",
        "service",
        "provider",
        "authority",
        "on_market",
    }


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"purpose": "grant"}, "counter_performance"),
        ({"purpose": "rd"}, "benefits_shared"),
        ({"value": "", "annual_value": "100000"}, "years"),
        ({"value": "abc"}, "value"),
        ({"counter_performance": "maybe", "purpose": "grant"}, "counter_performance"),
    ],
)
def test_conditional_answers_are_checked(client, rule_rows, answers, field):
    assert field in _fields(client.get(URL, {**ANSWERS, **answers}))


def test_grant_without_counter_performance(client, rule_rows):
    data = client.get(URL, {**ANSWERS, "purpose": "grant", "counter_performance": "no"}).json()
    assert data["regime"] == "NOT_PROCUREMENT"
    assert data["overlays"] == ["STATE_AID_CHECK"]
    assert data["thresholds"] == []


def test_the_openapi_schema_documents_the_route_guide(client, rule_rows):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/veiviser"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert set(parameters) == {
        "purpose",
        "value",
        "annual_value",
        "years",
        "service",
        "provider",
        "authority",
        "on_market",
        "counter_performance",
        "benefits_shared",
        "date",
    }
    assert parameters["purpose"]["schema"]["enum"] == [
        "buy",
        "pilot",
        "codevelop",
        "rd",
        "grant",
        "partnership",
        "dialogue",
    ]
    assert {"200", "422"} <= set(operation["responses"])
    assert "UNKNOWN" in operation["description"]
