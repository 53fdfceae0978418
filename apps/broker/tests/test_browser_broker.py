"""The broker pages in Debian's Chromium: axe (WCAG 2.1 A/AA) finds nothing on the needs
list, a need, the need form with errors shown, the entrepreneurs list and a profile page."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from apps.accounts.models import MembershipRole
    from apps.core.models import Municipality, Sector, TargetGroup
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    from .factories import (
        MembershipFactory,
        NeedFactory,
        OfferFactory,
        ProfileFactory,
        UserFactory,
        municipality_org,
    )

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    baerum = municipality_org("3201")
    user = UserFactory(email="radgiver@example.no")
    MembershipFactory(user=user, organisation=baerum, role=MembershipRole.MEMBER)
    sectors = list(Sector.objects.order_by("position")[:2])
    groups = list(TargetGroup.objects.order_by("position")[:2])
    need = NeedFactory(
        organisation=baerum,
        title="Unge som faller ut av skolen",
        affected="Ungdom 16–21 år.",
        tried="Oppfølgingstjenesten ringer.",
        outcome="Flere fullfører.",
        sectors=sectors,
        target_groups=groups,
        no_clear_owner=True,
        budget_min=100000,
        budget_max=500000,
    )
    NeedFactory(organisation=baerum, title="Ensomme eldre")
    profile = ProfileFactory(evidence="Sju av ti i jobb.")
    profile.areas.set(Municipality.objects.filter(code__in=["3201", "0301"]))
    OfferFactory(profile=profile, title="Arbeidstrening i hagen", sectors=sectors)
    OfferFactory(profile=profile, title="Praksisplass")
    return {"need": need, "profile": profile}


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def test_broker_pages_are_accessible(site, page, axe_violations):
    page.goto("/behov/")
    assert page.locator(".broker-list > li").count() == 2
    assert axe_violations(page) == []

    page.goto("/behov/?sector=nope&cross_sector=on")
    assert page.locator(".broker-list > li").count() == 1
    assert axe_violations(page) == []

    _log_in(page, "radgiver@example.no")
    page.goto(f"/behov/{site['need'].pk}/")
    assert page.locator("h1").inner_text() == "Unge som faller ut av skolen"
    assert axe_violations(page) == []

    page.goto("/behov/ny/")
    page.locator("#main-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert page.locator("#id_title").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []

    page.fill("#id_title", "Oppfølging av elever")
    page.fill("#id_description", "Vi trenger en app for fravær.")
    page.locator("#main-form button[type=submit]").click()
    page.locator("#solution-warning").wait_for()
    assert page.locator("#id_description").input_value() == "Vi trenger en app for fravær."
    assert axe_violations(page) == []

    page.goto("/entreprenorer/")
    assert page.locator(".broker-list > li").count() == 1
    assert axe_violations(page) == []

    page.goto(site["profile"].get_absolute_url())
    assert page.locator(".broker-list > li").count() == 2
    assert axe_violations(page) == []


def test_edit_of_an_approved_profile_stays_public_and_the_broker_sees_the_diff(
    transactional_db, page, axe_violations, tmp_path
):
    """Issue 12, as the demo entrepreneur and the demo broker (second factor verified): one
    added sentence keeps the profile public; the queue shows the diff, in Norwegian, at 1280
    and 320 px, with nothing for axe to find."""
    from apps.accounts.models import MembershipRole
    from apps.accounts.tests.helpers import browser_log_in_verified
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    from .factories import (
        EntrepreneurOrgFactory,
        MembershipFactory,
        OfferFactory,
        ProfileFactory,
        UserFactory,
        municipality_org,
    )

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    baerum = municipality_org("3201")
    broker = UserFactory(email="megler@demo.kokeboka.no")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    org = EntrepreneurOrgFactory(name="Pøbelprosjektet", org_number="914567890")
    entrepreneur = UserFactory(email="entreprenor@demo.kokeboka.no")
    MembershipFactory(user=entrepreneur, organisation=org, role=MembershipRole.ADMIN)
    profile = ProfileFactory(organisation=org, summary="Vi gir unge en ny sjanse.")
    profile.areas.set(Municipality.objects.filter(code="3201"))
    OfferFactory(profile=profile, title="Arbeidstrening")
    added = "Vi har også sommerjobber for ungdom."

    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, "entreprenor@demo.kokeboka.no")
    page.goto(f"/entreprenorer/{org.slug}/profil/")
    page.fill("#id_summary", f"Vi gir unge en ny sjanse. {added}")
    page.locator("#main-form button[type=submit]").click()
    page.wait_for_url(f"**/entreprenorer/{org.slug}/")
    assert "Endringer som venter på vurdering" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.context.clear_cookies()
    response = page.goto(f"/entreprenorer/{org.slug}/")
    assert response.status == 200
    main = page.locator("main").inner_text()
    assert "Vi gir unge en ny sjanse." in main and added not in main

    browser_log_in_verified(page, broker)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/entreprenorer/vurdering/")
        assert page.locator("html").get_attribute("lang") == "nb"
        page.locator(".broker-queue-changes summary").click()
        assert page.locator(".broker-diff ins").first.inner_text().strip() == added
        assert axe_violations(page) == []
        # Kept for a person to look at (pytest's tmp_path).
        page.screenshot(path=str(tmp_path / f"review-queue-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(f"/entreprenorer/{org.slug}/")
    page.locator("#review_decision_0").check()
    page.locator("#review-heading ~ form button[type=submit]").click()
    page.wait_for_url("**/entreprenorer/vurdering/")
    page.context.clear_cookies()
    page.goto(f"/entreprenorer/{org.slug}/")
    assert added in page.locator("main").inner_text()
