"""The numbers behind each chart, counted in SQL; private rows never in the public view."""

import datetime

import pytest
from django.utils import timezone

from apps.broker.models import NeedStatus, NeedVisibility
from apps.cases.tests.factories import CaseIndexPageFactory, CasePageFactory
from apps.contributions.models import Status
from apps.contributions.tests.factories import TriedReportFactory
from apps.core.models import County, Municipality
from apps.fund.models import ApplicationStatus
from apps.grants.models import Decision
from apps.insights import selectors
from apps.insights.charts import present
from apps.insights.filters import Filters
from apps.insights.models import RouteGuideTally
from apps.insights.selectors import Scope

from . import factories as f

pytestmark = pytest.mark.django_db

PUBLIC = Scope.public()


def _values(data) -> dict[str, tuple[int, ...]]:
    return {row.label: row.values for row in data.rows}


def _baerum_scope() -> Scope:
    return Scope(municipality=Municipality.objects.get(code="3201"))


def test_needs_by_sector_and_status_count_only_public_needs():
    f.need(sectors=["helse_omsorg"], status=NeedStatus.OPEN)
    f.need(sectors=["helse_omsorg", "arbeid_inkludering"], status=NeedStatus.IN_DIALOGUE)
    f.need(sectors=["helse_omsorg"], status=NeedStatus.CLOSED)
    f.need(sectors=["helse_omsorg"], status=NeedStatus.DRAFT)
    f.need(sectors=["helse_omsorg"], visibility=NeedVisibility.MEMBERS)
    f.need(sectors=[], status=NeedStatus.OPEN)

    data = selectors.needs_by_sector_and_status(filters=Filters(), scope=PUBLIC)

    assert [series.key for series in data.series] == ["open", "in_dialogue", "closed"]
    values = _values(data)
    assert values["Health and care"] == (1, 1, 1)
    assert values["Work and inclusion"] == (0, 1, 0)
    assert values["No sector given"] == (1, 0, 0)


def test_a_municipality_sees_its_own_drafts_and_members_only_needs():
    f.need(sectors=["helse_omsorg"], status=NeedStatus.DRAFT)
    f.need(sectors=["helse_omsorg"], visibility=NeedVisibility.MEMBERS)
    f.need(code="3203", sectors=["helse_omsorg"], visibility=NeedVisibility.MEMBERS)

    data = selectors.needs_by_sector_and_status(filters=Filters(), scope=_baerum_scope())

    assert [series.key for series in data.series] == ["draft", "open", "in_dialogue", "closed"]
    assert _values(data)["Health and care"] == (1, 1, 0, 0)


def test_needs_follow_the_county_and_municipality_filters():
    f.need(code="3201", sectors=["barnevern"])
    f.need(code="4601", sectors=["barnevern"])
    county = County.objects.get(code="32")
    in_county = selectors.needs_by_sector_and_status(filters=Filters(county=county), scope=PUBLIC)
    assert _values(in_county)["Child welfare"] == (1, 0, 0)
    bergen = Municipality.objects.get(code="4601")
    assert _values(
        selectors.needs_by_sector_and_status(filters=Filters(municipality=bergen), scope=PUBLIC)
    )["Child welfare"] == (1, 0, 0)


def test_needs_follow_the_period():
    old = f.need(sectors=["barnevern"])
    old.created_at = datetime.datetime(2021, 5, 1, tzinfo=datetime.UTC)
    old.save(update_fields=["created_at"])
    f.need(sectors=["barnevern"])
    this_year = timezone.localdate().year
    data = selectors.needs_by_sector_and_status(
        filters=Filters(year_from=this_year, year_to=this_year), scope=PUBLIC
    )
    assert _values(data)["Child welfare"] == (1, 0, 0)


def test_cross_sector_share_per_year():
    for _ in range(3):
        f.need(sectors=["helse_omsorg", "arbeid_inkludering"])
    for _ in range(4):
        f.need(sectors=["helse_omsorg"])
    f.need(sectors=[])
    f.need(sectors=["helse_omsorg", "barnevern"], status=NeedStatus.DRAFT)

    data = selectors.cross_sector_share(filters=Filters(), scope=PUBLIC)

    year = str(timezone.now().year)
    assert _values(data) == {year: (3, 5)}
    assert present(data, suppress=True).summary == (
        "3 of 8 needs (38 %) cross two or more sectors."
    )


def test_collaborations_by_stage_includes_every_stage():
    f.collaboration(stages=[("dialog", 10)])
    f.collaboration(stages=[("dialog", 30), ("utforsking", 5)])
    f.collaboration(code="4601", stages=[("dialog", 30), ("avsluttet", 1)])

    data = selectors.collaborations_by_stage(filters=Filters(), scope=PUBLIC)

    assert [row.key for row in data.rows] == [
        "dialog",
        "utforsking",
        "utproving",
        "avtale",
        "drift",
        "avsluttet",
    ]
    assert [row.values[0] for row in data.rows] == [1, 1, 0, 0, 0, 1]
    baerum = selectors.collaborations_by_stage(filters=Filters(), scope=_baerum_scope())
    assert sum(row.values[0] for row in baerum.rows) == 2


def test_median_time_in_stage_counts_finished_and_current_stays():
    f.collaboration(stages=[("dialog", 40), ("utforsking", 30)])  # dialog 10 days
    f.collaboration(stages=[("dialog", 50), ("utforsking", 30)])  # dialog 20 days
    f.collaboration(stages=[("dialog", 30)])  # dialog 30 days so far
    f.collaboration(stages=[("dialog", 60), ("avsluttet", 0)])  # dialog 60, then finished

    data = selectors.median_time_in_stage(filters=Filters(), scope=PUBLIC)

    rows = {row.key: row for row in data.rows}
    assert "avsluttet" not in rows
    assert rows["dialog"].counts == (4,)
    assert rows["dialog"].values == (25,)  # median of 10, 20, 30, 60
    assert rows["utforsking"].counts == (2,)
    chart = present(data, suppress=True)
    shown = {row.key: row for row in chart.rows}
    assert shown["dialog"].cells[0].display == "25 days"
    assert shown["utforsking"].cells[0].hidden


def test_fund_money_counts_granted_amounts_only():
    fund = f.fund()
    call = f.call(fund=fund)
    when = datetime.datetime(2024, 11, 15, 12, tzinfo=datetime.UTC)
    granted = f.application(call=call, status=ApplicationStatus.GRANTED, sector="helse_omsorg")
    f.decision(
        application=granted, outcome=Decision.Outcome.GRANTED, amount=400_000, decided_at=when
    )
    running = f.application(call=call, status=ApplicationStatus.IN_PROGRESS, sector="helse_omsorg")
    f.decision(
        application=running, outcome=Decision.Outcome.GRANTED, amount=100_000, decided_at=when
    )
    rejected = f.application(call=call, status=ApplicationStatus.REJECTED, sector="helse_omsorg")
    f.decision(
        application=rejected, outcome=Decision.Outcome.REJECTED, amount=999_000, decided_at=when
    )
    f.application(
        call=call, status=ApplicationStatus.DRAFT, sector="helse_omsorg", amount_requested=777_000
    )
    f.application(call=call, status=ApplicationStatus.SUBMITTED, sector="helse_omsorg")

    data = selectors.fund_money_by_sector_and_year(filters=Filters(), scope=PUBLIC)

    assert [series.key for series in data.series] == ["2024"]
    assert _values(data) == {"Health and care": (500_000,)}
    assert {row.counts for row in data.rows} == {(2,)}


def test_fund_applications_by_status_leave_drafts_out():
    call = f.call(fund=f.fund())
    f.application(call=call, status=ApplicationStatus.DRAFT)
    f.application(call=call, status=ApplicationStatus.SUBMITTED)
    f.application(call=call, status=ApplicationStatus.REJECTED)
    other = f.call(fund=f.fund(code="4601"))
    f.application(call=other, status=ApplicationStatus.SUBMITTED)

    data = selectors.fund_applications_by_status(filters=Filters(), scope=_baerum_scope())

    values = {row.key: row.values[0] for row in data.rows}
    assert "draft" not in values
    assert values["submitted"] == 1 and values["rejected"] == 1


def test_fund_applications_are_not_a_public_chart():
    assert "fondssoknader-status" not in {spec.slug for spec in selectors.charts_for(scope=PUBLIC)}
    assert "fondssoknader-status" in {
        spec.slug for spec in selectors.charts_for(scope=_baerum_scope())
    }


def test_recipes_most_tried_count_published_reports_by_outcome(home_page):
    from apps.cookbook.services import recipe_publish_revision
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    popular = RecipePageFactory(parent=chapter, title="Dialogmøte")
    recipe_publish_revision(recipe=popular, change_note="Første")
    quiet = RecipePageFactory(parent=chapter, title="Pilot")
    recipe_publish_revision(recipe=quiet, change_note="Første")
    draft = RecipePageFactory(parent=chapter, title="Utkast", live=False)
    for outcome in ("worked", "worked", "partly"):
        TriedReportFactory(recipe=popular, outcome=outcome)
    TriedReportFactory(recipe=popular, status=Status.PENDING)
    TriedReportFactory(recipe=quiet)
    TriedReportFactory(recipe=draft)

    data = selectors.recipes_most_tried(filters=Filters(), scope=PUBLIC)

    assert _values(data) == {"Dialogmøte": (2, 1, 0), "Pilot": (1, 0, 0)}
    assert [row.label for row in data.rows] == ["Dialogmøte", "Pilot"]


def test_cases_per_county_and_per_municipality_in_a_county(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=index)
    CasePageFactory(parent=index, municipality=Municipality.objects.get(code="3203"))
    CasePageFactory(parent=index, municipality=Municipality.objects.get(code="4601"))
    CasePageFactory(parent=index, live=False)

    data = selectors.cases_per_county(filters=Filters(), scope=PUBLIC)
    values = {row.key: row.values[0] for row in data.rows}
    assert values["32"] == 2 and values["46"] == 1 and values["03"] == 0

    county = County.objects.get(code="32")
    inside = selectors.cases_per_county(filters=Filters(county=county), scope=PUBLIC)
    assert _values(inside) == {"Asker": (1,), "Bærum": (1,)}


def test_cases_follow_the_period_they_ran(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=index, start_year=2015, end_year=2016)
    CasePageFactory(parent=index, start_year=2019, end_year=None)
    data = selectors.cases_per_county(filters=Filters(year_from=2020), scope=PUBLIC)
    assert {row.key: row.values[0] for row in data.rows}["32"] == 1


def test_route_guide_answers_most_given():
    day = datetime.date(2026, 3, 2)
    RouteGuideTally.objects.create(day=day, question="purpose", answer="buy", count=5)
    RouteGuideTally.objects.create(day=day, question="purpose", answer="grant", count=2)
    RouteGuideTally.objects.create(
        day=day + datetime.timedelta(days=1), question="purpose", answer="buy", count=1
    )
    RouteGuideTally.objects.create(
        day=datetime.date(2024, 1, 1), question="purpose", answer="grant", count=9
    )

    data = selectors.route_guide_questions(filters=Filters(year_from=2026), scope=PUBLIC)

    assert [(row.label, row.values) for row in data.rows] == [
        ("What you want to do: Buy a service, goods or works", (6,)),
        ("What you want to do: Give a grant", (2,)),
    ]
