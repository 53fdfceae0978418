"""Site search in Debian's Chromium: from the header field to a highlighted result and the
next results page, without JavaScript needed, with zero axe violations (WCAG 2.1 AA)."""

import pytest

from tests.e2e.conftest import WCAG_TAGS

pytestmark = pytest.mark.browser


@pytest.fixture
def main_violations(axe):
    """axe (WCAG 2.1 A/AA) on <main>, the part of the page the search app renders; the
    shared header and footer are checked page by page in test_pages_accessibility."""

    def run(page) -> list[str]:
        results = axe.run(
            page,
            context={"include": [["main"]]},
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
        )
        return [
            f"{page.url}: {violation['id']}: {violation['help']}"
            for violation in results.response.get("violations", [])
        ]

    return run


@pytest.fixture
def content(transactional_db):
    from wagtail.models import Locale

    from apps.core.models import StandardPage
    from apps.core.services import vocabulary_ensure
    from apps.home.testing import ensure_home_page
    from apps.search.tests.factories import LegalRuleFactory

    # Transactional tests flush what the migrations created.
    Locale.objects.get_or_create(language_code="nb")
    vocabulary_ensure()
    home = ensure_home_page()
    for number in range(12):
        home.add_child(
            instance=StandardPage(
                title=f"Erfaring {number + 1}",
                slug=f"erfaring-{number + 1}",
                intro="Slik gjennomførte kommunen anskaffelsen sammen med en sosial entreprenør.",
                live=True,
            )
        )
    LegalRuleFactory(
        code="foa-kap-30",
        citation="FOA kap. 30",
        title="Reserverte kontrakter",
        summary="En anskaffelse kan reserveres for virksomheter som integrerer utsatte grupper.",
        pending=True,
        valid_from=None,
    )


def test_header_search_leads_to_highlighted_paginated_results(content, page, main_violations):
    page.goto("/")
    page.get_by_role("searchbox").first.fill("anskaffelser")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=anskaffelser")

    assert "«anskaffelser»" in page.locator("h1").inner_text()
    assert "anskaffelser" in page.title()
    assert page.locator("#search-q").input_value() == "anskaffelser"
    assert page.locator(".search-result").count() == 10
    assert page.locator(".search-result mark").first.inner_text() in {"anskaffelsen", "anskaffelse"}
    assert main_violations(page) == []

    page.locator("a[rel='next']").click()
    page.wait_for_url("**/sok/?q=anskaffelser&side=2")
    assert page.locator(".search-result").count() == 3
    assert page.locator(".search-result .ds-tag[data-color='warning']").count() == 1
    assert main_violations(page) == []


def test_empty_and_fruitless_searches_have_no_main_violations(content, page, main_violations):
    for url in ("/sok/", "/sok/?q=xyzzyqq", "/sok/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"):
        page.goto(url)
        assert page.locator("h1").count() == 1
        assert main_violations(page) == [], url
