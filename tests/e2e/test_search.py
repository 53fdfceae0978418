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


@pytest.fixture
def public_and_private(transactional_db):
    """Kompass & Co with its offers, a public need and the demo's draft need, a call and a
    meeting: the kinds site search finds beside pages (factories, not the whole demo)."""
    from wagtail.models import Locale

    from apps.broker.models import NeedStatus
    from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory
    from apps.core.models import TargetGroup
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.events.tests.factories import EventFactory
    from apps.fund.tests.factories import CallFactory
    from apps.home.testing import ensure_home_page

    Locale.objects.get_or_create(language_code="nb")
    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    young_adults = TargetGroup.objects.get(code="unge_voksne")
    profile = ProfileFactory(
        organisation__name="Kompass & Co",
        organisation__slug="kompass-co",
        summary="Arbeidstrening for unge med mat, hagearbeid, gatekjøkken og overskuddsmat.",
    )
    for title in ("Arbeidstrening med mat og overskuddsmat", "Arbeidstrening i hage"):
        offer = OfferFactory(profile=profile, title=title, description="Unge trener på arbeid.")
        offer.target_groups.set([young_adults])
    NeedFactory(
        title="Unge voksne står uten jobb etter sosialhjelp",
        description="Unge voksne som har gått på sosialhjelp lenge, trenger arbeidstrening.",
        target_groups=[young_adults],
    )
    NeedFactory(
        title="Utkast: unge voksne på sosialhjelp uten arbeidserfaring",
        description="Unge voksne uten jobb trenger arbeidstrening.",
        status=NeedStatus.DRAFT,
        target_groups=[young_adults],
    )
    CallFactory(title="Midler til arbeidstrening", text="Søk om midler til arbeidstrening.")
    EventFactory(title="Dialogmøte om arbeidstrening", summary="Om arbeidstrening for unge.")


@pytest.mark.parametrize("width", [1280, 320])
def test_typo_suggestion_type_filter_and_never_a_draft(
    public_and_private, page, main_violations, width, tmp_path
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/sok/")
    page.locator("#search-q").fill("arbeidstrenning")
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**/sok/?q=arbeidstrenning")
    assert "0 treff for «arbeidstrenning»" in page.locator(".search-count").inner_text()
    assert main_violations(page) == []

    page.get_by_role("link", name="arbeidstrening").click()
    page.wait_for_url("**/sok/?q=arbeidstrening")
    titles = page.locator(".search-result__title").all_inner_texts()
    assert "Unge voksne står uten jobb etter sosialhjelp" in titles
    assert "Kompass & Co" in titles
    assert "Midler til arbeidstrening" in titles
    assert "Dialogmøte om arbeidstrening" in titles
    assert not any(title.startswith("Utkast") for title in titles)
    assert page.get_by_text("Entreprenører og tilbud (3)").count() == 1
    assert main_violations(page) == []

    # The type filter, without JavaScript needed: a radio and a submit button.
    page.get_by_label("Entreprenører og tilbud (3)").check()
    page.get_by_role("button", name="Vis treff").click()
    page.wait_for_url("**/sok/?q=arbeidstrening&type=entreprenorer")
    assert sorted(page.locator(".search-result__title").all_inner_texts()) == [
        "Arbeidstrening i hage",
        "Arbeidstrening med mat og overskuddsmat",
        "Kompass & Co",
    ]
    assert page.locator("input[name='type'][value='entreprenorer']").is_checked()
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page scrolls sideways at {width} px ({overflow} px)"
    assert main_violations(page) == []
    # Kept for a person to look at (pytest --basetemp=DIR keeps it in DIR).
    page.screenshot(path=tmp_path / f"search-{width}.png", full_page=True)


def test_unge_voksne_uten_jobb_and_kompass_find_public_rows(public_and_private, page):
    page.goto("/sok/?q=Unge+voksne+uten+jobb")
    titles = page.locator(".search-result__title").all_inner_texts()
    assert titles == ["Unge voksne står uten jobb etter sosialhjelp"]
    page.goto("/sok/?q=Kompass")
    titles = page.locator(".search-result__title").all_inner_texts()
    assert sorted(titles) == [
        "Arbeidstrening i hage",
        "Arbeidstrening med mat og overskuddsmat",
        "Kompass & Co",
    ]
