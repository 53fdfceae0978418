"""Grants pages in Debian's Chromium: axe (WCAG 2.1 A/AA) finds nothing on the manager's
assessment page, the reviewer's scoring form with its errors shown, the public list of
grants, the statistics and the project page."""

import pytest

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
    _log_in(page, world.people["manager"])
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
    _log_in(page, world.people["reviewer"])
    page.goto(f"/fond/vurdering/{world.assignment.pk}/")
    assert axe_violations(page) == []
    page.locator("#score-form button[value=complete]").click()
    page.locator(".ds-error-summary").wait_for()
    second = world.criteria[1]
    assert page.locator(f"#id_score-score_{second.pk}_0").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    page.goto("/fond/vurdering/")
    assert axe_violations(page) == []


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
