"""My page's language for mail, in a real browser at 1280 and 320 px: axe finds nothing,
the choice is a labelled select and saving it changes what the account stores."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def person(transactional_db):
    from wagtail.models import Locale

    from apps.accounts.tests.factories import UserFactory
    from apps.home.testing import ensure_home_page

    Locale.objects.get_or_create(language_code="nb")
    ensure_home_page()
    return UserFactory(email="ingrid@example.no", first_name="Ingrid", last_name="Vinje")


@pytest.mark.parametrize("width", [1280, 320])
def test_my_page_sets_the_language_for_mail(person, page, axe_violations, width, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", person.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")
    select = page.get_by_label("Språk i e-post")
    assert select.input_value() == "nb"
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / f"my-page-{width}.png"), full_page=True)
    select.select_option("nn")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url("**/konto/")
    person.refresh_from_db()
    assert person.language == "nn"
    assert page.get_by_label("Språk i e-post").input_value() == "nn"
    assert axe_violations(page) == []
