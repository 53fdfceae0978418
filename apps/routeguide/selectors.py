"""Reads for the route guide: the rule data for a date, and the recipes to read next."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import HttpRequest

from apps.cookbook.selectors import recipes_citing_rules
from apps.rules.models import LegalRule, Threshold
from apps.rules.selectors import thresholds_in_force, today_oslo

from .engine import Answer, RuleData, RuleRow, Situation, ThresholdRow, decide


def _threshold_row(row: Threshold) -> ThresholdRow:
    return ThresholdRow(
        key=row.key,
        amount=row.amount,
        valid_from=row.valid_from,
        citation=row.citation,
        source_url=row.source_url,
        verified=row.verified,
        pending=row.pending,
        valid_to=row.valid_to,
    )


def _rule_row(rule: LegalRule) -> RuleRow:
    return RuleRow(
        code=rule.code,
        citation=rule.citation,
        title=rule.title,
        url=rule.source_url,
        verified=rule.verified,
        pending=rule.pending,
        summary=rule.summary,
        page_url=rule.get_absolute_url(),
    )


def rule_data_for(*, on: datetime.date, today: datetime.date | None = None) -> RuleData:
    """The thresholds and rules in force on the date, and the proposed ones.

    Proposed (pending) thresholds are given only for today and later dates: a proposal can
    change a purchase still to be made, not one already made. Three queries at most.
    """
    today = today or today_oslo()
    thresholds = {key: _threshold_row(row) for key, row in thresholds_in_force(on=on).items()}
    pending: dict[str, ThresholdRow] = {}
    if on >= today:
        for row in Threshold.objects.pending().order_by("key", "pk"):
            pending.setdefault(row.key, _threshold_row(row))
    rules = (LegalRule.objects.in_force(on) | LegalRule.objects.pending()).order_by("code")
    return RuleData(
        thresholds=thresholds,
        rules={rule.code: _rule_row(rule) for rule in rules},
        pending_thresholds=pending,
    )


def answer_for(*, situation: Situation) -> Answer:
    return decide(situation, rule_data_for(on=situation.on))


@dataclass(frozen=True)
class RecipeLink:
    title: str
    url: str


def recipes_for(
    *, answer: Answer, request: HttpRequest | None = None, limit: int = 6
) -> list[RecipeLink]:
    """Published recipes citing the rules of the answer, those citing most of them first."""
    codes = answer.citation_codes
    if not codes:
        return []
    return [
        RecipeLink(title=page.title, url=page.get_url(request=request) or "")
        for page in recipes_citing_rules(codes=codes, limit=limit)
    ]
