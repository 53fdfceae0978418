import datetime
from unittest import mock

import pytest

from apps.rules import selectors
from apps.rules.models import Threshold

from .factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db

D = datetime.date
NATIONAL = Threshold.Key.NATIONAL


@pytest.fixture
def national_rows():
    old = ThresholdFactory(
        key=NATIONAL, amount=1_100_000, valid_from=D(2017, 1, 1), valid_to=D(2018, 4, 5)
    )
    new = ThresholdFactory(key=NATIONAL, amount=1_300_000, valid_from=D(2018, 4, 6))
    return old, new


def test_row_starting_on_the_date_is_in_force(national_rows):
    assert selectors.thresholds_in_force(on=D(2018, 4, 6))[NATIONAL].amount == 1_300_000


def test_row_ending_on_the_date_is_in_force(national_rows):
    assert selectors.thresholds_in_force(on=D(2018, 4, 5))[NATIONAL].amount == 1_100_000


def test_row_is_not_in_force_the_day_after_it_ends():
    ThresholdFactory(key=NATIONAL, valid_from=D(2017, 1, 1), valid_to=D(2017, 12, 31))
    assert NATIONAL in selectors.thresholds_in_force(on=D(2017, 12, 31))
    assert NATIONAL not in selectors.thresholds_in_force(on=D(2018, 1, 1))


def test_pending_row_is_never_in_force():
    ThresholdFactory(key=Threshold.Key.LOWER_LIMIT, amount=300_000, proposed=True)
    for day in (D(1990, 1, 1), D(2025, 6, 1), D(2099, 1, 1)):
        assert selectors.thresholds_in_force(on=day) == {}
        assert selectors.threshold_in_force(key=Threshold.Key.LOWER_LIMIT, on=day) is None


def test_a_gap_in_the_data_gives_no_row():
    ThresholdFactory(key=NATIONAL, valid_from=D(2017, 1, 1), valid_to=D(2017, 12, 31))
    ThresholdFactory(key=NATIONAL, amount=1_500_000, valid_from=D(2019, 1, 1))
    assert NATIONAL not in selectors.thresholds_in_force(on=D(2018, 6, 1))
    assert NATIONAL not in selectors.thresholds_in_force(on=D(2016, 12, 31))
    assert selectors.threshold_in_force(key=NATIONAL, on=D(2019, 1, 1)).amount == 1_500_000


def test_thresholds_in_force_has_one_row_per_key_in_key_order(national_rows):
    ThresholdFactory(key=Threshold.Key.LOWER_LIMIT, amount=100_000, valid_from=D(2017, 1, 1))
    ThresholdFactory(key=Threshold.Key.LOWER_LIMIT, amount=300_000, proposed=True)
    in_force = selectors.thresholds_in_force(on=D(2020, 1, 1))
    assert list(in_force) == [Threshold.Key.LOWER_LIMIT, NATIONAL]
    assert in_force[Threshold.Key.LOWER_LIMIT].amount == 100_000


def test_threshold_lines_name_every_key_and_leave_gaps_empty(national_rows):
    lines = selectors.threshold_lines(on=D(2020, 1, 1))
    assert [line.key for line in lines] == list(Threshold.Key.values)
    by_key = {line.key: line for line in lines}
    assert by_key[NATIONAL].row.amount == 1_300_000
    assert by_key[Threshold.Key.EEA_WORKS].row is None
    assert by_key[Threshold.Key.EEA_WORKS].label == str(Threshold.Key.EEA_WORKS.label)


def test_history_lists_pending_first_then_newest(national_rows):
    old, new = national_rows
    proposed = ThresholdFactory(key=NATIONAL, amount=2_000_000, proposed=True)
    history = selectors.threshold_history()
    assert list(history) == list(Threshold.Key.values)
    assert history[NATIONAL] == [proposed, new, old]
    assert history[Threshold.Key.EEA_WORKS] == []


def test_rules_in_force_and_pending_are_separate():
    current = LegalRuleFactory(code="in-force", valid_from=D(2017, 1, 1))
    ended = LegalRuleFactory(code="ended", valid_from=D(2017, 1, 1), valid_to=D(2019, 12, 31))
    future = LegalRuleFactory(code="future", valid_from=D(2030, 1, 1))
    proposed = LegalRuleFactory(code="proposed", proposed=True)
    on = D(2024, 1, 1)
    assert list(selectors.rules_in_force(on=on)) == [current]
    assert list(selectors.pending_rules()) == [proposed]
    assert set(selectors.rules_not_in_force(on=on)) == {ended, future}
    assert set(selectors.rules_in_force(on=D(2019, 12, 31))) == {current, ended}


def test_rule_by_code_and_by_codes():
    rule = LegalRuleFactory(code="foa-8-8")
    assert selectors.rule_by_code("foa-8-8") == rule
    assert selectors.rule_by_code("missing") is None
    assert selectors.rules_by_codes(codes=["foa-8-8", "missing"]) == {"foa-8-8": rule}


def test_groups_are_by_law_and_citations_in_legal_order():
    loa = LegalRuleFactory(code="loa-2", citation="LOA § 2", law="Anskaffelsesloven")
    big = LegalRuleFactory(code="foa-13-1", citation="FOA § 13-1", law="Anskaffelsesforskriften")
    small = LegalRuleFactory(code="foa-2-5", citation="FOA § 2-5", law="Anskaffelsesforskriften")
    chapter = LegalRuleFactory(
        code="foa-kap-30", citation="FOA kapittel 30", law="Anskaffelsesforskriften"
    )
    several = LegalRuleFactory(
        code="foa-7-1", citation="FOA §§ 7-1, 10-5", law="Anskaffelsesforskriften"
    )
    other = LegalRuleFactory(code="other", citation="Noe annet", law="")
    groups = selectors.rules_grouped_by_law(selectors.rules_in_force(on=D(2024, 1, 1)))
    assert [(group.law, group.rules) for group in groups] == [
        ("Anskaffelsesforskriften", [small, several, big, chapter]),
        ("Anskaffelsesloven", [loa]),
        ("", [other]),
    ]


def test_today_oslo_follows_norwegian_midnight():
    late_utc = datetime.datetime(2024, 3, 13, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("apps.core.oslo.timezone.now", return_value=late_utc):
        assert selectors.today_oslo() == D(2024, 3, 14)
    summer_utc = datetime.datetime(2024, 6, 30, 21, 59, tzinfo=datetime.UTC)
    with mock.patch("apps.core.oslo.timezone.now", return_value=summer_utc):
        assert selectors.today_oslo() == D(2024, 6, 30)
