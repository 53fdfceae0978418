"""The rules page in Debian's Chromium at phone and desktop width: axe (WCAG 2.1 A/AA) finds
nothing in our content, nothing scrolls sideways, and the plain GET date form (the shared
filter form) shows another day and brings the reader back to the thresholds."""

import pytest

from apps.home.testing import ensure_home_page
from apps.rules import demo
from tests.browser import WCAG_TAGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [320, 1280])
def test_rules_page_with_a_bad_date_then_a_chosen_date(transactional_db, page, axe, width):  # noqa: F811
    ensure_home_page()
    demo.load()
    page.set_viewport_size({"width": width, "height": 800})
    assert page.goto("/regelverk/?dato=2018-02-30").status == 200
    assert page.get_by_role("alert").is_visible()
    page.locator("details").evaluate_all("nodes => nodes.forEach(n => { n.open = true; })")
    results = axe.run(
        page,
        context={"include": [["main"], ["nav.ds-breadcrumbs"]]},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )

    page.fill("#threshold-dato", "2018-01-01")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**dato=2018-01-01#terskelverdier")
    national = page.locator("#terskel-national").inner_text()
    assert "1\u00a0100\u00a0000" in national or "1 100 000" in national
    assert page.get_by_role("alert").count() == 0
