"""The route guide in a real browser, with the keyboard only: Tab, Space, arrow keys, typing
and Enter, never a click. Every step, an error state and the answer have no axe violations."""

import re

import pytest

from tests.e2e.conftest import WCAG_TAGS

pytestmark = pytest.mark.browser


@pytest.fixture
def rules(transactional_db):
    from apps.core.services import vocabulary_ensure
    from apps.routeguide.tests.ruledata import seed_rule_rows

    vocabulary_ensure()
    seed_rule_rows()


@pytest.fixture
def violations(axe):
    """axe (WCAG 2.0/2.1 A and AA) on the whole page except the header's search form, whose
    button has a contrast fault in the shared base template (1.07:1, reported to its owner).
    Everything of the route guide, and the rest of the header and footer, is checked."""

    def run(page) -> list[str]:
        results = axe.run(
            page,
            context={"exclude": [[".site-search"]]},
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
        )
        return [
            f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in results.response.get("violations", [])
        ]

    return run


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Presses Tab until the focused element matches the selector."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_route_guide_can_be_completed_with_the_keyboard(rules, page, violations):
    page.goto("/veiviser/")
    assert violations(page) == []

    # Going on without an answer shows the error, which must be accessible too.
    tab_to(page, "button[type=submit]:not(.site-search button)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veiviser/steg-2/"))
    assert page.locator(".ds-error-summary").is_visible()
    assert violations(page) == []

    # Step 1: the first purpose, "buy", chosen with Space.
    tab_to(page, "input[name=purpose][value=buy]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]:not(.site-search button)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veiviser/steg-2/\?purpose=buy"))
    assert page.get_by_role("heading", level=2).first.is_visible()
    assert violations(page) == []

    # Step 2: the value typed with spaces between thousands; the first kind of purchase.
    tab_to(page, "input[name=value]")
    page.keyboard.type("1 800 000")
    tab_to(page, "input[name=service]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]:not(.site-search button)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veiviser/steg-3/"))
    assert violations(page) == []

    # Step 3: the provider chosen with the arrow keys, then authority and market.
    tab_to(page, "input[name=provider]")
    for _press in range(3):
        page.keyboard.press("ArrowDown")
    assert page.locator("input[name=provider][value=wise]").is_checked()
    tab_to(page, "input[name=authority]")
    page.keyboard.press("Space")
    tab_to(page, "input[name=on_market]")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name=on_market][value=no]").is_checked()
    tab_to(page, "button[type=submit]:not(.site-search button)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veiviser/svar/\?purpose=buy&value=1800000&"))

    assert "provider=wise" in page.url and "on_market=no" in page.url
    assert page.locator("[data-regime=DEL_II]").is_visible()
    assert page.locator("[data-code=RESERVED_WISE]").is_visible()
    assert page.locator("[data-code=INNOVATION_PARTNERSHIP]").is_visible()
    main = page.locator("main").inner_text()
    assert "1\u00a0800\u00a0000" in main and "1\u00a0300\u00a0000" in main
    assert page.locator(".routeguide-cites a", has_text="FOA § 8-8").first.is_visible()
    assert violations(page) == []

    # Feedback, still with the keyboard only: yes/no on the (cacheable) answer page, then the
    # comment and the sending on the feedback page.
    tab_to(page, "input[name=helpful][value=yes]")
    page.keyboard.press("Space")
    tab_to(page, ".routeguide-feedback button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veiviser/tilbakemelding/\?"))
    assert page.locator("input[name=helpful][value=yes]").is_checked()
    assert violations(page) == []
    tab_to(page, "textarea[name=comment]")
    page.keyboard.type("Nyttig")
    tab_to(page, ".routeguide-feedback button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veiviser/svar/.*#feedback$"))
    assert page.locator(".messages [role=status]").is_visible()
    assert violations(page) == []


@pytest.mark.parametrize("width", [1280, 320])
def test_answer_with_step_plan_fits_and_has_no_axe_violations(
    rules, page, violations, width, tmp_path
):
    """NOK 800,000 a year for 3 years from a social entrepreneur, as health and social
    services: the step plan, the part I/II/III line and the comparison links, with no axe
    violations and no sideways scrolling at 320 px."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(
        "/veiviser/svar/?purpose=buy&annual_value=800000&years=3&service=health_social"
        "&provider=social_enterprise&authority=municipality&on_market=yes"
    )
    assert page.locator("[data-step=need]").is_visible()
    assert page.locator(".routeguide-parts").is_visible()
    assert page.locator(".routeguide-compare a").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=tmp_path / f"answer-{width}.png", full_page=True)
    assert violations(page) == []
