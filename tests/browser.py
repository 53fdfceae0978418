"""Browser fixtures for every test (a pytest plugin loaded by the root conftest), so that one
Playwright instance and one Chromium serve the whole session: Playwright's sync API cannot
run twice at once. Debian's Chromium only, never a downloaded browser."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("KOKEBOKA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make install-test`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets axe-core be injected into pages served with our strict CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nb-NO")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_run(axe, page) -> list[dict]:
    """axe-core's violations (WCAG 2.0/2.1 A and AA) on the page as it is laid out now.
    axe is injected once per page load, not on every run as `Axe.run` does (0.57 MB of
    script sent and compiled each time), so a page checked at 1280 and at 320 px pays for it
    once; tests/e2e/test_pages_accessibility.py shows a run after a resize sees the narrow
    layout."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(options)", options).get("violations", [])


def axe_report(axe, page) -> list[str]:
    """A report string per violation of `axe_run`; an empty list means none."""
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in axe_run(axe, page)
    ]


@pytest.fixture
def axe_violations(axe):
    """Returns a function that runs axe (WCAG 2.1 A/AA) on the page and returns a report
    string per violation; an empty list means none."""
    return lambda page: axe_report(axe, page)
