"""The configured search backend stems Norwegian on both databases: on save, on a full
rebuild (update_index), for phrases; autocomplete matches unstemmed prefixes."""

import os

import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase, PlainText
from wagtail.models import Page

from apps.rules.models import LegalRule

from .factories import LegalRuleFactory, standard_page

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite index layout")


def rule_codes(query) -> set[str]:
    return {rule.code for rule in get_search_backend().search(query, LegalRule.objects.all())}


@pytest.fixture
def rules(db):
    LegalRuleFactory(code="a", title="Anskaffelsen", summary="Kommunen kjøper tjenester.")
    LegalRuleFactory(code="b", title="Tjenestene", summary="Sosiale entreprenører leverer.")
    LegalRuleFactory(code="c", title="Leverandører", summary="Entreprenører med sosiale mål.")


def test_configured_backend_matches_the_database():
    backend = get_search_backend()
    if os.environ.get("OPENSEARCH_URL"):  # docs/operations.md, "Search"
        assert type(backend).__module__ == "modelsearch.backends.opensearch3"
    elif connection.vendor == "sqlite":
        assert type(backend).__module__ == "apps.search.backends.norwegian_sqlite"
    else:
        assert backend.config == "norwegian"


@pytest.mark.parametrize("query", ["anskaffelser", "ANSKAFFELSE", "anskaffelsene"])
def test_plain_text_is_stemmed(rules, query):
    assert rule_codes(PlainText(query)) == {"a"}


def test_phrase_is_stemmed_and_keeps_word_order(rules):
    assert rule_codes(Phrase("sosial entreprenør")) == {"b"}
    assert rule_codes(Phrase("sosiale entreprenørene")) == {"b"}
    assert rule_codes(PlainText("sosial entreprenør")) == {"b", "c"}


def test_quotes_and_operators_in_the_query_are_only_text(rules):
    assert rule_codes(PlainText('tjenester" OR "x')) == set()
    assert rule_codes(PlainText("tjenester'")) == {"a", "b"}


def test_autocomplete_matches_word_prefixes(rules):
    found = get_search_backend().autocomplete("Anskaf", LegalRule.objects.all())
    assert {rule.code for rule in found} == {"a"}
    assert list(get_search_backend().autocomplete('"', LegalRule.objects.all())) == []


def test_update_index_rebuild_keeps_stemming(home_page, rules):
    standard_page(home_page, title="Innkjøp", intro="Om anskaffelser i kommunen.")
    call_command("update_index", verbosity=0)
    assert rule_codes(PlainText("anskaffelser")) == {"a"}
    pages = get_search_backend().search(PlainText("anskaffelsen"), Page.objects.live())
    assert [page.title for page in pages] == ["Innkjøp"]


def test_saving_again_replaces_the_indexed_text(rules):
    rule = LegalRule.objects.get(code="a")
    rule.title = "Terskelverdiene"
    rule.save()
    assert rule_codes(PlainText("anskaffelse")) == set()
    assert rule_codes(PlainText("terskelverdi")) == {"a"}


@on_sqlite
def test_sqlite_index_stores_stems_and_keeps_autocomplete_as_typed(rules):
    index_entry = get_app_config().get_model("IndexEntry")
    rule = LegalRule.objects.get(code="a")
    entry = index_entry.objects.get(object_id=str(rule.pk), content_type__model="legalrule")
    assert entry.title == "anskaff"
    assert "kommun" in entry.body.split()
    assert entry.autocomplete == "Anskaffelsen"
