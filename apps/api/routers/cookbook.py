"""The cookbook's recipes as open data. Mounted at /api/v1/recipes."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.rich_text import expand_db_html

from apps.api.common import related_rows, rows_prefetch
from apps.api.listing import list_endpoint
from apps.cookbook import selectors
from apps.cookbook.models import Audience, Phase, RecipeLegalRule, RecipePage
from apps.core.models import Sector

router = Router(tags=["Cookbook recipes"])


def _page_path(page, request: HttpRequest) -> str:
    parts = page.get_url_parts(request=request)
    return parts[2] if parts else ""


class ChapterRef(Schema):
    """The chapter a recipe belongs to."""

    title: str = Field(description="The chapter's title.")
    slug: str = Field(description="The chapter's slug, its last part of the address.")


class RuleRef(Schema):
    """A legal rule the recipe cites. Full rules are at /api/v1/rules."""

    code: str = Field(description="Stable rule code, e.g. «foa-8-8».")
    citation: str = Field(description="The legal citation, e.g. «FOA § 8-8».")
    verified: bool = Field(
        description="False while an editor has not checked the rule against its source."
    )
    pending: bool = Field(description="True for a proposed rule that is not in force.")
    note: str = Field(description="How the rule applies in this recipe; may be empty.")


class RecipeListItem(Schema):
    """A published recipe as listed in the book."""

    title: str = Field(description="The recipe's title (Norwegian).")
    slug: str = Field(description="Unique in the whole book; use it with GET /recipes/{slug}.")
    url: str = Field(description="The recipe's path on the site, e.g. /kokeboka/<chapter>/<slug>/.")
    summary: str = Field(description="One or two sentences saying what the recipe is for.")
    phase: Phase = Field(
        description="Phase of the collaboration: behov (needs), dialog (dialogue), "
        "utproving (trial/pilot), avtale (agreement/procurement), skalering (scaling)."
    )
    audience: Audience = Field(
        description="Who the recipe is written for: kommune (municipality), "
        "entreprenor (social entrepreneur) or begge (both)."
    )
    sectors: list[str] = Field(
        description="Sector codes; an empty list means the recipe fits every sector."
    )
    chapter: ChapterRef | None = Field(description="The chapter the recipe is in.")
    legal_rules: list[RuleRef] = Field(description="The legal rules cited, in the recipe's order.")
    last_published_at: datetime.datetime | None = Field(
        description="When the current version was published (ISO 8601 with offset)."
    )

    @staticmethod
    def resolve_url(obj: RecipePage, context) -> str:
        return _page_path(obj, context["request"])

    @staticmethod
    def resolve_sectors(obj: RecipePage) -> list[str]:
        return [sector.code for sector in related_rows(obj, "sectors")]

    @staticmethod
    def resolve_chapter(obj: RecipePage) -> dict | None:
        if not getattr(obj, "chapter_slug", None):
            return None
        return {"title": obj.chapter_title, "slug": obj.chapter_slug}

    @staticmethod
    def resolve_legal_rules(obj: RecipePage) -> list[dict]:
        return [
            {
                "code": link.rule.code,
                "citation": link.rule.citation,
                "verified": link.rule.verified,
                "pending": link.rule.pending,
                "note": link.note,
            }
            for link in related_rows(obj, "legal_rule_links")
        ]


class IngredientsOut(Schema):
    """What the recipe takes. Empty strings where the recipe says nothing."""

    who: str = Field(description="Who takes part.")
    budget: str = Field(description="What it costs.")
    time: str = Field(description="How long it takes.")
    prerequisites: str = Field(description="What must be in place first.")


class StepOut(Schema):
    """One step of the recipe, in order."""

    title: str = Field(description="The step's title.")
    text: str = Field(description="What to do, as HTML.")
    tip: str = Field(description="Optional advice (plain text); may be empty.")
    pitfall: str = Field(description="Optional warning about what goes wrong (plain text).")


class ExampleOut(Schema):
    """A real example that illustrates the recipe."""

    title: str = Field(description="The example's title.")
    text: str = Field(description="The example, as HTML.")
    source_url: str = Field(description="Where the example is documented; may be empty.")


class RelatedOut(Schema):
    """Another published recipe worth reading next."""

    title: str = Field(description="The related recipe's title.")
    slug: str = Field(description="The related recipe's slug.")
    url: str = Field(description="The related recipe's path on the site.")


class RecipeDetail(RecipeListItem):
    """A published recipe with all its content."""

    situation: str = Field(description="When the recipe fits, as HTML.")
    ingredients: IngredientsOut = Field(description="What the recipe takes.")
    steps: list[StepOut] = Field(description="The steps in order.")
    examples: list[ExampleOut] = Field(description="Examples from real collaborations.")
    related: list[RelatedOut] = Field(description="Related published recipes, in order.")

    @staticmethod
    def resolve_situation(obj: RecipePage) -> str:
        return expand_db_html(obj.situation)

    @staticmethod
    def resolve_ingredients(obj: RecipePage) -> dict:
        return {
            "who": obj.ingredients_who,
            "budget": obj.ingredients_budget,
            "time": obj.ingredients_time,
            "prerequisites": obj.ingredients_prerequisites,
        }

    @staticmethod
    def resolve_steps(obj: RecipePage) -> list[dict]:
        return [
            {
                "title": block.value["title"],
                "text": expand_db_html(block.value["text"].source),
                "tip": block.value.get("tip") or "",
                "pitfall": block.value.get("pitfall") or "",
            }
            for block in obj.steps
            if block.block_type == "step"
        ]

    @staticmethod
    def resolve_examples(obj: RecipePage) -> list[dict]:
        return [
            {
                "title": block.value["title"],
                "text": expand_db_html(block.value["text"].source),
                "source_url": block.value.get("source_url") or "",
            }
            for block in obj.examples
            if block.block_type == "example"
        ]

    @staticmethod
    def resolve_related(obj: RecipePage, context) -> list[dict]:
        request = context["request"]
        return [
            {"title": related.title, "slug": related.slug, "url": _page_path(related, request)}
            for related in obj.related_recipes
        ]


class RecipeFilters(Schema):
    phase: Phase | None = Field(None, description="Only recipes in this phase.")
    sector: str | None = Field(
        None,
        description="A sector code. Recipes tagged with the sector and the general recipes "
        "tagged with no sector are returned.",
    )
    audience: Audience | None = Field(
        None,
        description="kommune or entreprenor also returns the recipes for both (begge); "
        "begge returns only those.",
    )


@list_endpoint(
    router,
    "",
    response=RecipeListItem,
    updated_field="last_published_at",
    summary="List published recipes",
    description="Published recipes in book order (chapter by chapter).",
)
def recipe_list(request: HttpRequest, filters: Query[RecipeFilters]):
    return (
        selectors.recipes_for_api(
            phase=filters.phase, sector=filters.sector, audience=filters.audience
        )
        .defer(*_DETAIL_ONLY)
        .prefetch_related(None)
        .prefetch_related(
            rows_prefetch("sectors", Sector.objects.only("pk", "code")),
            rows_prefetch(
                "legal_rule_links",
                RecipeLegalRule.objects.select_related("rule").order_by("sort_order"),
            ),
        )
    )


# The recipe's text, which only GET /recipes/{slug} prints: a list page does not read it.
_DETAIL_ONLY = (
    "situation",
    "ingredients_who",
    "ingredients_budget",
    "ingredients_time",
    "ingredients_prerequisites",
    "steps",
    "examples",
)


@router.get(
    "/{slug}",
    response=RecipeDetail,
    summary="One published recipe",
    description="The whole recipe: situation, ingredients, steps, rules, examples, related.",
)
def recipe_detail(request: HttpRequest, slug: str):
    recipe = selectors.recipe_for_api(slug=slug)
    if recipe is None:
        raise HttpError(404, "No published recipe has this slug.")
    return recipe
