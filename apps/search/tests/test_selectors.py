import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from apps.core.models import StandardPage
from apps.search.selectors import MAX_QUERY_LENGTH, site_search

from .factories import LegalRuleFactory, draft_page, standard_page, unpublished_page

pytestmark = pytest.mark.django_db

WORD_FORMS = ["anskaffelsen", "anskaffelser", "anskaffelse"]


@pytest.fixture
def three_forms(home_page):
    """One item for each form of the word, spread over pages and rules."""
    standard_page(
        home_page,
        title="Dialog før konkurranse",
        intro="Slik planlegger kommunen anskaffelsen sammen med markedet.",
    )
    standard_page(
        home_page,
        title="Små oppdrag",
        intro="Mindre anskaffelser kan gjøres enklere enn store.",
    )
    LegalRuleFactory(
        code="foa-2-1",
        citation="FOA § 2-1",
        title="Terskelverdier",
        summary="Hver anskaffelse skal vurderes mot terskelverdiene.",
    )


def titles(results) -> set[str]:
    return {item.title for item in results.items}


@pytest.mark.parametrize("query", WORD_FORMS)
def test_every_form_of_the_word_finds_all_three_items(three_forms, query):
    results = site_search(query=query, page_number=1)
    assert results.total == 3
    assert titles(results) == {
        "Dialog før konkurranse",
        "Små oppdrag",
        "FOA § 2-1 – Terskelverdier",
    }


def test_result_types_are_labelled(three_forms):
    with translation.override("en"):
        results = site_search(query="anskaffelse", page_number=1)
    labels = {item.title: item.type_label for item in results.items}
    assert labels["Dialog før konkurranse"] == "Page"
    assert labels["FOA § 2-1 – Terskelverdier"] == "Legal rule"


def test_snippet_marks_other_forms_of_the_word(three_forms):
    results = site_search(query="anskaffelser", page_number=1)
    snippets = {item.title: str(item.snippet) for item in results.items}
    assert "<mark>anskaffelsen</mark>" in snippets["Dialog før konkurranse"]
    assert "<mark>anskaffelser</mark>" in snippets["Små oppdrag"]
    assert "<mark>anskaffelse</mark>" in snippets["FOA § 2-1 – Terskelverdier"]
    assert "<mark>kommunen</mark>" not in snippets["Dialog før konkurranse"]


def test_search_description_is_preferred_for_the_snippet(home_page):
    standard_page(
        home_page,
        title="Veileder",
        intro="Innledning om anskaffelser.",
        search_description="Kort om anskaffelser for søkeresultater.",
    )
    (item,) = site_search(query="anskaffelser", page_number=1).items
    assert str(item.snippet) == "Kort om <mark>anskaffelser</mark> for søkeresultater."


def test_long_text_is_cut_around_the_first_match(home_page):
    intro = " ".join(["fyllord"] * 100 + ["innovasjonspartnerskap"] + ["etterord"] * 100)
    standard_page(home_page, title="Lang side", intro=intro)
    (item,) = site_search(query="innovasjonspartnerskap", page_number=1).items
    snippet = str(item.snippet)
    assert snippet.startswith("… ")
    assert snippet.endswith(" …")
    assert "<mark>innovasjonspartnerskap</mark>" in snippet
    assert len(snippet) < 300


def test_drafts_and_unpublished_pages_are_never_found(home_page):
    draft_page(home_page, title="Utkast om anskaffelser", intro="anskaffelsen i utkast")
    unpublished_page(home_page, title="Avpublisert om anskaffelser", intro="anskaffelsen borte")
    standard_page(home_page, title="Publisert om anskaffelser")
    for query in WORD_FORMS:
        assert titles(site_search(query=query, page_number=1)) == {"Publisert om anskaffelser"}


def test_draft_changes_to_a_live_page_are_not_searchable(home_page):
    page = standard_page(home_page, title="Innkjøp", intro="Om innkjøp.")
    page.intro = "Hemmelig anskaffelse i arbeid."
    page.save_revision()
    assert site_search(query="anskaffelse", page_number=1).total == 0
    assert site_search(query="innkjøp", page_number=1).total == 1


def test_private_pages_are_never_found(home_page):
    section = standard_page(home_page, title="Intern seksjon", intro="anskaffelser internt")
    standard_page(section, title="Intern underside", intro="anskaffelser i undersiden")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert site_search(query="anskaffelser", page_number=1).total == 0


def test_pending_rules_are_found_and_labelled_as_proposed(db):
    LegalRuleFactory(
        code="ny-regel", title="Ny regel om reservert kontrakt", pending=True, valid_from=None
    )
    with translation.override("en"):
        (item,) = site_search(query="reservert kontrakt", page_number=1).items
    assert item.type_label == "Legal rule"
    assert item.status_label == "Proposed"
    assert item.url == "/regelverk/#ny-regel"


def test_all_words_must_match(home_page):
    standard_page(home_page, title="Sosiale entreprenører", intro="Samarbeid med kommunen.")
    standard_page(home_page, title="Sosiale medier", intro="Om kanaler.")
    assert titles(site_search(query="sosiale kommuner", page_number=1)) == {"Sosiale entreprenører"}


def test_quoted_words_are_a_phrase(home_page):
    standard_page(
        home_page, title="A", intro="Kommunen kjøper tjenester fra sosiale entreprenører."
    )
    standard_page(home_page, title="B", intro="Entreprenører med sosiale mål leverer tjenester.")
    assert titles(site_search(query='"sosiale entreprenører"', page_number=1)) == {"A"}
    assert titles(site_search(query="sosiale entreprenører", page_number=1)) == {"A", "B"}


def test_stop_words_are_ignored_like_postgresql_does(home_page):
    standard_page(home_page, title="Tjenester", intro="Kommunen kjøper tjenester.")
    assert titles(site_search(query="tjenester og", page_number=1)) == {"Tjenester"}
    only_stop_words = site_search(query="og i på", page_number=1)
    assert only_stop_words.searched
    assert only_stop_words.total == 0


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_searches_nothing(db, query):
    results = site_search(query=query, page_number=1)
    assert not results.searched
    assert results.items == []
    assert results.page is None


def test_punctuation_only_query_finds_nothing(home_page):
    standard_page(home_page, title="Tegn", intro="Noe tekst.")
    results = site_search(query='"" *** ()', page_number=1)
    assert results.searched
    assert results.total == 0


def test_very_long_query_is_truncated(home_page):
    standard_page(home_page, title="Anskaffelser", intro="Om anskaffelser.")
    results = site_search(query="anskaffelser " + "x" * 5000, page_number=1)
    assert len(results.query) == MAX_QUERY_LENGTH
    assert results.query.startswith("anskaffelser x")


def test_results_are_paginated(home_page):
    for number in range(23):
        home_page.add_child(instance=StandardPage(title=f"Anskaffelse {number:02}", live=True))
    first = site_search(query="anskaffelse", page_number=1, per_page=10)
    third = site_search(query="anskaffelse", page_number=3, per_page=10)
    beyond = site_search(query="anskaffelse", page_number=99, per_page=10)
    assert first.total == 23
    assert len(first.items) == 10
    assert len(third.items) == 3
    assert third.page.number == 3
    assert beyond.page.number == 3
    all_titles = [
        item.title
        for page_number in (1, 2, 3)
        for item in site_search(query="anskaffelse", page_number=page_number).items
    ]
    assert sorted(all_titles) == [f"Anskaffelse {number:02}" for number in range(23)]


def test_pages_and_rules_are_merged_by_relevance(home_page):
    filler = " ".join(["Teksten handler mest om andre ting enn dette."] * 8)
    standard_page(
        home_page, title="Innovasjonspartnerskap", intro="Innovasjonspartnerskap i praksis."
    )
    standard_page(home_page, title="Svak side", intro=f"{filler} Innovasjonspartnerskap. {filler}")
    LegalRuleFactory(
        title="Innovasjonspartnerskap", summary="Innovasjonspartnerskap er en prosedyre."
    )
    LegalRuleFactory(title="Svak regel", summary=f"{filler} Innovasjonspartnerskap. {filler}")
    with translation.override("en"):
        results = site_search(query="innovasjonspartnerskap", page_number=1)
    order = [item.title.split(" – ")[-1] for item in results.items]
    assert order[:2] == ["Innovasjonspartnerskap", "Innovasjonspartnerskap"]
    assert {item.type_label for item in results.items[:2]} == {"Page", "Legal rule"}
    assert set(order[2:]) == {"Svak side", "Svak regel"}
    scores = [item.score for item in results.items]
    assert scores == sorted(scores, reverse=True)
