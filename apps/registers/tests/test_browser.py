"""The organisation registration with the register in a real browser, in bokmål, at 1280 and
320 px: the register out of reach (the form says so, keeps what was typed, and lets the
person go on), a bankrupt organisation refused, and the broker's flag in the review queue.
axe finds nothing on any of them; screenshots are kept for a person to look at."""

import pytest

from apps.accounts.tests.helpers import browser_log_in_verified

from .conftest import BANKRUPT, DOWN, NOT_FOUND

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    from apps.accounts.tests.factories import UserFactory
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    return {"person": UserFactory(email="kari@example.no")}


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", "correct horse battery staple")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def _fill(page, number: str, name: str = "Pøbelprosjektet") -> None:
    page.fill("#id_name", name)
    page.select_option("#id_type", "sosial_entreprenor")
    page.fill("#id_org_number", number)


@pytest.mark.parametrize("width", [1280, 320])
def test_register_the_organisation_with_the_register_down_then_bankrupt(
    site, brreg, page, axe_violations, tmp_path, width
):
    from apps.accounts.models import Organisation

    brreg.failing(DOWN)
    brreg.found(BANKRUPT, "KONKURS AS", konkurs=True)
    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page, "kari@example.no")
    page.goto("/organisasjoner/ny/")
    assert axe_violations(page) == []

    _fill(page, DOWN)
    page.fill("#id_description", "Arbeidstrening for unge.")
    page.locator("#main-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert "Vi fikk ikke kontakt med Enhetsregisteret" in page.locator("main").inner_text()
    assert page.input_value("#id_name") == "Pøbelprosjektet"
    assert page.input_value("#id_org_number") == DOWN
    assert page.input_value("#id_description") == "Arbeidstrening for unge."
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"register-down-{width}.png"), full_page=True)
    assert axe_violations(page) == []

    page.check("#id_register_go_on")
    page.locator("#main-form button[type=submit]").click()
    page.wait_for_url("**/organisasjoner/p*/")
    assert Organisation.objects.filter(org_number=DOWN).count() == 1

    page.goto("/organisasjoner/ny/")
    _fill(page, BANKRUPT, name="Konkurs AS")
    page.locator("#main-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert "Ifølge Enhetsregisteret er KONKURS AS" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"bankrupt-{width}.png"), full_page=True)
    assert axe_violations(page) == []
    assert not Organisation.objects.filter(org_number=BANKRUPT).exists()
    print("screenshots in", tmp_path)


def test_the_broker_sees_the_flag_at_320_px(site, page, axe_violations, tmp_path):
    from apps.accounts.tests.factories import MembershipFactory
    from apps.broker.tests.factories import (
        EntrepreneurOrgFactory,
        OfferFactory,
        ProfileFactory,
        municipality_org,
    )
    from apps.registers.client import Lookup
    from apps.registers.services import record

    baerum = municipality_org("3201")
    broker = MembershipFactory(organisation=baerum, role="broker").user
    org = EntrepreneurOrgFactory(name="Ukjent Arbeidstrening", org_number=NOT_FOUND)
    offer = OfferFactory(profile=ProfileFactory(organisation=org, review_status="pending"))
    offer.areas.set([baerum.municipality])
    record(Lookup(org_number=NOT_FOUND, status="not_found"))
    browser_log_in_verified(page, broker)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/entreprenorer/vurdering/")
    flag = page.locator(".register-flag")
    assert flag.inner_text() == "Ikke funnet i Enhetsregisteret"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=str(tmp_path / "review-queue-flag-320.png"), full_page=True)
    assert axe_violations(page) == []
    print("screenshots in", tmp_path)
