"""What goes into the printed book, read from the living cookbook, rules and examples."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from apps.cases.selectors import case_list
from apps.cookbook.models import RecipePage
from apps.cookbook.selectors import BookChapter, book_contents, recipe_page_details
from apps.rules.selectors import ThresholdLine, threshold_lines

from .models import Edition, EditionStatus
from .terms import INDEX_TERMS


@dataclass
class PrintRecipe:
    recipe: RecipePage
    anchor: str
    details: dict


@dataclass
class PrintChapter:
    chapter: object
    anchor: str
    recipes: list[PrintRecipe] = field(default_factory=list)


@dataclass(frozen=True)
class IndexEntry:
    term: str
    recipes: list[PrintRecipe]


def recipe_anchor(recipe: RecipePage) -> str:
    return f"oppskrift-{recipe.slug}"


def recipe_details(*, recipe: RecipePage, on: datetime.date) -> PrintRecipe:
    return PrintRecipe(
        recipe=recipe,
        anchor=recipe_anchor(recipe),
        details=recipe_page_details(recipe=recipe, on=on),
    )


def recipe_text(item: PrintRecipe) -> str:
    """The words of the recipe as printed, for finding index terms in it."""
    recipe = item.recipe
    parts = [recipe.title, recipe.summary, str(recipe.situation)]
    parts += [text for _label, text in recipe.ingredients]
    for block in recipe.steps:
        if block.block_type == "step":
            value = block.value
            parts += [value["title"], str(value["text"].source), value["tip"], value["pitfall"]]
    for block in recipe.examples:
        if block.block_type == "example":
            parts += [block.value["title"], str(block.value["text"].source)]
    for cited in item.details["cited_rules"]:
        parts += [cited.rule.citation, cited.rule.title, cited.rule.summary, cited.note]
    return strip_tags(" ".join(part for part in parts if part))


def _term_pattern(term: str) -> re.Pattern:
    # The term at the start of a word, so inflected forms («markedsdialogen») count too.
    return re.compile(r"(?<!\w)" + re.escape(term), re.IGNORECASE)


def index_entries(*, recipes: list[PrintRecipe]) -> list[IndexEntry]:
    """Each curated term and each cited legal citation, alphabetically, with the recipes
    whose printed text contains it; terms found nowhere are left out."""
    citations = {cited.rule.citation for item in recipes for cited in item.details["cited_rules"]}
    terms = sorted({*INDEX_TERMS, *citations}, key=lambda term: term.casefold())
    texts = [(item, recipe_text(item)) for item in recipes]
    entries = []
    for term in terms:
        pattern = _term_pattern(term)
        found = [item for item, text in texts if pattern.search(text)]
        if found:
            entries.append(IndexEntry(term=term, recipes=found))
    return entries


@dataclass
class BookContents:
    edition_date: datetime.date
    chapters: list[PrintChapter]
    thresholds: list[ThresholdLine]
    cases: list
    index: list[IndexEntry]

    @property
    def recipes(self) -> list[RecipePage]:
        return [item.recipe for chapter in self.chapters for item in chapter.recipes]


def book(*, on: datetime.date) -> BookContents:
    """The whole book as it stands now, with the thresholds in force on the edition date."""
    chapters: list[PrintChapter] = []
    contents: list[BookChapter] = book_contents()
    for entry in contents:
        chapter = PrintChapter(chapter=entry.chapter, anchor=f"kapittel-{entry.chapter.slug}")
        chapter.recipes = [recipe_details(recipe=recipe, on=on) for recipe in entry.recipes]
        chapters.append(chapter)
    all_recipes = [item for chapter in chapters for item in chapter.recipes]
    return BookContents(
        edition_date=on,
        chapters=chapters,
        thresholds=threshold_lines(on=on),
        cases=list(case_list()),
        index=index_entries(recipes=all_recipes),
    )


def published_recipe(*, slug: str) -> RecipePage | None:
    return RecipePage.objects.published().filter(slug=slug).first()


def latest_ready_edition() -> Edition | None:
    return Edition.objects.filter(status=EditionStatus.READY).order_by("-number").first()


def ready_edition(*, number: int) -> Edition | None:
    return Edition.objects.filter(status=EditionStatus.READY, number=number).first()


def ready_editions() -> list[Edition]:
    return list(Edition.objects.filter(status=EditionStatus.READY).order_by("-number"))
