"""Builds the demo examples bank from the files in content/demo/cases/ (read and checked by
apps/cases/demo_files.py).

Idempotent: the index and each example are found by slug and left alone when they exist,
so running it again creates nothing. Run it after the cookbook demo so that examples can
link the recipes they illustrate; a recipe slug that is not in the book is skipped.
"""

from __future__ import annotations

import logging

from django.db import transaction
from wagtail.models import Page

from apps.core.demo_markdown import IndexPage, to_html
from apps.core.models import Municipality, Sector, TargetGroup
from apps.core.services import geography_ensure, vocabulary_ensure

from .demo_files import Case, read_demo_content
from .models import CaseIndexPage, CaseOutcome, CasePage, CaseSource

logger = logging.getLogger(__name__)


# How the intro of an earlier demo began (it promised only real collaborations).
OLD_INTRO_START = "Ekte samarbeid mellom kommuner"

# Examples an earlier demo published without a source showing the municipality taking part;
# the loader unpublishes them where they are still live.
WITHDRAWN_SLUGS = (
    "baerum-kompass-og-co",
    "stavanger-bymisjonen-tillitsperson",
    "sandefjord-cafe-vintage",
    "bergen-papillon",
    "oslo-hovseterhjemmet-generasjonsmote-m",
    "oslo-toyen-unlimited",
)


def _ensure_index(home: Page, data: IndexPage) -> CaseIndexPage:
    existing = CaseIndexPage.objects.child_of(home).filter(slug=data.slug).first()
    if existing:
        if existing.intro.startswith(OLD_INTRO_START):
            # An earlier demo promised only real collaborations; the bank now also holds the
            # invented example made from a demo collaboration, so the intro says so.
            existing.intro = data.body
            existing.save_revision().publish()
        return existing
    index = CaseIndexPage(title=data.title, slug=data.slug, intro=data.body)
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


def build_case(data: Case) -> CasePage:
    """An unsaved example page with its relations, from one example file."""
    slug = data.slug
    municipality = Municipality.objects.filter(code=data.municipality).first()
    if municipality is None:
        logger.warning("Demo example %s: no municipality %r.", slug, data.municipality)
    case = CasePage(
        title=data.title,
        slug=slug,
        summary=data.summary,
        municipality=municipality,
        entrepreneur_name=data.entrepreneur,
        entrepreneur_url=data.entrepreneur_url,
        entrepreneur_organisation=_organisation(data.entrepreneur),
        collaboration_form=data.form,
        start_year=data.start_year,
        end_year=data.end_year,
        story=to_html(data.story),
        lessons_learned=to_html(data.lessons),
        unconfirmed_note=data.unconfirmed_note,
    )
    case.sectors = _by_code(Sector, data.sectors, case_slug=slug)
    case.target_groups = _by_code(TargetGroup, data.target_groups, case_slug=slug)
    case.recipes = _recipes(data.recipes)
    case.outcomes = [
        CaseOutcome(
            name=outcome.name,
            value=outcome.value,
            unit=outcome.unit,
            note=outcome.note,
            unconfirmed=outcome.unconfirmed,
        )
        for outcome in data.outcomes
    ]
    case.sources = [CaseSource(title=source.title, url=source.url) for source in data.sources]
    return case


def withdraw_unsourced(index: CaseIndexPage) -> int:
    """Unpublishes the examples an earlier demo published without a source showing the
    municipality taking part (WITHDRAWN_SLUGS); returns how many."""
    withdrawn = 0
    for case in CasePage.objects.child_of(index).live().filter(slug__in=WITHDRAWN_SLUGS):
        case.unpublish()
        withdrawn += 1
    return withdrawn


def load(*, home: Page) -> None:
    """Creates and publishes the examples bank and its demo examples that are missing, and
    unpublishes the withdrawn ones an earlier demo made."""
    content = read_demo_content()
    vocabulary_ensure()
    geography_ensure()
    with transaction.atomic():
        index = _ensure_index(home, content.index)
        withdraw_unsourced(index)
        existing = set(CasePage.objects.child_of(index).values_list("slug", flat=True))
        for data in content.cases:
            if data.slug in existing:
                continue
            case = build_case(data)
            index.add_child(instance=case)
            case.save_revision().publish()
