"""The fund page, a call page and the application form (with its errors shown) in Debian's
Chromium: axe (WCAG 2.1 A/AA) finds nothing, and autosave stores a draft while typing."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    from .factories import (
        ApplicationFactory,
        CallFactory,
        CriterionFactory,
        FundFactory,
        QuestionFactory,
        RequiredAttachmentFactory,
        UserFactory,
        complete,
        kommune,
        member_of,
    )

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    fund = FundFactory(organisation=kommune(), name="Forsknings- og innovasjonsfondet")
    call = CallFactory(fund=fund, title="Samarbeid med sosiale entreprenører")
    CriterionFactory(call=call, name="Behovet er godt beskrevet", weight=3)
    QuestionFactory(call=call, text="Er søkeren en kommunal tjeneste?")
    RequiredAttachmentFactory(call=call)
    application = complete(ApplicationFactory(call=call, title="Lek i skolegården"))
    member_of(fund.organisation, user=UserFactory(email="soker@example.no"))
    return {"fund": fund, "call": call, "application": application}


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def test_fund_call_and_form_with_errors_are_accessible(site, page, axe_violations):
    fund, call, application = site["fund"], site["call"], site["application"]
    page.goto("/fond/")
    assert axe_violations(page) == []
    page.goto(f"/fond/{fund.slug}/")
    assert page.locator("h1").inner_text() == fund.name
    assert axe_violations(page) == []
    page.goto(f"/fond/{fund.slug}/{call.slug}/")
    assert page.locator("h1").inner_text() == call.title
    assert axe_violations(page) == []

    _log_in(page, "soker@example.no")
    page.goto(f"/fond/soknader/{application.pk}/")
    assert axe_violations(page) == []
    page.fill("#id_app-title", "")
    page.fill("#id_budget-0-amount", "mange penger")
    page.locator(".fund-actions button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert page.locator("#id_app-title").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_budget-0-amount").input_value() == "mange penger"
    assert "Fyll ut dette feltet." in page.locator(".ds-error-summary").inner_text()
    assert axe_violations(page) == []

    page.goto(f"/fond/soknader/{application.pk}/send/")
    assert axe_violations(page) == []


def test_autosave_stores_the_draft_while_typing(site, page):

    application = site["application"]
    _log_in(page, "soker@example.no")
    page.goto(f"/fond/soknader/{application.pk}/")
    page.fill("#id_app-summary", "Skrevet uten å trykke på Lagre.")
    page.wait_for_function(
        "document.getElementById('autosave-status').textContent.length > 0", timeout=15_000
    )
    assert page.locator("input[name='app-version']").input_value() == "2"
    application.refresh_from_db()
    assert application.summary == "Skrevet uten å trykke på Lagre."
    assert application.version == 2
