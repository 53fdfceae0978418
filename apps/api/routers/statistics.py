"""Innsikt's public statistics as open data. Mounted at /api/v1/statistics.

The same numbers as the charts at /innsikt/, with the same small-count suppression: a count
below three is `null` with `display` "<3", and a total that includes one is given only as
the least it can be (`at_least`). Nothing private is ever counted.

The numbers come from the charts Innsikt keeps (apps.insights.figures, decision 0030): a
request counts nothing the page has counted already, and anything written to what a chart
counts makes it stale at once, so the API is exactly as fresh as /innsikt/."""

from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from apps.api.listing import list_endpoint
from apps.core.models import County, Municipality
from apps.insights.charts import Chart, Total
from apps.insights.figures import presented_chart, presented_charts
from apps.insights.filters import FIRST_YEAR, Filters
from apps.insights.selectors import Scope, charts_for

router = Router(tags=["Statistics"])


class SeriesOut(Schema):
    key: str = Field(description="Identifier of the series (a status code, a year …).")
    label: str = Field(description="The series' name, in the language asked for.")


class CellOut(Schema):
    value: int | None = Field(
        description="The number (a count, whole NOK or days); null when suppressed."
    )
    display: str = Field(description="The number as shown on the site, e.g. «12» or «<3».")
    suppressed: bool = Field(description="True when the count is below three and not shown.")


class TotalOut(Schema):
    value: int | None = Field(description="The exact total; null when it is only a lower bound.")
    at_least: int = Field(description="The least the total can be (equal to value when exact).")
    display: str = Field(description="The total as shown on the site, e.g. «14» or «≥9».")


class RowOut(Schema):
    key: str = Field(description="Identifier of the category (a sector code, a county number …).")
    label: str = Field(description="The category's name.")
    values: list[CellOut] = Field(description="One cell per series, in the order of `series`.")
    total: TotalOut | None = Field(description="The row's total when there are several series.")
    count: str | None = Field(
        description="For medians: how many stays the median is over («<3» when suppressed)."
    )


class StatisticOut(Schema):
    slug: str = Field(description="The chart's identifier; use it with GET /statistics/{slug}.")
    title: str = Field(description="The chart's title.")
    unit: Literal["count", "nok", "days"] = Field(
        description="count: numbers of rows; nok: whole kroner; days: a median in days."
    )
    filters: list[str] = Field(
        description="The filters the chart follows: county, municipality and/or period."
    )
    page_url: str = Field(description="The chart on the site.")
    csv_url: str = Field(description="The chart's CSV file.")


class StatisticDetailOut(StatisticOut):
    category_label: str = Field(description="What the rows are (sector, county, stage …).")
    summary: str = Field(description="One sentence saying what the numbers show.")
    note: str = Field(description="How the numbers are counted; may be empty.")
    series: list[SeriesOut]
    rows: list[RowOut]
    column_totals: list[TotalOut] = Field(description="Per series; empty for one row or medians.")
    grand_total: TotalOut | None


def _total(total: Total | None) -> dict[str, Any] | None:
    if total is None:
        return None
    return {
        "value": total.value if total.exact else None,
        "at_least": total.value,
        "display": total.display,
    }


def _overview(slug: str, chart_title: str, unit: str, filters: tuple[str, ...]) -> dict:
    return {
        "slug": slug,
        "title": chart_title,
        "unit": unit,
        "filters": list(filters),
        "page_url": f"/innsikt/#{slug}",
        "csv_url": f"/innsikt/{slug}.csv",
    }


def _detail(chart: Chart) -> dict[str, Any]:
    data = chart.data
    return {
        **_overview(data.slug, data.title, str(data.unit), data.filters),
        "category_label": data.category_label,
        "summary": chart.summary,
        "note": data.note,
        "series": [{"key": s.key, "label": s.label} for s in data.series],
        "rows": [
            {
                "key": row.key,
                "label": row.label,
                "values": [
                    {
                        # A suppressed number never leaves the server.
                        "value": None if cell.hidden else cell.value,
                        "display": cell.display,
                        "suppressed": cell.hidden,
                    }
                    for cell in row.cells
                ],
                "total": _total(row.total),
                "count": row.count_display or None,
            }
            for row in chart.rows
        ],
        "column_totals": [_total(total) for total in chart.column_totals],
        "grand_total": _total(chart.grand_total),
    }


@list_endpoint(router, "", response=StatisticOut, summary="List the public statistics")
def list_statistics(request: HttpRequest):
    """Every chart on /innsikt/, with the filters it follows."""
    public = Scope.public()
    slugs = [spec.slug for spec in charts_for(scope=public)]
    charts = presented_charts(slugs=slugs, filters=Filters(), scope=public).charts
    return [
        _overview(chart.data.slug, chart.data.title, str(chart.data.unit), chart.data.filters)
        for chart in charts
    ]


@router.get("/{slug}", response=StatisticDetailOut, summary="One statistic, with its numbers")
def get_statistic(
    request: HttpRequest,
    slug: str,
    county: str | None = Query(
        None, pattern=r"^\d{2}$", description="County number (SSB), e.g. «32».", examples=["32"]
    ),
    municipality: str | None = Query(
        None,
        pattern=r"^\d{4}$",
        description="Municipality number (SSB), e.g. «3201»; takes precedence over county.",
        examples=["3201"],
    ),
    year_from: int | None = Query(
        None, alias="from", ge=FIRST_YEAR, le=2100, description="First year of the period."
    ),
    year_to: int | None = Query(
        None, alias="to", ge=FIRST_YEAR, le=2100, description="Last year of the period."
    ),
):
    """The chart's numbers with small counts suppressed, as on /innsikt/."""
    public = Scope.public()
    if slug not in {spec.slug for spec in charts_for(scope=public)}:
        raise Http404
    if year_from and year_to and year_from > year_to:
        raise HttpError(422, "`from` cannot be after `to`.")
    county_obj = County.objects.filter(code=county).first() if county else None
    if county and county_obj is None:
        raise HttpError(422, "Unknown county number.")
    municipality_obj = (
        Municipality.objects.filter(code=municipality).first() if municipality else None
    )
    if municipality and municipality_obj is None:
        raise HttpError(422, "Unknown municipality number.")
    filters = Filters(
        county=county_obj, municipality=municipality_obj, year_from=year_from, year_to=year_to
    )
    return _detail(presented_chart(slug=slug, filters=filters, scope=public))
