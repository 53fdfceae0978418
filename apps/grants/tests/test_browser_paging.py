"""Issue 13: the paged pages in Debian's Chromium at 1280 and 320 px: axe (WCAG 2.1 A/AA)
finds nothing on fund management with its page links and its link to every application
waiting for screening, nor on a meeting's paged attendee list."""

import pytest

from apps.accounts.tests.helpers import browser_log_in_verified
from apps.fund.models import ApplicationStatus as S

from .factories import ApplicationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()


@pytest.mark.parametrize("width", [1280, 320])
def test_paged_fund_management(site, world, page, axe_violations, monkeypatch, width):
    from apps.grants import views

    monkeypatch.setattr(views, "MANAGE_PER_PAGE", 1)
    monkeypatch.setattr(views, "SCREENING_SHOWN", 1)
    for number in range(2):
        ApplicationFactory(call=world.call, status=S.SUBMITTED, title=f"Til screening {number}")
    page.set_viewport_size({"width": width, "height": 900})
    browser_log_in_verified(page, world.people["manager"])

    page.goto("/fond/forvaltning/?side=2")

    assert page.locator("nav.ds-pagination [aria-current=page]").inner_text().endswith("2")
    assert page.locator("#screening-heading + ul + p a").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=f"var/screenshots/fund-management-paged-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 320])
def test_paged_attendee_list(site, page, axe_violations, monkeypatch, width):
    from apps.accounts.tests.factories import UserFactory
    from apps.events import views
    from apps.events.models import RegistrationStatus
    from apps.events.tests.factories import EventFactory, RegistrationFactory

    monkeypatch.setattr(views, "ATTENDEES_PER_PAGE", 2)
    organiser = UserFactory()
    event = EventFactory(capacity=2, organisers=[organiser])
    for number in range(2):
        RegistrationFactory(event=event, name=f"Bekreftet {number}")
    RegistrationFactory(event=event, name="Venter", status=RegistrationStatus.WAITING, position=1)
    page.set_viewport_size({"width": width, "height": 900})
    browser_log_in_verified(page, organiser)

    page.goto(f"/dialogmoter/{event.slug}/deltakere/?side=2")

    assert "Venter" in page.locator("table").inner_text()
    assert page.locator("nav.ds-pagination").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=f"var/screenshots/attendees-paged-{width}.png", full_page=True)
