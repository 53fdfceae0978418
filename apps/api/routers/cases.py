"""The examples bank (eksempelbanken) as open data. Mounted at /api/v1/cases.

Only published examples, and only their public fields."""

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.rich_text import expand_db_html

from apps.accounts.models import Organisation
from apps.api.common import related_rows, rows_prefetch
from apps.api.listing import PlaceFilters, list_endpoint
from apps.cases import selectors
from apps.cases.models import CasePage, CollaborationForm
from apps.core.models import Sector, TargetGroup

router = Router(tags=["Examples bank"])


def _page_path(page, request: HttpRequest) -> str:
    parts = page.get_url_parts(request=request)
    return parts[2] if parts else ""


class CountyRef(Schema):
    code: str = Field(description="The county's two-digit number (SSB), e.g. «32».")
    name: str = Field(description="The county's name, e.g. «Akershus».")


class MunicipalityRef(Schema):
    code: str = Field(description="The municipality's four-digit number (SSB), e.g. «3201».")
    name: str = Field(description="The municipality's official name.")
    county: CountyRef = Field(description="The county the municipality is in.")


class EntrepreneurRef(Schema):
    name: str = Field(description="The social entrepreneur's name; empty when not named.")
    website: str = Field(description="The entrepreneur's website; may be empty.")
    organisation: str | None = Field(
        None,
        description="The slug of the entrepreneur's organisation on Kokeboka "
        "(/organisasjoner/<slug>/), when the example is linked to one.",
    )


class CaseListItem(Schema):
    """A published example."""

    title: str = Field(description="The example's title (Norwegian).")
    slug: str = Field(description="Unique among the examples; use it with GET /cases/{slug}.")
    url: str = Field(description="The example's path on the site, e.g. /eksempler/<slug>/.")
    municipality: MunicipalityRef | None = Field(
        description="Where the collaboration took place; null when not stated."
    )
    entrepreneur: EntrepreneurRef = Field(description="The social entrepreneur.")
    sectors: list[str] = Field(description="Sector codes.")
    target_groups: list[str] = Field(description="Target group codes.")
    form: CollaborationForm | None = Field(
        description="Form of collaboration: kjop_under_terskel (purchase below the threshold), "
        "konkurranse (competition), reservert_konkurranse (reserved competition), pilot, "
        "innovasjonspartnerskap (innovation partnership), tilskudd (grant), effektkontrakt "
        "(outcomes contract), innovasjonsfond (innovation fund), samarbeidsavtale (cooperation "
        "agreement); null when the sources do not say."
    )
    start_year: int | None = Field(description="The year the collaboration began; null if unknown.")
    end_year: int | None = Field(
        description="The year it ended; null while ongoing (or when the start is unknown)."
    )
    summary: str = Field(description="One to three sentences about the example.")

    @staticmethod
    def resolve_url(obj: CasePage, context) -> str:
        return _page_path(obj, context["request"])

    @staticmethod
    def resolve_municipality(obj: CasePage) -> dict | None:
        municipality = obj.municipality
        if municipality is None:
            return None
        return {
            "code": municipality.code,
            "name": municipality.name,
            "county": {"code": municipality.county.code, "name": municipality.county.name},
        }

    @staticmethod
    def resolve_entrepreneur(obj: CasePage) -> dict:
        organisation = obj.entrepreneur_organisation
        return {
            "name": obj.entrepreneur_display_name,
            "website": obj.entrepreneur_url or (organisation.website if organisation else ""),
            "organisation": organisation.slug if organisation else None,
        }

    @staticmethod
    def resolve_sectors(obj: CasePage) -> list[str]:
        return [sector.code for sector in related_rows(obj, "sectors")]

    @staticmethod
    def resolve_target_groups(obj: CasePage) -> list[str]:
        return [group.code for group in related_rows(obj, "target_groups")]

    @staticmethod
    def resolve_form(obj: CasePage) -> str | None:
        return obj.collaboration_form or None


class OutcomeOut(Schema):
    """One indicator of what the collaboration achieved."""

    name: str = Field(description="What is measured.")
    value: float | None = Field(description="The figure; null when no figure is known.")
    unit: str = Field(description="The figure's unit, e.g. «kr»; may be empty.")
    note: str = Field(description="A note on the figure; may be empty.")
    unconfirmed: bool = Field(description="True when the figure could not be checked.")


class SourceOut(Schema):
    title: str = Field(description="The source's title.")
    url: str = Field(description="Where to read it; empty for a printed source.")


class RecipeRef(Schema):
    title: str = Field(description="The recipe's title.")
    url: str = Field(description="The recipe's path on the site.")


class CaseDetail(CaseListItem):
    """A published example with its whole story."""

    story: str = Field(description="The story, as HTML.")
    outcomes: list[OutcomeOut] = Field(description="Outcome indicators, in order.")
    lessons: str = Field(description="Lessons learned, as HTML.")
    unconfirmed_note: str = Field(description="Which details are not confirmed; may be empty.")
    sources: list[SourceOut] = Field(description="Sources, in order.")
    recipes: list[RecipeRef] = Field(description="Published recipes the example illustrates.")

    @staticmethod
    def resolve_story(obj: CasePage) -> str:
        return expand_db_html(obj.story)

    @staticmethod
    def resolve_lessons(obj: CasePage) -> str:
        return expand_db_html(obj.lessons_learned)

    @staticmethod
    def resolve_outcomes(obj: CasePage) -> list[dict]:
        return [
            {
                "name": outcome.name,
                "value": float(outcome.value) if outcome.value is not None else None,
                "unit": outcome.unit,
                "note": outcome.note,
                "unconfirmed": outcome.unconfirmed,
            }
            for outcome in obj.outcomes.all()
        ]

    @staticmethod
    def resolve_sources(obj: CasePage) -> list[dict]:
        return [{"title": source.title, "url": source.url} for source in obj.sources.all()]

    @staticmethod
    def resolve_recipes(obj: CasePage, context) -> list[dict]:
        request = context["request"]
        return [
            {"title": recipe.title, "url": _page_path(recipe, request)}
            for recipe in obj.published_recipes
        ]


class _CaseTopicFilters(Schema):
    sector: str | None = Field(None, description="A sector code, e.g. «helse_omsorg».")
    form: CollaborationForm | None = Field(None, description="A form of collaboration.")


# Topic first, then place: the order of the query parameters in the schema.
class CaseFilters(PlaceFilters, _CaseTopicFilters):
    pass


@list_endpoint(
    router,
    "",
    response=CaseListItem,
    updated_field="last_published_at",
    summary="List published examples",
    description="Published examples, newest collaborations first. Filters combine (AND).",
)
def case_list(request: HttpRequest, filters: Query[CaseFilters]):
    return (
        selectors.cases_for_api(
            sector=filters.sector,
            form=filters.form,
            county=filters.county,
            municipality=filters.municipality,
        )
        .defer(*_DETAIL_ONLY)
        # The entrepreneur's organisation is read for the page's rows only (one query for at
        # most 100), not joined to every published example before they are sorted: the
        # join read all organisations and doubled the list query at national volume.
        .select_related(None)
        .select_related("municipality__county")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch(
                "entrepreneur_organisation",
                queryset=Organisation.objects.only("pk", "name", "slug", "website"),
            ),
            rows_prefetch("sectors", Sector.objects.only("pk", "code")),
            rows_prefetch("target_groups", TargetGroup.objects.only("pk", "code")),
        )
    )


# The example's story, which only GET /cases/{slug} prints: a list page does not read it.
_DETAIL_ONLY = ("story", "lessons_learned", "unconfirmed_note", "origin_note")


@router.get(
    "/{slug}",
    response=CaseDetail,
    summary="One published example",
    description="The whole example: facts, story, outcomes, lessons, sources and recipes.",
)
def case_detail(request: HttpRequest, slug: str):
    case = selectors.case_for_api(slug=slug)
    if case is None:
        raise HttpError(404, "No published example has this slug.")
    return case
