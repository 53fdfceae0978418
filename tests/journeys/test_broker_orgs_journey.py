"""Issue 12, "done when", in Debian's Chromium as the demo broker (`megler`, with a second
factor) and the demo entrepreneur (`entreprenor`): an edited profile stays public until a
broker approves it; ending a collaboration asks first, and the broker then asks the
entrepreneur for consent to an example; registering an organisation whose number is already
here warns and offers to join it. Norwegian, axe clean at 1280 and 320 px, and nothing
scrolls sideways at 320 px. Built from small factories, not the whole demo."""

from __future__ import annotations

import pytest

from apps.accounts.tests.helpers import browser_log_in_verified

pytestmark = pytest.mark.browser

DEMO = "@demo.kokeboka.no"
WIDTHS = (1280, 320)
OLD = "Vi gir unge voksne arbeidstrening i kafé."
ADDED = "Nå også i Asker."


@pytest.fixture
def site(transactional_db):
    from django.core import mail

    from apps.accounts.models import MembershipRole
    from apps.broker.tests.factories import (
        EntrepreneurOrgFactory,
        MembershipFactory,
        OfferFactory,
        ProfileFactory,
        UserFactory,
        municipality_org,
    )
    from apps.collaborations.models import Collaboration, StageChange
    from apps.collaborations.stages import Stage
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    mail.outbox = []
    baerum = municipality_org("3201")
    broker = UserFactory(email=f"megler{DEMO}", first_name="Mona", last_name="Megler")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    org = EntrepreneurOrgFactory(
        name="Pøbelprosjektet", slug="pobelprosjektet", org_number="923609016"
    )
    entrepreneur = UserFactory(email=f"entreprenor{DEMO}")
    MembershipFactory(user=entrepreneur, organisation=org, role=MembershipRole.ADMIN)
    profile = ProfileFactory(organisation=org, summary=OLD)
    profile.areas.set(Municipality.objects.filter(code__in=["3201"]))
    OfferFactory(profile=profile, title="Arbeidstrening i kafé")
    collaboration = Collaboration.objects.create(
        municipality_org=baerum,
        entrepreneur_org=org,
        title="Kafé med arbeidstrening for unge voksne",
        summary="Unge voksne fikk arbeidstrening i kafeen.",
        stage=Stage.UTPROVING,
    )
    StageChange.objects.create(
        collaboration=collaboration, from_stage=Stage.UTFORSKING, to_stage=Stage.UTPROVING
    )
    newcomer = UserFactory(email="ny@example.no")
    return {
        "broker": broker,
        "entrepreneur": entrepreneur,
        "newcomer": newcomer,
        "org": org,
        "collaboration": collaboration,
    }


def _check(page, axe_violations, shots, name: str) -> list[str]:
    """axe at both widths, a screenshot of each, and the 320 px page fits the screen."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_load_state("load")
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        found += axe_violations(page)
        if width == 320:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > 320:
                found.append(f"{name}: {scroll} px wide at 320 px")
    return found


def _public_summary(browser, base_url: str) -> str:
    """The entrepreneur's public page as an anonymous visitor sees it."""
    context = browser.new_context(base_url=base_url, locale="nb-NO")
    context.set_default_timeout(15_000)
    try:
        anonymous = context.new_page()
        response = anonymous.goto("/entreprenorer/pobelprosjektet/")
        assert response.status == 200
        return anonymous.locator("main").inner_text()
    finally:
        context.close()


def test_an_edited_profile_stays_public_until_approved(
    site, page, browser, live_server, axe_violations, tmp_path
):
    violations = []
    browser_log_in_verified(page, site["entrepreneur"])
    page.goto("/entreprenorer/pobelprosjektet/profil/")
    assert page.locator("legend", has_text="Kommuner dere jobber i").count() == 1
    violations += _check(page, axe_violations, tmp_path, "profile-form")
    # The area chooser: a county opens with a click (touch) and takes a whole county.
    page.set_viewport_size({"width": 320, "height": 900})
    page.locator("summary", has_text="Buskerud").click()
    page.locator("label", has_text="Hele Buskerud").click()
    page.locator("#id_summary").fill(f"{OLD} {ADDED}")
    page.locator("#main-form button[type=submit]").click()
    page.wait_for_url("**/entreprenorer/pobelprosjektet/")
    # The approved version stays public while the broker has not looked at the edit.
    public = _public_summary(browser, live_server.url)
    assert OLD in public and ADDED not in public

    browser_log_in_verified(page, site["broker"])
    page.goto("/entreprenorer/vurdering/")
    assert page.locator("summary", has_text="vis hva som er endret").count() == 1
    violations += _check(page, axe_violations, tmp_path, "review-queue")
    page.locator("form[action$='/pobelprosjektet/vurder/'] button[type=submit]").click()
    page.wait_for_url("**/entreprenorer/vurdering/")
    assert ADDED in _public_summary(browser, live_server.url)
    assert violations == []


def test_ending_asks_first_and_the_broker_asks_for_consent(
    site, page, axe_violations, tmp_path, live_server
):
    from django.core import mail

    from apps.collaborations.models import Collaboration
    from apps.collaborations.stages import Stage

    violations = []
    collaboration = site["collaboration"]
    detail = f"/samarbeid/{collaboration.pk}/"
    browser_log_in_verified(page, site["broker"])
    page.goto(detail)
    assert "org.nr. 923609016" in page.locator("main").inner_text()
    page.locator("#end-link").click()
    page.wait_for_url(f"**/samarbeid/{collaboration.pk}/avslutt/")
    assert page.locator("h1").inner_text() == "Avslutt samarbeidet"
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTPROVING  # one click only asked
    violations += _check(page, axe_violations, tmp_path, "end")
    page.locator("#end-form input[type=radio]").first.check()
    page.locator("#end-form textarea").fill("Fire av seks fikk jobb.")
    page.locator("#end-form button[type=submit]").click()
    page.wait_for_url(f"**/samarbeid/{collaboration.pk}/**")
    assert Collaboration.objects.get(pk=collaboration.pk).stage == Stage.AVSLUTTET

    page.goto(detail)
    page.locator("#consent-request-form button").click()
    page.locator("#consent-requested").wait_for()
    assert "ble bedt om samtykke på e-post" in page.locator("#consent-requested").inner_text()
    violations += _check(page, axe_violations, tmp_path, "consent-asked")
    assert [message.to for message in mail.outbox] == [[site["entrepreneur"].email]]
    assert f"{live_server.url}{detail}#eksempel" in mail.outbox[0].body

    browser_log_in_verified(page, site["entrepreneur"])
    waiting = page.locator("[data-section=organisation]")
    assert "Eksempler som venter på samtykket ditt" in waiting.inner_text()
    violations += _check(page, axe_violations, tmp_path, "my-page-entrepreneur")
    assert violations == []


def test_registering_an_existing_number_warns_and_offers_to_join(
    site, page, axe_violations, tmp_path
):
    from apps.accounts.models import JoinRequest, Organisation

    violations = []
    newcomer = site["newcomer"]
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", newcomer.email)
    page.fill("#id_password", "correct horse battery staple")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")
    page.goto("/organisasjoner/ny/")
    page.fill("#id_name", "Pøbelprosjektet AS")
    page.select_option("#id_type", "sosial_entreprenor")
    page.fill("#id_org_number", "923 609 016")
    page.locator("#main-form button[type=submit]").click()
    warning = page.locator("#recognised")
    warning.wait_for()
    text = warning.inner_text()
    assert "Denne organisasjonen er allerede på Kokeboka" in text
    assert "org.nr. 923609016" in text
    assert Organisation.objects.filter(org_number="923609016").count() == 1
    violations += _check(page, axe_violations, tmp_path, "registration-warning")
    warning.get_by_role("button", name="Be om å bli med").click()
    page.wait_for_url("**/organisasjoner/pobelprosjektet/")
    assert JoinRequest.objects.filter(user=newcomer, organisation=site["org"]).count() == 1

    browser_log_in_verified(page, site["entrepreneur"])
    task = page.locator("[data-section=organisation]")
    assert "Forespørsler om å bli med i organisasjonen din" in task.inner_text()
    task.locator("a").first.click()
    page.wait_for_url("**/organisasjoner/pobelprosjektet/medlemmer/**")
    violations += _check(page, axe_violations, tmp_path, "members")
    page.get_by_role("button", name="Godkjenn som medlem").click()
    page.wait_for_url("**/organisasjoner/pobelprosjektet/medlemmer/")
    assert list(newcomer.memberships.values_list("role", flat=True)) == ["member"]
    assert violations == []
