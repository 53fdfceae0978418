"""The numbers behind a chart, and how they are shown: small counts suppressed, totals that
would reveal a suppressed cell given only as a lower bound, and a one-sentence summary.

Selectors return `ChartData` (exact numbers); `present()` turns it into a `Chart` whose
display strings are used alike by the SVG, the table and the CSV file, so the three can
never disagree about what is hidden."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .chart_types import Cell, Chart, ChartData, Kind, PresentedRow, Row, Series, Total, Unit
from .svg import render_svg

# The chart types are defined in chart_types.py and read from here by selectors, views and
# the API, as before the split.
__all__ = [
    "SUPPRESS_BELOW",
    "SUPPRESSED",
    "Cell",
    "Chart",
    "ChartData",
    "Kind",
    "PresentedRow",
    "Row",
    "Series",
    "Total",
    "Unit",
    "format_value",
    "present",
    "summarise",
]

# Counts below this are not shown on public pages: with one or two rows behind a number,
# a reader who knows the municipality may be able to tell who it is about.
SUPPRESS_BELOW = 3
SUPPRESSED = "<3"


def format_value(value: int, unit: Unit) -> str:
    if unit == Unit.NOK:
        return _("NOK %(amount)s") % {"amount": number_format(value, force_grouping=True)}
    if unit == Unit.DAYS:
        return _("%(days)s days") % {"days": number_format(value, force_grouping=True)}
    return number_format(value, force_grouping=True)


def _is_small(count: int) -> bool:
    return 0 < count < SUPPRESS_BELOW


def _cell(value: int, count: int, *, unit: Unit, suppress: bool) -> Cell:
    # Kroner are sums of grants that are public one by one (the list of grants), so only
    # counts are suppressed.
    if suppress and unit == Unit.COUNT and _is_small(count):
        return Cell(value=value, hidden=True, display=SUPPRESSED)
    return Cell(value=value, hidden=False, display=format_value(value, unit))


def _total(cells: list[Cell], *, unit: Unit) -> Total:
    """The sum, exact when no cell in it is hidden. Otherwise the visible sum plus one per
    hidden count, which is all a reader knows anyway: an exact total would give the hidden
    cell away by subtraction."""
    hidden = [cell for cell in cells if cell.hidden]
    exact = sum(cell.value for cell in cells)
    if not hidden:
        return Total(value=exact, exact=True, display=format_value(exact, unit))
    visible = sum(cell.value for cell in cells if not cell.hidden)
    if visible == 0 and len(hidden) == 1:
        return Total(value=1, exact=False, display=SUPPRESSED)
    least = visible + len(hidden)
    return Total(value=least, exact=False, display="≥" + format_value(least, unit))


def present(data: ChartData, *, suppress: bool) -> Chart:
    """Applies small-count suppression (public pages) or not (a municipality's own view),
    computes totals and the summary, and renders the SVG."""

    unit = data.unit
    additive = unit != Unit.DAYS
    rows: list[PresentedRow] = []
    for row in data.rows:
        if unit == Unit.DAYS:
            hide = suppress and sum(row.counts) < SUPPRESS_BELOW
            cells = tuple(
                Cell(value=value, hidden=hide, display="–" if hide else format_value(value, unit))
                for value in row.values
            )
            count = sum(row.counts)
            count_display = (
                SUPPRESSED if suppress and _is_small(count) else format_value(count, Unit.COUNT)
            )
            rows.append(PresentedRow(row.key, row.label, cells, None, count_display))
            continue
        cells = tuple(
            _cell(value, count, unit=unit, suppress=suppress)
            for value, count in zip(row.values, row.counts, strict=True)
        )
        total = _total(list(cells), unit=unit) if len(data.series) > 1 else None
        rows.append(PresentedRow(row.key, row.label, cells, total))
    chart = Chart(data=data, rows=rows)
    chart.any_hidden = any(cell.hidden for row in rows for cell in row.cells) or any(
        row.count_display == SUPPRESSED for row in rows
    )
    if additive and data.additive_rows and len(rows) > 1:
        chart.column_totals = [
            _total([row.cells[index] for row in rows], unit=unit)
            for index in range(len(data.series))
        ]
        chart.grand_total = _total([cell for row in rows for cell in row.cells], unit=unit)
    elif additive and len(rows) == 1 and len(data.series) > 1:
        chart.grand_total = rows[0].total
    chart.summary = (data.summary(chart) if data.summary else None) or summarise(chart)
    chart.svg = render_svg(chart)
    return chart


def _row_size(row: PresentedRow) -> tuple[int, int]:
    """Sort key of a row by its size as shown: a hidden cell counts as its least value."""
    if row.total is not None:
        return (row.total.value, 0)
    cell = row.cells[0]
    return (1 if cell.hidden and cell.value else (0 if cell.hidden else cell.value), 0)


def summarise(chart: Chart) -> str:
    """One sentence with the largest category and the total, using only what is shown."""
    data = chart.data
    if not chart.rows or all(not cell.value for row in chart.rows for cell in row.cells):
        return _("There is nothing to show for the chosen filters.")
    if data.unit == Unit.DAYS:
        shown = [row for row in chart.rows if not row.cells[0].hidden]
        if not shown:
            return _("Too few collaborations to show the times for the chosen filters.")
        longest = max(shown, key=lambda row: row.cells[0].value)
        return _("Collaborations stay longest in the stage «%(label)s»: %(value)s (median).") % {
            "label": longest.label,
            "value": longest.cells[0].display,
        }
    largest = max(chart.rows, key=_row_size)
    if any(cell.hidden for cell in largest.cells) and not largest.total:
        return _(
            "Every number for the chosen filters is below three and is not shown, to protect "
            "the people behind it."
        )
    largest_display = largest.total.display if largest.total else largest.cells[0].display
    total = chart.grand_total
    if total is None:
        return _("«%(label)s» has the most: %(value)s.") % {
            "label": largest.label,
            "value": largest_display,
        }
    return _("«%(label)s» has the most: %(value)s of %(total)s in all.") % {
        "label": largest.label,
        "value": largest_display,
        "total": total.display,
    }
