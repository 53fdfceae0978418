"""The page-cache purges that live outside apps/core/signals.py, one test per source: an
organisation (apps/accounts/signals.py), each kind of contribution (apps/contributions/
signals.py) and a rendered edition of the printed book (apps/printbook/services.py). Each
test fails when its source stops purging. The sources in apps/core/signals.py have theirs in
test_page_cache_purge.py."""

from contextlib import contextmanager

import pytest

from apps.accounts.tests.factories import OrganisationFactory, UserFactory
from apps.contributions.models import TipUseful
from apps.contributions.tests.factories import CommentFactory, TipFactory, TriedReportFactory
from apps.core.cache import current_generation

pytestmark = pytest.mark.django_db


@contextmanager
def purges(capture=None):
    """Asserts the generation token changed; with ``capture`` (django_capture_on_commit_
    callbacks) the purges queued for the commit run first, as they would in production."""
    before = current_generation()
    if capture is None:
        yield
    else:
        with capture(execute=True):
            yield
    assert current_generation() != before, "expected the page cache to be purged"


# --- organisations (apps/accounts/signals.py) -------------------------------------------------


def test_saving_an_organisation_purges_when_the_write_commits(django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Før")
    organisation.name = "Etter"
    with purges(django_capture_on_commit_callbacks):
        organisation.save()


def test_deleting_an_organisation_purges_when_the_write_commits(
    django_capture_on_commit_callbacks,
):
    organisation = OrganisationFactory()
    with purges(django_capture_on_commit_callbacks):
        organisation.delete()


# --- contributions (apps/contributions/signals.py) ----------------------------------------


@pytest.fixture
def recipe(home_page):
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    return RecipePageFactory(parent=chapter)


@pytest.fixture
def post(home_page):
    from apps.blog.tests.factories import BlogIndexPageFactory, BlogPostPageFactory

    return BlogPostPageFactory(parent=BlogIndexPageFactory(parent=home_page))


CONTRIBUTIONS = {
    "tip": lambda recipe, post: TipFactory(recipe=recipe),
    "tip marked useful": lambda recipe, post: TipUseful.objects.create(
        tip=TipFactory(recipe=recipe), user=UserFactory()
    ),
    "tried report": lambda recipe, post: TriedReportFactory(recipe=recipe),
    "comment": lambda recipe, post: CommentFactory(post=post),
}


@pytest.mark.parametrize("kind", sorted(CONTRIBUTIONS))
def test_a_new_contribution_purges(kind, recipe, post):
    with purges():
        CONTRIBUTIONS[kind](recipe, post)


@pytest.mark.parametrize("kind", sorted(CONTRIBUTIONS))
def test_removing_a_contribution_purges(kind, recipe, post):
    contribution = CONTRIBUTIONS[kind](recipe, post)
    with purges():
        contribution.delete()


# --- the printed book (apps/printbook/services.py) ---------------------------------------


def test_a_rendered_edition_purges(monkeypatch):
    """The edition list shows a new edition at once. Rendering is replaced by a one-page PDF:
    what is tested is the purge after the edition is marked ready."""
    import datetime

    from apps.printbook import services
    from apps.printbook.models import EditionStatus
    from apps.printbook.pdf import RenderedPdf
    from apps.printbook.selectors import BookContents

    on = datetime.date(2026, 1, 15)
    empty = BookContents(edition_date=on, chapters=[], thresholds=[], cases=[], index=[])
    monkeypatch.setattr(services, "book", lambda on: empty)
    monkeypatch.setattr(services, "book_html", lambda contents, number=None: "<p>Bok</p>")
    monkeypatch.setattr(
        services, "render_pdf", lambda html: RenderedPdf(content=b"%PDF-1.7\n", page_count=1)
    )
    edition = services.edition_create(on=on)
    with purges():
        rendered = services.edition_render(edition=edition)
    assert rendered.status == EditionStatus.READY
