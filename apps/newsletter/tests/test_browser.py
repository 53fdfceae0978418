"""The sign-up page and an issue's HTML in a real browser, in Norwegian: axe finds nothing
at 1280 and 320 px, nothing scrolls sideways on a phone, and a visitor without an account
signs up, confirms and unsubscribes."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.browser

SCREENSHOT = "var/screenshots/newsletter-signup-320.png"
HOME_SCREENSHOT = "var/screenshots/newsletter-home-box-320.png"


@pytest.fixture
def site(transactional_db):
    from wagtail.models import Locale

    from apps.home.testing import ensure_home_page

    Locale.objects.get_or_create(language_code="nb")
    return ensure_home_page()


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 320])
def test_sign_up_confirm_and_unsubscribe_in_norwegian(site, page, axe_violations, width):
    from apps.newsletter.models import Subscriber

    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    assert axe_violations(page) == []
    assert _fits(page)
    if width == 320:
        page.locator(".newsletter-box").screenshot(path=HOME_SCREENSHOT)
    page.fill("#newsletter-email-home", "kari@example.no")
    page.get_by_role("button", name="Gå videre til påmelding").click()
    page.wait_for_url("**/nyhetsbrev/?email=*")
    assert page.locator("h1").inner_text() == "Få Kokebokas nyhetsbrev"
    assert page.input_value("#id_email") == "kari@example.no"
    assert axe_violations(page) == []
    assert _fits(page)
    if width == 320:
        page.screenshot(path=SCREENSHOT, full_page=True)

    # A bad address: a Norwegian message, and the choices stay.
    page.fill("#id_email", "kari@")
    page.get_by_label("Folkehelse").check()
    page.get_by_role("button", name="Meld meg på").click()
    page.locator(".ds-error-summary").wait_for()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Folkehelse").is_checked()
    assert axe_violations(page) == []

    page.fill("#id_email", "kari@example.no")
    page.get_by_role("button", name="Meld meg på").click()
    page.wait_for_url("**/nyhetsbrev/sjekk-e-posten/")
    assert page.locator("h1").inner_text() == "Sjekk e-posten din"
    assert axe_violations(page) == []
    assert Subscriber.objects.get().topics == ["folkehelse"]

    (message,) = mail.outbox
    link = re.search(r"http://testserver(/nyhetsbrev/bekreft/\S+/)", message.body).group(1)
    page.goto(link)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Bekreft abonnement").click()
    page.locator("h1", has_text="Du abonnerer").wait_for()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    assert axe_violations(page) == []
    assert _fits(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_an_issue_html_is_accessible_and_fits_a_phone(site, page, axe_violations, width):
    from apps.newsletter.mail import issue_message
    from apps.newsletter.models import Subscriber

    from .factories import IssueFactory

    issue = IssueFactory()
    message = issue_message(issue=issue, subscriber=Subscriber(email="x@example.no"))
    html = message.alternatives[0][0]
    page.set_viewport_size({"width": width, "height": 900})
    page.set_content(html)
    assert page.evaluate("document.documentElement.lang") == "nb"
    assert axe_violations(page) == []
    assert _fits(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_editor_issue_screen_and_preview_are_accessible(site, page, axe_violations, width):
    from apps.accounts.tests.factories import EditorFactory
    from apps.accounts.tests.helpers import browser_log_in_verified

    from .factories import IssueFactory

    editor = EditorFactory()
    issue = IssueFactory()
    page.set_viewport_size({"width": width, "height": 900})
    browser_log_in_verified(page, editor)
    page.goto(f"/admin/nyhetsbrev/{issue.pk}/")
    page.get_by_role("button", name="Send en test til meg").wait_for()
    assert axe_violations(page) == []
    page.goto(f"/admin/nyhetsbrev/{issue.pk}/forhandsvisning/")
    assert page.locator("h1").inner_text() == "Nytt fra Kokeboka: æøå i desember"
    assert page.evaluate("document.documentElement.lang") == "nb"
    assert axe_violations(page) == []
    assert _fits(page)
