"""Context for the examples bank's pages; the pages' own get_context and routes call these.

The page models import this module inside get_context (a Wagtail page is its own controller);
it is the app's only context module and no views module exists, so a page model never imports
views (docs/decisions/0022-import-contracts.md, the `.importlinter` contracts)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext

from . import selectors
from .forms import CaseFilterForm
from .models import CaseIndexPage

PER_PAGE = 20

# The county chart's geometry in SVG user units; the SVG scales to the width it gets.
CHART_WIDTH = 640
CHART_LABEL_WIDTH = 170
CHART_VALUE_WIDTH = 40
CHART_ROW_HEIGHT = 28
CHART_BAR_HEIGHT = 18
CHART_PADDING = 8


@dataclass(frozen=True)
class ChartRow:
    label: str
    count: int
    y: int
    text_y: int
    bar_width: int
    value_x: int


@dataclass(frozen=True)
class BarChart:
    rows: list[ChartRow]
    width: int
    height: int
    bar_x: int
    label_x: int


def bar_chart(counts: list[selectors.CountyCount]) -> BarChart:
    """Horizontal bars, one per county, scaled to the largest count."""
    bar_x = CHART_LABEL_WIDTH
    bar_area = CHART_WIDTH - CHART_LABEL_WIDTH - CHART_VALUE_WIDTH
    largest = max((entry.count for entry in counts), default=0)
    rows = []
    for position, entry in enumerate(counts):
        y = CHART_PADDING + position * CHART_ROW_HEIGHT
        width = round(bar_area * entry.count / largest) if largest else 0
        rows.append(
            ChartRow(
                label=entry.county.name,
                count=entry.count,
                y=y,
                text_y=y + CHART_BAR_HEIGHT - 4,
                bar_width=width,
                value_x=bar_x + width + 6,
            )
        )
    height = 2 * CHART_PADDING + len(counts) * CHART_ROW_HEIGHT
    return BarChart(
        rows=rows, width=CHART_WIDTH, height=height, bar_x=bar_x, label_x=CHART_LABEL_WIDTH - 8
    )


@dataclass(frozen=True)
class CaseListing:
    cases: list
    page_obj: object
    count: int


def _listing(filters: dict, page_number: str | None) -> CaseListing:
    paginator = Paginator(selectors.case_list(**filters), PER_PAGE)
    page_obj = paginator.get_page(page_number)
    return CaseListing(cases=page_obj.object_list, page_obj=page_obj, count=paginator.count)


def index_context(*, page: CaseIndexPage, request: HttpRequest) -> dict:
    """The filter form and one page of the matching examples. The listing is lazy: read only
    when the template draws it, so a listing that comes from the fragment cache
    (apps/core/templatetags/public_fragment.py) runs none of its queries."""
    query = request.GET
    submitted = any(query.get(name) for name in CaseFilterForm.base_fields)
    form = CaseFilterForm(query if submitted else None)
    filters = form.active_filters()
    listing = SimpleLazyObject(lambda: _listing(filters, query.get("page")))
    return {
        "filter_form": form,
        "filters": filters,
        "filter_errors": form.is_bound and form.errors,
        "listing": listing,
        "cases": SimpleLazyObject(lambda: listing.cases),
        "page_obj": SimpleLazyObject(lambda: listing.page_obj),
        "case_count": SimpleLazyObject(lambda: listing.count),
        "query": urlencode(filters),
        # What the listing's links depend on: the filters, or without them the request's own
        # parameters, which the pagination keeps (apps/core/templatetags/page_links.py).
        "listing_vary": urlencode(filters) or request.GET.urlencode(),
        "counties_url": page.counties_url(request=request),
    }


def counties_context(*, page: CaseIndexPage, request: HttpRequest) -> dict:
    counts = selectors.county_counts()
    list_url = page.get_url(request=request)
    return {
        "county_rows": [
            (entry, f"{list_url}?{urlencode({'county': entry.county.code})}") for entry in counts
        ],
        "total": sum(entry.count for entry in counts),
        "counties_with_cases": sum(1 for entry in counts if entry.count),
        "chart": bar_chart(counts),
        "list_url": list_url,
        "breadcrumb_items": [
            *_page_trail(page, request),
            (gettext("Examples by county"), page.counties_url(request=request)),
        ],
    }


def _page_trail(page: CaseIndexPage, request: HttpRequest) -> list[tuple[str, str]]:
    items = [(gettext("Home"), "/")]
    items += [
        (ancestor.title, ancestor.get_url(request=request)) for ancestor in page.get_ancestors()[2:]
    ]
    return [*items, (page.title, page.get_url(request=request))]
