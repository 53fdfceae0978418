"""Dialogue meetings in a real browser: axe (WCAG 2.0/2.1 A and AA) on the list, a meeting
before and after it was held, a registration form with errors and the receipt; and a
registration made with the keyboard only (Tab, typing, Space and Enter, never a click)."""

import re

import pytest

from apps.events.models import Registration

pytestmark = pytest.mark.browser


@pytest.fixture
def meetings(transactional_db):
    from apps.core.services import vocabulary_ensure
    from apps.events import demo

    vocabulary_ensure()
    demo.load()
    return demo


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Presses Tab until the focused element matches the selector."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_list_and_meeting_pages_have_no_axe_violations(meetings, page, axe_violations):
    found: list[str] = []
    for path in (
        "/dialogmoter/",
        f"/dialogmoter/{meetings.UPCOMING_SLUG}/",
        f"/dialogmoter/{meetings.PAST_SLUG}/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        found += axe_violations(page)
    assert found == []


def test_form_errors_and_receipt_have_no_axe_violations(meetings, page, axe_violations):
    page.goto(f"/dialogmoter/{meetings.UPCOMING_SLUG}/")
    page.locator("#reg-form button[type=submit]").click()
    page.wait_for_load_state()

    assert page.locator("#registration-errors").is_visible()
    assert page.locator("#id_reg-name_error").is_visible()
    assert axe_violations(page) == []

    page.fill("#id_reg-name", "Kari Nordmann")
    page.fill("#id_reg-email", "kari.e2e@example.no")
    page.check("#id_reg-role_0")
    page.locator("#reg-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/pamelding/sendt/"))

    assert page.get_by_role("heading", level=1).is_visible()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert axe_violations(page) == []

    # The receipt, reached through the link in the confirmation mail.
    registration = Registration.objects.get(email="kari.e2e@example.no")
    page.goto(registration.get_receipt_url())
    assert page.get_by_role("heading", level=1).is_visible()
    assert axe_violations(page) == []


def test_registration_can_be_made_with_the_keyboard_only(meetings, page):
    page.goto(f"/dialogmoter/{meetings.UPCOMING_SLUG}/")

    tab_to(page, "#id_reg-name")
    page.keyboard.type("Ola Tastatur")
    tab_to(page, "#id_reg-email")
    page.keyboard.type("ola.tastatur@example.no")
    tab_to(page, "#id_reg-organisation")
    page.keyboard.type("Eksempel kommune")
    tab_to(page, "input[name=reg-role]")
    page.keyboard.press("ArrowDown")  # from the first role to the second: entrepreneur
    page.keyboard.press("Space")
    tab_to(page, "#reg-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/pamelding/sendt/"))

    registration = Registration.objects.get(email="ola.tastatur@example.no")
    assert registration.is_confirmed
    assert registration.role == "entreprenor"
    assert registration.organisation == "Eksempel kommune"
    page.goto(registration.get_receipt_url())
    assert page.locator(f"a[href='{registration.get_cancel_url()}']").is_visible()
