"""A small server-side SVG renderer for horizontal bar and stacked bar charts.

The SVG is well-formed XML (it is also served on its own), has role="img" with a <title>
and a <desc> naming it for screen readers, and uses presentation attributes only: the
site's CSP forbids style attributes. A hidden (suppressed) value is never drawn to scale;
its label says "<3" instead."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .chart_types import Chart, Kind

WIDTH = 720
LABEL_WIDTH = 230
VALUE_WIDTH = 110
ROW_HEIGHT = 30
BAR_HEIGHT = 20
PADDING = 8
LEGEND_ROW = 24
LABEL_CHARS = 34
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
TEXT_COLOUR = "#1E2B3C"
# At least 3:1 against white (WCAG 1.4.11) and told apart by the legend and the table too.
COLOURS = ("#0062BA", "#B34700", "#1A7F37", "#6E3FA3", "#B3135B", "#4A5A6A", "#00758F")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _text(x: float, y: float, content: str, *, anchor: str = "start", weight: str = "") -> str:
    bold = ' font-weight="bold"' if weight else ""
    return (
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" font-size="13"{bold} '
        f'fill="{TEXT_COLOUR}">{escape(content)}</text>'
    )


def render_svg(chart: Chart) -> SafeString:
    data = chart.data
    series = data.series
    stacked = data.kind == Kind.STACKED and len(series) > 1
    legend_rows = (len(series) + 2) // 3 if stacked else 0
    top = PADDING + legend_rows * LEGEND_ROW
    height = top + max(len(chart.rows), 1) * ROW_HEIGHT + PADDING
    bar_x = LABEL_WIDTH
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def visible_length(row) -> int:
        return sum(cell.value for cell in row.cells if not cell.hidden)

    largest = max((visible_length(row) for row in chart.rows), default=0)
    title_id = f"chart-{data.slug}-title"
    desc_id = f"chart-{data.slug}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="insights-chart" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'font-family="{escape(FONT)}">',
        f'<title id="{title_id}">{escape(data.title)}</title>',
        f'<desc id="{desc_id}">{escape(chart.summary)}</desc>',
    ]
    if stacked:
        for index, entry in enumerate(series):
            x = PADDING + (index % 3) * 230
            y = PADDING + (index // 3) * LEGEND_ROW
            parts.append(
                f'<rect x="{x}" y="{y}" width="14" height="14" '
                f'fill="{COLOURS[index % len(COLOURS)]}"/>'
            )
            parts.append(_text(x + 20, y + 12, entry.label))
    if not chart.rows:
        parts.append(_text(PADDING, top + 18, _("No data for the chosen filters.")))
    for position, row in enumerate(chart.rows):
        y = top + position * ROW_HEIGHT
        parts.append(f"<g><title>{escape(row.label)}</title>")
        parts.append(_text(bar_x - 8, y + 15, _short(row.label), anchor="end"))
        x = float(bar_x)
        for index, cell in enumerate(row.cells):
            if cell.hidden or not cell.value or not largest:
                continue
            width = area * cell.value / largest
            colour = COLOURS[index % len(COLOURS)] if stacked else COLOURS[0]
            parts.append(
                f'<rect x="{x:.1f}" y="{y + (ROW_HEIGHT - BAR_HEIGHT) / 2:.1f}" '
                f'width="{max(width, 1):.1f}" height="{BAR_HEIGHT}" fill="{colour}" '
                f'stroke="#FFFFFF" stroke-width="1"/>'
            )
            x += width
        if row.total is not None:
            label = row.total.display
        elif stacked or len(row.cells) != 1:
            label = " / ".join(cell.display for cell in row.cells)
        else:
            label = row.cells[0].display
        parts.append(_text(x + 6, y + 15, label, weight="bold"))
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)
