"""Innsikt in Debian's Chromium: axe (WCAG 2.1 A/AA) finds nothing on the public dashboard
and on a municipality's detailed view, and the filters work as a plain GET form."""

import datetime
import os
import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    from apps.accounts.models import Membership, MembershipRole
    from apps.accounts.tests.factories import UserFactory
    from apps.broker.models import NeedVisibility
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.fund.models import ApplicationStatus
    from apps.grants.models import Decision
    from apps.home.testing import ensure_home_page
    from apps.insights.models import RouteGuideTally

    from . import factories as f

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    for _ in range(3):
        f.need(sectors=["helse_omsorg", "arbeid_inkludering"])
    f.need(sectors=["barnevern"])
    f.need(sectors=["barnevern"], visibility=NeedVisibility.MEMBERS)
    f.need(code="4601", sectors=["integrering"])
    for days in (40, 25, 12):
        f.collaboration(stages=[("dialog", days + 20), ("utforsking", days)])
    call = f.call(fund=f.fund())
    for amount in (300_000, 450_000):
        application = f.application(
            call=call, status=ApplicationStatus.GRANTED, sector="helse_omsorg"
        )
        f.decision(
            application=application,
            outcome=Decision.Outcome.GRANTED,
            amount=amount,
            decided_at=datetime.datetime(2025, 12, 1, 12, tzinfo=datetime.UTC),
        )
    RouteGuideTally.objects.create(
        day=datetime.date.today(), question="purpose", answer="buy", count=7
    )
    broker = UserFactory(email="megler@example.no")
    Membership.objects.create(
        user=broker, organisation=f.municipality_org("3201"), role=MembershipRole.BROKER
    )


def test_dashboard_and_detailed_view_are_accessible(site, page, axe_violations):
    page.goto("/innsikt/")
    assert page.locator("h1").count() == 1
    assert page.locator("svg.insights-chart[role=img]").count() == 8
    assert re.search(r"\d\d:\d\d", page.locator(".insights-freshness").inner_text())
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.locator(".insights-freshness").is_visible()
    assert axe_violations(page) == []
    if os.environ.get("INSIGHTS_SCREENSHOT"):
        page.screenshot(path=os.environ["INSIGHTS_SCREENSHOT"], full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.select_option("#id_county", "32")
    page.select_option("#id_from", str(datetime.date.today().year))
    page.locator(".insights-filters button[type=submit]").click()
    page.wait_for_url("**/innsikt/?county=32*")
    assert "from=" in page.url
    assert page.locator("#id_county").input_value() == "32"
    assert axe_violations(page) == []

    from apps.accounts.models import User
    from apps.accounts.tests.helpers import browser_log_in_verified

    # The detailed view needs the second factor: the broker gives the code after the password.
    browser_log_in_verified(page, User.objects.get(email="megler@example.no"))
    page.goto("/innsikt/kommune/3201/")
    assert "Bærum" in page.locator("h1").inner_text()
    assert page.locator("svg.insights-chart[role=img]").count() == 8
    assert axe_violations(page) == []
