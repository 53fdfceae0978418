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
        checked_on=rule.checked_on,
        display_title=rule.display_title,
        display_title_lang=rule.display_title_language,
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


def _covers(row, on: datetime.date) -> bool:
    """In Python what InForceQuerySet.in_force says in SQL."""
    return (
        row.valid_from is not None
        and row.valid_from <= on
        and (row.valid_to is None or row.valid_to >= on)
    )


class RuleBook:
    """Every threshold and rule row, read once (two queries), giving the rule data for any
    date in Python: for lists of answers on many dates (saved answers on a collaboration's
    page), so their cost does not grow with the number of answers or dates."""

    def __init__(self, *, today: datetime.date | None = None) -> None:
        self.today = today or today_oslo()
        self.thresholds = list(Threshold.objects.order_by("key", "-valid_from", "pk"))
        self.rules = list(LegalRule.objects.order_by("code"))
        self._memo: dict[datetime.date, RuleData] = {}

    def rule_data(self, on: datetime.date) -> RuleData:
        if on in self._memo:
            return self._memo[on]
        found: dict[str, ThresholdRow] = {}
        pending: dict[str, ThresholdRow] = {}
        for row in self.thresholds:
            if _covers(row, on):
                found.setdefault(row.key, _threshold_row(row))
        if on >= self.today:
            for row in sorted(self.thresholds, key=lambda r: (r.key, r.pk)):
                if row.pending:
                    pending.setdefault(row.key, _threshold_row(row))
        data = RuleData(
            thresholds={key: found[key] for key in Threshold.Key.values if key in found},
            rules={
                rule.code: _rule_row(rule)
                for rule in self.rules
                if _covers(rule, on) or rule.pending
            },
            pending_thresholds=pending,
        )
        self._memo[on] = data
        return data

    def answer(self, situation: Situation) -> Answer:
        return decide(situation, self.rule_data(situation.on))


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


def differences_today(*, answer: Answer, today: datetime.date) -> list[str] | None:
    """For an answer dated another day (a saved or shared link): what the guide would say
    differently today, in sentences. None when the answer is for today; an empty list when
    today's answer is the same."""
    from dataclasses import replace

    if answer.situation.on == today:
        return None
    now = answer_for(situation=replace(answer.situation, on=today))
    return compare_answers(then=answer, now=now)


def compare_answers(*, then: Answer, now: Answer) -> list[str]:
    """What `now` says differently from `then`, in sentences (empty when nothing)."""
    from django.utils.text import capfirst
    from django.utils.translation import gettext as _

    from apps.core.templatetags.kokeboka import nok

    from .vocabulary import Overlay, Procedure, Regime

    answer = then
    lines: list[str] = []
    if now.regime != answer.regime:
        lines.append(
            _("Today the purchase would fall under: %(now)s (on the saved date: %(then)s).")
            % {
                "now": Regime(now.regime).label if now.regime else "–",
                "then": Regime(answer.regime).label if answer.regime else "–",
            }
        )
    then_rows = {row.key: row for row in answer.thresholds}
    for row in now.thresholds:
        old = then_rows.get(row.key)
        if old is not None and old.amount != row.amount:
            lines.append(
                _("%(name)s is NOK %(now)s today (NOK %(then)s on the saved date).")
                % {"name": capfirst(row.name), "now": nok(row.amount), "then": nok(old.amount)}
            )
    for code in now.procedure_codes:
        if code not in answer.procedure_codes:
            lines.append(_("Possible today: %(label)s.") % {"label": Procedure(code).label})
    for code in answer.procedure_codes:
        if code not in now.procedure_codes:
            lines.append(_("No longer today: %(label)s.") % {"label": Procedure(code).label})
    for code in now.overlay_codes:
        if code not in answer.overlay_codes:
            lines.append(_("Today also: %(label)s.") % {"label": Overlay(code).label})
    for code in answer.overlay_codes:
        if code not in now.overlay_codes:
            lines.append(_("No longer today: %(label)s.") % {"label": Overlay(code).label})
    return lines
