"""Nynorsk forms find nynorsk pages, and the bokmål pages on the same subject, on SQLite and
PostgreSQL (the same stems reach both: apps/search/stemming.py)."""

import pytest

from apps.search.selectors import site_search
from apps.search.stemming import stem_word

from .factories import standard_page


@pytest.mark.parametrize(
    ("nynorsk", "bokmal"),
    [
        ("anskaffinga", "anskaffelsen"),
        ("anskaffingane", "anskaffelsene"),
        ("tilskotet", "tilskuddet"),
        ("tilskota", "tilskudd"),
        ("verksemda", "virksomheten"),
        ("verksemdene", "virksomhet"),
        ("kommunane", "kommunene"),
        ("løysingane", "løsningen"),
        ("tenestene", "tjenestene"),
        ("marknadsdialog", "markedsdialog"),
        ("tilskotsordninga", "tilskuddsordningen"),
        ("tryggheita", "trygghet"),
    ],
)
def test_a_nynorsk_form_has_the_stem_of_the_bokmal_word(nynorsk, bokmal):
    assert stem_word(nynorsk) == stem_word(bokmal)


def test_bokmal_words_keep_their_stems():
    assert stem_word("anskaffelser") == "anskaff"
    assert stem_word("kommuner") == "kommun"
    assert stem_word("tilskudd") == "tilskudd"


def test_nynorsk_stop_words_are_dropped():
    assert stem_word("ikkje") == stem_word("korleis") == ""


@pytest.fixture
def pages(home_page):
    standard_page(
        home_page,
        title="Tilskot eller anskaffing?",
        intro="Kommunane kan støtte verksemda til ein sosial entreprenør med tilskot.",
    )
    standard_page(
        home_page,
        title="Tilskudd eller anskaffelse?",
        intro="Kommunene kan støtte virksomheten til en sosial entreprenør med tilskudd.",
    )
    standard_page(home_page, title="Dialogmøte", intro="Om møta i dialogforumet.")


def titles(query: str) -> set[str]:
    return {item.title for item in site_search(query=query, page_number=1).items}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["anskaffinga", "tilskotet", "verksemda", "kommunane"])
def test_nynorsk_forms_find_the_nynorsk_and_the_bokmal_page(pages, query):
    assert titles(query) == {"Tilskot eller anskaffing?", "Tilskudd eller anskaffelse?"}


@pytest.mark.django_db
def test_bokmal_forms_find_the_nynorsk_page_too(pages):
    assert titles("tilskuddet virksomhetene") == {
        "Tilskot eller anskaffing?",
        "Tilskudd eller anskaffelse?",
    }


@pytest.mark.django_db
def test_a_nynorsk_phrase_is_matched_in_order(pages):
    assert titles('"sosial entreprenør med tilskot"') == {
        "Tilskot eller anskaffing?",
        "Tilskudd eller anskaffelse?",
    }
    assert titles('"tilskot med entreprenør"') == set()


@pytest.mark.django_db
def test_the_snippet_marks_the_nynorsk_form(pages):
    results = site_search(query="tilskotet", page_number=1)
    snippets = {item.title: str(item.snippet) for item in results.items}
    assert "<mark>tilskot</mark>" in snippets["Tilskot eller anskaffing?"]
    assert "<mark>tilskudd</mark>" in snippets["Tilskudd eller anskaffelse?"]


@pytest.mark.django_db
def test_a_nynorsk_version_is_found_with_its_address_and_an_alias_is_not(home_page):
    from wagtail.models import Locale

    nynorsk = Locale.objects.get(language_code="nn")
    section = standard_page(home_page, title="Seksjon", intro="Om innkjøp.")
    bokmal = standard_page(section, title="Tilskudd", intro="Om tilskuddet.")
    home_page.copy_for_translation(nynorsk).save_revision().publish()
    section.copy_for_translation(nynorsk, alias=True)
    translated = bokmal.copy_for_translation(nynorsk)
    translated.title = "Tilskot"
    translated.intro = "Om tilskotet."
    translated.save_revision().publish()

    results = site_search(query="tilskotet", page_number=1)
    assert {(item.title, item.url) for item in results.items} == {
        ("Tilskudd", bokmal.url),
        ("Tilskot", f"{bokmal.url}?malform=nn"),
    }
    assert [item.title for item in site_search(query="innkjøp", page_number=1).items] == ["Seksjon"]
