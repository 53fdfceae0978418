"""Issue 12, item 9: at 320 px the need form, the profile form, the review queue, the
pipeline board and My page fit the screen (no sideways scrolling), axe finds nothing, and
each page keeps a screenshot for a person to look at."""

import pytest

from apps.accounts.tests.helpers import browser_log_in_verified

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    from apps.accounts.models import MembershipRole
    from apps.broker.models import ReviewStatus
    from apps.collaborations.models import Collaboration
    from apps.collaborations.stages import Stage
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    from .factories import (
        EntrepreneurOrgFactory,
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
    broker = UserFactory(email="megler@example.no")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    entrepreneur = UserFactory(email="entreprenor@example.no")
    org = EntrepreneurOrgFactory(
        name="Pøbelprosjektet med et svært langt organisasjonsnavn", slug="pobel"
    )
    MembershipFactory(user=entrepreneur, organisation=org, role=MembershipRole.ADMIN)
    profile = ProfileFactory(organisation=org, review_status=ReviewStatus.PENDING)
    profile.areas.set(Municipality.objects.filter(code__in=["3201", "0301"]))
    OfferFactory(profile=profile, title="Arbeidstrening i kafé")
    NeedFactory(organisation=baerum, title="Unge voksne uten jobb")
    for stage in (Stage.DIALOG, Stage.DIALOG, Stage.UTPROVING):
        Collaboration.objects.create(
            municipality_org=baerum,
            entrepreneur_org=org,
            title="Kafé med arbeidstrening for unge voksne",
            stage=stage,
        )
    return {"broker": broker, "entrepreneur": entrepreneur, "org": org}


def _fits(page, path: str, shots, name: str) -> int:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    return width


def test_pages_fit_320_px_and_are_accessible(site, page, axe_violations, tmp_path):
    widths = {}
    violations = []
    browser_log_in_verified(page, site["broker"])
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/konto/")
    assert page.locator("h2#waiting-heading").inner_text() == "Venter på deg"
    assert page.locator("[data-section=broker] .waiting-count").first.inner_text() == "1"
    violations += axe_violations(page)
    page.screenshot(path=str(tmp_path / "my-page-broker-1280.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 800})
    for name, path in (
        ("my-page-broker", "/konto/"),
        ("need-form", "/behov/ny/"),
        ("board", "/samarbeid/tavle/"),
    ):
        widths[name] = _fits(page, path, tmp_path, name)
        violations += axe_violations(page)
    # The board's count badges read as numbers beside each stage.
    assert page.locator(".pipeline-count").all_inner_texts()[:3] == ["2", "0", "1"]
    browser_log_in_verified(page, site["entrepreneur"])
    page.set_viewport_size({"width": 320, "height": 800})
    for name, path in (
        ("my-page-entrepreneur", "/konto/"),
        ("profile-form", f"/entreprenorer/{site['org'].slug}/profil/"),
    ):
        widths[name] = _fits(page, path, tmp_path, name)
        violations += axe_violations(page)
    print("screenshots in", tmp_path, widths)
    assert {name: w for name, w in widths.items() if w > 320} == {}
    assert violations == []


def test_review_queue_fits_320_px_and_is_accessible(site, page, axe_violations, tmp_path):
    """The queue stacks its rows as cards on a phone (the table's CSS in broker.css)."""
    browser_log_in_verified(page, site["broker"])
    page.set_viewport_size({"width": 320, "height": 800})
    assert _fits(page, "/entreprenorer/vurdering/", tmp_path, "review-queue") <= 320
    assert axe_violations(page) == []
