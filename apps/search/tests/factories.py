"""Search fixtures built the way editors make content: plain Wagtail pages and legal rules."""

import datetime

import factory
from wagtail.models import Page

from apps.core.models import StandardPage
from apps.rules.models import LegalRule


class LegalRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalRule

    code = factory.Sequence(lambda n: f"regel-{n}")
    citation = factory.Sequence(lambda n: f"FOA § {n}-1")
    title = factory.Sequence(lambda n: f"Regel nummer {n}")
    summary = "En kort forklaring i klarspråk."
    law = "Anskaffelsesforskriften"
    valid_from = datetime.date(2017, 1, 1)
    verified = True


def standard_page(parent: Page, *, title: str, intro: str = "", **fields) -> StandardPage:
    """A published standard page under parent (live, indexed at once in tests)."""
    page = StandardPage(title=title, intro=intro, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def draft_page(parent: Page, *, title: str, intro: str = "") -> StandardPage:
    """A page that was saved as a draft and never published."""
    page = StandardPage(title=title, intro=intro, live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def unpublished_page(parent: Page, *, title: str, intro: str = "") -> StandardPage:
    """A page that was published once and then taken down."""
    page = standard_page(parent, title=title, intro=intro)
    page.unpublish()
    return page


def many_pages(parent: Page, *, count: int, intro: str) -> list[StandardPage]:
    """Live pages created without revisions: quick to make in numbers."""
    pages = []
    for number in range(count):
        page = StandardPage(title=f"Side {number}", intro=intro, live=True)
        parent.add_child(instance=page)
        pages.append(page)
    return pages
