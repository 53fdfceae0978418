"""Reads of the cookbook. Every list is built in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.rules.models import LegalRule
from apps.rules.selectors import changed_rule_codes_for_recipe, rule_changes_by_code

from .diff import RecipeDiff, diff_recipes, snapshot_from_recipe
from .models import (
    ChapterPage,
    RecipeLegalRule,
    RecipePage,
    RecipeQuerySet,
    RelatedRecipe,
)

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


@dataclass
class PublishedRevision:
    revision_id: int
    published_at: datetime.datetime
    change_note: str
    previous_revision_id: int | None = None


@dataclass
class BookChapter:
    chapter: ChapterPage
    recipes: list[RecipePage] = field(default_factory=list)


def chapters_for_home() -> QuerySet[ChapterPage]:
    """Published chapters in book order, each with `recipe_count` (its published recipes)."""
    recipe_count = (
        RecipePage.objects.published()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        ChapterPage.objects.published()
        .annotate(
            recipe_count=Coalesce(Subquery(recipe_count, output_field=IntegerField()), Value(0))
        )
        .order_by("path")
    )


def _with_tags(recipes: QuerySet[RecipePage]) -> QuerySet[RecipePage]:
    return recipes.prefetch_related("sectors")


def _filtered(
    recipes: RecipeQuerySet, *, phase: str | None, sector: str | None, audience: str | None
) -> RecipeQuerySet:
    if phase:
        recipes = recipes.in_phase(phase)
    if sector:
        recipes = recipes.in_sector(sector)
    if audience:
        recipes = recipes.for_audience(audience)
    return recipes


def _placed_in_chapters(recipes: RecipeQuerySet, chapters: list[ChapterPage]) -> list[RecipePage]:
    by_path = {chapter.path: chapter for chapter in chapters}
    result = []
    for recipe in _with_tags(recipes):
        chapter = by_path.get(recipe.path[: -RecipePage.steplen])
        if chapter is not None:
            recipe.__dict__["chapter"] = chapter
            result.append(recipe)
    return result


def recipe_index(
    *, phase: str | None = None, sector: str | None = None, audience: str | None = None
) -> list[RecipePage]:
    """Published recipes in book order matching every given filter, each with `chapter` set
    and its sectors prefetched. `audience` "kommune" or "entreprenor" includes the recipes for
    both; `sector` includes the general recipes tagged with no sector."""
    recipes = _filtered(
        RecipePage.objects.published().order_by("path"),
        phase=phase,
        sector=sector,
        audience=audience,
    )
    return _placed_in_chapters(recipes, list(ChapterPage.objects.published()))


def book_contents() -> list[BookChapter]:
    """Published chapters in book order, each with its published recipes."""
    chapters = list(ChapterPage.objects.published())
    book = {chapter.path: BookChapter(chapter=chapter) for chapter in chapters}
    recipes = RecipePage.objects.published().order_by("path")
    for recipe in _placed_in_chapters(recipes, chapters):
        book[recipe.chapter.path].recipes.append(recipe)
    return list(book.values())


@dataclass(frozen=True)
class OutlineChapter:
    """A published chapter and its published recipes as (pk, title) pairs."""

    pk: int
    title: str
    recipes: list[tuple[int, str]] = field(default_factory=list)


def book_outline() -> list[OutlineChapter]:
    """What book_contents lists, in the same order, read as (pk, title, path) rows: two
    queries and no page objects, for choices that name every recipe of a national book
    (the meeting page's input form)."""
    chapters = {
        path: OutlineChapter(pk=pk, title=title)
        for pk, title, path in ChapterPage.objects.published()
        .order_by("path")
        .values_list("pk", "title", "path")
    }
    for pk, title, path in (
        RecipePage.objects.published().order_by("path").values_list("pk", "title", "path")
    ):
        chapter = chapters.get(path[: -RecipePage.steplen])
        if chapter is not None:
            chapter.recipes.append((pk, title))
    return list(chapters.values())


def chapter_recipes(*, chapter: ChapterPage) -> list[RecipePage]:
    recipes = list(_with_tags(RecipePage.objects.published().child_of(chapter).order_by("path")))
    for recipe in recipes:
        recipe.__dict__["chapter"] = chapter
    return recipes


@dataclass
class CitedRule:
    rule: LegalRule
    note: str
    state: str  # "pending", "future", "in_force" or "expired" on the given day


def _rule_state(rule: LegalRule, on: datetime.date) -> str:
    if rule.pending or not rule.valid_from:
        return "pending"
    if rule.valid_from > on:
        return "future"
    return "in_force" if rule.is_in_force(on) else "expired"


def recipe_page_details(*, recipe: RecipePage, on: datetime.date | None = None) -> dict:
    """What the recipe page shows beside its own fields: sectors, the cited rules with their
    state on the day, and the related recipes that are published."""
    on = on or timezone.localdate()
    links = recipe.legal_rule_links.all()
    if isinstance(links, QuerySet):
        links = links.select_related("rule")
    related_ids = [link.related_id for link in recipe.related_links.all()]
    related_by_id = {
        related.pk: related for related in RecipePage.objects.published().filter(pk__in=related_ids)
    }
    return {
        "sectors": list(recipe.sectors.all()),
        "cited_rules": [
            CitedRule(rule=link.rule, note=link.note, state=_rule_state(link.rule, on))
            for link in links
        ],
        "related_recipes": [related_by_id[pk] for pk in related_ids if pk in related_by_id],
    }


def recipes_citing_rules(*, codes: list[str], limit: int = 6) -> list[RecipePage]:
    """Published recipes that cite any of the rule codes, those citing most of them first,
    then in book order. Each has `matches` (the number of the codes it cites)."""
    if not codes or limit <= 0:
        return []
    matches = (
        RecipeLegalRule.objects.filter(page=OuterRef("pk"), rule__code__in=codes)
        .order_by()
        .values("page")
        .annotate(total=Count("rule", distinct=True))
        .values("total")
    )
    recipes = (
        RecipePage.objects.published()
        .annotate(matches=Subquery(matches, output_field=IntegerField()))
        .filter(matches__gt=0)
        .order_by("-matches", "path")
    )
    return list(_with_tags(recipes)[:limit])


def recipes_for_api(
    *, phase: str | None = None, sector: str | None = None, audience: str | None = None
) -> QuerySet[RecipePage]:
    """Published recipes in book order with chapter_title/chapter_slug annotated and sectors
    and cited rules prefetched, ready to be paginated."""
    recipes = _filtered(
        RecipePage.objects.published().with_chapter().order_by("path"),
        phase=phase,
        sector=sector,
        audience=audience,
    )
    return recipes.prefetch_related(
        "sectors",
        Prefetch(
            "legal_rule_links",
            queryset=RecipeLegalRule.objects.select_related("rule").order_by("sort_order"),
        ),
    )


def recipe_for_api(*, slug: str) -> RecipePage | None:
    recipe = recipes_for_api().filter(slug=slug).first()
    if recipe is None:
        return None
    related_ids = list(
        RelatedRecipe.objects.filter(page=recipe)
        .order_by("sort_order")
        .values_list("related_id", flat=True)
    )
    related_by_id = {
        related.pk: related for related in RecipePage.objects.published().filter(pk__in=related_ids)
    }
    recipe.related_recipes = [related_by_id[pk] for pk in related_ids if pk in related_by_id]
    return recipe


def published_revisions(*, recipe: RecipePage) -> list[PublishedRevision]:
    """The revisions of the recipe that were published, newest first, each with its change
    note and the revision published before it. A revision published twice counts once, at
    its latest publication."""
    from wagtail.models import PageLogEntry

    entries = (
        PageLogEntry.objects.filter(
            page_id=recipe.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-id")
    )
    result: list[PublishedRevision] = []
    seen: set[int] = set()
    for entry in entries:
        if entry.revision_id in seen:
            continue
        seen.add(entry.revision_id)
        content = entry.revision.content or {}
        result.append(
            PublishedRevision(
                revision_id=entry.revision_id,
                published_at=entry.timestamp,
                change_note=(content.get("change_note") or "").strip(),
            )
        )
    for newer, older in zip(result, result[1:], strict=False):
        newer.previous_revision_id = older.revision_id
    return result


def revision_comparison(
    *, recipe: RecipePage, old_revision_id: int, new_revision_id: int
) -> RecipeDiff | None:
    """The difference between two published revisions of this recipe, or None if either is
    not one of them."""
    from wagtail.models import Revision

    published_ids = {entry.revision_id for entry in published_revisions(recipe=recipe)}
    if not {old_revision_id, new_revision_id} <= published_ids:
        return None
    # Both ids are this recipe's published revisions, so the page itself restores them.
    revisions = {
        revision.pk: recipe.with_content_json(revision.content)
        for revision in Revision.objects.filter(pk__in=[old_revision_id, new_revision_id])
    }
    old, new = revisions[old_revision_id], revisions[new_revision_id]
    rule_ids = {link.rule_id for version in (old, new) for link in version.legal_rule_links.all()}
    rule_labels = {
        rule.pk: f"{rule.citation} – {rule.title}"
        for rule in LegalRule.objects.filter(pk__in=rule_ids)
    }
    return diff_recipes(
        snapshot_from_recipe(old, rule_labels=rule_labels),
        snapshot_from_recipe(new, rule_labels=rule_labels),
    )


@dataclass(frozen=True)
class RecipeToReview:
    page: RecipePage
    changed_codes: list[str]


def recipes_to_review() -> list[RecipeToReview]:
    """Live recipes citing a rule that changed after their review, for the law watch. Four
    queries whatever the number of recipes. Here and not in the rules app because the rules
    sit below the cookbook: a recipe cites a rule, a rule knows no recipe
    (docs/decisions/0022-import-contracts.md)."""
    changes = rule_changes_by_code()
    if not changes:
        return []
    cited: dict[int, list[str]] = {}
    for page_id, code in RecipeLegalRule.objects.filter(rule__code__in=list(changes)).values_list(
        "page_id", "rule__code"
    ):
        cited.setdefault(page_id, []).append(code)
    pages = RecipePage.objects.live().filter(pk__in=list(cited)).select_related("rules_review")
    result = []
    for page in pages.order_by("title"):
        codes = changed_rule_codes_for_recipe(page=page, codes=cited[page.pk], changes=changes)
        if codes:
            result.append(RecipeToReview(page=page, changed_codes=sorted(set(codes))))
    return result
