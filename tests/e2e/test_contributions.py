"""Contributions in a real browser: axe on a recipe page with tips and tried reports (as a
logged-in member, with the useful and follow buttons) and on the tip form with errors."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from wagtail.models import Locale

    from apps.accounts.tests.factories import UserFactory
    from apps.contributions.models import Status
    from apps.contributions.tests.factories import TipFactory, TriedReportFactory
    from apps.cookbook.services import recipe_publish_revision
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    Locale.objects.get_or_create(language_code="nb")
    home = ensure_home_page()
    cookbook = CookbookIndexPageFactory(parent=home)
    chapter = ChapterPageFactory(parent=cookbook, title="Forstå og møte", slug="forsta-og-mote")
    recipe = RecipePageFactory(parent=chapter, title="Dialogmøte med entreprenøren")
    recipe_publish_revision(recipe=recipe, change_note="Første versjon")
    person = UserFactory(email="kari@example.no", first_name="Kari", last_name="Nordmann")
    for n in range(3):
        TipFactory(recipe=recipe, text=f"Råd nummer {n}: avtal neste møte før dere går.")
    TipFactory(recipe=recipe, author=person, status=Status.PENDING, text="Mitt råd venter.")
    for code in ("3201", "0301"):
        TriedReportFactory(recipe=recipe, municipality=Municipality.objects.get(code=code))
    return {"recipe": recipe, "person": person}


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def test_recipe_page_with_tips_is_accessible(site, page, axe_violations):
    recipe = site["recipe"]
    page.goto(recipe.url)
    assert page.locator("#bidrag .tip").count() == 3
    assert axe_violations(page) == []
    _log_in(page, "kari@example.no")
    page.goto(recipe.url)
    assert page.locator("#bidrag .tip form button").count() == 3
    assert page.locator("#bidrag .ds-alert").count() == 1  # own tip awaiting moderation
    assert axe_violations(page) == []


def test_tip_form_with_errors_is_accessible(site, page, axe_violations):
    _log_in(page, "kari@example.no")
    page.goto(f"/bidrag/oppskrift/{site['recipe'].pk}/tips/")
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert page.locator("#id_text").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
