"""WCAG 3.1.2 in a real browser: in English, an example page and a meeting page say their
bokmål content is bokmål (lang="nb" on the content container), their interface headings
stay English, and axe finds nothing, at 1280 and 320 px (docs/decisions/0019)."""

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def content(transactional_db):
    from wagtail.models import Locale

    from apps.cases import demo as cases_demo
    from apps.cases.models import CasePage
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.events import demo as events_demo
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    Locale.objects.get_or_create(language_code="nb")
    cases_demo.load(home=ensure_home_page())
    events_demo.load()
    example = CasePage.objects.live().get(slug="baerum-fond-for-sosiale-entreprenorer")
    return {
        "example": example.url,
        "meeting": f"/dialogmoter/{events_demo.UPCOMING_SLUG}/",
        "past meeting": f"/dialogmoter/{events_demo.PAST_SLUG}/",
    }


@pytest.mark.parametrize("width", [1280, 320])
def test_bokmal_content_is_marked_in_english_and_axe_finds_nothing(
    content, page, live_server, axe_violations, width
):
    page.context.add_cookies([{"name": "kokeboka_language", "value": "en", "url": live_server.url}])
    page.set_viewport_size({"width": width, "height": 900})
    violations: list[str] = []
    for name, url in content.items():
        response = page.goto(url)
        assert response.status == 200, f"{name} {url}"
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("main .page-content").get_attribute("lang") == "nb", name
        # An interface heading inside the bokmål content keeps its own language.
        first_h2 = page.locator("main .page-content h2").first
        assert first_h2.get_attribute("lang") == "en", name
        violations += [f"[{name} {width}px] {v}" for v in axe_violations(page)]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        if os.environ.get("KOKEBOKA_SCREENSHOT_DIR"):
            shot = Path(os.environ["KOKEBOKA_SCREENSHOT_DIR"]) / f"{name}-en-{width}.png"
            page.screenshot(path=str(shot.with_name(shot.name.replace(" ", "-"))))
    assert violations == [], "\n".join(violations)
