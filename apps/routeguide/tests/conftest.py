import pytest

from .ruledata import seed_rule_rows


@pytest.fixture
def rule_rows(db):
    """The agreed legal rules and thresholds, written to the database."""
    seed_rule_rows()
