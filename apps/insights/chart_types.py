"""The shapes of a chart: what selectors return (`ChartData`, exact numbers) and what
`charts.present()` makes of it (`Chart`, with display strings). Kept apart from charts.py so
that the SVG renderer, which charts.present() calls, can read a chart without importing the
module that calls it (no import cycle, docs/decisions/0026)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _


class Unit(StrEnum):
    COUNT = "count"  # a number of rows; suppressed when small
    NOK = "nok"  # a sum of kroner over public rows; shown in full
    DAYS = "days"  # a median in days; hidden when fewer than three rows are behind it


class Kind(StrEnum):
    BAR = "bar"
    STACKED = "stacked"


@dataclass(frozen=True)
class Series:
    key: str
    label: str


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    values: tuple[int, ...]
    # The number of rows behind each value; decides suppression. Same as values for counts.
    counts: tuple[int, ...]


@dataclass(frozen=True)
class ChartData:
    slug: str
    title: str
    category_label: str
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    unit: Unit = Unit.COUNT
    kind: Kind = Kind.BAR
    # Which filters the chart follows (subset of "county", "municipality", "period").
    filters: tuple[str, ...] = ("county", "municipality", "period")
    note: str = ""
    # False when one row can be counted in several categories (a need with two sectors):
    # then no column totals are shown, as they would count it twice.
    additive_rows: bool = True
    # A chart-specific summary built from the presented chart; None for the default one.
    summary: Callable[[Chart], str | None] | None = None


@dataclass(frozen=True)
class Cell:
    value: int
    hidden: bool
    display: str


@dataclass(frozen=True)
class Total:
    """An exact total, or (when a suppressed cell is part of it) the least it can be."""

    value: int
    exact: bool
    display: str


@dataclass(frozen=True)
class PresentedRow:
    key: str
    label: str
    cells: tuple[Cell, ...]
    total: Total | None
    count_display: str = ""


@dataclass
class Chart:
    data: ChartData
    rows: list[PresentedRow]
    column_totals: list[Total] = field(default_factory=list)
    grand_total: Total | None = None
    any_hidden: bool = False
    summary: str = ""
    svg: str = ""

    @property
    def slug(self) -> str:
        return self.data.slug

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def series(self) -> tuple[Series, ...]:
        return self.data.series

    @property
    def has_row_totals(self) -> bool:
        return any(row.total is not None for row in self.rows)

    @property
    def shows_counts(self) -> bool:
        return self.data.unit == Unit.DAYS

    def csv_rows(self) -> list[list[str]]:
        """Header and body of the CSV file: exactly what the table shows."""
        header = [self.data.category_label]
        if self.shows_counts:
            header.append(_("Number"))
        header += [series.label for series in self.series]
        if self.has_row_totals:
            header.append(_("Total"))
        body = []
        for row in self.rows:
            line = [row.label]
            if self.shows_counts:
                line.append(row.count_display)
            line += [cell.display for cell in row.cells]
            if self.has_row_totals:
                line.append(row.total.display if row.total else "")
            body.append(line)
        if self.column_totals:
            line = [_("Total")]
            line += [total.display for total in self.column_totals]
            if self.has_row_totals:
                line.append(self.grand_total.display if self.grand_total else "")
            body.append(line)
        return [header, *body]
