"""WCAG 3.1.2 (language of parts): in English or nynorsk, content written in bokmål carries
lang="nb" on its container and the interface text inside it carries the interface language;
in bokmål nothing is marked. And the fixed pages read in all three languages
(docs/decisions/0019)."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

CONTAINER = re.compile(r'<div class="page-content"( lang="(\w+)")?>')


def _html(client, language: str, path: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def _container_lang(html: str) -> str | None:
    match = CONTAINER.search(html)
    assert match, "no content container"
    return match.group(2)


@pytest.fixture
def meeting(db):
    from apps.events.tests.factories import EventFactory

    return EventFactory(slug="dialogmote-sprak")


@pytest.fixture
def need(db):
    from apps.broker.tests.factories import NeedFactory

    return NeedFactory(timeframe="Høsten 2027")


@pytest.fixture
def offer(db):
    from apps.broker.tests.factories import OfferFactory

    return OfferFactory()


@pytest.mark.parametrize("language", ["en", "nn"])
def test_a_meeting_is_marked_bokmal_and_its_interface_keeps_its_language(client, meeting, language):
    html = _html(client, language, f"/dialogmoter/{meeting.slug}/")
    assert _container_lang(html) == "nb"
    assert f'<dl class="events-facts" lang="{language}">' in html
    assert f'class="events-form-section" lang="{language}">' in html
    # The meeting's own text inherits the container's bokmål.
    assert f'<h1 class="ds-heading" data-size="xl">{meeting.title}</h1>' in html


def test_in_bokmal_nothing_is_marked(client, meeting, need, offer):
    for path in (f"/dialogmoter/{meeting.slug}/", f"/behov/{need.pk}/"):
        html = _html(client, "nb", path)
        assert _container_lang(html) is None, path
        assert ' lang="nb"' not in html.split('<div class="page-content"', 1)[1], path


def test_a_need_and_an_offer_are_marked_bokmal_in_english(client, need, offer):
    html = _html(client, "en", f"/behov/{need.pk}/")
    assert _container_lang(html) == "nb"
    assert 'aria-labelledby="facts-heading" lang="en">' in html
    assert 'id="problem-heading" lang="en">The problem</h2>' in html
    # What the municipality wrote inside the English facts box is bokmål again.
    assert '<dd lang="nb">Høsten 2027</dd>' in html

    html = _html(client, "en", f"/entreprenorer/tilbud/{offer.pk}/")
    assert _container_lang(html) == "nb"
    assert '<dl class="broker-facts" lang="en">' in html

    # A profile page is interface with the profile's own texts marked where they appear.
    html = _html(client, "en", offer.profile.get_absolute_url())
    assert _container_lang(html) is None
    assert f'<p class="ds-paragraph broker-prose" lang="nb">{offer.profile.summary}</p>' in html


def test_an_example_a_chapter_a_post_and_the_cookbook_index_mark_their_headings(client, home_page):
    from apps.blog.tests.factories import BlogIndexPageFactory, BlogPostPageFactory
    from apps.cases.tests.factories import CaseIndexPageFactory, CasePageFactory
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    example = CasePageFactory(parent=CaseIndexPageFactory(parent=home_page))
    index = CookbookIndexPageFactory(parent=home_page)
    chapter = ChapterPageFactory(parent=index, slug="kapittel-en")
    RecipePageFactory(parent=chapter)
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=home_page))

    html = _html(client, "en", example.url)
    assert _container_lang(html) == "nb"
    assert 'id="facts-heading" lang="en">Facts</h2>' in html
    assert '<dl class="case-facts" lang="en">' in html

    html = _html(client, "en", chapter.url)
    assert _container_lang(html) == "nb"
    assert 'id="recipes-heading" lang="en">Recipes in this chapter</h2>' in html
    assert '<li class="ds-card recipe-item" lang="nb">' in html
    assert 'recipe-tags" aria-label="Tags" lang="en">' in html

    html = _html(client, "en", index.url)
    assert _container_lang(html) == "nb"
    assert 'id="contents-heading" lang="en">Contents</h2>' in html
    assert '<span class="chapter-number" lang="en">Chapter 1:</span>' in html

    html = _html(client, "en", post.url)
    assert _container_lang(html) == "nb"
    assert '<p class="meta" lang="en">' in html
    assert 'aria-labelledby="comments-heading" lang="en">' in html


def test_the_home_page_is_an_interface_page_with_its_content_marked(client, home_page):
    from apps.events.tests.factories import EventFactory

    home_page.intro = "Kommuner og sosiale entreprenører – slik får dere det til."
    home_page.save_revision().publish()
    meeting = EventFactory(title="Dialogmøte om arbeidstrening")
    html = _html(client, "en", "/")
    assert _container_lang(html) is None
    assert 'id="doors-heading">What do you want to do?</h2>' in html
    assert '<p class="ds-paragraph lead" lang="nb">Kommuner og sosiale' in html
    assert f'href="{meeting.get_absolute_url()}" lang="nb">{meeting.title}</a>' in html
    html = _html(client, "nb", "/")
    assert ' lang="nb"' not in html.split('<div class="page-content"', 1)[1]


def _fixed_pages(home_page):
    from apps.core import demo
    from apps.home.management.commands.load_demo import ensure_nynorsk_home

    demo.load(home=home_page)
    demo.load_nynorsk(home=home_page, locale=ensure_nynorsk_home(home_page))


@pytest.mark.parametrize(
    ("path", "nb", "nn", "en"),
    [
        ("/personvern/", "uten å logge inn", "utan å logge inn", "In short"),
        (
            "/tilgjengelighetserklaering/",
            "Kravene vi følger",
            "Krava vi følgjer",
            "The requirements we follow",
        ),
    ],
)
def test_the_fixed_pages_read_in_all_three_languages(client, home_page, path, nb, nn, en):
    _fixed_pages(home_page)
    # What the page says (the head's sharing tags stay with the page's own text).
    bokmal = _html(client, "nb", path).split("<main", 1)[1]
    nynorsk = _html(client, "nn", path).split("<main", 1)[1]
    english = _html(client, "en", path).split("<main", 1)[1]
    assert nb in bokmal and nn not in bokmal
    assert nn in nynorsk and nb not in nynorsk
    assert en in english and nb not in english
    # Each is read in the interface language, so no container is marked.
    for html in (bokmal, nynorsk, english):
        assert _container_lang(html) is None


def test_the_about_page_reads_in_all_three_languages(client, home_page):
    titles = {"nb": "Om Kokeboka", "nn": "Om Kokeboka", "en": "About Kokeboka"}
    contacts = {"nb": "Utgiver og kontakt", "nn": "Utgivar og kontakt", "en": "Publisher and"}
    for language, title in titles.items():
        html = _html(client, language, "/om-kokeboka/")
        assert f">{title}</h1>" in html
        assert contacts[language] in html


def test_fixed_pages_load_once_and_a_page_from_before_gets_its_english_text(home_page):
    from wagtail.models import Locale

    from apps.core import demo
    from apps.core.models import StandardPage

    nynorsk = Locale.objects.get(language_code="nn")
    demo.load_nynorsk(home=home_page, locale=nynorsk)  # no nynorsk home page yet: nothing
    assert not StandardPage.objects.filter(locale=nynorsk).exists()
    _fixed_pages(home_page)
    _fixed_pages(home_page)
    assert StandardPage.objects.filter(locale__language_code="nn").count() == 2
    assert StandardPage.objects.filter(locale__language_code="nb").count() == 2

    privacy = StandardPage.objects.get(slug="personvern", locale__language_code="nb")
    privacy.title_en = privacy.intro_en = ""
    privacy.body_en = []
    privacy.save_revision().publish()
    demo.load(home=home_page)
    privacy.refresh_from_db()
    assert privacy.title_en == "Privacy statement"
    assert privacy.live and not privacy.has_unpublished_changes
