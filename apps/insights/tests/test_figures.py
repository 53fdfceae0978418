"""Charts kept in the cache (apps.insights.figures): served again only while nothing they
count has changed, never across scopes or languages, and dated on the page."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.accounts.models import Membership, MembershipRole
from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.broker.models import NeedStatus, NeedVisibility
from apps.core.cache import purge_page_cache
from apps.core.models import Sector
from apps.fund.models import ApplicationStatus
from apps.insights import figures, selectors
from apps.insights.filters import Filters
from apps.insights.selectors import Scope

from . import factories as f

pytestmark = pytest.mark.django_db

PUBLIC = Scope.public()
PUBLIC_SLUGS = [spec.slug for spec in selectors.charts_for(scope=PUBLIC)]


def _charts(scope=PUBLIC, filters=None):
    return figures.presented_charts(slugs=PUBLIC_SLUGS, filters=filters or Filters(), scope=scope)


def _needs_cell(chart_list, label: str) -> str | None:
    chart = next(c for c in chart_list if c.slug == "behov-sektor-status")
    row = next((row for row in chart.rows if row.label == label), None)
    return row.cells[0].display if row else None


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_a_second_view_is_served_from_the_cache_with_only_the_live_chart_counted():
    for _ in range(3):
        f.need(sectors=["integrering"])
    first = _charts()
    with CaptureQueriesContext(connection) as queries:
        second = _charts()
    # Only the route guide's tally (a live chart) is read again.
    assert len(queries) == 1
    assert "insights_routeguidetally" in queries[0]["sql"]
    assert [c.svg for c in second.charts] == [c.svg for c in first.charts]
    assert _needs_cell(second.charts, "Integration") == "3"
    assert second.computed_at == first.computed_at


def test_a_new_need_is_counted_at_once():
    for _ in range(3):
        f.need(sectors=["integrering"])
    assert _needs_cell(_charts().charts, "Integration") == "3"
    f.need(sectors=["integrering"])
    assert _needs_cell(_charts().charts, "Integration") == "4"


def test_changing_a_needs_sectors_is_counted_at_once():
    needs = [f.need(sectors=["integrering"]) for _ in range(3)]
    assert _needs_cell(_charts().charts, "Child welfare") is None
    for need in needs:
        need.sectors.add(Sector.objects.get(code="barnevern"))
    assert _needs_cell(_charts().charts, "Child welfare") == "3"
    for need in needs:
        need.sectors.clear()
    assert _needs_cell(_charts().charts, "Integration") is None


def test_a_deleted_need_is_no_longer_counted():
    needs = [f.need(sectors=["integrering"]) for _ in range(4)]
    assert _needs_cell(_charts().charts, "Integration") == "4"
    needs[0].delete()
    assert _needs_cell(_charts().charts, "Integration") == "3"


def test_a_private_draft_need_makes_the_municipality_view_fresh():
    scope = Scope(municipality=f.municipality_org("3201").municipality)
    filters = Filters(municipality=scope.municipality)
    slugs = [spec.slug for spec in selectors.charts_for(scope=scope)]
    before = figures.presented_charts(slugs=slugs, filters=filters, scope=scope).charts
    assert _needs_cell(before, "Child welfare") is None
    f.need(sectors=["barnevern"], status=NeedStatus.DRAFT, visibility=NeedVisibility.MEMBERS)
    after = figures.presented_charts(slugs=slugs, filters=filters, scope=scope).charts
    assert _needs_cell(after, "Child welfare") == "1"


def test_a_new_stage_is_counted_at_once():
    for _ in range(3):
        f.collaboration(stages=[("dialog", 5)])
    chart = figures.presented_chart(slug="samarbeid-fase", filters=Filters(), scope=PUBLIC)
    assert next(r for r in chart.rows if r.key == "dialog").cells[0].display == "3"
    f.collaboration(stages=[("dialog", 1)])
    chart = figures.presented_chart(slug="samarbeid-fase", filters=Filters(), scope=PUBLIC)
    assert next(r for r in chart.rows if r.key == "dialog").cells[0].display == "4"


def test_an_applicants_draft_keeps_the_stored_charts_and_a_submission_does_not():
    call = f.call(fund=f.fund())
    draft = f.application(call=call, status=ApplicationStatus.DRAFT)
    _charts()
    draft.title = "Autosaved every few seconds"
    draft.save()
    assert _queries(_charts) == 1  # every stored chart still current
    draft.status = ApplicationStatus.SUBMITTED
    draft.save()
    assert _queries(_charts) > 1


def test_a_page_cache_purge_makes_every_stored_chart_stale():
    f.need(sectors=["integrering"])
    _charts()
    assert _queries(_charts) == 1
    purge_page_cache()  # a page published, or a bulk load (load_volume purges)
    after_purge = _queries(_charts)
    figures.bump_generation()
    # Every chart counted again, as after a write to a need.
    assert after_purge == _queries(_charts) > len(PUBLIC_SLUGS)


def test_a_write_while_a_chart_is_counted_does_not_store_old_numbers_as_current(monkeypatch):
    real = figures.chart_data

    def counting_while_a_need_is_written(**kwargs):
        data = real(**kwargs)
        if kwargs["slug"] == "behov-sektor-status":
            for _ in range(3):
                f.need(sectors=["integrering"])
        return data

    monkeypatch.setattr(figures, "chart_data", counting_while_a_need_is_written)
    assert _needs_cell(_charts().charts, "Integration") is None
    monkeypatch.setattr(figures, "chart_data", real)
    assert _needs_cell(_charts().charts, "Integration") == "3"


def test_entries_expire_after_ten_minutes(monkeypatch):
    stored = {}
    monkeypatch.setattr(cache, "set_many", lambda entries, timeout: stored.update(timeout=timeout))
    _charts()
    assert stored["timeout"] == figures.KEEP_SECONDS == 10 * 60  # the page says ten minutes


def test_the_public_view_never_gets_a_municipalitys_exact_counts(client):
    f.need(sectors=["barnevern"])
    f.need(sectors=["barnevern"])
    broker = UserFactory()
    Membership.objects.create(
        user=broker, organisation=f.municipality_org("3201"), role=MembershipRole.BROKER
    )
    force_login_verified(client, broker)
    detail = client.get("/innsikt/kommune/3201/").content.decode()
    # Draft 0, open 2: exact.
    assert re.search(
        r'<th scope="row">Child welfare</th>\s*<td class="number">0</td><td class="number">2</td>',
        detail,
    )
    public = client.get("/innsikt/").content.decode()
    assert re.search(r'<th scope="row">Child welfare</th>\s*<td class="number">&lt;3</td>', public)
    assert not re.search(r'<th scope="row">Child welfare</th>\s*<td class="number">2</td>', public)


def test_each_language_has_its_own_entries():
    for _ in range(3):
        f.need(sectors=["integrering"])
    _charts()
    with translation.override("nb"):
        norwegian = _charts().charts
    assert norwegian[0].title == "Behov etter sektor og status"
    assert _needs_cell(norwegian, "Integrering") == "3"


def test_filters_have_their_own_entries():
    for _ in range(3):
        f.need(code="3201", sectors=["integrering"])
    for _ in range(4):
        f.need(code="4601", sectors=["integrering"])
    everywhere = _charts().charts
    bergen = _charts(filters=Filters(municipality=f.municipality_org("4601").municipality)).charts
    assert _needs_cell(everywhere, "Integration") == "7"
    assert _needs_cell(bergen, "Integration") == "4"


def test_the_page_says_when_its_figures_were_counted(client):
    html = client.get("/innsikt/").content.decode()
    assert re.search(r"Figures as of [^<]* at \d\d:\d\d\. They are counted again", html)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    html = client.get("/innsikt/").content.decode()
    assert "Tallene er fra" in html


def test_a_page_from_the_cache_is_the_page_counted_afresh(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the anonymous page cache would answer the second visit
    for _ in range(3):
        f.need(sectors=["integrering"])
    f.need(sectors=["barnevern"])
    with CaptureQueriesContext(connection) as counted:
        first = client.get("/innsikt/").content.decode()
    with CaptureQueriesContext(connection) as stored:
        second = client.get("/innsikt/").content.decode()
    assert len(stored) < len(counted)
    # The charts (everything after the filter form) are the same, drawn or stored.
    assert second.split("</form>", 1)[1] == first.split("</form>", 1)[1]
    assert second.count('<svg xmlns="http://www.w3.org/2000/svg"') == len(PUBLIC_SLUGS)
    assert "&lt;svg" not in second
    assert re.search(r'<th scope="row">Child welfare</th>\s*<td class="number">&lt;3</td>', second)
