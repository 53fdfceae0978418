"""The fragment cache of anonymous pages ({% public_fragment %},
apps/core/templatetags/public_fragment.py; docs/decisions/0032).

A fragment is reused across addresses (a new query string misses the page cache but not the
fragment), it is stale as soon as a source of what it shows purges the page cache (one test
per source and fragment below), and it is never read or stored for a signed-in person, a
preview, or when its rendering used the CSRF token."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.blog.tests.factories import BlogIndexPageFactory, BlogPostPageFactory
from apps.cases.tests.factories import CaseIndexPageFactory, CasePageFactory
from apps.contributions.tests.factories import TipFactory
from apps.cookbook.models import RecipeLegalRule
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    LegalRuleFactory,
    RecipePageFactory,
)
from apps.core.cache import purge_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(home_page):
    index = CookbookIndexPageFactory(parent=home_page)
    chapter = ChapterPageFactory(parent=index, title="Kapittel en")
    recipe = RecipePageFactory(parent=chapter, title="Oppskrift en", phase="dialog")
    return index, chapter, recipe


def _fragment_keys() -> list[str]:
    return [key for key in cache._cache if "pagecache:fragment:" in key]  # LocMemCache


def _mark_every_fragment(marker: str) -> None:
    """Overwrites every stored fragment with `marker` under its own generation, so a page
    that shows the marker has read the fragment from the cache."""
    for raw_key in _fragment_keys():
        key = raw_key.split(":", 2)[2]  # LocMemCache's own "prefix:version:" in front
        generation, _html = cache.get(key)
        cache.set(key, (generation, f"<p>{marker}</p>"))


# --- reuse, and who never gets it ----------------------------------------------------------


def test_a_new_address_reuses_the_recipe_body_with_fewer_queries(client, book):
    _index, _chapter, recipe = book
    first = client.get(recipe.url + "?a=1")
    with CaptureQueriesContext(connection) as second_queries:
        second = client.get(recipe.url + "?a=2")
    with CaptureQueriesContext(connection) as uncached_queries:
        purge_page_cache()
        third = client.get(recipe.url + "?a=3")

    assert first.status_code == 200
    assert second.status_code == 200
    assert third.status_code == 200
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "miss"
    body = first.content.decode()
    assert "Oppskrift en" in body
    # The same page but for its own address (the language chooser's links carry it).
    assert second.content.decode().replace("a=2", "a=1").replace("a%3D2", "a%3D1") == body
    assert len(second_queries) < len(uncached_queries)


def test_the_cached_fragment_is_what_an_anonymous_visitor_gets(client, book):
    _index, _chapter, recipe = book
    client.get(recipe.url + "?a=1")
    _mark_every_fragment("fra-hurtigbufferen")

    response = client.get(recipe.url + "?a=2")

    assert response.status_code == 200
    assert "fra-hurtigbufferen" in response.content.decode()


def test_a_signed_in_person_never_gets_a_cached_fragment(client, book):
    _index, _chapter, recipe = book
    client.get(recipe.url + "?a=1")
    _mark_every_fragment("fra-hurtigbufferen")
    force_login_verified(client, UserFactory())

    response = client.get(recipe.url + "?a=2")

    assert response.status_code == 200
    assert "fra-hurtigbufferen" not in response.content.decode()
    assert "Oppskrift en" in response.content.decode()


def test_a_preview_never_reads_or_stores_a_fragment():
    request = RequestFactory().get("/")
    request.page_cache_generation = "g1"
    request.is_preview = True
    template = Template(
        "{% load public_fragment %}{% public_fragment 'x' %}{{ n }}{% endpublic_fragment %}"
    )

    assert template.render(Context({"request": request, "n": 1})) == "1"
    assert template.render(Context({"request": request, "n": 2})) == "2"
    assert _fragment_keys() == []


def test_a_fragment_is_reused_within_its_generation_only():
    request = RequestFactory().get("/")
    request.page_cache_generation = "g1"
    template = Template(
        "{% load public_fragment %}{% public_fragment 'x' %}{{ n }}{% endpublic_fragment %}"
    )

    assert template.render(Context({"request": request, "n": 1})) == "1"
    assert template.render(Context({"request": request, "n": 2})) == "1"
    request.page_cache_generation = "g2"
    assert template.render(Context({"request": request, "n": 3})) == "3"


def test_a_fragment_that_used_the_csrf_token_is_not_stored():
    request = RequestFactory().get("/")
    request.page_cache_generation = "g1"
    template = Template(
        "{% load public_fragment %}{% public_fragment 'form' %}{{ n }}{% csrf_token %}"
        "{% endpublic_fragment %}"
    )
    from django.template.context_processors import csrf

    first = template.render(Context({"request": request, "n": 1, **csrf(request)}))
    second = template.render(Context({"request": request, "n": 2, **csrf(request)}))

    assert first.startswith("1<input")
    assert second.startswith("2<input")
    assert _fragment_keys() == []
    assert "CSRF_COOKIE_NEEDS_UPDATE" in request.META


def test_a_request_the_page_cache_skips_gets_no_fragment():
    request = RequestFactory().get("/")  # no page_cache_generation: not an anonymous GET
    template = Template(
        "{% load public_fragment %}{% public_fragment 'x' %}{{ n }}{% endpublic_fragment %}"
    )

    assert template.render(Context({"request": request, "n": 1})) == "1"
    assert template.render(Context({"request": request, "n": 2})) == "2"


# --- each source of each fragment makes it stale -------------------------------------------


def _shows(client, url: str, text: str, *, n: int) -> bool:
    response = client.get(f"{url}{'&' if '?' in url else '?'}n={n}")
    assert response.status_code == 200
    return text in response.content.decode()


def test_recipe_body_shows_a_republished_recipe(client, book):
    _index, _chapter, recipe = book
    assert _shows(client, recipe.url, "Oppskrift en", n=1)
    recipe.title = "Oppskrift omdøpt"
    recipe.save_revision().publish()
    assert _shows(client, recipe.url, "Oppskrift omdøpt", n=2)


def test_recipe_body_shows_a_new_tip(client, book):
    _index, _chapter, recipe = book
    assert not _shows(client, recipe.url, "Et nytt råd om innkjøp", n=1)
    TipFactory(recipe=recipe, text="Et nytt råd om innkjøp")
    assert _shows(client, recipe.url, "Et nytt råd om innkjøp", n=2)


def test_recipe_body_shows_a_changed_legal_rule(client, book):
    _index, _chapter, recipe = book
    rule = LegalRuleFactory(title="Regelen før")
    RecipeLegalRule.objects.create(page=recipe, rule=rule)
    recipe.save_revision().publish()
    assert _shows(client, recipe.url, "Regelen før", n=1)
    rule.title = "Regelen etter"
    rule.save()
    assert _shows(client, recipe.url, "Regelen etter", n=2)


def test_recipe_body_shows_a_new_example_of_it(client, book, home_page):
    _index, _chapter, recipe = book
    cases = CaseIndexPageFactory(parent=home_page)
    assert not _shows(client, recipe.url, "Eksempelet fra Bærum", n=1)
    CasePageFactory(parent=cases, title="Eksempelet fra Bærum", recipes=[recipe])
    assert _shows(client, recipe.url, "Eksempelet fra Bærum", n=2)


def test_chapter_shows_a_new_recipe(client, book):
    _index, chapter, _recipe = book
    assert not _shows(client, chapter.url, "Oppskrift to", n=1)
    RecipePageFactory(parent=chapter, title="Oppskrift to")
    assert _shows(client, chapter.url, "Oppskrift to", n=2)


def test_chapter_breadcrumbs_show_a_renamed_index(client, book):
    index, chapter, _recipe = book
    assert not _shows(client, chapter.url, "Boka omdøpt", n=1)
    index.title = "Boka omdøpt"
    index.save_revision().publish()
    assert _shows(client, chapter.url, "Boka omdøpt", n=2)


def test_cookbook_filter_shows_a_new_recipe(client, book):
    index, chapter, _recipe = book
    url = index.url + "?phase=dialog"
    assert not _shows(client, url, "Oppskrift tre", n=1)
    RecipePageFactory(parent=chapter, title="Oppskrift tre", phase="dialog")
    assert _shows(client, url, "Oppskrift tre", n=2)


def test_home_lists_show_a_new_chapter_and_post(client, book, home_page):
    index, _chapter, _recipe = book
    assert not _shows(client, "/", "Kapittel to", n=1)
    ChapterPageFactory(parent=index, title="Kapittel to")
    assert _shows(client, "/", "Kapittel to", n=2)
    BlogPostPageFactory(parent=BlogIndexPageFactory(parent=home_page), title="Nytt innlegg")
    assert _shows(client, "/", "Nytt innlegg", n=3)


def test_examples_list_shows_a_new_example(client, home_page):
    cases = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=cases, title="Første eksempel")
    url = cases.url + "?county=32"
    assert _shows(client, url, "Første eksempel", n=1)
    assert not _shows(client, url, "Andre eksempel", n=2)
    CasePageFactory(parent=cases, title="Andre eksempel")
    assert _shows(client, url, "Andre eksempel", n=3)


def test_examples_filter_form_keeps_each_visitors_choice_and_shows_new_municipalities(
    client, home_page
):
    from apps.core.models import Municipality

    cases = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=cases, title="Første eksempel")
    oslo = Municipality.objects.get(code="0301")

    first = client.get(cases.url + "?county=32&n=1").content.decode()
    again = client.get(cases.url + "?county=32&n=2").content.decode()
    other = client.get(cases.url + "?county=03&n=3").content.decode()
    assert '<option value="32" selected>' in first
    assert '<option value="32" selected>' in again
    assert '<option value="03" selected>' in other
    assert '<option value="32" selected>' not in other
    assert f'<option value="{oslo.code}">' not in again

    CasePageFactory(parent=cases, title="Eksempel fra Oslo", municipality=oslo)
    after = client.get(cases.url + "?county=32&n=4").content.decode()
    assert f'<option value="{oslo.code}">' in after


def test_cookbook_index_breadcrumbs_show_a_renamed_index(client, book):
    index, _chapter, _recipe = book
    url = index.url + "?phase=dialog"

    def breadcrumbs(n: int) -> str:
        page = client.get(f"{url}&n={n}").content.decode()
        return page[page.index('class="ds-breadcrumbs') : page.index("<main")]

    assert index.title in breadcrumbs(1)
    index.title = "Boka har nytt navn"
    index.save_revision().publish()
    assert "Boka har nytt navn" in breadcrumbs(2)


def test_each_interface_language_gets_its_own_fragment(client, settings, book):
    _index, chapter, _recipe = book
    bokmal = client.get(chapter.url + "?n=1").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(chapter.url + "?n=2").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    bokmal_again = client.get(chapter.url + "?n=3").content.decode()

    assert "Oppskrifter i dette kapittelet" in bokmal
    assert "Recipes in this chapter" in english
    assert "Oppskrifter i dette kapittelet" not in english
    assert "Oppskrifter i dette kapittelet" in bokmal_again
