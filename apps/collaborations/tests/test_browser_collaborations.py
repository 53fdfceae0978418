"""The collaboration page, the broker's board and table in Debian's Chromium: axe (WCAG 2.1
A/AA) finds nothing, and a stage move by button works without JavaScript."""

import datetime

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from django.utils import timezone

    from apps.accounts.models import MembershipRole
    from apps.accounts.tests.factories import (
        MembershipFactory,
        OrganisationFactory,
        UserFactory,
    )
    from apps.collaborations.models import LogKind
    from apps.collaborations.stages import Stage
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    from .factories import CollaborationFactory, LogEntryFactory, MunicipalityOrgFactory

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    baerum = MunicipalityOrgFactory(name="Bærum kommune")
    lier = MunicipalityOrgFactory(name="Lier kommune")
    broker = UserFactory(email="megler@example.no")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    MembershipFactory(user=broker, organisation=lier, role=MembershipRole.BROKER)
    now = timezone.now()
    main = None
    for n, stage in enumerate(Stage.values):
        collaboration = CollaborationFactory(
            municipality_org=baerum if n % 2 == 0 else lier,
            entrepreneur_org=OrganisationFactory(name=f"Entreprenør {n} SA"),
            title=f"Samarbeid i fasen {stage}",
            stage=stage,
            stage_changed_at=now - datetime.timedelta(days=5 * n + 1),
            outcome="Det gikk bra." if stage == Stage.AVSLUTTET else "",
        )
        LogEntryFactory(collaboration=collaboration, author=broker)
        LogEntryFactory(
            collaboration=collaboration, kind=LogKind.OUTCOME, text="Deltakere", value=4, unit="stk"
        )
        main = main or collaboration
    return {"main": main}


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def test_detail_board_and_table_are_accessible(site, page, axe_violations):
    _log_in(page, "megler@example.no")
    main = site["main"]

    page.goto(f"/samarbeid/{main.pk}/")
    assert page.locator("h1").inner_text() == main.title
    assert axe_violations(page) == []

    page.locator("button[name='stage-to_stage'][value='utforsking']").click()
    page.wait_for_url(f"**/samarbeid/{main.pk}/")
    assert page.locator("button[name='stage-to_stage'][value='utproving']").count() == 1

    page.locator("#id_log-text").fill("")
    page.locator("#log-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert page.locator("#id_log-text").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []

    page.goto("/samarbeid/tavle/")
    assert page.locator(".collab-board > li").count() == 6
    assert axe_violations(page) == []

    page.goto("/samarbeid/tabell/?sort=-time")
    assert page.locator("table tbody tr").count() == 6
    assert axe_violations(page) == []


@pytest.fixture
def demo_broker_site(transactional_db):
    from apps.accounts.models import MembershipRole
    from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
    from apps.collaborations.models import StageChange
    from apps.collaborations.stages import Stage
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    from .factories import CollaborationFactory, MunicipalityOrgFactory

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    baerum = MunicipalityOrgFactory(name="Bærum kommune")
    broker = UserFactory(email="megler@demo.kokeboka.no")
    MembershipFactory(user=broker, organisation=baerum, role=MembershipRole.BROKER)
    collaboration = CollaborationFactory(
        municipality_org=baerum,
        entrepreneur_org=OrganisationFactory(name="Pøbelprosjektet med et langt navn SA"),
        title="Arbeidstrening i kafé for unge voksne uten jobb",
        stage=Stage.UTPROVING,
    )
    StageChange.objects.create(
        collaboration=collaboration, from_stage=Stage.UTFORSKING, to_stage=Stage.UTPROVING
    )
    return {"broker": broker, "collaboration": collaboration}


@pytest.mark.parametrize("width", [1280, 320])
def test_demo_broker_ends_with_confirmation_and_reopens(
    demo_broker_site, page, axe_violations, tmp_path, width
):
    """One click on «Avslutt» only opens the confirmation page; without an outcome nothing
    ends; with one it ends, and the broker reopens it back to Utprøving. Norwegian, axe
    clean, and nothing scrolls sideways."""
    from apps.accounts.tests.helpers import browser_log_in_verified
    from apps.collaborations.stages import Stage

    collaboration = demo_broker_site["collaboration"]
    browser_log_in_verified(page, demo_broker_site["broker"])
    page.set_viewport_size({"width": width, "height": 900})
    detail = f"/samarbeid/{collaboration.pk}/"
    violations = []

    page.goto(detail)
    page.locator("#end-link").click()
    page.wait_for_url(f"**/samarbeid/{collaboration.pk}/avslutt/")
    assert page.locator("h1").inner_text() == "Avslutt samarbeidet"
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTPROVING  # the click only asked
    violations += axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.locator("#end-form button[type=submit]").click()
    page.locator(".ds-error-summary").wait_for()
    assert "Velg hvordan samarbeidet endte." in page.content()
    violations += axe_violations(page)
    page.screenshot(path=str(tmp_path / f"end-errors-{width}.png"), full_page=True)
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTPROVING

    page.locator("label[for='id_outcome_kind_1']").click()
    page.fill("#id_outcome", "Kommunen fikk ikke budsjett til å videreføre tilbudet.")
    page.locator("#end-form button[type=submit]").click()
    page.wait_for_url(f"**{detail}")
    collaboration.refresh_from_db()
    assert (collaboration.stage, collaboration.outcome_kind) == (Stage.AVSLUTTET, "ikke_videre")
    assert "Venter på samtykke fra den sosiale entreprenøren" in page.content()
    violations += axe_violations(page)
    page.screenshot(path=str(tmp_path / f"finished-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.fill("#id_reopen-reason", "Nytt budsjett fra januar.")
    page.locator("#reopen-form button[type=submit]").click()
    page.wait_for_url(f"**{detail}")
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTPROVING
    assert "Gjenåpnet, tilbake til Utprøving" in page.content()
    violations += axe_violations(page)
    assert violations == []
