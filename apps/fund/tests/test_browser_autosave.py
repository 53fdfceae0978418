"""Issue 12, item 2, in Debian's Chromium and in Norwegian: an applicant types valid and
invalid input (a partner's organisation number "123", a budget line without a cost type),
leaves, comes back, and finds everything typed, the invalid input marked with its message —
with JavaScript (autosave, rows added in the page) and without it (the Save and Add row
buttons). Small factories, every wait bounded (10 s at most). Screenshots are kept in
/tmp/kokeboka-screenshots for a person to look at."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/kokeboka-screenshots")  # noqa: S108 - for a person to look at
WAIT_MS = 10_000
SUMMARY = "Unge voksne lærer å drive en kantine, skrevet uten å lagre."


@pytest.fixture
def draft(transactional_db):
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.fund.tests.factories import ApplicationFactory, member_of
    from apps.home.testing import ensure_home_page

    SHOTS.mkdir(parents=True, exist_ok=True)
    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    application = ApplicationFactory(summary="", title="Kantina som læringsarena")
    application.applicant = member_of(application.organisation)
    return application


def _log_in(page, user) -> None:
    from apps.accounts.tests.helpers import PASSWORD

    page.goto("/konto/logg-inn/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/", timeout=WAIT_MS)


def _row_values(page, prefix: str, name: str) -> list[str]:
    count = page.locator(f"#{prefix}-rows fieldset").count()
    return [page.locator(f"#id_{prefix}-{i}-{name}").input_value() for i in range(count)]


def _assert_everything_typed_is_there(page) -> None:
    """The page as opened again: the summary, the valid partner, the invalid one as typed
    and marked, and the half-filled budget line as typed and marked."""
    assert page.locator("#id_app-summary").input_value() == SUMMARY
    names = _row_values(page, "partners", "name")
    assert "NAV Bærum" in names and "Kantina AS" in names
    kantina = names.index("Kantina AS")
    org = page.locator(f"#id_partners-{kantina}-org_number")
    assert org.input_value() == "123"
    assert org.get_attribute("aria-invalid") == "true"
    error = page.locator(f"#id_partners-{kantina}-org_number_error")
    assert error.inner_text() == "Et organisasjonsnummer har ni sifre."
    amounts = _row_values(page, "budget", "amount")
    assert "50000" in amounts
    half = amounts.index("50000")
    assert page.locator(f"#id_budget-{half}-cost_type").input_value() == ""
    assert page.locator(f"#id_budget-{half}-cost_type").get_attribute("aria-invalid") == "true"
    summary = page.locator("#error-summary")
    assert summary.locator(f'a[href="#id_partners-{kantina}-org_number"]').count() == 1
    assert summary.locator(f'a[href="#id_budget-{half}-cost_type"]').count() == 1


def test_typed_work_survives_an_invalid_field_with_javascript(draft, page, axe_violations):
    page.context.set_default_timeout(WAIT_MS)
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, draft.applicant)
    url = f"/fond/soknader/{draft.pk}/"
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "nb"
    assert axe_violations(page) == []
    rows = page.locator("#partners-rows fieldset").count()
    page.get_by_role("button", name="Legg til rad – partner").click()
    # added in the page: no request, no reload
    assert page.locator("#partners-rows fieldset").count() == rows + 1
    assert page.url.endswith(url)
    page.fill("#id_app-summary", SUMMARY)
    page.fill("#id_partners-0-name", "NAV Bærum")
    page.fill(f"#id_partners-{rows}-name", "Kantina AS")
    page.fill(f"#id_partners-{rows}-org_number", "123")
    page.fill("#id_budget-0-year", "2027")
    page.fill("#id_budget-0-amount", "50000")
    page.select_option("#id_budget-0-source", "cofunding")
    status = page.locator("#autosave-status")
    status.locator('a[href="#id_budget-0-cost_type"]').wait_for(timeout=WAIT_MS)
    assert "Det du skrev i feltene med feil" in status.inner_text()
    org = page.locator(f"#id_partners-{rows}-org_number")
    assert org.get_attribute("aria-invalid") == "true"
    assert org.input_value() == "123"
    # the status line names each field in error and links to it
    link = status.locator(f'a[href="#id_partners-{rows}-org_number"]')
    assert "organisasjonsnummer" in link.inner_text()
    assert axe_violations(page) == []

    # leave, come back: everything typed is there
    page.goto("/konto/")
    page.goto(url)
    _assert_everything_typed_is_there(page)
    assert axe_violations(page) == []
    page.screenshot(path=SHOTS / "fund-autosave-back-1280.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
    page.screenshot(path=SHOTS / "fund-autosave-back-320.png", full_page=True)

    # correcting the fields saves them and clears the marks
    kantina = _row_values(page, "partners", "name").index("Kantina AS")
    half = _row_values(page, "budget", "amount").index("50000")
    page.fill(f"#id_partners-{kantina}-org_number", "987 654 321")
    page.wait_for_function(
        "!document.querySelector('#autosave-status a[href*=\"org_number\"]')"
        " && !!document.querySelector('#autosave-status a[href*=\"cost_type\"]')",
        timeout=WAIT_MS,
    )
    # the page's error summary lists what is wrong now
    summary = page.locator("#error-summary")
    assert summary.locator(f'a[href="#id_partners-{kantina}-org_number"]').count() == 0
    assert summary.locator(f'a[href="#id_budget-{half}-cost_type"]').count() == 1
    page.select_option(f"#id_budget-{half}-cost_type", "services")
    page.wait_for_function(
        "document.getElementById('autosave-status').textContent.startsWith('Lagret kl.')"
        " && !document.getElementById('autosave-status').querySelector('a')",
        timeout=WAIT_MS,
    )
    # the page's error summary and the note about kept input go as well
    assert page.locator("#error-summary").count() == 0
    assert page.locator("#form-alert").count() == 0
    page.reload()
    assert page.locator("#error-summary").count() == 0
    assert page.locator('[aria-invalid="true"]').count() == 0
    draft.refresh_from_db()
    assert draft.draft_input == {}
    assert sorted(draft.partners.values_list("org_number", flat=True)) == ["", "987654321"]


def test_typed_work_survives_an_invalid_field_without_javascript(draft, browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, locale="nb-NO"
    )
    context.set_default_timeout(WAIT_MS)
    try:
        page = context.new_page()
        page.set_viewport_size({"width": 1280, "height": 900})
        _log_in(page, draft.applicant)
        url = f"/fond/soknader/{draft.pk}/"
        page.goto(url)
        rows = page.locator("#partners-rows fieldset").count()
        page.fill("#id_app-summary", SUMMARY)
        page.fill("#id_partners-0-name", "NAV Bærum")
        # Add row: the page is saved and comes back with one more row
        with page.expect_navigation(timeout=WAIT_MS):
            page.get_by_role("button", name="Legg til rad – partner").click()
        # the saved partner, the usual empty rows and the one asked for
        assert page.locator("#partners-rows fieldset").count() == rows + 2
        assert page.url.endswith("?rad=partners#partnere")
        assert page.locator("#id_app-summary").input_value() == SUMMARY
        assert page.locator("#id_partners-0-name").input_value() == "NAV Bærum"
        page.fill(f"#id_partners-{rows + 1}-name", "Kantina AS")
        page.fill(f"#id_partners-{rows + 1}-org_number", "123")
        page.fill("#id_budget-0-year", "2027")
        page.fill("#id_budget-0-amount", "50000")
        page.select_option("#id_budget-0-source", "cofunding")
        with page.expect_navigation(timeout=WAIT_MS):
            page.get_by_role("button", name="Lagre", exact=True).click()
        assert "Det du skrev i feltene som er merket nedenfor" in page.locator("main").inner_text()
        # leave, come back
        page.goto("/konto/")
        page.goto(url)
        _assert_everything_typed_is_there(page)
        page.screenshot(path=SHOTS / "fund-autosave-nojs-1280.png", full_page=True)
    finally:
        context.close()
