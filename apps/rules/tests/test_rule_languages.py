"""A rule's plain-language title and summary in the reader's language (bokmål, nynorsk,
English), with the bokmål text marked lang="nb" where a translation is missing; the shipped
texts load once and a database loaded before they existed takes them (docs/decisions/0019)."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from apps.rules import loader
from apps.rules.models import LegalRule

from .factories import LegalRuleFactory

pytestmark = pytest.mark.django_db


def _get(client, language: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/regelverk/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def rules(home_page):
    translated = LegalRuleFactory(
        code="reservert",
        title="Reserverte kontrakter",
        summary="Kommunen kan holde av en konkurranse for arbeidsintegrerende virksomheter.",
        title_nn="Reserverte kontraktar",
        summary_nn="Kommunen kan halde av ein konkurranse for arbeidsintegrerande verksemder.",
        title_en="Reserved contracts",
        summary_en="The municipality may reserve a competition for work-integration businesses.",
    )
    bokmal_only = LegalRuleFactory(
        code="bare-bokmal", title="Bare på bokmål", summary="Denne teksten finnes bare på bokmål."
    )
    return translated, bokmal_only


@pytest.mark.parametrize(
    ("language", "title", "summary"),
    [
        ("nb", "Reserverte kontrakter", "Kommunen kan holde av"),
        ("nn", "Reserverte kontraktar", "Kommunen kan halde av"),
        ("en", "Reserved contracts", "The municipality may reserve"),
    ],
)
def test_rule_text_is_in_the_readers_language_and_a_fallback_is_marked(
    client, rules, language, title, summary
):
    html = _get(client, language)
    assert re.search(rf'id="reservert-title" lang="{language}">{title}</h[34]>', html)
    assert re.search(rf'<p class="ds-paragraph" lang="{language}">{summary}', html)
    # No translation: the bokmål text, marked as bokmål in every interface language.
    assert re.search(r'id="bare-bokmal-title" lang="nb">Bare på bokmål</h[34]>', html)
    assert '<p class="ds-paragraph" lang="nb">Denne teksten finnes bare på bokmål.</p>' in html


def test_display_properties_fall_back_field_by_field(rules):
    translated, _bokmal_only = rules
    translated.summary_en = ""
    with translation.override("en"):
        assert (translated.display_title, translated.display_title_language) == (
            "Reserved contracts",
            "en",
        )
        assert translated.display_summary_language == "nb"
        assert translated.display_summary.startswith("Kommunen kan holde av")
    with translation.override("nb"):
        assert translated.display_title == "Reserverte kontrakter"
        assert translated.display_title_language == "nb"


def test_every_shipped_rule_has_nynorsk_and_english_text():
    loader.load_rules()
    for rule in LegalRule.objects.all():
        for name in ("title_nn", "summary_nn", "title_en", "summary_en"):
            assert getattr(rule, name).strip(), (rule.code, name)
        # Written, not copied: each text differs from the bokmål one except a few
        # titles that read the same in both written standards.
        assert rule.summary_nn != rule.summary and rule.summary_en != rule.summary, rule.code
    rule = LegalRule.objects.get(code="foa-8-8")
    assert rule.title_en == "Reserved contracts (Part II)"
    assert "30 per cent" in rule.summary_en and "30 prosent" in rule.summary_nn


def test_a_row_loaded_before_the_translations_takes_them_and_an_edited_row_is_kept():
    """Rows loaded by the loader before the nynorsk and English keys carry a checksum of the
    older fields: they are still the shipped rows and take the texts; a row an editor has
    changed since is left as it is."""
    loader.load_rules()
    for code in ("loa-2", "loa-4"):
        row = LegalRule.objects.get(code=code)
        row.title_nn = row.summary_nn = row.title_en = row.summary_en = ""
        row.data_checksum = loader.checksum(
            loader._current_values(row, loader.RULE_FIELDS_BEFORE_TRANSLATIONS)
        )
        row.save()
    edited = LegalRule.objects.get(code="loa-4")
    edited.summary = "Endret av redaktøren"
    edited.save()

    report = loader.load_rules()

    upgraded = LegalRule.objects.get(code="loa-2")
    assert upgraded.title_en == "Scope and the lower threshold"
    assert upgraded.summary_nn.startswith("Anskaffingslova gjeld")
    assert upgraded.data_checksum == loader.checksum(
        loader._current_values(upgraded, loader.RULE_FIELDS)
    )
    assert "loa-2" in report.updated
    edited.refresh_from_db()
    assert edited.summary == "Endret av redaktøren" and edited.title_en == ""
    assert "loa-4" in report.kept_editor_version
    # And loading again changes nothing.
    again = loader.load_rules()
    assert again.updated == [] and again.created == []
