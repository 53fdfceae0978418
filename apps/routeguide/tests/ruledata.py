"""The shipped rule and threshold rows (apps/rules/data), for tests.

`rule_data_on(date)` builds the engine's RuleData in memory (no database), and
`seed_rule_rows()` writes the same rows to the database, so the engine tests, the selector
tests and the shipped law use one table.
"""

import datetime

from apps.routeguide.engine import RuleData, RuleRow, ThresholdRow
from apps.rules.loader import read_data

D = datetime.date
START = D(2017, 1, 1)

_RULE_SPECS, _THRESHOLD_SPECS, _RETIRED = read_data()

# (code, citation, title, valid_from, verified, pending, source_url, valid_to)
RULES = [
    (
        spec["code"],
        spec["citation"],
        spec["title"],
        spec["valid_from"],
        spec["verified"],
        spec["pending"],
        spec["source_url"],
        spec["valid_to"],
    )
    for spec in _RULE_SPECS
]

# (key, amount, valid_from, valid_to, verified, pending, citation, source_url)
THRESHOLDS = [
    (
        spec["key"],
        spec["amount"],
        spec["valid_from"],
        spec["valid_to"],
        spec["verified"],
        spec["pending"],
        spec["citation"],
        spec["source_url"],
    )
    for spec in _THRESHOLD_SPECS
]


def _in_force(valid_from, valid_to, on) -> bool:
    return valid_from is not None and valid_from <= on and (valid_to is None or valid_to >= on)


def rule_data_on(on: datetime.date, *, with_pending: bool = True) -> RuleData:
    rules = {
        code: RuleRow(
            code=code,
            citation=citation,
            title=title,
            url=url,
            verified=verified,
            pending=pending,
            page_url=f"/regelverk/#{code}",
        )
        for code, citation, title, valid_from, verified, pending, url, valid_to in RULES
        if pending or _in_force(valid_from, valid_to, on)
    }
    thresholds, proposed = {}, {}
    for key, amount, valid_from, valid_to, verified, pending, citation, url in THRESHOLDS:
        row = ThresholdRow(
            key=key,
            amount=amount,
            valid_from=valid_from,
            citation=citation,
            source_url=url,
            verified=verified,
            pending=pending,
            valid_to=valid_to,
        )
        if pending:
            proposed[key] = row
        elif _in_force(valid_from, valid_to, on):
            thresholds[key] = row
    return RuleData(
        thresholds=thresholds, rules=rules, pending_thresholds=proposed if with_pending else {}
    )


def seed_rule_rows() -> None:
    """Writes exactly the rows above to the database."""
    from apps.rules.models import LegalRule, Threshold

    LegalRule.objects.bulk_create(
        LegalRule(
            code=code,
            citation=citation,
            title=title,
            summary=f"Sammendrag av {citation}.",
            source_url=url,
            valid_from=valid_from,
            valid_to=valid_to,
            verified=verified,
            pending=pending,
        )
        for code, citation, title, valid_from, verified, pending, url, valid_to in RULES
    )
    Threshold.objects.bulk_create(
        Threshold(
            key=key,
            amount=amount,
            valid_from=valid_from,
            valid_to=valid_to,
            verified=verified,
            pending=pending,
            citation=citation,
            source_url=url,
        )
        for key, amount, valid_from, valid_to, verified, pending, citation, url in THRESHOLDS
    )
