"""The numbers behind each chart: one SQL query per chart, grouped and counted in the
database, whatever the number of rows. Every selector returns exact `ChartData`; what is
shown publicly is decided by charts.present().

`scope` says whose view it is: `Scope.public()` counts only what anyone may see; a
municipality's scope (its brokers' and fund managers' view) counts that municipality's own
data, members-only needs and drafts included."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.broker.models import Need, NeedStatus, NeedVisibility
from apps.cases.models import CasePage
from apps.collaborations.models import Collaboration, StageChange
from apps.collaborations.stages import Stage, is_final
from apps.contributions.models import TriedReport
from apps.cookbook.models import RecipePage
from apps.core.models import County, Municipality, Sector, vocabulary_name
from apps.fund.models import Application, ApplicationStatus
from apps.grants.models import Decision
from apps.routeguide import vocabulary as rg

from .charts import Chart, ChartData, Kind, Row, Series, Total, Unit
from .filters import Filters
from .models import RouteGuideTally

TOP = 10


@dataclass(frozen=True)
class Scope:
    """Whose view: the public one, or a municipality's own (exact, with private rows)."""

    municipality: Municipality | None = None

    @classmethod
    def public(cls) -> Scope:
        return cls()

    @property
    def is_public(self) -> bool:
        return self.municipality is None


def _place_q(filters: Filters, *, municipality_path: str) -> Q:
    """The county/municipality filter on a queryset reaching the municipality by this path."""
    if filters.municipality is not None:
        return Q(**{municipality_path: filters.municipality.pk})
    if filters.county is not None:
        return Q(**{f"{municipality_path}__county": filters.county.pk})
    return Q()


def _date_q(filters: Filters, *, path: str) -> Q:
    start, end = filters.period
    q = Q()
    if start:
        q &= Q(**{f"{path}__gte": start})
    if end:
        q &= Q(**{f"{path}__lte": end})
    return q


def _year_q(filters: Filters, *, path: str) -> Q:
    q = Q()
    if filters.year_from:
        q &= Q(**{f"{path}__gte": filters.year_from})
    if filters.year_to:
        q &= Q(**{f"{path}__lte": filters.year_to})
    return q


def _single(series_label: str, key: str = "count") -> tuple[Series, ...]:
    return (Series(key, series_label),)


def _count_row(key: str, label: str, values: Iterable[int]) -> Row:
    values = tuple(values)
    return Row(key=key, label=label, values=values, counts=values)


# Needs ----------------------------------------------------------------------------------

PUBLIC_NEED_STATUSES = (NeedStatus.OPEN, NeedStatus.IN_DIALOGUE, NeedStatus.CLOSED)


def _needs(*, filters: Filters, scope: Scope):
    """Public view: needs published for everyone (open, in dialogue, or since closed); never
    drafts or members-only needs. A municipality's view: all its own needs."""
    if scope.is_public:
        needs = Need.objects.filter(
            visibility=NeedVisibility.PUBLIC, status__in=PUBLIC_NEED_STATUSES
        )
    else:
        needs = Need.objects.filter(municipality=scope.municipality)
    return (
        needs.filter(_place_q(filters, municipality_path="municipality"))
        .filter(_date_q(filters, path="created_at__date"))
        .order_by()
    )


def _need_statuses(scope: Scope) -> tuple[Series, ...]:
    codes = PUBLIC_NEED_STATUSES if scope.is_public else tuple(NeedStatus.values)
    return tuple(Series(code, str(NeedStatus(code).label)) for code in codes)


def needs_by_sector_and_status(*, filters: Filters, scope: Scope) -> ChartData:
    """Needs per sector, by status. A need with several sectors is counted in each.

    Grouped by the sector's id in the link table, then the sectors named from a second
    query: grouping 25,000 joined rows by five text columns of the sector took about twice
    as long at national volume (docs/decisions/0030)."""
    statuses = _need_statuses(scope)
    grouped = list(
        _needs(filters=filters, scope=scope)
        .values("sectors", "status")
        # One row per need and sector (the link table is unique), so no DISTINCT is needed.
        .annotate(n=Count("pk"))
    )
    # The whole vocabulary (a dozen rows), so the page's queries do not depend on the data.
    sectors = {
        pk: (code, vocabulary_name(name, name_nn, name_en), position)
        for pk, code, name, name_nn, name_en, position in Sector.objects.values_list(
            "pk", "code", "name", "name_nn", "name_en", "position"
        )
    }
    per_sector: dict[str, dict] = {}
    for entry in grouped:
        code, label, position = sectors.get(entry["sectors"], ("", "", 10_000))
        sector = per_sector.setdefault(
            code,
            {"label": label or _("No sector given"), "position": position, "n": defaultdict(int)},
        )
        sector["n"][entry["status"]] += entry["n"]
    ordered = sorted(per_sector.items(), key=lambda item: (item[1]["position"], item[1]["label"]))
    rows = tuple(
        _count_row(code or "-", sector["label"], [sector["n"][s.key] for s in statuses])
        for code, sector in ordered
    )
    return ChartData(
        "behov-sektor-status",
        _("Needs by sector and status"),
        _("Sector"),
        statuses,
        rows,
        kind=Kind.STACKED,
        additive_rows=False,
        note=_("A need that crosses sectors is counted under each of its sectors."),
    )


def _cross_sector_summary(chart: Chart) -> str | None:
    """The share in one sentence, when both numbers are shown exactly."""
    if chart.column_totals:
        cross, total = chart.column_totals[0], chart.grand_total
    elif len(chart.rows) == 1 and not chart.rows[0].cells[0].hidden:
        cell = chart.rows[0].cells[0]
        cross, total = Total(cell.value, True, cell.display), chart.rows[0].total
    else:
        return None
    if not (cross.exact and total and total.exact and total.value):
        return None
    return _("%(cross)s of %(total)s needs (%(share)s %%) cross two or more sectors.") % {
        "cross": cross.display,
        "total": total.display,
        "share": round(100 * cross.value / total.value),
    }


def cross_sector_share(*, filters: Filters, scope: Scope) -> ChartData:
    """Per year a need was posted: how many cross two or more sectors, and how many not."""
    # The needs with two or more sectors, as one uncorrelated subquery (a count per need as a
    # correlated subquery looked up the sectors of every need one by one).
    needs = _needs(filters=filters, scope=scope)
    links = Need.sectors.through.objects.order_by()
    if not scope.is_public or filters.municipality is not None or filters.county is not None:
        # One municipality or county: count the links of its needs only (0.3 ms instead of
        # grouping all 30,000 links, 14 ms, at national volume). Over the whole country the
        # restriction costs more than it saves (a semi-join over 16,000 needs).
        links = links.filter(need__in=needs.values("pk"))
    crossing = links.values("need_id").annotate(c=Count("pk")).filter(c__gte=2).values("need_id")
    grouped = (
        needs.annotate(
            year=ExtractYear("created_at"),
            cross=Case(When(pk__in=crossing, then=Value(1)), default=Value(0)),
        )
        .values("year", "cross")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    per_year: dict[int, list[int]] = {}
    for entry in grouped:
        per_year.setdefault(entry["year"], [0, 0])[0 if entry["cross"] else 1] += entry["n"]
    rows = tuple(
        _count_row(str(year), str(year), values) for year, values in sorted(per_year.items())
    )
    return ChartData(
        "tverrsektorielle-behov",
        _("Needs that cross sectors"),
        _("Year posted"),
        (Series("cross", _("Two or more sectors")), Series("single", _("One sector or none"))),
        rows,
        kind=Kind.STACKED,
        summary=_cross_sector_summary,
    )


# Collaborations -------------------------------------------------------------------------


def _collaborations(*, filters: Filters, scope: Scope):
    collaborations = Collaboration.objects.order_by()
    if not scope.is_public:
        collaborations = collaborations.filter(municipality_org__municipality=scope.municipality)
    return collaborations.filter(
        _place_q(filters, municipality_path="municipality_org__municipality")
    ).filter(_date_q(filters, path="created_at__date"))


def collaborations_by_stage(*, filters: Filters, scope: Scope) -> ChartData:
    """How many collaborations are in each stage now (counts only; no names)."""
    counts = dict(
        _collaborations(filters=filters, scope=scope)
        .values("stage")
        .annotate(n=Count("pk"))
        .values_list("stage", "n")
    )
    rows = tuple(
        _count_row(code, str(label), [counts.get(code, 0)]) for code, label in Stage.choices
    )
    return ChartData(
        "samarbeid-fase",
        _("Collaborations by stage"),
        _("Stage"),
        _single(_("Collaborations")),
        rows,
    )


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def median_time_in_stage(*, filters: Filters, scope: Scope) -> ChartData:
    """The median number of days a collaboration spends in each stage: every stay that has
    ended, and the current stay up to now. From the stage log, in one query."""
    changes = (
        StageChange.objects.filter(
            collaboration__in=_collaborations(filters=filters, scope=scope).values("pk")
        )
        .order_by("collaboration_id", "changed_at", "pk")
        .values_list("collaboration_id", "to_stage", "changed_at")
    )
    now = timezone.now()
    stays: dict[str, list[float]] = defaultdict(list)
    previous = None
    for collaboration_id, stage, changed_at in changes:
        if previous and previous[0] == collaboration_id:
            stays[previous[1]].append((changed_at - previous[2]).total_seconds() / 86400)
        elif previous and not is_final(previous[1]):
            stays[previous[1]].append((now - previous[2]).total_seconds() / 86400)
        previous = (collaboration_id, stage, changed_at)
    if previous and not is_final(previous[1]):
        stays[previous[1]].append((now - previous[2]).total_seconds() / 86400)
    rows = tuple(
        Row(
            key=code,
            label=str(label),
            values=(round(_median(stays[code])) if stays[code] else 0,),
            counts=(len(stays[code]),),
        )
        for code, label in Stage.choices
        if not is_final(code)
    )
    return ChartData(
        "tid-i-fase",
        _("Median time in stage"),
        _("Stage"),
        _single(_("Median days"), key="median"),
        rows,
        unit=Unit.DAYS,
        note=_(
            "Each stay in a stage counts once; a stay that is still going on counts up to today."
        ),
    )


# Fund -----------------------------------------------------------------------------------

GRANTED_STATUSES = (
    ApplicationStatus.GRANTED,
    ApplicationStatus.IN_PROGRESS,
    ApplicationStatus.COMPLETED,
)


def fund_money_by_sector_and_year(*, filters: Filters, scope: Scope) -> ChartData:
    """Kroner granted per sector and year of the decision; granted applications only (the
    amounts of rejected applications are never counted)."""
    decisions = Decision.objects.filter(
        outcome=Decision.Outcome.GRANTED, application__status__in=GRANTED_STATUSES
    ).order_by()
    path = "application__call__fund__organisation__municipality"
    if not scope.is_public:
        decisions = decisions.filter(**{path: scope.municipality})
    grouped = (
        decisions.filter(_place_q(filters, municipality_path=path))
        .filter(_date_q(filters, path="decided_at__date"))
        .annotate(year=ExtractYear("decided_at"))
        .values(
            "application__sector__code",
            "application__sector__name",
            "application__sector__name_nn",
            "application__sector__name_en",
            "application__sector__position",
            "year",
        )
        .annotate(total=Sum("amount"), n=Count("pk"))
    )
    years: set[int] = set()
    per_sector: dict[str, dict] = {}
    for entry in grouped:
        code = entry["application__sector__code"] or ""
        years.add(entry["year"])
        sector = per_sector.setdefault(
            code,
            {
                "label": vocabulary_name(
                    entry["application__sector__name"] or "",
                    entry["application__sector__name_nn"] or "",
                    entry["application__sector__name_en"] or "",
                )
                or _("No sector given"),
                "position": entry["application__sector__position"] if code else 10_000,
                "total": defaultdict(int),
                "n": defaultdict(int),
            },
        )
        sector["total"][entry["year"]] += entry["total"] or 0
        sector["n"][entry["year"]] += entry["n"]
    series = tuple(Series(str(year), str(year)) for year in sorted(years))
    ordered = sorted(per_sector.items(), key=lambda item: (item[1]["position"], item[1]["label"]))
    rows = tuple(
        Row(
            key=code or "-",
            label=sector["label"],
            values=tuple(sector["total"][int(s.key)] for s in series),
            counts=tuple(sector["n"][int(s.key)] for s in series),
        )
        for code, sector in ordered
    )
    return ChartData(
        "fondsmidler-sektor-aar",
        _("Fund money granted by sector and year"),
        _("Sector"),
        series,
        rows,
        unit=Unit.NOK,
        kind=Kind.STACKED,
        note=_(
            "Granted amounts only, by the year of the decision. Each grant is also listed "
            "publicly, so the amounts are shown in full."
        ),
    )


def fund_applications_by_status(*, filters: Filters, scope: Scope) -> ChartData:
    """A municipality's own funds: submitted applications by status (drafts are the
    applicants' own and are not counted). Not on the public dashboard."""
    applications = Application.objects.exclude(status=ApplicationStatus.DRAFT).order_by()
    if not scope.is_public:
        applications = applications.filter(
            call__fund__organisation__municipality=scope.municipality
        )
    counts = dict(
        applications.filter(_date_q(filters, path="submitted_at__date"))
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    rows = tuple(
        _count_row(code, str(label), [counts.get(code, 0)])
        for code, label in ApplicationStatus.choices
        if code != ApplicationStatus.DRAFT
    )
    return ChartData(
        "fondssoknader-status",
        _("Applications to the municipality's funds by status"),
        _("Status"),
        _single(_("Applications")),
        rows,
        filters=("period",),
    )


# Examples bank -------------------------------------------------------------------------


def cases_per_county(*, filters: Filters, scope: Scope) -> ChartData:
    """Published examples per county (every county, zeros included); within one county, per
    municipality; for one municipality, that one. The period is the years the collaboration
    ran (an ongoing one runs until today)."""
    cases = CasePage.objects.published().order_by()
    if filters.has_period:
        cases = cases.filter(start_year__isnull=False)
        if filters.year_to:
            cases = cases.filter(start_year__lte=filters.year_to)
        if filters.year_from:
            cases = cases.filter(Q(end_year__isnull=True) | Q(end_year__gte=filters.year_from))
    title = _("Examples per county")
    series = _single(_("Examples"))
    if filters.municipality is None and filters.county is None:
        # One grouped count, then every county: a count per county as a correlated subquery
        # ran the published-page test over every example once per county (over a second on
        # PostgreSQL with 2,000 examples).
        per_county = dict(
            cases.values("municipality__county_id")
            .annotate(total=Count("pk"))
            .values_list("municipality__county_id", "total")
        )
        counties = County.objects.current().order_by("code").values_list("pk", "code", "name")
        rows = tuple(_count_row(code, name, [per_county.get(pk, 0)]) for pk, code, name in counties)
        return ChartData("eksempler-fylke", title, _("County"), series, rows)
    grouped = (
        cases.filter(_place_q(filters, municipality_path="municipality"))
        .values("municipality__code", "municipality__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__name")
    )
    rows = tuple(
        _count_row(entry["municipality__code"], entry["municipality__name"], [entry["n"]])
        for entry in grouped
    )
    return ChartData("eksempler-fylke", title, _("Municipality"), series, rows)


# "We tried this" ------------------------------------------------------------------------


def recipes_most_tried(*, filters: Filters, scope: Scope) -> ChartData:
    """The recipes with the most published "we tried this" reports, by outcome; only reports
    on published recipes. The period is the year the recipe was tried."""
    outcomes = tuple(Series(value, str(label)) for value, label in TriedReport.Outcome.choices)
    grouped = (
        TriedReport.objects.published()
        .filter(recipe__in=RecipePage.objects.published().values("pk"))
        .filter(_place_q(filters, municipality_path="municipality"))
        .filter(_year_q(filters, path="year"))
        .order_by()
        .values("recipe_id", "recipe__title", "outcome")
        .annotate(n=Count("pk"))
    )
    per_recipe: dict[int, dict] = {}
    for entry in grouped:
        recipe = per_recipe.setdefault(
            entry["recipe_id"], {"title": entry["recipe__title"], "n": defaultdict(int)}
        )
        recipe["n"][entry["outcome"]] += entry["n"]
    ranked = sorted(
        per_recipe.items(), key=lambda item: (-sum(item[1]["n"].values()), item[1]["title"])
    )[:TOP]
    rows = tuple(
        _count_row(str(pk), recipe["title"], [recipe["n"][s.key] for s in outcomes])
        for pk, recipe in ranked
    )
    return ChartData(
        "mest-provde-oppskrifter",
        _("Recipes most tried"),
        _("Recipe"),
        outcomes,
        rows,
        kind=Kind.STACKED,
    )


# Route guide ----------------------------------------------------------------------------

ROUTE_GUIDE_QUESTIONS: dict[str, tuple] = {
    "purpose": (gettext_lazy("What you want to do"), rg.Purpose),
    "service": (gettext_lazy("Kind of purchase"), rg.Service),
    "provider": (gettext_lazy("Who you want to work with"), rg.Provider),
    "authority": (gettext_lazy("Who is buying"), rg.Authority),
    "on_market": (gettext_lazy("On the market today"), rg.OnMarket),
}


def _answer_label(question: str, answer: str) -> str:
    question_label, choices = ROUTE_GUIDE_QUESTIONS.get(question, (question, None))
    answer_label = choices(answer).label if choices and answer in choices.values else answer
    return f"{question_label}: {answer_label}"


def route_guide_questions(*, filters: Filters, scope: Scope) -> ChartData:
    """The answers given most often to the route guide's questions. Only counts per day are
    stored, never who asked or from where: the place filters do not apply."""
    grouped = (
        RouteGuideTally.objects.filter(_date_q(filters, path="day"))
        .filter(question__in=ROUTE_GUIDE_QUESTIONS)
        .values("question", "answer")
        .annotate(n=Sum("count"))
        .order_by("-n", "question", "answer")[:TOP]
    )
    rows = tuple(
        _count_row(
            f"{entry['question']}={entry['answer']}",
            _answer_label(entry["question"], entry["answer"]),
            [entry["n"]],
        )
        for entry in grouped
        if entry["n"]
    )
    return ChartData(
        "veiviser-sporsmal",
        _("Route guide: the answers given most often"),
        _("Question and answer"),
        _single(_("Times asked")),
        rows,
        filters=("period",),
        note=_(
            "The route guide stores only how many times each answer was given per day, "
            "never who asked or from where, so the county and municipality filters do "
            "not apply."
        ),
    )


# Registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartSpec:
    slug: str
    selector: Callable[..., ChartData]
    # Shown on a municipality's detailed view too.
    in_municipality_view: bool = True
    # Only on a municipality's detailed view.
    public: bool = True
    # Counted on every request instead of kept in the cache (apps.insights.figures): cheap,
    # and written by UPDATEs that send no signal to mark stored charts stale.
    live: bool = False


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("behov-sektor-status", needs_by_sector_and_status),
    ChartSpec("tverrsektorielle-behov", cross_sector_share),
    ChartSpec("samarbeid-fase", collaborations_by_stage),
    ChartSpec("tid-i-fase", median_time_in_stage),
    ChartSpec("fondsmidler-sektor-aar", fund_money_by_sector_and_year),
    ChartSpec("fondssoknader-status", fund_applications_by_status, public=False),
    ChartSpec("mest-provde-oppskrifter", recipes_most_tried),
    ChartSpec("eksempler-fylke", cases_per_county),
    ChartSpec("veiviser-sporsmal", route_guide_questions, in_municipality_view=False, live=True),
)
CHARTS_BY_SLUG = {spec.slug: spec for spec in CHARTS}


def chart_data(*, slug: str, filters: Filters, scope: Scope) -> ChartData:
    return CHARTS_BY_SLUG[slug].selector(filters=filters, scope=scope)


def charts_for(*, scope: Scope) -> list[ChartSpec]:
    if scope.is_public:
        return [spec for spec in CHARTS if spec.public]
    return [spec for spec in CHARTS if spec.in_municipality_view]
