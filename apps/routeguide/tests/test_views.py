"""The step pages and the answer page, as a browser without JavaScript uses them."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.rules.models import LegalRule

NBSP = "\u00a0"
ANSWERS = {
    "purpose": "buy",
    "value": "1800000",
    "service": "ordinary",
    "provider": "company",
    "authority": "municipality",
    "on_market": "yes",
}
CANONICAL = (
    "purpose=buy&value=1800000&service=ordinary&provider=company&authority=municipality"
    "&on_market=yes"
)


@pytest.fixture
def english(client: Client) -> Client:
    """UI strings in English, so the assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _html(response) -> str:
    return response.content.decode()


def _hidden(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def _checked(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" id="[^"]+" value="([^"]+)" checked', html)


def test_step_one_asks_for_the_purpose_with_a_get_form(english, rule_rows):
    response = english.get("/veiviser/")
    html = _html(response)
    assert response.status_code == 200
    assert 'method="get" action="/veiviser/steg-2/"' in html
    assert "Step 1 of 3" in html
    assert html.count('name="purpose"') == 7
    assert "<script>" not in html and 'style="' not in html


def test_going_on_without_a_purpose_shows_step_one_with_the_error(english, rule_rows):
    html = _html(english.get("/veiviser/steg-2/"))
    assert "<title>Error:" in html
    assert "Step 1 of 3" in html
    assert 'href="#id_purpose_0">Choose one of the answers.' in html
    assert 'aria-invalid="true"' in html


def test_step_two_carries_the_purpose_and_asks_for_value_and_service(english, rule_rows):
    html = _html(english.get("/veiviser/steg-2/", {"purpose": "buy"}))
    assert "Step 2 of 3" in html
    assert _hidden(html) == {"purpose": "buy"}
    assert 'action="/veiviser/steg-3/"' in html
    for name in ("value", "annual_value", "years"):
        assert f'name="{name}"' in html
    assert html.count('name="service"') == 6
    assert 'href="/veiviser/?purpose=buy">Back' in html


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"value": "mye"}, "value", "Enter a whole number of kroner"),
        ({"value": "-5"}, "value", "The value cannot be negative."),
        ({"value": "1" + "0" * 13}, "value", "The value is too large"),
        ({"value": "100", "annual_value": "50"}, "value", "not both"),
        ({"annual_value": "500000"}, "years", "Give the number of years"),
        ({"years": "4"}, "annual_value", "Give the value per year"),
        ({"annual_value": "500000", "years": "0"}, "years", "Enter at least one year."),
        ({"annual_value": "500000", "years": "51"}, "years", "Enter at most 50 years."),
        ({"annual_value": "500000", "years": "fire"}, "years", "Enter a whole number of years."),
        ({}, "value", "Give the estimated value"),
        ({"value": "100000", "service": "space"}, "service", "Choose one of the answers listed."),
    ],
)
def test_step_two_errors_keep_the_values(english, rule_rows, answers, field, message):
    data = {"purpose": "buy", "service": "ordinary", **answers}
    html = _html(english.get("/veiviser/steg-3/", data))
    assert "Step 2 of 3" in html
    assert message in html
    anchor = f"id_{field}_0" if field == "service" else f"id_{field}"
    assert f'href="#{anchor}"' in html
    for name, value in answers.items():
        if name != "service":
            assert f'name="{name}" id="id_{name}" value="{value}"' in html
    if answers.get("service", "ordinary") == "ordinary":
        assert _checked(html, "service") == ["ordinary"]


def test_value_is_optional_for_a_dialogue_with_the_market(english, rule_rows):
    html = _html(english.get("/veiviser/steg-3/", {"purpose": "dialogue", "service": "ordinary"}))
    assert "Step 3 of 3" in html


def test_spaces_between_thousands_are_accepted(english, rule_rows):
    data = {"purpose": "buy", "service": "ordinary", "value": "1 800 000 kr"}
    html = _html(english.get("/veiviser/steg-3/", data))
    assert "Step 3 of 3" in html


@pytest.mark.parametrize(
    ("purpose", "service", "shown", "hidden"),
    [
        ("buy", "ordinary", [], ["counter_performance", "benefits_shared"]),
        ("grant", "ordinary", ["counter_performance"], ["benefits_shared"]),
        ("rd", "ordinary", ["benefits_shared"], ["counter_performance"]),
        ("buy", "rd", ["benefits_shared"], ["counter_performance"]),
    ],
)
def test_step_three_asks_the_conditional_questions_only_when_they_matter(
    english, rule_rows, purpose, service, shown, hidden
):
    data = {"purpose": purpose, "service": service, "value": "500000"}
    html = _html(english.get("/veiviser/steg-3/", data))
    assert 'action="/veiviser/svar/"' in html
    assert _hidden(html) == data
    for name in ("provider", "authority", "on_market", "date", *shown):
        assert f'name="{name}"' in html
    for name in hidden:
        assert f'name="{name}"' not in html


def test_missing_answers_on_the_last_step_are_shown_there(english, rule_rows):
    data = {**ANSWERS, "purpose": "grant"}
    del data["provider"]
    html = _html(english.get("/veiviser/svar/", data))
    assert "Step 3 of 3" in html
    assert 'href="#id_provider_0">Choose one of the answers.' in html
    assert 'href="#id_counter_performance_0">Choose one of the answers.' in html
    assert _checked(html, "authority") == ["municipality"]
    assert _hidden(html) == {"purpose": "grant", "value": "1800000", "service": "ordinary"}


def test_a_bad_date_is_shown_on_the_last_step(english, rule_rows):
    html = _html(english.get("/veiviser/svar/", {**ANSWERS, "date": "14.03.2024"}))
    assert "Enter a date as YYYY-MM-DD" in html
    assert 'value="14.03.2024"' in html


def test_an_invalid_earlier_answer_sends_the_visitor_back_to_its_step(english, rule_rows):
    html = _html(english.get("/veiviser/svar/", {**ANSWERS, "purpose": "steal"}))
    assert "Step 1 of 3" in html
    assert "Choose one of the answers listed." in html


def test_the_answer_url_is_made_canonical(english, rule_rows):
    response = english.get("/veiviser/svar/", {**ANSWERS, "date": "", "utm_source": "x"})
    assert response.status_code == 302
    assert response["Location"] == f"/veiviser/svar/?{CANONICAL}"


def test_the_answer_page_explains_and_cites(english, rule_rows):
    response = english.get(f"/veiviser/svar/?{CANONICAL}")
    html = _html(response)
    assert response.status_code == 200
    assert 'data-regime="DEL_II"' in html
    assert f"the value NOK 1{NBSP}800{NBSP}000 is at or above the national threshold" in html
    assert f"NOK 1{NBSP}300{NBSP}000" in html and f"NOK 2{NBSP}300{NBSP}000" in html
    assert 'data-code="OPEN_TENDER_COMPETITION"' in html
    assert 'data-code="DOFFIN_NOTICE"' in html
    # Citations are linked; unverified ones are marked.
    assert re.search(r'<a class="ds-link" href="https://[^"]+">FOA § 8-3</a>', html)
    assert re.search(r'>FOA §§ 9-3 og 12-2</a> <span class="unverified">not verified</span>', html)
    assert 'href="/regelverk/#foa-8-3"' in html
    assert "Thresholds used" in html
    assert 'media="print"' in html and "routeguide/css/print.css" in html
    assert 'style="' not in html and "<script>" not in html
    # Endless combinations of answers are not for search engines.
    assert '<meta name="robots" content="noindex, follow">' in html


def test_step_pages_answer_head_requests(client, rule_rows):
    assert client.head("/veiviser/").status_code == 200
    assert client.head(f"/veiviser/svar/?{CANONICAL}").status_code == 200


def test_the_answer_page_for_a_past_date_uses_the_thresholds_of_that_date(english, rule_rows):
    query = CANONICAL.replace("1800000", "2250000") + "&date=2023-06-01"
    html = _html(english.get(f"/veiviser/svar/?{query}"))
    assert 'data-regime="DEL_III"' in html
    assert f"NOK 2{NBSP}200{NBSP}000" in html
    assert "Climate and environment" not in html


def test_the_answer_page_says_plainly_when_the_data_has_a_gap(english, rule_rows):
    html = _html(english.get(f"/veiviser/svar/?{CANONICAL}&date=2016-06-01"))
    assert 'data-regime="UNKNOWN"' in html
    assert "does not guess" in html
    assert "Procedures you can use" not in html


def test_change_your_answers_returns_to_step_one_with_everything_kept(english, rule_rows):
    html = _html(english.get(f"/veiviser/?{CANONICAL}"))
    assert _checked(html, "purpose") == ["buy"]
    hidden = _hidden(html)
    assert hidden["value"] == "1800000" and hidden["provider"] == "company"
    assert "purpose" not in hidden


def test_step_pages_are_cached_for_anonymous_visitors(client, rule_rows):
    client.get("/veiviser/")
    assert client.get("/veiviser/")["X-Page-Cache"] == "hit"


def test_the_cached_answer_page_carries_no_csrf_token(rule_rows):
    """The answer page is cached for everyone, so it must hold nothing of one visitor: no
    CSRF cookie or token (the feedback POST form lives on its own page)."""
    first, second = Client(), Client()
    response = first.get(f"/veiviser/svar/?{CANONICAL}")
    assert "csrftoken" not in response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    again = second.get(f"/veiviser/svar/?{CANONICAL}")
    assert again["X-Page-Cache"] == "hit"
    assert "csrftoken" not in again.cookies
    assert "csrfmiddlewaretoken" not in again.content.decode()


def _add_recipes(chapter, count: int) -> None:
    rule = LegalRule.objects.get(code="foa-8-3")
    for _number in range(count):
        RecipePageFactory(parent=chapter, legal_rules=[rule])


def _answer_queries(client: Client) -> int:
    cache.clear()  # the answer page is page-cached; measure the page, not the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/veiviser/svar/?{CANONICAL}")
    assert response.status_code == 200
    return len(queries)


def test_answer_page_queries_do_not_grow_with_the_number_of_recipes(home_page, rule_rows):
    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    _add_recipes(chapter, 1)
    _answer_queries(Client())  # Fills the site's cached root paths.
    one = _answer_queries(Client())
    _add_recipes(chapter, 5)
    many = _answer_queries(Client())
    assert one == many
    assert many <= 12


def test_a_saved_answer_shows_what_would_be_different_today(english, rule_rows):
    """A link saved on 1 February 2022 for NOK 2.1 m: then an EEA procedure (threshold
    2 050 000); today the EEA threshold is higher, so part II."""
    query = (
        "purpose=buy&value=2100000&service=ordinary&provider=company"
        "&authority=municipality&on_market=yes&date=2022-02-01"
    )
    response = english.get(f"/veiviser/svar/?{query}", follow=True)
    html = _html(response)
    assert response.status_code == 200
    assert 'data-regime="DEL_III"' in html
    section = re.search(r'<section aria-labelledby="today-heading".*?</section>', html, re.S)
    assert section is not None
    text = section.group(0)
    assert "Today the purchase would fall under" in text
    assert f"NOK 2{NBSP}050{NBSP}000 on the saved date" in text
    assert "See the answer for today" in text


def test_an_answer_for_today_has_no_comparison(english, rule_rows):
    response = english.get(f"/veiviser/svar/?{CANONICAL}")
    assert 'aria-labelledby="today-heading"' not in _html(response)


def test_each_cited_rule_shows_when_it_was_checked_against_its_source(english, rule_rows):
    LegalRule.objects.filter(code="foa-5-1").update(checked_on=datetime.date(2026, 3, 12))
    html = _html(english.get(f"/veiviser/svar/?{CANONICAL}"))
    cited = re.search(r'<li id="kilde-foa-5-1">.*?</li>', html, re.S).group(0)
    assert "Checked against the source 12.03.2026" in cited
    unchecked = re.search(r'<li id="kilde-foa-8-3">.*?</li>', html, re.S).group(0)
    assert "Checked against the source" not in unchecked
