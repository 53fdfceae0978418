"""From a route-guide answer to a collaboration's page in Debian's Chromium, in Norwegian at
320 and 1280 px: the answer's step plan offers a prefilled template (downloaded and read),
«Lagre i et samarbeid» leads to the save page, and the collaboration's page shows the saved
answer with what would be different today. axe (WCAG 2.1 A/AA) finds nothing on any of the
three pages, and nothing scrolls sideways."""

import io

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
NBSP = "\u00a0"
QUERY = (
    "purpose=buy&value=2100000&service=ordinary&provider=company&authority=municipality"
    "&on_market=yes&date=2022-02-01"
)


@pytest.fixture
def site(transactional_db):
    from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page
    from apps.routeguide.tests.ruledata import seed_rule_rows

    from .factories import CollaborationFactory, MunicipalityOrgFactory

    vocabulary_ensure()
    geography_ensure()
    ensure_home_page()
    seed_rule_rows()
    municipality = MunicipalityOrgFactory(name="Fjordvik kommune (fiktiv)")
    adviser = UserFactory(email="radgiver@example.no")
    MembershipFactory(user=adviser, organisation=municipality)
    return CollaborationFactory(
        municipality_org=municipality,
        entrepreneur_org=OrganisationFactory(name="Turvenn SA (fiktiv)"),
        title="Oppfølging av unge som står utenfor skole og arbeid",
    )


def _log_in(page, email: str) -> None:
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 320])
def test_answer_template_save_and_collaboration_page(site, page, axe_violations, width, tmp_path):
    from docx import Document

    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page, "radgiver@example.no")

    page.goto(f"/veiviser/svar/?{QUERY}")
    assert page.locator("html").get_attribute("lang") == "nb"
    template = page.locator("[data-step=need] a[data-template]")
    assert "Mal: Behovsbeskrivelse" in template.inner_text()
    _fits(page, width)
    page.screenshot(path=tmp_path / f"answer-{width}.png", full_page=True)
    assert axe_violations(page) == []

    with page.expect_download(timeout=15_000) as info:
        template.click()
    download = info.value
    assert download.suggested_filename == "behovsbeskrivelse-2022-02-01.docx"
    with open(download.path(), "rb") as downloaded:
        document = Document(io.BytesIO(downloaded.read()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert f"kr 2{NBSP}100{NBSP}000" in cells
    assert "Del I og III av anskaffelsesforskriften" in cells

    page.get_by_role("link", name="Lagre i et samarbeid").click()
    page.wait_for_url("**/samarbeid/lagre-svar/**")
    assert page.locator("h1").inner_text() == "Lagre svaret i et samarbeid"
    _fits(page, width)
    assert axe_violations(page) == []

    page.get_by_label(site.title).check()
    page.get_by_role("button", name="Lagre svaret").click()
    page.wait_for_url(f"**/samarbeid/{site.pk}/#veiviser")
    saved = page.locator(".collab-answer")
    assert saved.count() == 1
    text = saved.inner_text()
    assert "reglene per 1. februar 2022" in text
    assert "Dette ville vært annerledes i dag:" in text
    _fits(page, width)
    page.screenshot(path=tmp_path / f"collaboration-{width}.png", full_page=True)
    assert axe_violations(page) == []

    saved.get_by_role("link", name="Del I og III av anskaffelsesforskriften").click()
    page.wait_for_url("**/veiviser/svar/**date=2022-02-01")
    assert page.locator("#today-heading").is_visible()
