"""Reads of the examples bank. Every list is built in a fixed number of queries, and only
published examples (live, public, under a live index) are ever returned."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from apps.core.models import County, Municipality

from .models import CaseIndexPage, CaseOutcome, CasePage, CaseQuerySet, CaseSource


@dataclass(frozen=True)
class CountyCount:
    county: County
    count: int


def case_index() -> CaseIndexPage | None:
    return CaseIndexPage.objects.live().first()


def _ordered(cases: CaseQuerySet) -> CaseQuerySet:
    # Newest collaborations first; those without a known start year last.
    return cases.order_by(F("start_year").desc(nulls_last=True), "title", "pk")


def case_list(
    *,
    sector: str | None = None,
    form: str | None = None,
    county: str | None = None,
    municipality: str | None = None,
) -> CaseQuerySet:
    """Published examples matching every given filter (sector code, collaboration form,
    county code, municipality code), newest first, with municipality and county loaded and
    sectors prefetched."""
    cases = CasePage.objects.published()
    if sector:
        links = CasePage.sectors.through.objects.filter(sector__code=sector)
        cases = cases.filter(pk__in=links.values("casepage_id"))
    if form:
        cases = cases.filter(collaboration_form=form)
    if county:
        cases = cases.filter(municipality__county__code=county)
    if municipality:
        cases = cases.filter(municipality__code=municipality)
    return _ordered(
        cases.select_related("municipality__county", "entrepreneur_organisation").prefetch_related(
            "sectors"
        )
    )


def county_counts() -> list[CountyCount]:
    """Every county (in SSB number order) with the number of published examples in its
    municipalities, zero included; one query."""
    per_county = (
        CasePage.objects.published()
        .filter(municipality__county=OuterRef("pk"))
        .order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(total=Count("pk"))
        .values("total")
    )
    counties = County.objects.annotate(
        case_count=Coalesce(Subquery(per_county, output_field=IntegerField()), Value(0))
    ).order_by("code")
    return [CountyCount(county=county, count=county.case_count) for county in counties]


def municipalities_with_cases() -> QuerySet[Municipality]:
    """Municipalities that have at least one published example, by name, county loaded.
    The subquery is not correlated, so the database evaluates it once (correlated, SQLite
    ran it for each of the 357 municipalities: seconds with 2,000 examples)."""
    published = CasePage.objects.published().filter(municipality__isnull=False)
    return (
        Municipality.objects.filter(pk__in=published.values("municipality_id"))
        .select_related("county")
        .order_by("name")
    )


def _published_recipes(recipe_ids: list[int]) -> list:
    """The published recipes among the ids, in the order given."""
    from apps.cookbook.models import RecipePage

    published = {
        recipe.pk: recipe for recipe in RecipePage.objects.published().filter(pk__in=recipe_ids)
    }
    return [published[pk] for pk in recipe_ids if pk in published]


def _recipe_ids(case: CasePage) -> list[int]:
    # The page's own relation: a preview or revision shows its own recipes.
    return sorted({recipe.pk for recipe in case.recipes.all()})


def case_page_details(*, case: CasePage) -> dict:
    """What the example's page shows beside its own fields."""
    municipality = case.municipality
    if municipality is not None:
        # The county comes with it in one query instead of a second lazy lookup.
        municipality = Municipality.objects.select_related("county").get(pk=municipality.pk)
    outcomes = list(case.outcomes.all())
    outcomes_unconfirmed = any(outcome.unconfirmed for outcome in outcomes)
    recipes = _published_recipes(_recipe_ids(case))
    recipes.sort(key=lambda recipe: recipe.path)
    return {
        "municipality": municipality,
        "sectors": list(case.sectors.all()),
        "target_groups": list(case.target_groups.all()),
        "outcomes": outcomes,
        "sources": list(case.sources.all()),
        "recipes": recipes,
        "outcomes_unconfirmed": outcomes_unconfirmed,
        "has_unconfirmed_details": bool(case.unconfirmed_note.strip()) or outcomes_unconfirmed,
    }


def cases_for_recipe(*, recipe_id: int) -> list[CasePage]:
    """Published examples that illustrate the recipe, newest first, municipality and county
    loaded."""
    links = CasePage.recipes.through.objects.filter(recipepage_id=recipe_id)
    cases = CasePage.objects.published().filter(pk__in=links.values("casepage_id"))
    return list(_ordered(cases.select_related("municipality__county", "entrepreneur_organisation")))


def cases_for_api(
    *,
    sector: str | None = None,
    form: str | None = None,
    county: str | None = None,
    municipality: str | None = None,
) -> CaseQuerySet:
    """case_list, with target groups too, ready to be paginated."""
    return case_list(
        sector=sector, form=form, county=county, municipality=municipality
    ).prefetch_related("target_groups")


def case_for_api(*, slug: str) -> CasePage | None:
    """One published example with everything the detail shows: outcomes, sources and its
    published recipes (as `published_recipes`)."""
    case = (
        cases_for_api()
        .prefetch_related(
            Prefetch("outcomes", queryset=CaseOutcome.objects.order_by("sort_order")),
            Prefetch("sources", queryset=CaseSource.objects.order_by("sort_order")),
        )
        .filter(slug=slug)
        .first()
    )
    if case is None:
        return None
    ids = list(
        CasePage.recipes.through.objects.filter(casepage_id=case.pk).values_list(
            "recipepage_id", flat=True
        )
    )
    recipes = _published_recipes(ids)
    recipes.sort(key=lambda recipe: recipe.path)
    case.published_recipes = recipes
    return case


def cases_for_organisation(*, organisation, limit: int = 20) -> list[CasePage]:
    """Published examples the organisation took part in: as the linked entrepreneur, or as
    the municipality where the collaboration took place. Newest first."""
    cases = CasePage.objects.published().filter(entrepreneur_organisation=organisation)
    if organisation.municipality_id:
        cases = CasePage.objects.published().filter(
            Q(entrepreneur_organisation=organisation)
            | Q(municipality_id=organisation.municipality_id)
        )
    return list(_ordered(cases.select_related("municipality__county"))[:limit])
