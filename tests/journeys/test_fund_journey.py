"""Issue 12, "done when", for the fund, in Debian's Chromium and in Norwegian, as the demo's
people (made here with small factories, not the whole demo): the applicant `soker` starts an
application, types into every section with one invalid organisation number and a half-filled
budget line, reloads and finds every keystroke, corrects, attaches the project plan and
submits; the fund manager `fondsforvalter` (second factor) screens it and assigns the reviewer
`fagvurderer1` (second factor), who scores with the budget and the plan in view; the manager
decides, and the applicant sees the decision with its reference. Every page on the way is
checked by axe at 1280 and at 320 px, where nothing may scroll sideways. Screenshots are kept
in /tmp/kokeboka-screenshots for a person to look at. Every wait is bounded (10 s)."""

from pathlib import Path

import pytest

from apps.accounts.tests.helpers import PASSWORD, browser_log_in_verified

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/kokeboka-screenshots")  # noqa: S108 - for a person to look at
WAIT_MS = 10_000
DEMO = "@demo.kokeboka.no"


@pytest.fixture
def fund_world(transactional_db):
    from apps.accounts.models import MembershipRole
    from apps.accounts.tests.factories import UserFactory
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.fund.tests.factories import (
        CallFactory,
        CriterionFactory,
        FundFactory,
        RequiredAttachmentFactory,
        kommune,
        member_of,
    )
    from apps.home.testing import ensure_home_page

    SHOTS.mkdir(parents=True, exist_ok=True)
    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    baerum = kommune()
    call = CallFactory(
        fund=FundFactory(organisation=baerum, name="Bærums innovasjonsfond"),
        title="Samarbeid med sosiale entreprenører 2027",
    )
    criteria = [
        CriterionFactory(call=call, name="Nytte for innbyggerne", weight=3, order=1),
        CriterionFactory(call=call, name="Plan, milepæler og budsjett henger sammen", order=2),
    ]
    RequiredAttachmentFactory(call=call, name="Prosjektplan")
    people = {
        "soker": member_of(baerum, user=UserFactory(email=f"soker{DEMO}", first_name="Siri")),
        "fagvurderer1": member_of(
            baerum,
            MembershipRole.REVIEWER,
            user=UserFactory(email=f"fagvurderer1{DEMO}", first_name="Frida"),
        ),
        "fondsforvalter": member_of(
            baerum,
            MembershipRole.FUND_MANAGER,
            user=UserFactory(email=f"fondsforvalter{DEMO}", first_name="Fredrik"),
        ),
    }
    return {"call": call, "criteria": criteria, "people": people}


def _log_in(page, user) -> None:
    """The applicant holds no power over others: the password is enough."""
    page.context.clear_cookies()
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/", timeout=WAIT_MS)


def _check(page, axe_violations, name: str) -> None:
    """axe at 1280 px and at 320 px, nothing wider than the screen at 320, a screenshot at
    each width; back at 1280 after."""
    assert page.locator("html").get_attribute("lang") == "nb"
    assert axe_violations(page) == [], name
    page.screenshot(path=SHOTS / f"journey-{name}-1280.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{name}: {width} px wide at 320"
    assert axe_violations(page) == [], name
    page.screenshot(path=SHOTS / f"journey-{name}-320.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_fund_journey_from_draft_to_decision(fund_world, page, axe_violations):
    from apps.fund.models import Application
    from apps.fund.tests.factories import tiny_pdf
    from apps.grants.models import ReviewerAssignment

    page.context.set_default_timeout(WAIT_MS)
    page.set_viewport_size({"width": 1280, "height": 900})
    call, people = fund_world["call"], fund_world["people"]

    # 1. soker starts an application from the call.
    _log_in(page, people["soker"])
    page.goto(call.get_absolute_url() + "sok/")
    page.fill("#id_title", "Kantina som læringsarena")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/fond/soknader/*/", timeout=WAIT_MS)
    application = Application.objects.get(title="Kantina som læringsarena")
    edit = f"/fond/soknader/{application.pk}/"
    assert f"Referanse {application.reference}" in page.locator("main").inner_text()
    _check(page, axe_violations, "application-new")

    # 2. Types into every section; an organisation number "123" and a budget line without a
    # cost type are invalid. Autosave keeps the rest and says which fields are wrong.
    page.fill("#id_app-summary", "Unge voksne lærer å drive en kantine.")
    page.fill("#id_app-description", "Vi lager lunsj for rådhuset tre dager i uka.")
    page.fill("#id_app-need_text", "Unge voksne uten jobb trenger arbeidstrening.")
    page.fill("#id_partners-0-name", "Kantina AS")
    page.select_option("#id_partners-0-kind", "social_entrepreneur")
    page.fill("#id_partners-0-org_number", "123")
    page.select_option("#id_budget-0-cost_type", "personnel")
    page.fill("#id_budget-0-year", "2027")
    page.fill("#id_budget-0-amount", "200 000")
    page.select_option("#id_budget-0-source", "fund")
    page.fill("#id_budget-1-year", "2027")
    page.fill("#id_budget-1-amount", "60000")
    page.select_option("#id_budget-1-source", "cofunding")
    page.fill("#id_milestones-0-title", "Kantina åpner")
    page.fill("#id_milestones-0-due_date", "2027-09-01")
    status = page.locator("#autosave-status")
    status.locator('a[href="#id_budget-1-cost_type"]').wait_for(timeout=WAIT_MS)
    assert status.locator('a[href="#id_partners-0-org_number"]').count() == 1

    # 3. A reload: every keystroke is there, the invalid input marked with its message.
    page.reload()
    assert page.locator("#id_app-summary").input_value() == "Unge voksne lærer å drive en kantine."
    assert page.locator("#id_budget-0-amount").input_value() == "200000"
    assert page.locator("#id_milestones-0-title").input_value() == "Kantina åpner"
    assert page.locator("#id_partners-0-name").input_value() == "Kantina AS"
    org = page.locator("#id_partners-0-org_number")
    assert org.input_value() == "123" and org.get_attribute("aria-invalid") == "true"
    half = page.locator("#id_budget-1-amount")
    assert half.input_value() == "60000"
    assert page.locator("#id_budget-1-cost_type").get_attribute("aria-invalid") == "true"
    assert page.locator("#error-summary a[href='#id_partners-0-org_number']").count() == 1
    _check(page, axe_violations, "application-kept")

    # 4. Corrects both, attaches the project plan, checks and submits.
    page.fill("#id_partners-0-org_number", "987 654 321")
    page.select_option("#id_budget-1-cost_type", "services")
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("#application-form .fund-actions button[type=submit]").click()
    assert page.locator("#error-summary").count() == 0
    page.set_input_files(
        "#id_att-file",
        files=[{"name": "prosjektplan.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()}],
    )
    page.select_option("#id_att-required", label="Prosjektplan")
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("#att button[type=submit]").click()
    page.goto(edit + "send/")
    assert page.locator("#problems").count() == 0
    assert f"Referanse {application.reference}" in page.locator("main").inner_text()
    _check(page, axe_violations, "application-submit")
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("main form button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.draft_input == {}
    assert application.amount_requested == 200_000

    # 5. fondsforvalter screens it and assigns fagvurderer1.
    manager, reviewer = people["fondsforvalter"], people["fagvurderer1"]
    browser_log_in_verified(page, manager)
    assessment = f"/fond/forvaltning/soknader/{application.pk}/"
    page.goto(assessment)
    page.check("input[name='screen-result'][value='eligible']")
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("#screen-form button[type=submit]").click()
    page.select_option("#id_assign-reviewer", str(reviewer.pk))
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("#assign-form button[type=submit]").click()
    assignment = ReviewerAssignment.objects.get(application=application, reviewer=reviewer)

    # 6. fagvurderer1 scores with the budget and the project plan in view.
    browser_log_in_verified(page, reviewer)
    page.goto(f"/fond/vurdering/{assignment.pk}/")
    main = page.locator("main")
    assert application.reference in main.inner_text()
    budget = page.locator("table.grants-budget")
    assert "200 000" in budget.inner_text().replace("\u00a0", " ")
    plan = main.get_by_role("link", name="prosjektplan.pdf")
    assert plan.count() == 1
    assert "Kantina åpner" in main.inner_text()
    save = page.locator("#score-form button[value=complete]")
    save.scroll_into_view_if_needed()
    budget.scroll_into_view_if_needed()

    def on_screen(box) -> bool:
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900

    assert on_screen(save.bounding_box()) and on_screen(budget.bounding_box())
    _check(page, axe_violations, "review")
    for criterion, score in zip(fund_world["criteria"], ("5", "4"), strict=True):
        page.check(f"input[name='score-score_{criterion.pk}'][value='{score}']")
        page.fill(f"#id_score-comment_{criterion.pk}", "Godt begrunnet.")
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("#score-form button[value=complete]").click()
    assignment.refresh_from_db()
    assert assignment.completed_at is not None

    # 7. fondsforvalter decides.
    browser_log_in_verified(page, manager)
    page.goto(assessment)
    _check(page, axe_violations, "decision")
    page.check("input[name='decision-outcome'][value='granted']")
    page.fill("#id_decision-amount", "180000")
    page.fill("#id_decision-conditions", "Rapport etter første halvår.")
    if page.locator("#id_decision-confirm").count():
        page.check("#id_decision-confirm")
    with page.expect_navigation(timeout=WAIT_MS):
        page.locator("#decision-form button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "granted"
    assert application.decision.amount == 180_000

    # 8. soker sees the decision, with the amount granted and the reference.
    _log_in(page, people["soker"])
    page.goto("/fond/soknader/")
    row = page.locator("main tbody tr").filter(has_text="Kantina som læringsarena")
    text = row.inner_text().replace("\u00a0", " ")
    assert "Innvilget" in text and "180 000" in text
    assert application.reference in text
    _check(page, axe_violations, "my-applications")
