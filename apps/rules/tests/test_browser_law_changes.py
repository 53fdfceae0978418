"""The pages this brief changed, in Debian's Chromium at 1280 and 320 px: the rules page
with «kan være utdatert» and «kontrollert mot kilden», a recipe with the notice that the
rules changed, and a saved route-guide answer with what would be different today. axe
(WCAG 2.1 A/AA) finds nothing, and nothing scrolls sideways."""

import os

import pytest

from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.home.testing import ensure_home_page
from apps.rules.loader import load_rules
from apps.rules.models import LegalRule

pytestmark = pytest.mark.browser

SAVED_ANSWER = (
    "/veiviser/svar/?purpose=buy&value=2100000&service=ordinary&provider=company"
    "&authority=municipality&on_market=yes&date=2022-02-01"
)


def test_changed_pages_have_no_axe_violations_at_both_widths(
    transactional_db, page, axe_violations, tmp_path
):
    home = ensure_home_page()
    load_rules()
    book = CookbookIndexPageFactory(parent=home)
    chapter = ChapterPageFactory(parent=book)
    recipe = RecipePageFactory(
        parent=chapter, title="Over terskelen", legal_rules=[LegalRule.objects.get(code="foa-5-3")]
    )
    rule = LegalRule.objects.get(code="foa-5-3")
    rule.summary = "Endret etter at oppskriften ble publisert."
    rule.save()

    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for url in ("/regelverk/?dato=2025-06-01", recipe.url, SAVED_ANSWER):
            assert page.goto(url).status == 200, url
            assert axe_violations(page) == [], url
            assert not page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            ), (url, width)
        if width == 320:
            shots = os.environ.get("KOKEBOKA_SCREENSHOTS") or str(tmp_path)
            page.screenshot(path=f"{shots}/saved-answer-320.png", full_page=True)
    assert page.locator("#today-heading").is_visible()
    page.goto(recipe.url)
    notice = page.get_by_text("Regelverket er endret etter at denne oppskriften ble gjennomgått")
    assert notice.is_visible()
    if os.environ.get("KOKEBOKA_SCREENSHOTS"):
        page.screenshot(path=f"{shots}/recipe-320.png")
