"""Reads of the legal rules and thresholds.

The route guide, the cookbook and the API use these, so the names are kept stable.
Every function answers for a given date; none of them guesses a value for a date that
the data does not cover.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from apps.core.oslo import today_oslo

from .models import (
    STALE_AFTER_YEARS,
    THRESHOLD_RULE_CODES,
    LegalRule,
    RecipeRulesReview,
    Threshold,
    years_before,
)


def thresholds_in_force(*, on: datetime.date) -> dict[str, Threshold]:
    """One row per threshold key, in the order of Threshold.Key. A key with no row
    covering the date is absent: callers must say so instead of guessing."""
    rows = Threshold.objects.in_force(on).order_by("key", "-valid_from")
    found: dict[str, Threshold] = {}
    for row in rows:
        # Validation keeps periods of one key apart; if bad data slipped in, the newest wins.
        found.setdefault(row.key, row)
    return {key: found[key] for key in Threshold.Key.values if key in found}


def threshold_in_force(*, key: str, on: datetime.date) -> Threshold | None:
    return Threshold.objects.in_force(on).filter(key=key).order_by("-valid_from").first()


def threshold_history() -> dict[str, list[Threshold]]:
    """Every row of every key, in the order of Threshold.Key (keys without rows get an
    empty list). Within a key the newest comes first: pending (proposed) rows, marked by
    their `pending` flag, lead, then the dated rows by start date, latest first."""
    history: dict[str, list[Threshold]] = {key: [] for key in Threshold.Key.values}
    for row in Threshold.objects.order_by("key", "-pending", "-valid_from", "-pk"):
        history.setdefault(row.key, []).append(row)
    return history


@dataclass(frozen=True)
class ThresholdLine:
    """A threshold key with the row in force on a date, or None where the data has a gap."""

    key: str
    label: str
    row: Threshold | None
    may_be_outdated: bool = False


def threshold_lines(
    *, on: datetime.date, today: datetime.date | None = None
) -> list[ThresholdLine]:
    """Every threshold key in order, with its row for the date or None. A row still open
    today that started more than two years ago is marked as possibly out of date."""
    today = today or today_oslo()
    in_force = thresholds_in_force(on=on)
    lines = []
    for key, label in Threshold.Key.choices:
        row = in_force.get(key)
        outdated = bool(row and row.may_be_outdated(today))
        lines.append(ThresholdLine(key=key, label=str(label), row=row, may_be_outdated=outdated))
    return lines


@dataclass(frozen=True)
class ThresholdHistory:
    """All rows of one threshold key, newest first (pending rows lead)."""

    key: str
    label: str
    rows: list[Threshold]


def threshold_history_lines() -> list[ThresholdHistory]:
    history = threshold_history()
    return [
        ThresholdHistory(key=key, label=str(label), rows=history.get(key, []))
        for key, label in Threshold.Key.choices
    ]


def rules_in_force(*, on: datetime.date) -> QuerySet[LegalRule]:
    return LegalRule.objects.in_force(on).order_by("citation", "code")


def pending_rules() -> QuerySet[LegalRule]:
    return LegalRule.objects.pending().order_by("citation", "code")


def rules_not_in_force(*, on: datetime.date) -> QuerySet[LegalRule]:
    """Dated rules outside their period on the date: repealed, or adopted but not yet in
    force. Pending (proposed) rules are not included; see pending_rules()."""
    return (
        LegalRule.objects.filter(pending=False, valid_from__isnull=False)
        .filter(Q(valid_from__gt=on) | Q(valid_to__lt=on))
        .order_by("citation", "code")
    )


def rule_by_code(code: str) -> LegalRule | None:
    return LegalRule.objects.filter(code=code).first()


def rules_by_codes(*, codes: list[str] | tuple[str, ...] | set[str]) -> dict[str, LegalRule]:
    """The rules whose codes are given, keyed by code; unknown codes are absent."""
    return {rule.code: rule for rule in LegalRule.objects.filter(code__in=list(codes))}


def citation_sort_key(rule: LegalRule) -> tuple:
    """Orders citations as a lawyer reads them: § 2-5 before § 13-1, §§ like §, and
    sections before looser references such as «FOA kapittel 30»."""
    text = rule.citation.casefold().replace("§§", "§").replace("§", "\x00")
    parts = re.split(r"(\d+)", text)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts)


@dataclass(frozen=True)
class RuleGroup:
    """The rules of one law or regulation, in citation order."""

    law: str
    rules: list[LegalRule]


def rules_grouped_by_law(rules: QuerySet[LegalRule] | list[LegalRule]) -> list[RuleGroup]:
    """Groups rules by their `law` field (alphabetically; rules without a law come last
    under an empty name) and orders each group by citation."""
    groups: dict[str, list[LegalRule]] = {}
    for rule in rules:
        groups.setdefault(rule.law.strip(), []).append(rule)
    ordered = sorted(groups, key=lambda law: (law == "", law.casefold()))
    return [RuleGroup(law=law, rules=sorted(groups[law], key=citation_sort_key)) for law in ordered]


# --- the law watch -------------------------------------------------------------------------

# Rows whose validity ends within this many days are listed (EEA thresholds change every
# second year, so the end of a period is when the next amount must be in the data).
ENDING_WITHIN_DAYS = 183


class WatchReason:
    UNVERIFIED = "unverified"
    REVIEW_OVERDUE = "review_overdue"
    ENDING_SOON = "ending_soon"
    MAY_BE_OUTDATED = "may_be_outdated"


@dataclass(frozen=True)
class WatchItem:
    """A rule or threshold row that needs an editor's attention, and why."""

    row: LegalRule | Threshold
    reasons: tuple[str, ...]

    @property
    def is_threshold(self) -> bool:
        return isinstance(self.row, Threshold)


def _watch_reasons(row: LegalRule | Threshold, today: datetime.date) -> tuple[str, ...]:
    reasons = []
    if not row.verified:
        reasons.append(WatchReason.UNVERIFIED)
    if row.review_overdue(today):
        reasons.append(WatchReason.REVIEW_OVERDUE)
    if row.valid_to and today <= row.valid_to <= today + datetime.timedelta(
        days=ENDING_WITHIN_DAYS
    ):
        reasons.append(WatchReason.ENDING_SOON)
    if isinstance(row, Threshold) and row.may_be_outdated(today):
        reasons.append(WatchReason.MAY_BE_OUTDATED)
    return tuple(reasons)


def law_watch(*, today: datetime.date | None = None) -> list[WatchItem]:
    """Rules and thresholds that are unverified, past their review date, ending within six
    months, or (thresholds) open for more than two years. Thresholds first, then rules; two
    queries whatever the number of rows."""
    today = today or today_oslo()
    soon = today + datetime.timedelta(days=ENDING_WITHIN_DAYS)
    stale_start = years_before(today, STALE_AFTER_YEARS)
    wanted = Q(verified=False) | Q(review_by__lt=today) | Q(valid_to__gte=today, valid_to__lte=soon)
    thresholds = Threshold.objects.filter(
        wanted | Q(pending=False, valid_to__isnull=True, valid_from__lt=stale_start)
    ).order_by("key", "valid_from")
    rules = LegalRule.objects.filter(wanted).order_by("citation", "code")
    items = []
    for row in [*thresholds, *rules]:
        reasons = _watch_reasons(row, today)
        if reasons:
            items.append(WatchItem(row=row, reasons=reasons))
    return items


# --- recipes whose rules changed after their review ----------------------------------------


def rule_changes_by_code() -> dict[str, datetime.datetime]:
    """The last time the legal content behind each rule code changed: the rule row itself,
    or a threshold row whose amount the rule states. Two queries."""
    changed: dict[str, datetime.datetime] = {}
    for code, stamp in LegalRule.objects.filter(content_changed_at__isnull=False).values_list(
        "code", "content_changed_at"
    ):
        changed[code] = stamp
    for key, stamp in Threshold.objects.filter(content_changed_at__isnull=False).values_list(
        "key", "content_changed_at"
    ):
        code = THRESHOLD_RULE_CODES.get(key)
        if code and (code not in changed or stamp > changed[code]):
            changed[code] = stamp
    return changed


def _baseline(page) -> datetime.datetime | None:
    """When the recipe was last reviewed against the rules, or first published."""
    try:
        return page.rules_review.reviewed_at
    except RecipeRulesReview.DoesNotExist:
        return page.first_published_at


def changed_rule_codes_for_recipe(
    *, page, codes: list[str], changes: dict[str, datetime.datetime] | None = None
) -> list[str]:
    """The cited rule codes whose legal content changed after the recipe was last reviewed
    (or first published, if it never was)."""
    baseline = _baseline(page)
    if baseline is None:
        return []
    changes = rule_changes_by_code() if changes is None else changes
    return [code for code in codes if code in changes and changes[code] > baseline]


def changed_rule_codes_for_page(*, page, cited_rules: list) -> list[str]:
    """For the recipe page, from the cited rules the view has already fetched: the codes
    whose legal content changed after the recipe's last review (or first publication).
    A threshold change stamps the rule that states it (Threshold.save), so the rule rows
    suffice. No query when nothing changed since publication; one when something did (the
    last review)."""
    baseline = page.first_published_at
    if baseline is None:
        return []
    changed = [
        cited.rule
        for cited in cited_rules
        if cited.rule.content_changed_at and cited.rule.content_changed_at > baseline
    ]
    if not changed:
        return []
    reviewed = (
        RecipeRulesReview.objects.filter(page_id=page.pk)
        .values_list("reviewed_at", flat=True)
        .first()
    )
    if reviewed is not None:
        changed = [rule for rule in changed if rule.content_changed_at > reviewed]
    return [rule.code for rule in changed]
