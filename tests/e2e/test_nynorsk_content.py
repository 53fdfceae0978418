"""A nynorsk reader in Debian's Chromium, at 1280 and 320 px: a translated recipe reads in
nynorsk with a link to the bokmål one, an untranslated recipe says so in nynorsk and marks
its bokmål content; axe finds nothing and nothing scrolls sideways."""

import os

import pytest
from django.conf import settings
from wagtail.models import Locale

from apps.cookbook.services import recipe_publish_revision
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.home.testing import ensure_home_page

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("KOKEBOKA_SCREENSHOTS", "")
NOT_YET = "Denne sida finst ikkje på nynorsk enno, så du les ho på bokmål."


@pytest.fixture
def recipes(transactional_db):
    home = ensure_home_page()
    nynorsk = Locale.objects.get(language_code="nn")
    index = CookbookIndexPageFactory(parent=home)
    chapter = ChapterPageFactory(parent=index, title="Kjøp og avtaler", slug="kjop-og-avtaler")
    translated = RecipePageFactory(
        parent=chapter, title="Tilskudd eller anskaffelse?", slug="tilskudd-eller-anskaffelse"
    )
    untranslated = RecipePageFactory(
        parent=chapter, title="Kjøp under 100 000 kroner", slug="kjop-under-100000"
    )
    for page in (home, index, chapter):
        copy = page.specific.copy_for_translation(nynorsk)
        copy.title = {"Kjøp og avtaler": "Kjøp og avtalar"}.get(copy.title, copy.title)
        copy.save_revision().publish()
    copy = translated.copy_for_translation(nynorsk).specific
    copy.title = "Tilskot eller anskaffing?"
    copy.summary = "Kommunen kan støtte verksemda til ein sosial entreprenør med tilskot."
    recipe_publish_revision(recipe=copy, change_note="Omsett til nynorsk.")
    return {"translated": translated.url, "untranslated": untranslated.url}


def _read_in_nynorsk(page, live_server) -> None:
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "nn", "url": live_server.url}]
    )


def _no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 320])
def test_a_nynorsk_reader_on_a_translated_and_an_untranslated_recipe(
    page, live_server, axe_violations, recipes, width
):
    page.set_viewport_size({"width": width, "height": 900})
    _read_in_nynorsk(page, live_server)

    page.goto(recipes["translated"])
    assert page.locator("html").get_attribute("lang") == "nn"
    assert page.locator("h1").inner_text() == "Tilskot eller anskaffing?"
    assert page.locator(".page-content").get_attribute("lang") is None
    to_bokmal = page.get_by_role("link", name="Les på bokmål")
    assert to_bokmal.get_attribute("lang") == "nb"
    assert page.locator('link[rel="alternate"][hreflang="nn"]').count() == 1
    assert axe_violations(page) == []
    assert _no_sideways_scrolling(page)
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/nn-translated-{width}.png", full_page=True)

    to_bokmal.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Tilskudd eller anskaffelse?"
    assert page.locator(".page-content").get_attribute("lang") == "nb"

    page.goto(recipes["untranslated"])
    assert page.locator("html").get_attribute("lang") == "nn"
    notice = page.get_by_text(NOT_YET)
    assert notice.get_attribute("lang") == "nn"
    assert page.locator(".page-content").get_attribute("lang") == "nb"
    assert page.locator("h1").inner_text() == "Kjøp under 100 000 kroner"
    assert axe_violations(page) == []
    assert _no_sideways_scrolling(page)
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/nn-untranslated-{width}.png", full_page=True)
