import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.rules.models import LegalRule, Threshold

from .factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def _threshold(**kwargs) -> Threshold:
    fields = {
        "key": Threshold.Key.NATIONAL,
        "amount": 1_500_000,
        "citation": "FOA § 5-1",
        "valid_from": D(2026, 1, 1),
    }
    fields.update(kwargs)
    return Threshold(**fields)


def test_overlapping_rows_for_one_key_are_rejected():
    ThresholdFactory(key=Threshold.Key.NATIONAL, valid_from=D(2018, 4, 6))
    with pytest.raises(ValidationError) as error:
        _threshold(valid_from=D(2026, 1, 1)).full_clean()
    assert "valid_from" in error.value.message_dict
    assert "2018-04-06" in error.value.message_dict["valid_from"][0]


def test_a_new_row_overlapping_an_old_period_from_before_is_rejected():
    ThresholdFactory(valid_from=D(2018, 1, 1), valid_to=D(2018, 12, 31))
    with pytest.raises(ValidationError):
        _threshold(valid_from=D(2017, 1, 1), valid_to=D(2018, 1, 1)).full_clean()


def test_adjacent_rows_and_other_keys_do_not_overlap():
    ThresholdFactory(valid_from=D(2018, 4, 6), valid_to=D(2025, 12, 31))
    ThresholdFactory(key=Threshold.Key.EEA_WORKS, valid_from=D(2024, 3, 14))
    _threshold(valid_from=D(2026, 1, 1)).full_clean()


def test_a_pending_row_never_overlaps():
    ThresholdFactory(valid_from=D(2018, 4, 6))
    _threshold(valid_from=None, pending=True).full_clean()


def test_editing_a_row_does_not_clash_with_itself():
    row = ThresholdFactory(valid_from=D(2018, 4, 6))
    row.amount = 1_400_000
    row.full_clean()


def test_dates_must_be_in_order_and_pending_rows_have_no_start():
    with pytest.raises(ValidationError) as error:
        _threshold(valid_from=D(2026, 1, 1), valid_to=D(2025, 1, 1)).full_clean()
    assert "valid_to" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _threshold(valid_from=D(2026, 1, 1), pending=True).full_clean()
    assert "pending" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _threshold(valid_from=None).full_clean()
    assert "valid_from" in error.value.message_dict


def test_rule_link_points_to_its_anchor_on_the_rules_page():
    rule = LegalRuleFactory(code="foa-8-8")
    assert rule.get_absolute_url() == "/regelverk/#foa-8-8"
    assert LegalRule.objects.in_force(D(2024, 1, 1)).get() == rule
