"""The header's language chooser: the three interface languages, each named in itself and
marked with its `lang`, usable at 320 px, and the page switches to nynorsk when chosen."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    from apps.home.testing import ensure_home_page

    return ensure_home_page()


@pytest.mark.parametrize("width", [320, 1280])
def test_choosing_nynorsk_in_the_header_turns_the_page_nynorsk(page, site, axe_violations, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    chooser = page.locator("header nav.language-switch")
    assert chooser.locator("[lang=nb]").inner_text() == "Norsk bokmål"
    assert chooser.locator("[lang=en]").inner_text() == "English"
    chooser.locator("a[lang=nn]").click()
    page.wait_for_url("**/")
    assert page.locator("html").get_attribute("lang") == "nn"
    assert chooser.locator('strong[aria-current="true"]').get_attribute("lang") == "nn"
    assert page.locator(".ds-skip-link").inner_text() == "Hopp til hovudinnhaldet"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = chooser.locator("a[lang=nb]").bounding_box()
    assert box is not None and box["height"] >= 24  # WCAG 2.5.8 target size
    assert axe_violations(page) == []
