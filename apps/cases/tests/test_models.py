from decimal import Decimal

import pytest

from apps.cases.models import CaseOutcome


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("2000000.00"), "2\u00a0000\u00a0000"),
        (Decimal("12.50"), "12,5"),
        (Decimal("0.25"), "0,25"),
        (Decimal("-1500"), "-1\u00a0500"),
        (None, ""),
    ],
)
def test_outcome_values_are_written_the_norwegian_way(value, shown):
    assert CaseOutcome(name="x", value=value).formatted_value == shown
