"""Honest demo content (issue 15, item 4; docs/decisions/0021-honest-demo-content.md).

On the demo as load_demo builds it: every invented amount, decision, result or plan belongs to
an invented body named «… (fiktiv)»; a real municipality is named only in a text that carries
its source; the examples bank shows a real municipality only in a sourced example; and no
published page, API row or open-data row tells readers that something «ikke bekreftet»."""

import json
import re
from pathlib import Path

import pytest

from apps.accounts import demo as accounts_demo
from apps.accounts.demo_files import read_demo_content as accounts_content
from apps.cases.demo import WITHDRAWN_SLUGS
from apps.cases.demo_files import read_demo_content as cases_content
from apps.core.municipalities import MUNICIPALITIES

FICTIONAL_COUNTY = accounts_content().organisations.county.code
REAL_ENTREPRENEURS = [item.name for item in accounts_content().organisations.entrepreneurs]
UNCONFIRMED = re.compile(r"ikke\s+bekreftet|ikkje\s+stadfest", re.IGNORECASE)
# Real municipality names as whole words (short names like «Os» or «Bø» would match ordinary
# words, so names of four letters or more).
REAL_MUNICIPALITY = re.compile(
    r"\b(" + "|".join(re.escape(name) for _code, name in MUNICIPALITIES if len(name) >= 4) + r")\b"
)
REAL_ENTREPRENEUR = re.compile(
    r"\b(" + "|".join(re.escape(name) for name in REAL_ENTREPRENEURS) + r")\b"
)
SOURCED_SLUGS = {case.slug for case in cases_content().cases}


def _is_fictional(code: str | None) -> bool:
    return bool(code) and code.startswith(FICTIONAL_COUNTY)


def _real_names_without_source(*texts: str) -> list[str]:
    """Real municipality names in the texts, unless the text carries its source (a URL)."""
    found = []
    for text in texts:
        if text and "https://" not in text:
            found += REAL_MUNICIPALITY.findall(text)
    return found


def test_demo_modules_publish_no_unconfirmed_sentence():
    """A guard that needs no database: the demo content modules and files (content/demo/)
    say what a source confirms and nothing about what it does not (open questions are in
    decision 0021)."""
    apps_dir = Path(__file__).resolve().parents[2]
    files = apps_dir.parent / "content" / "demo"
    modules = sorted(apps_dir.glob("*/demo.py")) + sorted(apps_dir.glob("*/demo_content*.py"))
    modules += sorted(files.rglob("*.md")) + sorted(files.rglob("*.yaml"))
    assert len(modules) >= 15
    assert len(list((files / "cookbook").rglob("*.md"))) >= 30
    offenders = [str(path) for path in modules if UNCONFIRMED.search(path.read_text())]
    assert offenders == []


@pytest.fixture
def demo(demo_module, db):
    """The demo as load_demo builds it, built once per test worker (tests/databases.py)."""
    return None


def test_invented_activity_belongs_to_invented_bodies(demo):
    from apps.accounts.models import Membership, Organisation
    from apps.broker.models import Need
    from apps.collaborations.models import Collaboration
    from apps.contributions.models import TriedReport
    from apps.events.models import Event
    from apps.fund.models import Application, ApplicationPartner, Fund
    from apps.grants.selectors import granted_projects

    kommuner = Organisation.objects.filter(type="kommune")
    assert kommuner.exists()
    assert all(_is_fictional(org.municipality.code) for org in kommuner)
    assert all(org.name.endswith(accounts_demo.FICTIONAL_MARK) for org in kommuner)

    needs = Need.objects.select_related("municipality", "organisation")
    assert needs.count() >= 15
    assert all(_is_fictional(need.municipality.code) for need in needs)

    collaborations = Collaboration.objects.select_related("municipality_org", "entrepreneur_org")
    assert collaborations.exists()
    for collaboration in collaborations:
        assert collaboration.municipality_org.name.endswith("(fiktiv)")
        assert collaboration.entrepreneur_org.name.endswith("(fiktiv)")

    assert all(_is_fictional(f.organisation.municipality.code) for f in Fund.objects.all())
    applications = Application.objects.select_related("organisation__municipality")
    assert all(_is_fictional(a.organisation.municipality.code) for a in applications)
    partners = ApplicationPartner.objects.values_list("name", flat=True)
    assert partners and all(name.endswith("(fiktiv)") for name in partners)
    grants = granted_projects()
    assert grants.exists()
    assert all(
        _is_fictional(g.application.organisation.municipality.code)
        for g in grants.select_related("application__organisation__municipality")
    )

    organised = Event.objects.filter(organisation__isnull=False).select_related(
        "organisation__municipality"
    )
    assert all(_is_fictional(e.organisation.municipality.code) for e in organised)
    reports = TriedReport.objects.select_related("municipality")
    assert all(_is_fictional(r.municipality.code) for r in reports)

    # No demo person speaks for a real municipality or a real entrepreneur.
    memberships = Membership.objects.select_related("organisation__municipality")
    assert not memberships.filter(organisation__name__in=REAL_ENTREPRENEURS).exists()
    assert all(
        _is_fictional(m.organisation.municipality.code)
        for m in memberships.filter(organisation__type="kommune")
    )


def test_invented_texts_name_no_real_municipality_without_a_source(demo):
    from apps.broker.models import Need
    from apps.collaborations.models import Collaboration
    from apps.events.models import Event
    from apps.fund.models import Application, Call, Fund

    found = []
    for need in Need.objects.all():
        found += _real_names_without_source(
            need.title, need.description, need.affected, need.tried, need.outcome
        )
    for c in Collaboration.objects.all():
        found += _real_names_without_source(c.title, c.summary, c.outcome, c.lessons)
    for fund in Fund.objects.all():
        found += _real_names_without_source(fund.name, fund.description)
    for call in Call.objects.all():
        found += _real_names_without_source(call.title, call.text)
    for a in Application.objects.all():
        found += _real_names_without_source(a.title, a.summary, a.description, a.need_text)
    for event in Event.objects.filter(organisation__isnull=False):
        found += _real_names_without_source(event.title, event.summary, event.description)
    assert found == []
    # The fund names Bærum only as the model it copies, with the source beside the name.
    fund = Fund.objects.get()
    assert "Bærum" in fund.description and "https://www.baerum.kommune.no/" in fund.description


def test_examples_bank_names_a_real_municipality_only_with_sources(demo):
    from apps.cases.models import CasePage

    cases = CasePage.objects.live().select_related("municipality")
    real = [case for case in cases if not _is_fictional(case.municipality.code)]
    invented = [case for case in cases if _is_fictional(case.municipality.code)]
    assert len(real) == len(SOURCED_SLUGS)
    for case in real:
        assert case.slug in SOURCED_SLUGS
        assert case.sources.exclude(url="").exists(), case.slug
        assert case.unconfirmed_note == ""
    baerum = [case for case in real if case.municipality.code == "3201"]
    assert baerum and all(case.sources.exclude(url="").exists() for case in baerum)
    # The one invented example (published from a demo collaboration) says so in its title.
    assert len(invented) == 1
    assert "fiktivt eksempel" in invented[0].title
    assert not cases.filter(slug__in=WITHDRAWN_SLUGS).exists()


def test_published_pages_never_tell_readers_ikke_bekreftet(demo, client):
    from wagtail.models import Page

    from apps.broker.models import Need
    from apps.events.models import Event
    from apps.fund.models import Fund

    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific() if page.url]
    urls += [need.get_absolute_url() for need in Need.objects.public()]
    urls += [event.get_absolute_url() for event in Event.objects.all()]
    urls += [f"/fond/{fund.slug}/" for fund in Fund.objects.all()]
    assert len(urls) >= 60
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        checked += 1
        assert not UNCONFIRMED.search(response.content.decode()), url
    assert checked >= 60


def _api_rows(client, path: str) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200, path
    body = response.json()
    return body["items"] if isinstance(body, dict) and "items" in body else body


def test_api_rows_attach_no_invented_figure_to_a_real_body(demo, client):
    needs = _api_rows(client, "/api/v1/needs?limit=100")
    grants = _api_rows(client, "/api/v1/grants?limit=100")
    cases = _api_rows(client, "/api/v1/cases?limit=100")
    assert needs and grants and cases
    for need in needs:
        assert _is_fictional(need["municipality"]["code"]), need["key"]
    grants_text = json.dumps(grants, ensure_ascii=False)
    assert REAL_MUNICIPALITY.findall(grants_text) == []
    assert REAL_ENTREPRENEUR.findall(grants_text) == []
    assert "Bærum" not in json.dumps(needs, ensure_ascii=False)
    for case in cases:
        if not _is_fictional(case["municipality"]["code"]):
            assert case["slug"] in SOURCED_SLUGS
    for path in ("/api/v1/posts?limit=100", "/api/v1/events", "/api/v1/cases?limit=100"):
        assert not UNCONFIRMED.search(client.get(path).content.decode()), path


def test_open_data_rows_attach_no_invented_figure_to_a_real_body(demo):
    from apps.opendata.datasets import DATASETS_BY_SLUG

    def text(slug: str) -> str:
        return "\n".join(";".join(row) for row in DATASETS_BY_SLUG[slug].iter_rows())

    needs, grants = text("needs"), text("grants")
    assert needs and grants
    assert REAL_MUNICIPALITY.findall(needs) == []
    assert REAL_MUNICIPALITY.findall(grants) == []
    assert REAL_ENTREPRENEUR.findall(grants) == []
    for slug in ("needs", "grants", "examples", "events", "posts", "recipes"):
        assert not UNCONFIRMED.search(text(slug)), slug
