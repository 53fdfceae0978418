"""The downloadable templates at the end of the answer: linked from the steps that need
them, prefilled from the answer, bounded work at one canonical (and page-cached) URL, and
the answer page still served from the page cache."""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from docx import Document

from apps.routeguide.documents import DOCX_TYPE, TEMPLATES
from apps.routeguide.engine import Situation
from apps.routeguide.steps import step_plan
from apps.routeguide.vocabulary import Overlay, Regime

NBSP = "\u00a0"
# The adviser's case from the issue: a follow-up service for young people from a social
# entrepreneur, NOK 800 000 a year for 3 years, on a fixed date (2025-03-01: part I of the
# regulation for health and social services below their EEA threshold).
ADVISER = (
    "purpose=buy&annual_value=800000&years=3&service=health_social"
    "&provider=social_enterprise&authority=municipality&on_market=yes&date=2025-03-01"
)
ORDINARY_3M = (
    "purpose=buy&value=3000000&service=ordinary&provider=company&authority=municipality"
    "&on_market=yes&date=2025-03-01"
)
GRANT = (
    "purpose=grant&value=200000&service=ordinary&provider=social_enterprise"
    "&authority=municipality&on_market=yes&counter_performance=no&date=2025-03-01"
)


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _template_links(html: str) -> dict[str, str]:
    """{slug: url} of the template links on an answer page."""
    return {
        slug: url.replace("&amp;", "&")
        for url, slug in re.findall(r'href="(/veiviser/maler/([a-z-]+)/\?[^"]+)"', html)
    }


def _codes_with_templates(steps) -> dict[str, tuple[str, ...]]:
    return {step.code: step.templates for step in steps if step.templates}


def test_each_regime_links_the_templates_its_steps_need():
    assert _codes_with_templates(step_plan(regime=Regime.DEL_I, overlays=[Overlay.PROTOCOL])) == {
        "need": ("behovsbeskrivelse",),
        "protocol": ("anskaffelsesprotokoll",),
        "sign": ("samarbeidsavtale",),
    }
    assert _codes_with_templates(step_plan(regime=Regime.NOT_PROCUREMENT)) == {
        "grant_letter": ("tilskuddsbrev",)
    }
    assert _codes_with_templates(step_plan(regime=Regime.EXEMPT_RD)) == {
        "rd_agreement": ("samarbeidsavtale",)
    }
    # Above the EEA threshold: a protocol, but not the one for a direct award, and no
    # short agreement in place of the tender's contract.
    eea = _codes_with_templates(step_plan(regime=Regime.DEL_III, overlays=[Overlay.PROTOCOL]))
    assert eea == {"need": ("behovsbeskrivelse",)}
    assert _codes_with_templates(step_plan(regime=None)) == {"value": ("behovsbeskrivelse",)}


def test_every_template_slug_in_a_plan_exists():
    for regime in [*Regime.values, None]:
        for step in step_plan(regime=regime, overlays=list(Overlay.values)):
            for slug in step.templates:
                assert slug in TEMPLATES


@pytest.mark.django_db
def test_the_answer_page_links_the_templates_with_its_own_query(client, rule_rows):
    response = client.get(f"/veiviser/svar/?{ADVISER}")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-regime="DEL_I"' in html
    links = _template_links(html)
    assert set(links) == {"behovsbeskrivelse", "anskaffelsesprotokoll", "samarbeidsavtale"}
    for url in links.values():
        assert url.endswith(f"?{ADVISER}")
    assert "Mal: Behovsbeskrivelse" in html


@pytest.mark.django_db
def test_the_needs_description_is_prefilled_from_the_answer(client, rule_rows):
    response = client.get(f"/veiviser/maler/behovsbeskrivelse/?{ADVISER}")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="behovsbeskrivelse-2025-03-01.docx"'
    )
    text = _docx_text(response.content)
    assert text.startswith("Behovsbeskrivelse")
    assert "1. mars 2025" in text  # the date of the answer
    assert f"kr 800{NBSP}000 per år i 3 år, til sammen kr 2{NBSP}400{NBSP}000" in text
    assert "Helse- og sosialtjenester" in text
    assert "Del I av anskaffelsesforskriften" in text
    # The thresholds that applied that day, with their amounts and citations.
    assert "EØS-terskelverdien for helse- og sosialtjenester" in text
    assert f"7{NBSP}800{NBSP}000" in text
    assert "FOA § 5-3" in text
    # The cited rules, and the link back to the same answer.
    assert "LOA § 4" in text
    assert f"/veiviser/svar/?{ADVISER}" in text


@pytest.mark.django_db
def test_the_direct_award_protocol_warns_where_a_notice_is_required(client, rule_rows):
    text = _docx_text(client.get(f"/veiviser/maler/anskaffelsesprotokoll/?{ORDINARY_3M}").content)
    assert "Anskaffelsesprotokoll for direkte anskaffelse" in text
    assert "plikt til å kunngjøre konkurransen" in text
    assert f"kr 3{NBSP}000{NBSP}000" in text
    part_i = _docx_text(client.get(f"/veiviser/maler/anskaffelsesprotokoll/?{ADVISER}").content)
    assert "plikt til å kunngjøre" not in part_i
    assert "Ingen fast prosedyre gjelder" in part_i


@pytest.mark.django_db
def test_the_grant_letter_and_the_agreement_are_prefilled(client, rule_rows):
    grant = _docx_text(client.get(f"/veiviser/maler/tilskuddsbrev/?{GRANT}").content)
    assert grant.startswith("Tilskuddsbrev")
    assert "Ikke en anskaffelse" in grant
    assert "klagefristen er tre uker" in grant
    agreement = _docx_text(client.get(f"/veiviser/maler/samarbeidsavtale/?{ADVISER}").content)
    assert "Samarbeidsavtale mellom kommune og sosial entreprenør" in agreement
    assert "En sosial entreprenør" in agreement
    assert "databehandleravtale" in agreement


@pytest.mark.django_db
def test_a_nynorsk_reader_gets_the_template_in_nynorsk(client, rule_rows):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    text = _docx_text(client.get(f"/veiviser/maler/behovsbeskrivelse/?{ADVISER}").content)
    assert text.startswith("Behovsskildring")
    assert "Mal frå Kokeboka" in text
    assert "Del I av anskaffingsforskrifta" in text
    assert "Helse- og sosialtenester" in text
    assert "Fakta frå vegvisaren" in text


@pytest.mark.django_db
def test_an_english_reader_gets_the_norwegian_document(client, rule_rows):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = _docx_text(client.get(f"/veiviser/maler/behovsbeskrivelse/?{ADVISER}").content)
    assert text.startswith("Behovsbeskrivelse")
    assert "Helse- og sosialtjenester" in text


@pytest.mark.django_db
def test_a_template_url_is_made_canonical(client, rule_rows):
    response = client.get(
        "/veiviser/maler/behovsbeskrivelse/?on_market=yes&purpose=buy&annual_value=800000"
        "&years=3&service=health_social&provider=social_enterprise&authority=municipality"
        "&date=2025-03-01&utm_source=x"
    )
    assert response.status_code == 302
    assert response["Location"] == f"/veiviser/maler/behovsbeskrivelse/?{ADVISER}"


@pytest.mark.django_db
def test_incomplete_answers_go_back_to_the_guide_and_unknown_templates_are_not_found(
    client, rule_rows
):
    incomplete = client.get("/veiviser/maler/behovsbeskrivelse/?purpose=buy")
    assert incomplete.status_code == 302
    assert incomplete["Location"].startswith("/veiviser/svar/?")
    assert client.get(f"/veiviser/maler/kontrakt/?{ADVISER}").status_code == 404


@pytest.mark.django_db
def test_a_template_is_bounded_work_and_cached_for_anonymous_visitors(rule_rows):
    first, second = Client(), Client()
    with CaptureQueriesContext(connection) as queries:
        response = first.get(f"/veiviser/maler/samarbeidsavtale/?{ADVISER}")
    assert response.status_code == 200
    assert len(queries) <= 4  # one answer: thresholds, pending thresholds, rules
    assert len(response.content) < 100_000
    assert response["X-Page-Cache"] == "miss"
    again = second.get(f"/veiviser/maler/samarbeidsavtale/?{ADVISER}")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == response.content
    assert "csrftoken" not in again.cookies


@pytest.mark.django_db
def test_the_answer_page_with_templates_and_save_link_is_still_a_cache_hit(rule_rows):
    first, second = Client(), Client()
    response = first.get(f"/veiviser/svar/?{ADVISER}")
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    assert f'href="/samarbeid/lagre-svar/?{ADVISER.replace("&", "&amp;")}"' in html
    again = second.get(f"/veiviser/svar/?{ADVISER}")
    assert again["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_the_save_link_of_an_answer_for_today_carries_todays_date(client, rule_rows):
    from apps.rules.selectors import today_oslo

    undated = ADVISER.replace("&date=2025-03-01", "")
    html = client.get(f"/veiviser/svar/?{undated}").content.decode()
    today = today_oslo().isoformat()
    assert f'href="/samarbeid/lagre-svar/?{undated.replace("&", "&amp;")}&amp;date={today}"' in html


def test_documents_are_built_without_the_database():
    """The document is a pure function of the answer (the view reads the rule rows)."""
    from apps.routeguide.documents import build_docx
    from apps.routeguide.engine import decide

    from .ruledata import rule_data_on

    on = datetime.date(2025, 3, 1)
    situation = Situation(
        purpose="buy",
        service="goods",
        provider="company",
        authority="state",
        on_market="yes",
        on=on,
        value=150_000,
    )
    answer = decide(situation, rule_data_on(on))
    content = build_docx(
        TEMPLATES["anskaffelsesprotokoll"],
        answer,
        language="nb",
        answer_url="https://kokeboka.example/veiviser/svar/?x",
        today=on,
    )
    text = _docx_text(content)
    assert f"kr 150{NBSP}000" in text
    assert "Staten" in text
    assert "Anskaffelsesprotokoll for direkte anskaffelse" in text
