"""The matches page of a need in Debian's Chromium, as the demo broker: Norwegian labels,
the three strongest reasons, the score scale, and no axe (WCAG 2.1 A/AA) violations at
1280 and 320 px. Leaves a 320 px screenshot for a person to look at."""

import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db, django_capture_on_commit_callbacks):
    from apps.accounts.models import MembershipRole
    from apps.broker.tests.factories import (
        MembershipFactory,
        NeedFactory,
        OfferFactory,
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
    sectors = list(Sector.objects.order_by("position")[:1])
    groups = list(TargetGroup.objects.order_by("position")[:1])
    with django_capture_on_commit_callbacks(execute=True):
        need = NeedFactory(
            organisation=baerum,
            title="Unge som dropper ut av videregående",
            description="Mange elever slutter på skolen, og det tar lang tid før noen følger opp.",
            sectors=sectors,
            target_groups=groups,
        )
        OfferFactory(
            title="Mentorer mot frafall i videregående",
            description="Frivillige mentorer følger elever som står i fare for å slutte.",
            sectors=sectors,
            area_national=True,
        )
        OfferFactory(
            title="Skoletrøtte elever på gården",
            description="Elever lærer praktisk arbeid på gården, det tar lang tid å bli trygg.",
            sectors=sectors,
        )
    return {"need": need, "broker": broker}


def test_broker_reads_reasons_and_scale_in_norwegian_without_axe_violations(
    site, page, axe_violations, tmp_path
):
    from apps.accounts.tests.helpers import browser_log_in_verified

    browser_log_in_verified(page, site["broker"])
    page.goto(f"/behov/{site['need'].pk}/treff/")
    assert "Poengsummen går fra 0 til 100" in page.locator(".matching-scale").inner_text()
    first = page.locator(".matching-item").first
    assert first.locator(":scope > dl.matching-reasons > div").count() <= 3
    assert (
        page.get_by_role(
            "button", name=re.compile(r"^Merk som aktuell\W+Mentorer mot frafall")
        ).count()
        == 1
    )
    buttons = page.get_by_role("button", name="Merk som aktuell")
    assert buttons.count() == 2
    assert page.get_by_role("button", name="Skjul for dette behovet").count() == 2
    reasons = page.locator(".matching-reasons > div").all_inner_texts()
    # Filler words are never given as matching words; the semantic reason quotes whole
    # sentences as written, so it is left out of this check.
    words = [text for text in reasons if not text.startswith("Nær i mening")]
    assert len(words) < len(reasons)
    for word in ("tar", "lang"):
        assert word not in " ".join(words).lower().replace(",", " ").split()
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == []
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert overflow is False
    screenshots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshots / "matching-need-320.png"), full_page=True)

    page.get_by_role("button", name="Merk som aktuell").first.click()
    page.locator(".ds-tag", has_text="Merket som aktuell").wait_for()
    assert axe_violations(page) == []
