"""The demo applicant types into the application, makes one field invalid and reloads: with
JavaScript (autosave), in Norwegian, at 1280 and 320 px, and
axe finds nothing. Screenshots are kept in /tmp/kokeboka-screenshots for a person to look at."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/kokeboka-screenshots")  # noqa: S108 - for a person to look at
SUMMARY = "Unge voksne lærer å drive en kantine, skrevet uten å lagre."


@pytest.fixture
def demo_draft(transactional_db):
    from apps.accounts import demo as accounts_demo
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.fund import demo
    from apps.fund.models import Application, Call
    from apps.home.testing import ensure_home_page

    SHOTS.mkdir(parents=True, exist_ok=True)
    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    accounts_demo.load()
    demo.load()
    return Application.objects.get(call=Call.objects.get(slug=demo.OPEN_CALL_SLUG))


def _log_in(page) -> None:
    from apps.accounts.demo import demo_password

    page.goto("/konto/logg-inn/")
    page.fill("#id_username", "soker@demo.kokeboka.no")
    page.fill("#id_password", demo_password())
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


@pytest.mark.parametrize("width", [1280, 320])
def test_typed_work_survives_an_invalid_field_with_javascript(
    demo_draft, page, axe_violations, width
):
    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page)
    url = f"/fond/soknader/{demo_draft.pk}/"
    page.goto(url)
    assert axe_violations(page) == []
    rows = page.locator("#partners-rows fieldset").count()
    page.get_by_role("button", name="Legg til rad – partner").click()
    assert page.locator("#partners-rows fieldset").count() == rows + 1
    new = rows  # the new row's index
    page.fill("#id_app-summary", SUMMARY)
    page.fill(f"#id_partners-{new}-name", "Kantina AS")
    page.fill(f"#id_partners-{new}-org_number", "123")
    status = page.locator("#autosave-status")
    status.get_by_text("unntatt feltene med feil").wait_for(timeout=20_000)
    org = page.locator(f"#id_partners-{new}-org_number")
    assert org.get_attribute("aria-invalid") == "true"
    assert org.get_attribute("aria-describedby") == f"id_partners-{new}-org_number_error"
    assert (
        page.locator(f"#id_partners-{new}-org_number_error").inner_text()
        == "Et organisasjonsnummer har ni sifre."
    )
    assert org.input_value() == "123"
    assert status.locator(f'a[href="#id_partners-{new}-org_number"]').count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=SHOTS / f"fund-autosave-js-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    demo_draft.refresh_from_db()
    assert demo_draft.summary == SUMMARY
    # correcting the field saves it and clears the mark
    page.fill(f"#id_partners-{new}-org_number", "")
    page.wait_for_function(
        "!document.getElementById('autosave-status').textContent.includes('unntatt')",
        timeout=20_000,
    )
    assert org.get_attribute("aria-invalid") is None
    page.reload()
    assert page.locator("#id_app-summary").input_value() == SUMMARY
    assert "Kantina AS" in [
        page.locator(f"#id_partners-{i}-name").input_value()
        for i in range(page.locator("#partners-rows fieldset").count())
    ]
