"""Eksempelbanken in Debian's Chromium, built from the demo examples: the list, a filtered
list, the county overview and an example's page have no axe-core violations (WCAG 2.0/2.1
A and AA) and fit 320 px; the filter form works as a plain GET form."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def examples(transactional_db):
    from wagtail.models import Locale

    from apps.cases import demo
    from apps.cases.models import CasePage
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    # Transactional tests flush the locale that Wagtail's migrations created.
    Locale.objects.get_or_create(language_code="nb")
    demo.load(home=ensure_home_page())
    return CasePage.objects.live().get(slug="baerum-fond-for-sosiale-entreprenorer")


def test_examples_pages_have_no_axe_violations_and_fit_320px(examples, page, axe_violations):
    urls = {
        "list": "/eksempler/",
        "filtered list": "/eksempler/?county=32&form=innovasjonsfond",
        "list with an invalid filter": "/eksempler/?sector=finnes-ikke",
        "county overview": "/eksempler/fylker/",
        "example": examples.url,
    }
    violations: list[str] = []
    too_wide: list[str] = []
    for name, url in urls.items():
        response = page.goto(url)
        assert response.status == 200, f"{name} {url} gave {response.status}"
        violations += [f"[{name}] {v}" for v in axe_violations(page)]
        page.set_viewport_size({"width": 320, "height": 800})
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{name} {url}: {width}px")
        page.set_viewport_size({"width": 1280, "height": 800})
    assert violations == [], "\n".join(violations)
    assert too_wide == [], "\n".join(too_wide)


def test_filter_form_submits_as_get_and_the_overview_links_to_filtered_lists(examples, page):
    page.goto("/eksempler/")
    page.select_option("#id_county", "32")
    page.get_by_role("button", name="Vis eksempler").or_(
        page.get_by_role("button", name="Show examples")
    ).click()
    page.wait_for_url("**/eksempler/?*county=32*")
    akershus_cards = page.locator("main .case-card").count()
    assert akershus_cards >= 1
    assert "Bærum" in page.locator("main .case-list").inner_text()

    page.goto("/eksempler/fylker/")
    chart = page.locator("svg[role='img']")
    assert chart.get_attribute("aria-labelledby") == "county-chart-title county-chart-desc"
    page.locator("main table a[href='/eksempler/?county=32']").click()
    page.wait_for_url("**/eksempler/?county=32")
    assert page.locator("main .case-card").count() == akershus_cards
