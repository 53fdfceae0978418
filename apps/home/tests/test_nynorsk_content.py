"""Editorial content in nynorsk: an editor translates a recipe with Wagtail's simple
translation, a nynorsk reader gets it at the bokmål address with lang="nn" and hreflang
alternates, an untranslated page says so in nynorsk and is marked lang="nb", lists show
each page once, and the demo ships its nynorsk pages idempotently."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from apps.accounts.permissions import EDITORS_GROUP
from apps.cookbook.models import ChapterPage, CookbookIndexPage, RecipePage
from apps.cookbook.services import recipe_publish_revision
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)

pytestmark = pytest.mark.django_db

NOT_YET = "Denne sida finst ikkje på nynorsk enno, så du les ho på bokmål."


@pytest.fixture
def nynorsk():
    return Locale.objects.get(language_code="nn")


@pytest.fixture
def book(home_page):
    index = CookbookIndexPageFactory(parent=home_page)
    chapter = ChapterPageFactory(parent=index, title="Kjøp og avtaler", slug="kjop-og-avtaler")
    translated = RecipePageFactory(
        parent=chapter, title="Tilskudd eller anskaffelse?", slug="tilskudd-eller-anskaffelse"
    )
    untranslated = RecipePageFactory(
        parent=chapter, title="Kjøp under 100 000 kroner", slug="kjop-under-100000"
    )
    return {"index": index, "chapter": chapter, "recipe": translated, "other": untranslated}


def translate_recipe(recipe: RecipePage, locale: Locale) -> RecipePage:
    """As the demo and an editor's "Translate" do: a copy in the locale, then published."""
    translate_ancestors(recipe, locale)
    translated = recipe.copy_for_translation(locale).specific
    translated.title = "Tilskot eller anskaffing?"
    translated.summary = "Kommunen kan støtte verksemda med tilskot, eller kjøpe ei teneste."
    recipe_publish_revision(recipe=translated, change_note="Omsett til nynorsk.")
    return translated


def reader(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_nynorsk_locale_exists_and_editors_may_translate(db):
    assert Locale.objects.filter(language_code="nn").exists()
    editors = Group.objects.get(name=EDITORS_GROUP)
    assert editors.permissions.filter(codename="submit_translation").exists()


def translate_ancestors(page: Page, locale: Locale) -> None:
    """Simple translation translates a page under its parent's translation: top down."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.copy_for_translation(locale).save_revision().publish()


def test_an_editor_translates_a_recipe_in_the_admin(client, editor, book, nynorsk):
    recipe = book["recipe"]
    client.force_login(editor)
    form = client.get(f"/admin/translation/submit/page/{recipe.pk}/")
    assert form.status_code == 200
    response = client.post(
        f"/admin/translation/submit/page/{recipe.pk}/", {"locales": [nynorsk.pk]}
    )
    assert response.status_code == 302
    draft = RecipePage.objects.get(translation_key=recipe.translation_key, locale=nynorsk)
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert draft.slug == recipe.slug
    assert not draft.live
    # The chapter had no nynorsk version: it was copied as an alias, which is no version.
    chapter_copy = Page.objects.get(translation_key=book["chapter"].translation_key, locale=nynorsk)
    assert chapter_copy.alias_of_id == book["chapter"].pk
    # A draft is not served: the nynorsk reader still gets the bokmål recipe.
    assert NOT_YET in html_of(reader(client, "nn").get(recipe.url))

    draft.title = "Tilskot eller anskaffing?"
    recipe_publish_revision(recipe=draft, change_note="Omsett til nynorsk.")
    html = html_of(reader(client, "nn").get(recipe.url))
    assert "Tilskot eller anskaffing?" in html
    assert NOT_YET not in html
    chapter_html = html_of(reader(client, "nn").get(book["chapter"].url))
    assert NOT_YET in chapter_html
    assert chapter_html.count("Tilskot eller anskaffing?") == 1


def test_a_nynorsk_reader_gets_the_nynorsk_version_at_the_same_address(client, book, nynorsk):
    recipe = book["recipe"]
    translate_recipe(recipe, nynorsk)
    html = html_of(reader(client, "nn").get(recipe.url))
    assert "Tilskot eller anskaffing?" in html
    assert "Tilskudd eller anskaffelse?" not in html
    assert '<html lang="nn"' in html
    assert 'class="page-content" lang=' not in html  # the content is in the page's language
    assert NOT_YET not in html
    base = f"http://testserver{recipe.url}"
    assert f'<link rel="alternate" hreflang="nb" href="{base}">' in html
    assert f'<link rel="alternate" hreflang="nn" href="{base}?malform=nn">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{base}">' in html
    # The canonical address agrees with the hreflang alternate of the nynorsk version.
    assert f'<link rel="canonical" href="{base}?malform=nn">' in html
    assert re.search(
        rf'<a class="ds-link" href="{re.escape(recipe.url)}\?malform=nb" hreflang="nb" '
        r'lang="nb">Les på bokmål</a>',
        html,
    )


def test_the_change_log_of_a_translated_recipe_is_the_nynorsk_one(client, book, nynorsk):
    recipe = book["recipe"]
    translate_recipe(recipe, nynorsk)
    html = html_of(reader(client, "nn").get(recipe.url + "endringer/"))
    assert "Omsett til nynorsk." in html


def test_a_bokmal_comparison_link_opened_by_a_nynorsk_reader_shows_that_comparison(
    client, book, nynorsk
):
    """A bokmål reader shares a link to a comparison of two bokmål versions; a nynorsk
    reader opening it is routed to the nynorsk version, whose versions are its own, and
    gets the bokmål comparison it names (marked as bokmål), not a 404."""
    recipe = book["recipe"]
    recipe_publish_revision(recipe=recipe, change_note="Første utgave.")
    recipe = RecipePage.objects.get(pk=recipe.pk)
    recipe.summary = "Ny tekst om tilskudd og anskaffelse."
    recipe_publish_revision(recipe=recipe, change_note="Ny forklaring av tilskudd.")
    translate_recipe(recipe, nynorsk)
    changes = html_of(reader(client, "nb").get(recipe.url + "endringer/"))
    (link,) = set(re.findall(r'href="([^"]*/endringer/\d+/\d+/)"', changes))
    html = html_of(reader(client, "nn").get(link))
    assert "Ny tekst om tilskudd og anskaffelse." in html
    assert 'lang="nb"' in html


def test_a_bokmal_reader_is_offered_the_nynorsk_version(client, book, nynorsk):
    recipe = book["recipe"]
    translate_recipe(recipe, nynorsk)
    html = html_of(client.get(recipe.url))
    assert "Tilskudd eller anskaffelse?" in html
    assert '<html lang="nb"' in html
    assert f'href="{recipe.url}?malform=nn" hreflang="nn" lang="nn">' in html
    assert "Les på nynorsk" in html
    explicit = html_of(client.get(recipe.url, {"malform": "nn"}))
    assert "Tilskot eller anskaffing?" in explicit
    assert '<html lang="nb"' in explicit
    assert '<div class="page-content" lang="nn">' in explicit


def test_a_page_without_a_nynorsk_version_says_so_and_marks_its_bokmal(client, book, nynorsk):
    translate_recipe(book["recipe"], nynorsk)
    html = html_of(reader(client, "nn").get(book["other"].url))
    assert "Kjøp under 100 000 kroner" in html
    assert f'<p class="ds-alert" data-color="info" lang="nn">{NOT_YET}</p>' in html
    assert '<div class="page-content" lang="nb">' in html
    assert 'hreflang="nn"' not in html


def test_norwegian_content_is_marked_nb_in_english(client, book):
    html = html_of(reader(client, "en").get(book["other"].url))
    assert '<html lang="en"' in html
    assert '<div class="page-content" lang="nb">' in html
    assert NOT_YET not in html
    # The interface's headings inside the Norwegian content keep their own language.
    assert '<h2 class="ds-heading" data-size="md" id="steps-heading" lang="en">Steps</h2>' in html
    bokmal = html_of(reader(client, "nb").get(book["other"].url))
    assert 'id="steps-heading">' in bokmal


def test_lists_show_each_page_once_in_the_reader_s_language(client, book, nynorsk):
    translate_recipe(book["recipe"], nynorsk)
    bokmal = html_of(client.get(book["index"].url))
    assert bokmal.count("Tilskudd eller anskaffelse?") == 1
    assert "Tilskot eller anskaffing?" not in bokmal
    nynorsk_html = html_of(reader(client, "nn").get(book["chapter"].url))
    assert nynorsk_html.count("Tilskot eller anskaffing?") == 1
    assert "Tilskudd eller anskaffelse?" not in nynorsk_html
    assert nynorsk_html.count("Kjøp under 100 000 kroner") == 1


def test_the_sitemap_lists_each_address_once(client, book, nynorsk):
    translate_recipe(book["recipe"], nynorsk)
    xml = client.get("/sitemap.xml").content.decode()
    assert xml.count(f"<loc>http://testserver{book['recipe'].url}</loc>") == 1


def test_the_page_cache_keeps_the_versions_apart(client, book, nynorsk):
    recipe = book["recipe"]
    translate_recipe(recipe, nynorsk)
    assert "Tilskudd eller anskaffelse?" in html_of(client.get(recipe.url))
    assert "Tilskot eller anskaffing?" in html_of(reader(client, "nn").get(recipe.url))
    assert "Tilskudd eller anskaffelse?" in html_of(reader(client, "nb").get(recipe.url))


def test_the_demo_loads_its_nynorsk_pages_once(home_page):
    from apps.cookbook import demo as cookbook_demo
    from apps.home.demo_files import front_page
    from apps.home.management.commands.load_demo import ensure_nynorsk_home

    cookbook_demo.load(home=home_page)
    for _run in range(2):
        cookbook_demo.load_nynorsk(locale=ensure_nynorsk_home(home_page))
    nn = {"locale__language_code": "nn", "live": True, "alias_of__isnull": True}
    assert Page.objects.get(depth=2, **nn).title == front_page("nn").title
    assert CookbookIndexPage.objects.filter(**nn).count() == 1
    assert ChapterPage.objects.filter(**nn).count() == ChapterPage.objects.published().count()
    assert all(chapter.intro for chapter in ChapterPage.objects.filter(**nn))
    assert RecipePage.objects.filter(**nn).count() == 5
    assert (
        RecipePage.objects.published().count()
        == RecipePage.objects.live().filter(locale__language_code="nb").count()
    )
