"""Builds the demo book from its files, content/demo/cookbook/ (read and checked by
apps/cookbook/demo_files.py; content/demo/README.md describes them for editors).

Idempotent: pages are found by slug and left alone when they exist, so running it again
creates nothing. Recipes are published through the same service editors' changes go
through, so the demo change logs are real revision history.
"""

from __future__ import annotations

import html
import itertools
import logging
from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Page

from apps.core.models import Sector
from apps.rules.models import LegalRule

from .demo_files import chapters_data, nynorsk_data, read_demo_content
from .models import ChapterPage, CookbookIndexPage, RecipeLegalRule, RecipePage, RelatedRecipe
from .services import recipe_publish_revision

logger = logging.getLogger(__name__)


def _paragraph_html(lines: list[str]) -> str:
    """Consecutive prose lines become one <p>, consecutive "- " lines one <ul>."""
    parts: list[str] = []
    for is_bullet, group in itertools.groupby(lines, key=lambda line: line.startswith("- ")):
        texts = [
            html.escape(line[2:].strip() if is_bullet else line, quote=False) for line in group
        ]
        if is_bullet:
            parts.append("<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>")
        else:
            parts.append(f"<p>{' '.join(texts)}</p>")
    return "".join(parts)


def text_to_rich_text(text: str) -> str:
    """Plain demo text as rich text: paragraphs split by blank lines become <p>, lines
    starting with "- " become a bullet list."""
    return "".join(
        _paragraph_html([line.strip() for line in paragraph.splitlines() if line.strip()])
        for paragraph in (text or "").strip().split("\n\n")
    )


def _steps_data(steps: Iterable[dict]) -> list[dict]:
    return [
        {
            "type": "step",
            "value": {
                "title": step["title"],
                "text": text_to_rich_text(step.get("text", "")),
                "tip": step.get("tip") or "",
                "pitfall": step.get("pitfall") or "",
            },
        }
        for step in steps
    ]


def _examples_data(examples: Iterable[dict]) -> list[dict]:
    return [
        {
            "type": "example",
            "value": {
                "title": example["title"],
                "text": text_to_rich_text(example.get("text", "")),
                "source_url": example.get("source_url") or "",
            },
        }
        for example in examples
    ]


def _legal_rule_links(codes: Iterable[str], *, recipe_slug: str) -> list[RecipeLegalRule]:
    codes = list(codes)
    rules = {rule.code: rule for rule in LegalRule.objects.filter(code__in=codes)}
    links = []
    for code in codes:
        if code not in rules:
            logger.warning(
                "Demo recipe %s cites unknown legal rule %r; skipped.", recipe_slug, code
            )
            continue
        links.append(RecipeLegalRule(rule=rules[code]))
    return links


def _sectors(codes: Iterable[str], *, recipe_slug: str) -> list[Sector]:
    codes = list(codes)
    sectors = {sector.code: sector for sector in Sector.objects.filter(code__in=codes)}
    for code in codes:
        if code not in sectors:
            logger.warning("Demo recipe %s names unknown sector %r; skipped.", recipe_slug, code)
    return [sectors[code] for code in codes if code in sectors]


def apply_recipe_data(recipe: RecipePage, data: dict) -> None:
    """Sets the recipe's fields from demo data; keys that are absent are left as they are."""
    if "title" in data:
        recipe.title = data["title"]
    if "summary" in data:
        recipe.summary = data["summary"]
    if "situation" in data:
        recipe.situation = text_to_rich_text(data["situation"])
    if "phase" in data:
        recipe.phase = data["phase"]
    if "audience" in data:
        recipe.audience = data["audience"]
    if "ingredients" in data:
        ingredients = data["ingredients"] or {}
        recipe.ingredients_who = ingredients.get("who", "")
        recipe.ingredients_budget = ingredients.get("budget", "")
        recipe.ingredients_time = ingredients.get("time", "")
        recipe.ingredients_prerequisites = ingredients.get("prerequisites", "")
    if "steps" in data:
        recipe.steps = _steps_data(data["steps"])
    if "examples" in data:
        recipe.examples = _examples_data(data["examples"])
    if "legal_rules" in data:
        recipe.legal_rule_links = _legal_rule_links(data["legal_rules"], recipe_slug=recipe.slug)
    if "sectors" in data:
        recipe.sectors = _sectors(data["sectors"], recipe_slug=recipe.slug)


def _published_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _ensure_index(home: Page, data: dict) -> CookbookIndexPage:
    existing = CookbookIndexPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if existing:
        return existing
    index = CookbookIndexPage(title=data["title"], slug=data["slug"], intro=data["intro"])
    return _published_child(home, index)


def _ensure_chapter(index: CookbookIndexPage, data: dict) -> ChapterPage:
    existing = ChapterPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing:
        return existing
    chapter = ChapterPage(title=data["title"], slug=data["slug"], intro=data.get("intro", ""))
    return _published_child(index, chapter)


def build_book(*, home: Page, front: dict, chapters: list[dict]) -> None:
    """The book from plain data (demo_files.chapters_data): `front` has the front page's
    `slug`, `title`, `intro` and the `first_change_note` of every recipe's first version."""
    index = _ensure_index(home, front)
    existing = {recipe.slug: recipe for recipe in RecipePage.objects.all()}
    created: list[tuple[RecipePage, dict]] = []
    for chapter_data in chapters:
        chapter = _ensure_chapter(index, chapter_data)
        for data in chapter_data.get("recipes", []):
            if data["slug"] in existing:
                continue
            recipe = RecipePage(slug=data["slug"], title=data["title"], live=False)
            apply_recipe_data(recipe, data)
            chapter.add_child(instance=recipe)
            existing[recipe.slug] = recipe
            created.append((recipe, data))

    # Related recipes are resolved once every recipe exists, then the first version is published.
    for recipe, data in created:
        related = []
        for slug in data.get("related", []):
            target = existing.get(slug)
            if target is None or target.pk == recipe.pk:
                logger.warning("Demo recipe %s relates to unknown recipe %r.", recipe.slug, slug)
                continue
            related.append(RelatedRecipe(related=target))
        recipe.related_links = related
        recipe_publish_revision(recipe=recipe, change_note=front["first_change_note"])

    for recipe, data in created:
        if not data.get("revisions"):
            continue
        # Go on from the page as published, whose related recipes have their database rows.
        # The copy in memory still holds them unsaved, and publishing that would delete and
        # re-create the rows, so the reference-index tasks Wagtail queued for the first rows
        # would fail (RelatedRecipe.DoesNotExist) in the worker.
        recipe = RecipePage.objects.get(pk=recipe.pk)
        for revision in data.get("revisions", []):
            changes = dict(revision.get("set", {}))
            if "steps" in revision:
                changes["steps"] = revision["steps"]
            apply_recipe_data(recipe, changes)
            recipe_publish_revision(recipe=recipe, change_note=revision["change_note"])


def load(*, home: Page) -> None:
    """Creates and publishes the cookbook index, chapters and recipes of the demo book."""
    content = read_demo_content()
    index = content.index
    with transaction.atomic():
        build_book(
            home=home,
            front={
                "slug": index.slug,
                "title": index.title,
                "intro": index.body,
                "first_change_note": index.first_change_note,
            },
            chapters=chapters_data(content),
        )


def _translate(page: Page, locale) -> Page | None:
    """A new nynorsk copy of the page (its parent must be translated already), or None if
    the page has a nynorsk version."""
    if page.get_translation_or_none(locale) is not None:
        return None
    return page.copy_for_translation(locale).specific


def load_nynorsk(*, locale) -> None:
    """Translates the cookbook index, every chapter and the recipes of content/demo/cookbook/nn
    into nynorsk and publishes them; what is translated already is left alone. The home page
    must be translated first (apps/home/management/commands/load_demo.py)."""
    book = read_demo_content()
    content = nynorsk_data(book)
    index = CookbookIndexPage.objects.filter(
        slug=book.index.slug, locale__language_code="nb"
    ).first()
    if index is None:
        return
    with transaction.atomic():
        translated_index = _translate(index, locale)
        if translated_index is not None:
            translated_index.intro = content["intro"]
            translated_index.save_revision().publish()
        for chapter in ChapterPage.objects.child_of(index):
            data = content["chapters"].get(chapter.slug)
            translated = _translate(chapter, locale) if data else None
            if translated is None:
                continue
            translated.title = data["title"]
            translated.intro = data["intro"]
            translated.save_revision().publish()
        recipes = RecipePage.objects.descendant_of(index).filter(slug__in=list(content["recipes"]))
        for recipe in recipes:
            translated = _translate(recipe, locale)
            if translated is None:
                continue
            apply_recipe_data(translated, content["recipes"][recipe.slug])
            recipe_publish_revision(recipe=translated, change_note=content["first_change_note"])
