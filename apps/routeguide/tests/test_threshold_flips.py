"""Each shipped threshold row changes the route guide's answer on the day it came into
force, not a day earlier: the day before and the day of `valid_from`, for a value one krone
below the new amount (which the previous, lower amount did not protect)."""

import datetime

import pytest

from apps.routeguide.engine import Situation, decide
from apps.rules.loader import read_data

from .ruledata import rule_data_on

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)

# key -> (service, authority, regime just below the new amount, regimes just above it)
EXPECTED = {
    "lower_limit": ("ordinary", "municipality", {"OUTSIDE"}, {"DEL_I"}),
    "national": ("ordinary", "municipality", {"DEL_I"}, {"DEL_II"}),
    "eea_goods_services_state": ("ordinary", "state", {"DEL_I", "DEL_II"}, {"DEL_III"}),
    "eea_goods_services_other": ("ordinary", "municipality", {"DEL_I", "DEL_II"}, {"DEL_III"}),
    "eea_works": ("works", "municipality", {"DEL_II"}, {"DEL_III"}),
    "eea_health_social": ("health_social", "municipality", {"DEL_I"}, {"CH30"}),
    "eea_special": ("special", "municipality", {"DEL_II"}, {"DEL_II_EEA"}),
}

_, THRESHOLD_SPECS, _ = read_data()
DATED = [spec for spec in THRESHOLD_SPECS if not spec["pending"]]


def _answer(*, service, authority, value, on):
    situation = Situation(
        purpose="buy",
        service=service,
        provider="company",
        authority=authority,
        on_market="yes",
        on=on,
        value=value,
    )
    return decide(situation, rule_data_on(on))


def _previous_amount(spec) -> int | None:
    earlier = [
        other
        for other in DATED
        if other["key"] == spec["key"] and other["valid_from"] < spec["valid_from"]
    ]
    return max(earlier, key=lambda other: other["valid_from"])["amount"] if earlier else None


def test_every_shipped_threshold_row_has_a_flip_test():
    assert {spec["key"] for spec in DATED} == {*EXPECTED, "protocol"}
    assert len(DATED) >= 28


@pytest.mark.parametrize("spec", DATED, ids=[spec["ref"] for spec in DATED])
def test_the_answer_flips_on_the_day_the_row_came_into_force(spec):
    start = spec["valid_from"]
    value = spec["amount"] - 1
    previous = _previous_amount(spec)
    # The previous amount was lower (or there was none), so the value was above it.
    assert previous is None or previous <= value
    if spec["key"] == "protocol":
        day_of = _answer(service="ordinary", authority="municipality", value=value, on=start)
        before = _answer(
            service="ordinary", authority="municipality", value=value, on=start - ONE_DAY
        )
        assert "PROTOCOL" not in day_of.overlay_codes
        if previous is None:
            assert before.regime == "UNKNOWN"
        else:
            assert "PROTOCOL" in before.overlay_codes
        return
    service, authority, below, above = EXPECTED[spec["key"]]
    day_of = _answer(service=service, authority=authority, value=value, on=start)
    before = _answer(service=service, authority=authority, value=value, on=start - ONE_DAY)
    assert day_of.regime in below
    used = [(row.key, row.amount, row.valid_from) for row in day_of.thresholds]
    # Where the state's EEA threshold equals the national one (2017, 2018), a value below
    # it is already below the national threshold, which is then the deciding row.
    deciding = spec["key"] if day_of.regime != "DEL_I" or "state" not in spec["key"] else None
    if deciding:
        assert (spec["key"], spec["amount"], start) in used
    if previous is None:
        assert before.regime == "UNKNOWN"
    else:
        assert before.regime in above


def test_ordinary_services_for_2_1_m_on_1_february_2022_need_an_eea_procedure():
    answer = _answer(
        service="ordinary", authority="municipality", value=2_100_000, on=D(2022, 2, 1)
    )
    assert answer.regime == "DEL_III"
    assert ("eea_goods_services_other", 2_050_000) in [
        (row.key, row.amount) for row in answer.thresholds
    ]
    assert "EEA_NOTICE" in answer.overlay_codes


def test_works_for_55_m_on_1_february_2022_need_an_eea_procedure():
    answer = _answer(service="works", authority="municipality", value=55_000_000, on=D(2022, 2, 1))
    assert answer.regime == "DEL_III"
    assert ("eea_works", 51_500_000) in [(row.key, row.amount) for row in answer.thresholds]


def test_health_and_social_services_for_7_m_in_january_2018_are_above_6_3_m():
    answer = _answer(
        service="health_social", authority="municipality", value=7_000_000, on=D(2018, 1, 15)
    )
    assert answer.regime == "CH30"


def test_an_open_ended_row_older_than_two_years_may_be_out_of_date():
    old = _answer(service="ordinary", authority="municipality", value=2_400_000, on=D(2026, 12, 4))
    assert "MAY_BE_OUTDATED" in old.warning_codes
    fresh = _answer(service="ordinary", authority="municipality", value=2_400_000, on=D(2025, 6, 1))
    outdated = [n for n in fresh.warnings if n.code == "MAY_BE_OUTDATED"]
    # On 1 June 2025 only the national threshold (since 2018) is more than two years old.
    assert [n.statement.params["start"] for n in outdated] == [D(2018, 4, 6)]


@pytest.mark.django_db
def test_the_database_answers_like_the_shipped_data():
    from apps.routeguide.selectors import answer_for
    from apps.rules.loader import load_rules

    load_rules()
    situation = Situation(
        purpose="buy",
        service="works",
        provider="company",
        authority="municipality",
        on_market="yes",
        on=D(2022, 2, 1),
        value=55_000_000,
    )
    assert answer_for(situation=situation).regime == "DEL_III"
    later = Situation(**{**situation.__dict__, "on": D(2022, 3, 23)})
    assert answer_for(situation=later).regime == "DEL_II"
