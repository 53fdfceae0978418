"""The route guide's input and output, and the builder that collects an answer.

Pure data: nothing here reads the database. Every amount, citation and title in an answer
comes from the rows in RuleData.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.core.templatetags.kokeboka import nok

from .vocabulary import (
    THRESHOLD_NAMES,
    Overlay,
    Procedure,
    Purpose,
    Regime,
    Service,
    WarningCode,
)

# ---------------------------------------------------------------------------------------
# Input


@dataclass(frozen=True)
class Situation:
    """What the visitor told the guide. Codes are the values of the vocabulary choices."""

    purpose: str
    service: str
    provider: str
    authority: str
    on_market: str
    on: datetime.date
    value: int | None = None
    annual_value: int | None = None
    years: int | None = None
    counter_performance: str | None = None
    benefits_shared: str | None = None

    @property
    def total_value(self) -> int | None:
        """The estimated total, NOK excl. VAT; an annual value is multiplied by the years."""
        if self.value is not None:
            return self.value
        if self.annual_value is not None and self.years:
            return self.annual_value * self.years
        return None

    @property
    def value_is_annual(self) -> bool:
        return self.value is None and self.total_value is not None

    @property
    def rd_is_main_element(self) -> bool:
        return self.purpose == Purpose.RD or self.service == Service.RD


@dataclass(frozen=True)
class ThresholdRow:
    key: str
    amount: int
    valid_from: datetime.date | None
    citation: str
    source_url: str = ""
    verified: bool = True
    pending: bool = False
    valid_to: datetime.date | None = None

    @property
    def name(self) -> str:
        return THRESHOLD_NAMES.get(self.key, self.key)

    def may_be_outdated(self, on: datetime.date) -> bool:
        """Open-ended and started more than two years before the date: EEA thresholds are
        adjusted every second year, so a newer amount may exist that our data lacks."""
        if self.pending or self.valid_from is None or self.valid_to is not None:
            return False
        try:
            limit = on.replace(year=on.year - 2)
        except ValueError:  # 29 February
            limit = on.replace(year=on.year - 2, day=28)
        return self.valid_from < limit


@dataclass(frozen=True)
class RuleRow:
    code: str
    citation: str
    title: str
    url: str = ""
    verified: bool = True
    pending: bool = False
    summary: str = ""
    page_url: str = ""
    checked_on: datetime.date | None = None
    # The title in the reader's language (bokmål when it has no translation) and that
    # language, for the page's `lang` mark; `title` stays bokmål for the documents.
    display_title: str = ""
    display_title_lang: str = "nb"


@dataclass(frozen=True)
class RuleData:
    """The rows that hold on one date: thresholds in force by key, rules in force (and
    pending ones, marked) by code, and proposed thresholds by key."""

    thresholds: Mapping[str, ThresholdRow]
    rules: Mapping[str, RuleRow]
    pending_thresholds: Mapping[str, ThresholdRow] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Output


@dataclass(frozen=True)
class Nok:
    """An amount in kroner, shown with spaces between thousands."""

    amount: int

    def __str__(self) -> str:
        return nok(self.amount)


def _display(value: object) -> str:
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, Promise):
        return str(value)
    return str(value)


@dataclass(frozen=True)
class Statement:
    """One sentence of the answer with the rules it rests on. The text is a translatable
    template; it is rendered in the language active when it is read."""

    text: str
    params: Mapping[str, object] = field(default_factory=dict)
    citations: tuple[RuleRow, ...] = ()

    def render(self) -> str:
        return str(self.text) % {name: _display(value) for name, value in self.params.items()}

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Item:
    """A procedure or a duty/option, with the statements that explain it."""

    code: str
    label: str
    reasons: tuple[Statement, ...]


@dataclass(frozen=True)
class Notice:
    code: str
    statement: Statement

    @property
    def label(self) -> str:
        return WarningCode(self.code).label


@dataclass
class Answer:
    situation: Situation
    regime: str | None
    value: int | None
    reasons: list[Statement]
    procedures: list[Item]
    overlays: list[Item]
    notes: list[Statement]
    warnings: list[Notice]
    citations: list[RuleRow]
    thresholds: list[ThresholdRow]

    @property
    def regime_label(self) -> str:
        return Regime(self.regime).label if self.regime else ""

    @property
    def procedure_codes(self) -> list[str]:
        return [item.code for item in self.procedures]

    @property
    def overlay_codes(self) -> list[str]:
        return [item.code for item in self.overlays]

    @property
    def warning_codes(self) -> list[str]:
        return [notice.code for notice in self.warnings]

    @property
    def citation_codes(self) -> list[str]:
        return [row.code for row in self.citations]

    @property
    def explanation(self) -> list[Statement]:
        """Every statement in reading order: why, notes, procedures, duties and options."""
        statements = [*self.reasons, *self.notes]
        for item in [*self.procedures, *self.overlays]:
            statements.extend(item.reasons)
        return statements


# ---------------------------------------------------------------------------------------
# The builder collects statements, keeping only those whose rule is in force


class Builder:
    def __init__(self, situation: Situation, data: RuleData) -> None:
        self.situation = situation
        self.data = data
        self.regime: str | None = None
        self.value = situation.total_value
        self.reasons: list[Statement] = []
        self.notes: list[Statement] = []
        self.procedures: dict[str, list[Statement]] = {}
        self.overlays: dict[str, list[Statement]] = {}
        self.warnings: list[Notice] = []
        self.cited: dict[str, RuleRow] = {}
        self.thresholds: dict[str, ThresholdRow] = {}

    def has_rule(self, code: str) -> bool:
        return code in self.data.rules

    def statement(
        self, text: str, codes: Iterable[str] = (), *, required: bool = True, **params: object
    ) -> Statement | None:
        """None when `required` and the first rule cited is not in force: no statement
        without its basis."""
        codes = list(codes)
        if required and codes and codes[0] not in self.data.rules:
            return None
        rows = tuple(self.data.rules[code] for code in codes if code in self.data.rules)
        for row in rows:
            self.cited.setdefault(row.code, row)
        return Statement(text=text, params=params, citations=rows)

    def reason(self, text: str, codes: Iterable[str] = (), **params: object) -> None:
        if statement := self.statement(text, codes, **params):
            self.reasons.append(statement)

    def note(self, text: str, codes: Iterable[str] = (), **params: object) -> None:
        if statement := self.statement(text, codes, **params):
            self.notes.append(statement)

    def _item(self, items: dict[str, list[Statement]], code: str, text: str, codes, params) -> bool:
        statement = self.statement(text, codes, **params)
        if statement is None:
            return False
        items.setdefault(code, []).append(statement)
        return True

    def procedure(self, code: str, text: str, codes: Iterable[str] = (), **params) -> bool:
        return self._item(self.procedures, code, text, codes, params)

    def overlay(self, code: str, text: str, codes: Iterable[str] = (), **params) -> bool:
        return self._item(self.overlays, code, text, codes, params)

    def add_to(self, code: str, text: str, codes: Iterable[str] = (), **params) -> None:
        """A further statement on an item already given."""
        items = self.procedures if code in self.procedures else self.overlays
        if code in items and (statement := self.statement(text, codes, **params)):
            items[code].append(statement)

    def warn(self, code: str, text: str, codes: Iterable[str] = (), **params: object) -> None:
        if statement := self.statement(text, codes, required=False, **params):
            self.warnings.append(Notice(code=code, statement=statement))

    def use(self, row: ThresholdRow) -> None:
        self.thresholds.setdefault(row.key, row)

    def gap(self, statement: Statement, *known: Statement) -> Answer:
        self.regime = Regime.UNKNOWN
        self.reasons.append(statement)
        self.reasons.extend(known)
        self.warnings.insert(0, Notice(code=WarningCode.DATA_GAP, statement=statement))
        self.procedures.clear()
        self.overlays.clear()
        return self.finish()

    def finish(self) -> Answer:
        for row in self.cited.values():
            if not row.verified:
                self.warn(
                    WarningCode.UNVERIFIED,
                    _(
                        "%(citation)s (%(title)s) has not yet been checked against its source. "
                        "Check it before you rely on it."
                    ),
                    citation=row.citation,
                    title=row.display_title or row.title,
                )
        for row in self.thresholds.values():
            if row.may_be_outdated(self.situation.on):
                self.warn(
                    WarningCode.MAY_BE_OUTDATED,
                    _(
                        "%(name)s, NOK %(amount)s, has applied since %(start)s with no end date "
                        "recorded. It may be out of date: such amounts are adjusted every second "
                        "year, and a newer amount may not be in our data yet. Check the source."
                    ),
                    name=row.name,
                    amount=Nok(row.amount),
                    start=row.valid_from,
                )
            if not row.verified:
                self.warn(
                    WarningCode.UNVERIFIED,
                    _(
                        "The amount used for %(name)s, NOK %(amount)s (%(citation)s), has not "
                        "yet been checked against its source."
                    ),
                    name=row.name,
                    amount=Nok(row.amount),
                    citation=row.citation,
                )
        return Answer(
            situation=self.situation,
            regime=self.regime,
            value=self.value,
            reasons=self.reasons,
            procedures=_ordered(self.procedures, Procedure),
            overlays=_ordered(self.overlays, Overlay),
            notes=self.notes,
            warnings=self.warnings,
            citations=list(self.cited.values()),
            thresholds=list(self.thresholds.values()),
        )


def _ordered(items: dict[str, list[Statement]], choices) -> list[Item]:
    return [
        Item(code=code, label=choices(code).label, reasons=tuple(items[code]))
        for code in choices.values
        if code in items
    ]
