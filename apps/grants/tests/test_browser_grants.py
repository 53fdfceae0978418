"""Grants pages in Debian's Chromium: axe (WCAG 2.1 A/AA) finds nothing on the manager's
assessment page, the reviewer's scoring form with its errors shown, the public list of
grants, the statistics and the project page."""

import pytest

from apps.accounts.tests.helpers import browser_log_in_verified, confirmed_device, totp_now

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()


@pytest.fixture
def browser_world(site, world):
    return world


def _log_in(page, user) -> None:
    page.context.clear_cookies()
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def test_manager_assessment_page(browser_world, page, axe_violations):
    world = browser_world
    browser_log_in_verified(page, world.people["manager"])
    page.goto(f"/fond/forvaltning/soknader/{world.application.pk}/")
    assert page.locator("h1").inner_text() == world.application.title
    assert page.locator("table.grants-scores").count() == 1
    assert axe_violations(page) == []
    page.locator("#decision-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert axe_violations(page) == []
    page.goto("/fond/forvaltning/")
    assert axe_violations(page) == []


def test_reviewer_scoring_form_with_errors(browser_world, page, axe_violations):
    world = browser_world
    browser_log_in_verified(page, world.people["reviewer"])
    page.goto(f"/fond/vurdering/{world.assignment.pk}/")
    assert axe_violations(page) == []
    page.locator("#score-form button[value=complete]").click()
    page.locator(".ds-error-summary").wait_for()
    second = world.criteria[1]
    assert page.locator(f"#id_score-score_{second.pk}_0").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    page.goto("/fond/vurdering/")
    assert axe_violations(page) == []


def test_manager_with_password_only_gives_the_code_and_comes_back(
    browser_world, page, axe_violations
):
    """Issue 19, finding 3: the password alone does not open fund management; the code page
    says why (in bokmål), passes axe at 1280 and 320 px, and leads back after the code."""
    world = browser_world
    device = confirmed_device(world.people["manager"])
    _log_in(page, world.people["manager"])
    page.goto("/fond/forvaltning/")
    page.wait_for_url("**/konto/tofaktor/?next=/fond/forvaltning/")
    assert "andres opplysninger, penger eller vedtak" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    page.fill("#id_token", totp_now(device))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/fond/forvaltning/")
    assert page.locator("h1").count() == 1


def test_public_pages_and_project_page(browser_world, page, axe_violations):
    world = browser_world
    page.goto("/fond/tildelinger/")
    assert page.get_by_text(world.granted.title).count() == 1
    assert axe_violations(page) == []
    page.goto("/fond/statistikk/")
    assert axe_violations(page) == []
    _log_in(page, world.people["applicant"])
    page.goto(f"/fond/prosjekter/{world.granted.pk}/")
    assert page.locator("h1").inner_text() == world.granted.title
    assert axe_violations(page) == []
    page.goto(f"/fond/prosjekter/{world.granted.pk}/rapporter/{world.report.pk}/")
    page.locator("#report-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert axe_violations(page) == []


def test_scrolling_tables_take_keyboard_focus_at_320_px(browser_world, page, axe_violations):
    """On a phone the fund-management tables scroll sideways inside their box; the box takes
    focus from the keyboard (so the arrow keys scroll it) and axe finds nothing at 320 px."""
    world = browser_world
    browser_log_in_verified(page, world.people["manager"])
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/fond/forvaltning/")
    boxes = page.locator("div.table-wrap")
    assert boxes.count() == 2
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.focus()
        assert box.evaluate("element => element === document.activeElement")
    wide = boxes.first.evaluate("element => element.scrollWidth > element.clientWidth")
    assert wide  # the applications table is wider than the phone: the box really scrolls
    assert axe_violations(page) == []


def test_fund_filters_with_an_unusable_value_at_1280_and_320_px(
    browser_world, page, axe_violations, tmp_path
):
    """Issue 17, item 3: the grants lists' fund and status filters are the shared filter form;
    with a value it cannot use, the error summary links to the control, and axe finds nothing
    at either width."""
    from .factories import ApplicationFactory, DecisionFactory

    world = browser_world
    other = ApplicationFactory(call__fund=world.other_fund, status="granted")
    DecisionFactory(application=other, amount=50_000)
    for url in ("/fond/tildelinger/?fond=tull", "/fond/statistikk/?fond=tull"):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(url)
        assert page.locator("#id_fond").get_attribute("aria-invalid") == "true"
        assert page.locator(".ds-error-summary a[href='#id_fond']").count() == 1
        assert axe_violations(page) == []
        page.set_viewport_size({"width": 320, "height": 800})
        assert axe_violations(page) == []
    page.screenshot(path=tmp_path / "statistics-filter-320.png", full_page=True)
    browser_log_in_verified(page, world.people["manager"])
    page.goto("/fond/forvaltning/?status=tull")
    assert page.locator("#id_status").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    assert axe_violations(page) == []
