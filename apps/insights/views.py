"""Innsikt: the public dashboard, a municipality's detailed view and a CSV file per chart.
Views parse the filters, check permission and hand over to figures.presented_charts(), which
gives the charts from the cache or counts them (selectors, then charts.present())."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from apps.accounts.second_factor import require_second_factor
from apps.core.csvsafe import csv_response
from apps.core.models import Municipality

from .charts import Chart
from .figures import Figures, presented_chart, presented_charts
from .filters import Filters, InsightFilterForm
from .permissions import can_view_municipality_insights, municipalities_with_detail
from .selectors import Scope, charts_for


def _figures(*, filters: Filters, scope: Scope, csv_url: Callable[[str], str]) -> Figures:
    """Every chart of the view with its drawn section, counted or from the cache
    (apps.insights.figures). The section depends only on the chart and its CSV address."""

    def section(chart: Chart) -> str:
        return render_to_string(
            "insights/_chart.html", {"chart": chart, "csv_url": csv_url(chart.slug)}
        )

    return presented_charts(
        slugs=[spec.slug for spec in charts_for(scope=scope)],
        filters=filters,
        scope=scope,
        section=section,
    )


def _form(request: HttpRequest, *, with_place: bool) -> InsightFilterForm:
    submitted = any(request.GET.get(name) for name in ("county", "municipality", "from", "to"))
    return InsightFilterForm(request.GET if submitted else None, with_place=with_place)


def _csv_response(chart: Chart, *, filename: str) -> HttpResponse:
    # One chart's small table: rendered at once rather than streamed.
    return csv_response(chart.csv_rows(), filename=filename, stream=False)


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    form = _form(request, with_place=True)
    filters = form.filters()
    query = filters.query()
    figures = _figures(
        filters=filters,
        scope=Scope.public(),
        csv_url=lambda slug: f"{reverse('insights:chart-csv', args=[slug])}?{query}",
    )
    context = {
        "form": form,
        "filters": filters,
        "query": query,
        "charts": figures.charts,
        "sections": figures.sections,
        "computed_at": figures.computed_at,
        "is_public": True,
        "my_municipalities": municipalities_with_detail(request.user),
        "breadcrumb_items": [(_("Home"), "/"), (_("Insights"), reverse("insights:dashboard"))],
    }
    return render(request, "insights/dashboard.html", context)


@require_safe
def chart_csv(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in {spec.slug for spec in charts_for(scope=Scope.public())}:
        raise Http404
    filters = _form(request, with_place=True).filters()
    chart = presented_chart(slug=slug, filters=filters, scope=Scope.public())
    return _csv_response(chart, filename=f"kokeboka-innsikt-{slug}.csv")


def _municipality_for(request: HttpRequest, code: str) -> Municipality:
    municipality = get_object_or_404(Municipality.objects.select_related("county"), code=code)
    if not can_view_municipality_insights(request.user, municipality):
        raise PermissionDenied
    # Unsuppressed small counts can point at people: not on a password alone.
    require_second_factor(request)
    return municipality


def _municipality_filters(request: HttpRequest, municipality: Municipality):
    form = _form(request, with_place=False)
    period = form.filters()
    filters = Filters(municipality=municipality, year_from=period.year_from, year_to=period.year_to)
    return form, filters


@never_cache
@require_safe
def municipality_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    municipality = _municipality_for(request, code)
    form, filters = _municipality_filters(request, municipality)
    scope = Scope(municipality=municipality)
    query = _period_query(filters)
    figures = _figures(
        filters=filters,
        scope=scope,
        csv_url=lambda slug: (
            f"{reverse('insights:municipality-chart-csv', args=[municipality.code, slug])}?{query}"
        ),
    )
    context = {
        "form": form,
        "filters": filters,
        "query": query,
        "charts": figures.charts,
        "sections": figures.sections,
        "computed_at": figures.computed_at,
        "is_public": False,
        "municipality": municipality,
        "breadcrumb_items": [
            (_("Home"), "/"),
            (_("Insights"), reverse("insights:dashboard")),
            (municipality.name, reverse("insights:municipality", args=[municipality.code])),
        ],
    }
    return render(request, "insights/municipality.html", context)


def _period_query(filters: Filters) -> str:
    return Filters(year_from=filters.year_from, year_to=filters.year_to).query()


@never_cache
@require_safe
def municipality_chart_csv(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    municipality = _municipality_for(request, code)
    scope = Scope(municipality=municipality)
    if slug not in {spec.slug for spec in charts_for(scope=scope)}:
        raise Http404
    _form, filters = _municipality_filters(request, municipality)
    chart = presented_chart(slug=slug, filters=filters, scope=scope)
    return _csv_response(chart, filename=f"kokeboka-innsikt-{municipality.code}-{slug}.csv")
