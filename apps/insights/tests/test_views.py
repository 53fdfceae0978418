"""The public dashboard, the CSV files and a municipality's detailed view."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.models import Membership, MembershipRole
from apps.accounts.tests.factories import EditorFactory, UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.broker.models import NeedStatus, NeedVisibility
from apps.fund.models import ApplicationStatus
from apps.grants.models import Decision
from apps.insights import figures, selectors

from . import factories as f

pytestmark = pytest.mark.django_db

PUBLIC_SLUGS = [spec.slug for spec in selectors.charts_for(scope=selectors.Scope.public())]


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _row(rows: list[list[str]], label: str) -> list[str] | None:
    return next((row for row in rows if row[0] == label), None)


def _svgs(html: str) -> list[ET.Element]:
    parts = html.split("<svg ")[1:]
    return [
        ET.fromstring("<svg " + part.split("</svg>")[0] + "</svg>")  # noqa: S314 (our own output)
        for part in parts
    ]


def test_dashboard_shows_every_public_chart_with_table_summary_and_csv_link(client):
    response = client.get("/innsikt/")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in PUBLIC_SLUGS:
        assert f'id="chart-{slug}-heading"' in html
        assert f'href="/innsikt/{slug}.csv?"' in html
        assert f'data-chart="{slug}"' in html
    assert "fondssoknader-status" not in html
    assert html.count("<h1") == 1
    svgs = [svg for svg in _svgs(html) if "insights-chart" in (svg.get("class") or "")]
    assert len(svgs) == len(PUBLIC_SLUGS)
    for svg in svgs:
        assert svg.get("role") == "img"


@pytest.mark.parametrize("slug", PUBLIC_SLUGS)
def test_each_public_chart_has_a_csv_file(client, slug):
    rows = _csv(client.get(f"/innsikt/{slug}.csv"))
    assert rows[0][0]


def test_unknown_and_private_charts_have_no_public_csv(client):
    assert client.get("/innsikt/nothing-here.csv").status_code == 404
    assert client.get("/innsikt/fondssoknader-status.csv").status_code == 404


def test_two_needs_are_hidden_and_three_shown_in_table_svg_and_csv(client):
    f.need(sectors=["barnevern"])
    f.need(sectors=["barnevern"])
    for _ in range(3):
        f.need(sectors=["integrering"])

    html = client.get("/innsikt/").content.decode()
    section = re.sub(
        r">\s+<", "><", html.split('id="behov-sektor-status"')[1].split("</section>")[0]
    )
    assert '<th scope="row">Child welfare</th><td class="number">&lt;3</td>' in section
    assert '<th scope="row">Integration</th><td class="number">3</td>' in section
    svg = _svgs(section)[0]
    texts = [element.text for element in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "<3" in texts and "3" in texts
    assert "2" not in texts

    rows = _csv(client.get("/innsikt/behov-sektor-status.csv"))
    assert _row(rows, "Child welfare")[1] == "<3"
    assert _row(rows, "Integration")[1] == "3"
    assert _row(rows, "Integration")[-1] == "3"


def test_a_total_never_gives_away_a_hidden_count(client):
    f.collaboration(stages=[("dialog", 3)])
    for _ in range(4):
        f.collaboration(stages=[("dialog", 20), ("utforsking", 2)])
    rows = _csv(client.get("/innsikt/samarbeid-fase.csv"))
    assert _row(rows, "Dialogue")[1] == "<3"
    assert _row(rows, "Exploration")[1] == "4"
    assert _row(rows, "Total")[1] == "≥5"


def test_private_data_never_reaches_the_public_dashboard(client):
    # Sectors used only by private rows, so that any leak shows as a label.
    f.need(sectors=["barnevern"], status=NeedStatus.DRAFT)
    f.need(sectors=["barnevern"], visibility=NeedVisibility.MEMBERS)
    f.need(sectors=["folkehelse"], visibility=NeedVisibility.MEMBERS, status=NeedStatus.IN_DIALOGUE)
    call = f.call(fund=f.fund())
    rejected = f.application(call=call, status=ApplicationStatus.REJECTED, sector="kultur_fritid")
    f.decision(
        application=rejected,
        outcome=Decision.Outcome.REJECTED,
        amount=987_654,
        decided_at=rejected.created_at,
    )
    f.application(
        call=call, status=ApplicationStatus.DRAFT, sector="miljo_klima", amount_requested=555_444
    )

    html = client.get("/innsikt/").content.decode()
    # Sector names in the interface language (docs/decisions/0019).
    hidden = ("Child welfare", "Public health", "Culture and leisure", "Environment and climate")
    for text in (*hidden, "987", "555"):
        assert text not in html.split("</form>", 1)[1], text
    for slug in PUBLIC_SLUGS:
        body = client.get(f"/innsikt/{slug}.csv").content.decode()
        for text in (*hidden, "987", "555"):
            assert text not in body, (slug, text)


def test_filters_by_county_municipality_and_period(client):
    for _ in range(3):
        f.need(code="3201", sectors=["integrering"])
    for _ in range(4):
        f.need(code="4601", sectors=["integrering"])
    by_county = _csv(client.get("/innsikt/behov-sektor-status.csv", {"county": "32"}))
    assert _row(by_county, "Integration")[1] == "3"
    by_municipality = _csv(client.get("/innsikt/behov-sektor-status.csv", {"municipality": "4601"}))
    assert _row(by_municipality, "Integration")[1] == "4"
    old = _csv(client.get("/innsikt/behov-sektor-status.csv", {"from": "2015", "to": "2016"}))
    assert _row(old, "Integration") is None

    html = client.get("/innsikt/", {"municipality": "4601", "from": "2020"}).content.decode()
    assert 'href="/innsikt/behov-sektor-status.csv?municipality=4601&amp;from=2020"' in html


def test_a_bad_filter_is_reported_and_ignored(client):
    f.need(sectors=["integrering"])
    response = client.get("/innsikt/", {"municipality": "9999", "from": "2024", "to": "2020"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filter values could not be used" in html
    assert "The last year cannot be before the first year." in html


def _dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/innsikt/").status_code == 200
    return len(queries)


def _add_rows(count: int) -> None:
    call = f.call(fund=f.fund())
    for index in range(count):
        sectors = ["integrering", "barnevern"] if index % 2 else ["helse_omsorg"]
        f.need(sectors=sectors)
        f.collaboration(stages=[("dialog", 30), ("utforsking", index % 7)])
        application = f.application(call=call, status=ApplicationStatus.GRANTED, sector=sectors[0])
        f.decision(
            application=application,
            outcome=Decision.Outcome.GRANTED,
            amount=10_000 * (index + 1),
            decided_at=application.created_at,
        )


def test_dashboard_queries_do_not_grow_with_the_data(client, settings):
    """Counted afresh (the stored charts stale) and from the cache, at two data sizes."""
    settings.PAGE_CACHE_SECONDS = 0
    _add_rows(2)
    _dashboard_queries(client)  # Fills the site's cached root paths.
    figures.bump_generation()
    few = _dashboard_queries(client)
    few_stored = _dashboard_queries(client)
    _add_rows(12)  # the writes make every stored chart stale
    many = _dashboard_queries(client)
    many_stored = _dashboard_queries(client)
    assert few == many
    assert many <= len(PUBLIC_SLUGS) + 4
    # From the cache: the filter form's county and municipality lists and the route guide's
    # tally (a live chart).
    assert few_stored == many_stored == 3


# A municipality's detailed view ---------------------------------------------------------


def _member(role: str, code: str = "3201"):
    person = UserFactory()
    Membership.objects.create(user=person, organisation=f.municipality_org(code), role=role)
    return person


@pytest.mark.parametrize(
    "role", [MembershipRole.MEMBER, MembershipRole.ADMIN, MembershipRole.REVIEWER]
)
def test_other_roles_in_the_municipality_are_refused(client, role):
    client.force_login(_member(role))
    assert client.get("/innsikt/kommune/3201/").status_code == 403
    assert client.get("/innsikt/kommune/3201/behov-sektor-status.csv").status_code == 403


def test_a_broker_of_another_municipality_is_refused(client):
    client.force_login(_member(MembershipRole.BROKER, code="4601"))
    assert client.get("/innsikt/kommune/3201/").status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/innsikt/kommune/3201/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/")
    assert client.get("/innsikt/kommune/3201/behov-sektor-status.csv").status_code == 302


def test_a_person_with_no_organisation_is_refused(client):
    client.force_login(UserFactory())
    assert client.get("/innsikt/kommune/3201/").status_code == 403


def test_an_unknown_municipality_is_not_found(client):
    client.force_login(EditorFactory())
    assert client.get("/innsikt/kommune/9999/").status_code == 404


@pytest.mark.parametrize("role", [MembershipRole.BROKER, MembershipRole.FUND_MANAGER])
def test_brokers_and_fund_managers_see_exact_counts_and_private_needs(client, role):
    f.need(sectors=["barnevern"], visibility=NeedVisibility.MEMBERS)
    f.need(sectors=["barnevern"], status=NeedStatus.DRAFT)
    f.need(code="4601", sectors=["barnevern"])
    force_login_verified(client, _member(role))

    response = client.get("/innsikt/kommune/3201/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "Insights for Bærum" in html
    assert 'href="/innsikt/kommune/3201/fondssoknader-status.csv?"' in html

    rows = _csv(client.get("/innsikt/kommune/3201/behov-sektor-status.csv"))
    assert rows[0] == ["Sector", "Draft", "Open", "In dialogue", "Closed", "Total"]
    assert _row(rows, "Child welfare") == ["Child welfare", "1", "1", "0", "0", "2"]


def test_the_public_dashboard_links_a_broker_to_the_detailed_view(client):
    client.force_login(_member(MembershipRole.BROKER))
    html = client.get("/innsikt/").content.decode()
    assert 'href="/innsikt/kommune/3201/"' in html


def test_a_superuser_without_a_role_sees_no_municipality(client):
    """Issue 19, finding 3: being a superuser (the demo editor) opened every municipality's
    detailed insights. No role, no detail, second factor or not."""
    force_login_verified(client, EditorFactory())
    assert client.get("/innsikt/kommune/4601/").status_code == 403
    assert client.get("/innsikt/kommune/4601/fondssoknader-status.csv").status_code == 403


def test_the_route_guide_chart_is_not_in_a_municipality_view(client):
    force_login_verified(client, _member(MembershipRole.BROKER))
    assert client.get("/innsikt/kommune/3201/veiviser-sporsmal.csv").status_code == 404


DETAIL = ["/innsikt/kommune/3201/", "/innsikt/kommune/3201/behov-sektor-status.csv"]


@pytest.mark.parametrize("url", DETAIL)
def test_detail_matrix_anonymous_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/")


@pytest.mark.parametrize("url", DETAIL)
@pytest.mark.parametrize("role", [MembershipRole.BROKER, MembershipRole.FUND_MANAGER])
def test_detail_matrix_role_with_password_only_is_sent_to_the_code_page(client, url, role):
    client.force_login(_member(role))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tofaktor/?next=/innsikt/kommune/3201/")


@pytest.mark.parametrize("url", DETAIL)
@pytest.mark.parametrize("role", [MembershipRole.BROKER, MembershipRole.FUND_MANAGER])
def test_detail_matrix_role_in_a_verified_session_is_served(client, url, role):
    force_login_verified(client, _member(role))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", DETAIL)
def test_detail_matrix_superuser_without_a_role_is_refused_even_verified(client, url):
    force_login_verified(client, EditorFactory())
    assert client.get(url).status_code == 403


def test_the_filter_form_keeps_the_chosen_values(client):
    html = client.get("/innsikt/", {"county": "32", "from": "2020"}).content.decode()
    assert re.search(r'<select name="county"[^>]*id="id_county"', html)
    assert '<option value="32" selected>' in html
    assert re.search(r'<select name="from"[^>]*id="id_from"', html)
    assert '<option value="2020" selected>' in html
    # One chosen option per select (the empty «All …»/«Any year» in the other two).
    assert html.count(" selected>") == 4
    assert '<option value="" selected>All municipalities</option>' in html
