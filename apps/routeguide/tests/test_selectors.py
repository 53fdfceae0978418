import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.routeguide.engine import Situation
from apps.routeguide.selectors import answer_for, recipes_for, rule_data_for
from apps.rules.models import LegalRule, Threshold
from apps.rules.selectors import today_oslo

from .ruledata import rule_data_on

D = datetime.date
TODAY = D(2025, 6, 1)
DATES = [
    D(2016, 12, 31),
    D(2017, 1, 1),
    D(2017, 12, 31),
    D(2018, 4, 5),
    D(2018, 4, 6),
    D(2020, 2, 12),
    D(2023, 12, 31),
    D(2024, 3, 13),
    D(2024, 3, 14),
    TODAY,
]


def _thresholds(mapping):
    return {
        key: (row.amount, row.valid_from, row.citation, row.verified)
        for key, row in mapping.items()
    }


@pytest.mark.parametrize("on", DATES, ids=str)
def test_rule_data_from_the_database_matches_the_agreed_rows(rule_rows, on):
    from_db = rule_data_for(on=on, today=TODAY)
    expected = rule_data_on(on, with_pending=on >= TODAY)
    assert _thresholds(from_db.thresholds) == _thresholds(expected.thresholds)
    assert _thresholds(from_db.pending_thresholds) == _thresholds(expected.pending_thresholds)
    assert set(from_db.rules) == set(expected.rules)
    # The reform is adopted and dated (1 July 2026): not a pending rule any more.
    assert "prop-147-l" not in from_db.rules


def test_rule_data_takes_three_queries_at_most(rule_rows):
    with CaptureQueriesContext(connection) as queries:
        rule_data_for(on=TODAY, today=TODAY)
    assert len(queries) <= 3


def test_proposals_are_left_out_for_past_dates(rule_rows):
    Threshold.objects.create(
        key="lower_limit", amount=300_000, pending=True, citation="Forslag (test)"
    )
    assert rule_data_for(on=D(2020, 1, 1), today=TODAY).pending_thresholds == {}
    assert set(rule_data_for(on=TODAY, today=TODAY).pending_thresholds) == {"lower_limit"}


def test_rule_page_links_point_to_the_rules_page(rule_rows):
    rule = rule_data_for(on=TODAY, today=TODAY).rules["foa-8-8"]
    assert rule.page_url == "/regelverk/#foa-8-8"
    assert rule.url.startswith("https://lovdata.no/")


def _situation(on, value=1_400_000):
    return Situation(
        purpose="buy",
        service="ordinary",
        provider="company",
        authority="municipality",
        on_market="yes",
        on=on,
        value=value,
    )


def test_a_new_threshold_row_changes_answers_only_from_its_date(rule_rows):
    today = today_oslo()
    start = today + datetime.timedelta(days=30)
    past = D(2021, 6, 1)
    before = {on: answer_for(situation=_situation(on)) for on in (past, today)}

    # An editor ends the current row and adds next year's amount.
    Threshold.objects.filter(key="national", valid_to__isnull=True).update(
        valid_to=start - datetime.timedelta(days=1)
    )
    Threshold.objects.create(
        key="national",
        amount=1_500_000,
        valid_from=start,
        citation="FOA § 5-1 (ny verdi)",
        verified=True,
    )

    for on, earlier in before.items():
        now = answer_for(situation=_situation(on))
        assert now.regime == earlier.regime == "DEL_II"
        # The same amounts from the same dates (the closed row now has an end date).
        assert [(r.key, r.amount, r.valid_from) for r in now.thresholds] == [
            (r.key, r.amount, r.valid_from) for r in earlier.thresholds
        ]
    later = answer_for(situation=_situation(start))
    assert later.regime == "DEL_I"
    assert ("national", 1_500_000) in [(row.key, row.amount) for row in later.thresholds]


def test_a_rule_ended_by_an_editor_is_no_longer_cited_after_its_end(rule_rows):
    LegalRule.objects.filter(code="foa-7-9").update(valid_to=D(2025, 12, 31))
    assert "foa-7-9" in answer_for(situation=_situation(D(2025, 12, 31))).citation_codes
    assert "foa-7-9" not in answer_for(situation=_situation(D(2026, 1, 1))).citation_codes


def test_the_rules_demo_seed_gives_the_same_thresholds(db):
    from apps.rules import demo

    demo.load()
    for on in DATES:
        from_seed = rule_data_for(on=on, today=TODAY)
        expected = rule_data_on(on)
        assert {k: r.amount for k, r in from_seed.thresholds.items()} == {
            k: r.amount for k, r in expected.thresholds.items()
        }


@pytest.fixture
def recipes(home_page, rule_rows):
    book = CookbookIndexPageFactory(parent=home_page)
    chapter = ChapterPageFactory(parent=book, title="Kjøpe", slug="kjope")
    tender = RecipePageFactory(
        parent=chapter,
        title="Tilbudskonkurranse med forhandling",
        legal_rules=[LegalRule.objects.get(code="foa-8-3")],
    )
    both = RecipePageFactory(
        parent=chapter,
        title="Reservert konkurranse",
        legal_rules=[
            LegalRule.objects.get(code="foa-8-3"),
            LegalRule.objects.get(code="foa-8-8"),
        ],
    )
    RecipePageFactory(
        parent=chapter,
        title="Tilskudd",
        legal_rules=[LegalRule.objects.get(code="offentlig-stotte")],
    )
    return tender, both


def test_recipes_citing_the_rules_of_the_answer_come_first(recipes):
    tender, both = recipes
    situation = Situation(
        purpose="buy",
        service="ordinary",
        provider="wise",
        authority="municipality",
        on_market="yes",
        on=TODAY,
        value=1_800_000,
    )
    links = recipes_for(answer=answer_for(situation=situation))
    # Both rules cited first; then those citing one, in book order.
    assert [link.title for link in links] == [both.title, tender.title, "Tilskudd"]
    assert links[0].url.endswith("/reservert-konkurranse/")


def test_recipes_citing_none_of_the_rules_are_left_out(recipes):
    answer = answer_for(situation=_situation(TODAY, value=1_800_000))
    titles = [link.title for link in recipes_for(answer=answer)]
    assert "Tilskudd" not in titles
    assert len(titles) == 2


def test_recipes_are_limited(recipes):
    answer = answer_for(situation=_situation(TODAY, value=1_800_000))
    assert len(recipes_for(answer=answer, limit=1)) == 1
