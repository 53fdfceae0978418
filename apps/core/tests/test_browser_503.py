"""The 503 page in Debian's Chromium: axe (WCAG 2.1 A/AA) finds nothing at 1280 and 320 px,
in bokmål, nynorsk and English."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.urls("apps.core.tests.urls_outage")]


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_503_page_has_no_axe_violations(
    page, axe_violations, transactional_db, tmp_path, width, language
):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(f"/sprak/{language}/?next=/utilgjengelig/")
    assert response.status == 503
    heading = page.locator("h1").inner_text()
    expected = {
        "nb": "Kokeboka er midlertidig utilgjengelig",
        "nn": "Kokeboka er mellombels utilgjengeleg",
        "en": "Kokeboka is temporarily unavailable",
    }[language]
    assert heading == expected
    if width == 320:
        page.screenshot(path=tmp_path / f"503-{language}-320.png", full_page=True)
    assert axe_violations(page) == []
