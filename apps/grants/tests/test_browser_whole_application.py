"""Issue 12, item 1, in Debian's Chromium as the demo reviewer (fagvurderer1, second factor
verified), in Norwegian: the scoring page shows the whole application beside the form, the
budget stays in view while scoring at 1280 px, everything stacks at 320 px without sideways
scrolling, and axe finds nothing at either width. Screenshots are kept in /tmp for a person."""

import re
import tempfile
from pathlib import Path

import pytest

from apps.accounts.tests.helpers import browser_log_in_verified

pytestmark = pytest.mark.browser

REVIEWER = "fagvurderer1@demo.kokeboka.no"
SHOTS = Path(tempfile.gettempdir())


@pytest.fixture
def demo(demo_site):
    """The demo as load_demo builds it (tests/databases.py)."""
    return demo_site


def _assignment(tmp_path):
    """The demo decides every application it assesses, so a copy of a demo application with
    its budget, milestones and partners is put in review and given to fagvurderer1, as the
    fund manager would on a normal morning."""
    from apps.accounts.models import User
    from apps.fund.models import Application, ApplicationStatus
    from apps.grants.models import ReviewerAssignment

    source = (
        Application.objects.filter(
            reviewer_assignments__reviewer__email=REVIEWER, budget_lines__isnull=False
        )
        .distinct()
        .first()
    )
    assert source is not None, "the demo gives fagvurderer1 an application with a budget"
    lines = list(source.budget_lines.all())
    milestones = list(source.milestones.all())
    partners = list(source.partners.all())
    answers = list(source.eligibility_answers.all())
    copy = source
    copy.pk = None
    copy._state.adding = True
    copy.status = ApplicationStatus.IN_REVIEW
    copy.save()
    for row in (*lines, *milestones, *partners, *answers):
        row.pk = None
        row._state.adding = True
        row.application = copy
        row.save()
    return ReviewerAssignment.objects.select_related("application", "reviewer").get(
        pk=ReviewerAssignment.objects.create(
            application=copy, reviewer=User.objects.get(email=REVIEWER)
        ).pk
    )


def test_demo_reviewer_scores_with_the_budget_in_view(demo, page, axe_violations, tmp_path):
    from apps.accounts.demo import demo_password

    assignment = _assignment(tmp_path)
    browser_log_in_verified(page, assignment.reviewer, password=demo_password())
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/fond/vurdering/{assignment.pk}/")
    assert page.locator("html").get_attribute("lang") == "nb"
    main = page.locator("main").inner_text()
    assert "Budsjett" in main
    assert "Egenfinansiering" in main  # the co-funding line and total
    assert re.search(r"Andel egenfinansier\w+\s+\d", main)  # the share co-funded
    assert "Milepæler" in main
    assert assignment.application.reference in main
    assert axe_violations(page) == []
    # Two columns: the application to the left of the scoring form.
    read = page.locator(".grants-judge-read").bounding_box()
    form = page.locator("#score-form").bounding_box()
    assert read["x"] + read["width"] <= form["x"]
    # At the form's buttons, the application column (scrolling on its own) shows the budget:
    # both are on screen together.
    save = page.locator("#score-form button[value=save]")
    save.scroll_into_view_if_needed()
    page.locator("table.grants-budget").scroll_into_view_if_needed()

    def on_screen(box) -> bool:
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900

    assert on_screen(save.bounding_box())
    assert on_screen(page.locator("table.grants-budget").bounding_box())
    page.screenshot(path=str(SHOTS / "grants-review-1280.png"), full_page=False)

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/fond/vurdering/{assignment.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    read = page.locator(".grants-judge-read").bounding_box()
    form = page.locator("#score-form").bounding_box()
    assert form["y"] >= read["y"] + read["height"]  # stacked: the form below the application
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "grants-review-320.png"), full_page=True)
