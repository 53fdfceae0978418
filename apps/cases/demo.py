"""Builds the demo examples bank from apps/cases/demo_content.py.

Idempotent: the index and each example are found by slug and left alone when they exist,
so running it again creates nothing. Run it after the cookbook demo so that examples can
link the recipes they illustrate; a recipe slug that is not in the book is skipped.
"""

from __future__ import annotations

import html
import itertools
import logging
from decimal import Decimal

from django.db import transaction
from wagtail.models import Page

from apps.core.models import Municipality, Sector, TargetGroup
from apps.core.services import geography_ensure, vocabulary_ensure

from . import demo_content
from .models import CaseIndexPage, CaseOutcome, CasePage, CaseSource

logger = logging.getLogger(__name__)


def _paragraph_html(lines: list[str]) -> str:
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
    """Plain demo text as rich text: blank lines separate paragraphs, "- " lines make a list."""
    return "".join(
        _paragraph_html([line.strip() for line in paragraph.splitlines() if line.strip()])
        for paragraph in (text or "").strip().split("\n\n")
        if paragraph.strip()
    )


def _ensure_index(home: Page) -> CaseIndexPage:
    data = demo_content.INDEX
    existing = CaseIndexPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if existing:
        if existing.intro.startswith(demo_content.OLD_INTRO_START):
            # An earlier demo promised only real collaborations; the bank now also holds the
            # invented example made from a demo collaboration, so the intro says so.
            existing.intro = data["intro"]
            existing.save_revision().publish()
        return existing
    index = CaseIndexPage(title=data["title"], slug=data["slug"], intro=data["intro"])
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def _organisation(name: str):
    """The demo organisation with exactly this name, when there is one (accounts demo)."""
    from apps.accounts.models import Organisation

    if not name:
        return None
    return Organisation.objects.filter(name=name).first()


def _by_code(model, codes: list[str], *, case_slug: str) -> list:
    found = {term.code: term for term in model.objects.filter(code__in=codes)}
    for code in codes:
        if code not in found:
            logger.warning("Demo example %s names unknown %s %r.", case_slug, model.__name__, code)
    return [found[code] for code in codes if code in found]


def _recipes(slugs: list[str]) -> list:
    if not slugs:
        return []
    from apps.cookbook.models import RecipePage

    found = {recipe.slug: recipe for recipe in RecipePage.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs if slug in found]


def build_case(data: dict) -> CasePage:
    """An unsaved example page with its relations, from one entry of demo_content.CASES."""
    slug = data["slug"]
    municipality = Municipality.objects.filter(code=data["municipality"]).first()
    if municipality is None:
        logger.warning("Demo example %s: no municipality %r.", slug, data["municipality"])
    case = CasePage(
        title=data["title"],
        slug=slug,
        summary=data["summary"],
        municipality=municipality,
        entrepreneur_name=data.get("entrepreneur", ""),
        entrepreneur_url=data.get("entrepreneur_url", ""),
        entrepreneur_organisation=_organisation(data.get("entrepreneur", "")),
        collaboration_form=data.get("form", ""),
        start_year=data.get("start_year"),
        end_year=data.get("end_year"),
        story=text_to_rich_text(data.get("story", "")),
        lessons_learned=text_to_rich_text(data.get("lessons", "")),
        unconfirmed_note=data.get("unconfirmed_note", ""),
    )
    case.sectors = _by_code(Sector, data.get("sectors", []), case_slug=slug)
    case.target_groups = _by_code(TargetGroup, data.get("target_groups", []), case_slug=slug)
    case.recipes = _recipes(data.get("recipes", []))
    case.outcomes = [
        CaseOutcome(
            name=outcome["name"],
            value=Decimal(outcome["value"]) if outcome.get("value") is not None else None,
            unit=outcome.get("unit", ""),
            note=outcome.get("note", ""),
            unconfirmed=outcome.get("unconfirmed", False),
        )
        for outcome in data.get("outcomes", [])
    ]
    case.sources = [
        CaseSource(title=source["title"], url=source.get("url", ""))
        for source in data.get("sources", [])
    ]
    return case


def withdraw_unsourced(index: CaseIndexPage) -> int:
    """Unpublishes the examples an earlier demo published without a source showing the
    municipality taking part (demo_content.WITHDRAWN_SLUGS); returns how many."""
    withdrawn = 0
    for case in (
        CasePage.objects.child_of(index).live().filter(slug__in=demo_content.WITHDRAWN_SLUGS)
    ):
        case.unpublish()
        withdrawn += 1
    return withdrawn


def load(*, home: Page) -> None:
    """Creates and publishes the examples bank and its demo examples that are missing, and
    unpublishes the withdrawn ones an earlier demo made."""
    vocabulary_ensure()
    geography_ensure()
    with transaction.atomic():
        index = _ensure_index(home)
        withdraw_unsourced(index)
        existing = set(CasePage.objects.child_of(index).values_list("slug", flat=True))
        for data in demo_content.CASES:
            if data["slug"] in existing:
                continue
            case = build_case(data)
            index.add_child(instance=case)
            case.save_revision().publish()
