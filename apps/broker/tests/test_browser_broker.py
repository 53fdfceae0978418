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
