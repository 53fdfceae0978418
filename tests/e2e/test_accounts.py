"""Accounts and organisations in a real browser: axe on every page (sign-up with errors
shown, login, profile, organisation list and page) and a keyboard-only sign-up."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from wagtail.models import Locale

    from apps.accounts import services
    from apps.accounts.tests.factories import UserFactory
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    Locale.objects.get_or_create(language_code="nb")
    ensure_home_page()
    person = UserFactory(email="kari@example.no", first_name="Kari", last_name="Nordmann")
    kommune = services.organisation_create(
        actor=person,
        name="Bærum kommune",
        type="kommune",
        municipality=Municipality.objects.get(code="3201"),
        description="<p>Bærum prøver ut samarbeid om arbeidstrening.</p>",
    )
    services.organisation_create(
        actor=None,
        name="Medarbeiderne AS",
        type="sosial_entreprenor",
        legal_form="AS",
        work_integration=True,
    )
    return {"person": person, "kommune": kommune}


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def test_signup_with_errors_is_accessible(site, page, axe_violations):
    page.goto("/konto/registrer/")
    assert axe_violations(page) == []
    page.fill("#id_email", "ikke-en-adresse")
    page.fill("#id_password1", "kort")
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".ds-error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('ds-error-summary')")
    assert page.locator("#id_first_name").get_attribute("aria-invalid") == "true"
    assert "id_first_name_error" in page.locator("#id_first_name").get_attribute("aria-describedby")
    assert page.locator("#id_email").input_value() == "ikke-en-adresse"
    assert axe_violations(page) == []


def test_login_profile_and_organisations_are_accessible(site, page, axe_violations):
    page.goto("/konto/logg-inn/")
    assert axe_violations(page) == []
    page.goto("/organisasjoner/")
    assert page.locator(".ds-card").count() == 2
    assert axe_violations(page) == []
    page.goto("/organisasjoner/?type=tull")  # the filter names the value it cannot use
    assert page.locator("#org-type").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site["kommune"].get_absolute_url())
    assert axe_violations(page) == []
    _log_in(page, "kari@example.no")
    assert axe_violations(page) == []
    page.goto(f"/organisasjoner/{site['kommune'].slug}/medlemmer/")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    page.goto("/konto/tofaktor/")
    assert page.locator(".qr-code svg").count() == 1
    assert axe_violations(page) == []


def test_keyboard_only_signup(site, page):
    from django.core import mail

    from apps.accounts.models import User

    page.goto("/konto/registrer/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_first_name":
            break
    assert page.evaluate("document.activeElement.id") == "id_first_name"
    for value in (
        "Ola",
        "Nordmann",
        "ola@example.no",
        "gule-bananer-pa-taket",
        "gule-bananer-pa-taket",
    ):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/registrer/sendt/")
    user = User.objects.get(email="ola@example.no")
    assert not user.is_email_verified
    assert any("ola@example.no" in m.to for m in mail.outbox)
