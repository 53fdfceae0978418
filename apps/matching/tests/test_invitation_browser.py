"""An open invitation in Debian's Chromium, in Norwegian: the broker checks who will be
invited and sends it, an invited entrepreneur answers, the broker reads the answer. Every
page is axe clean (WCAG 2.1 A/AA) and fits at 1280 and 320 px. Leaves 320 px screenshots
for a person to look at."""

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db, django_capture_on_commit_callbacks):
    from apps.accounts.models import MembershipRole
    from apps.broker.tests.factories import (
        EntrepreneurOrgFactory,
        MembershipFactory,
        NeedFactory,
        OfferFactory,
        ProfileFactory,
        UserFactory,
        municipality_org,
    )
    from apps.core.models import Sector, TargetGroup
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    baerum = municipality_org("3201")
    broker = UserFactory(email="megler@demo.kokeboka.no")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    mentor_org = EntrepreneurOrgFactory(name="Mentorhuset SA")
    entrepreneur = UserFactory(email="entreprenor@demo.kokeboka.no")
    MembershipFactory(user=entrepreneur, organisation=mentor_org, role=MembershipRole.ADMIN)
    sectors = list(Sector.objects.order_by("position")[:1])
    groups = list(TargetGroup.objects.order_by("position")[:1])
    with django_capture_on_commit_callbacks(execute=True):
        need = NeedFactory(
            organisation=baerum,
            title="Unge som dropper ut av videregående",
            description="Mange elever slutter på skolen, og ingen følger dem opp.",
            sectors=sectors,
            target_groups=groups,
        )
        mentor = OfferFactory(
            profile=ProfileFactory(organisation=mentor_org),
            title="Mentorer mot frafall i videregående",
            description="Frivillige mentorer følger elever som står i fare for å slutte på skolen.",
            sectors=sectors,
            area_national=True,
        )
        farm = OfferFactory(
            title="Skoletrøtte elever på gården",
            description="Elever som vil slutte på skolen lærer praktisk arbeid på gården.",
            sectors=sectors,
            area_national=True,
        )
        for offer in (mentor, farm):
            offer.target_groups.set(groups)
    return {"need": need, "broker": broker, "entrepreneur": entrepreneur, "org": mentor_org}


WIDE_ELEMENTS = """[...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 8).map(e => e.tagName + '.' + e.className)"""


def _check(page, axe_violations, screenshots: Path, name: str) -> None:
    """No axe violations and no sideways scrolling at 1280 and 320 px; a 320 px screenshot."""
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == [], name
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        # On failure, name what sticks out.
        assert overflow is False, (name, page.evaluate(WIDE_ELEMENTS))
    page.screenshot(path=str(screenshots / f"invitation-{name}-320.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_broker_invites_entrepreneur_answers_broker_reads_it(site, page, axe_violations, tmp_path):
    from apps.accounts.tests.helpers import browser_log_in_verified
    from apps.matching.models import InvitationRecipient

    screenshots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)

    browser_log_in_verified(page, site["broker"])
    page.goto(site["need"].get_absolute_url())
    panel = page.locator("#open-invitation")
    assert "likebehandling" in panel.inner_text()
    panel.get_by_role("link", name="Send en åpen invitasjon").click()
    page.get_by_role("heading", name="Inviter alle entreprenører som passer").wait_for()
    _check(page, axe_violations, screenshots, "form")
    assert page.get_by_label("Laveste poengsum").input_value() == "40"
    page.get_by_label("Melding til entreprenørene").fill("Hei! Vil dere være med på dette?")
    page.get_by_role("button", name="Se hvem som blir invitert").click()

    page.get_by_role("heading", name="Se over hvem som blir invitert").wait_for()
    assert "Mentorhuset SA" in page.locator(".matching-candidates").inner_text()
    _check(page, axe_violations, screenshots, "confirm")
    page.get_by_role("button", name="Send invitasjonen til").click()

    page.get_by_role("heading", name="Svar på den åpne invitasjonen").wait_for()
    assert "Ikke svart ennå" in page.locator(".matching-answers").inner_text()

    recipient = InvitationRecipient.objects.get(organisation=site["org"])
    browser_log_in_verified(page, site["entrepreneur"])
    page.goto(recipient.get_absolute_url())
    page.get_by_role("heading", name="Invitasjon til å melde interesse").wait_for()
    _check(page, axe_violations, screenshots, "answer")
    page.get_by_label("Ja, vi er interessert").check()
    page.get_by_label("Kommentar til megleren").fill("Vi har tre mentorer klare fra januar.")
    page.get_by_role("button", name="Send svaret").click()
    page.get_by_text("Takk. Svaret er sendt til megleren.").wait_for()
    assert axe_violations(page) == []

    browser_log_in_verified(page, site["broker"])
    page.goto(recipient.invitation.get_absolute_url())
    answers = page.locator(".matching-answers")
    answers.get_by_text("Vi har tre mentorer klare fra januar.").wait_for()
    assert "Interessert" in answers.inner_text()
    _check(page, axe_violations, screenshots, "responses")
