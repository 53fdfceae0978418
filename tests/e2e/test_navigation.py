"""The main menu on a phone: four groups behind one "Meny" disclosure (no JavaScript needed)
instead of eleven links wrapping into six lines; on a laptop every link in one row. The owner
page and footer are axe clean at both widths."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, locale="nb-NO", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.django_db(transaction=True)
def test_phone_menu_opens_without_javascript_and_shows_four_groups(no_js_page):
    page = no_js_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/om-kokeboka/")
    flat = page.locator(".site-nav__flat")
    assert not flat.is_visible()
    summary = page.locator(".site-nav__menu > summary")
    assert summary.is_visible()
    assert summary.inner_text().strip().startswith("Meny")
    assert not page.locator(".site-header a[href='/veiviser/']").first.is_visible()
    # The header, menu closed, is short: logo, menu button, account link and search.
    header_height = page.locator(".site-header").bounding_box()["height"]
    assert header_height < 260, header_height
    summary.click()
    groups = page.locator(".site-nav__group")
    assert groups.count() == 4
    for index in range(4):
        assert groups.nth(index).is_visible()
    assert page.locator(".site-nav__menu a[href='/veiviser/']").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.locator(".site-nav__menu a[href='/fond/']").click()
    assert page.url.endswith("/fond/")


@pytest.mark.django_db(transaction=True)
def test_menu_is_reachable_by_keyboard_on_a_phone(page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/om-kokeboka/")
    summary = page.locator(".site-nav__menu > summary")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.locator(".site-nav__menu").get_attribute("open") is not None
    assert summary.is_visible()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [320, 1280])
def test_about_page_and_menu_are_axe_clean(page, axe_violations, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/om-kokeboka/")
    if width == 1280:
        assert page.locator(".site-nav__flat").is_visible()
        assert not page.locator(".site-nav__menu").is_visible()
        assert page.locator(".site-nav__flat a").count() == 12
    else:
        page.locator(".site-nav__menu > summary").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Om Kokeboka"
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
