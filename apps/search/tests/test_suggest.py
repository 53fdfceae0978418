"""«Did you mean»: a misspelt query gets a corrected one from the words of public text,
and the suggestion never comes from a row that is not public."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.broker.models import NeedStatus
from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory
from apps.core.cache import purge_page_cache
from apps.search import suggest
from apps.search.selectors import site_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def kompass(db):
    profile = ProfileFactory(
        organisation__name="Kompass & Co",
        summary="Arbeidstrening for unge med mat, hagearbeid og overskuddsmat.",
    )
    OfferFactory(profile=profile, title="Arbeidstrening i hage", description="Praktisk arbeid.")


def test_a_misspelt_word_gets_a_suggestion_that_finds_hits(kompass):
    results = site_search(query="arbeidstrenning", page_number=1)
    assert results.total == 0
    assert results.suggestion == "arbeidstrening"
    assert site_search(query=results.suggestion, page_number=1).total == 2


def test_each_unknown_word_is_corrected_and_known_words_are_kept(kompass):
    results = site_search(query="arbeidstrenning for unge", page_number=1)
    assert results.suggestion == "arbeidstrening for unge"


def test_a_query_with_enough_hits_gets_no_suggestion(kompass):
    ProfileFactory(organisation__name="Hage AS", summary="Arbeidstrening i hage.")
    assert site_search(query="arbeidstrening", page_number=1).suggestion == ""


def test_nothing_close_gives_no_suggestion(kompass):
    assert site_search(query="xyzzyqq", page_number=1).suggestion == ""


def test_words_of_private_rows_are_never_suggested(db):
    NeedFactory(
        title="Hemmelig velferdsteknologiprosjekt",
        description="Velferdsteknologiprosjekt i utkast.",
        status=NeedStatus.DRAFT,
    )
    assert "velferdsteknologiprosjekt" not in suggest.build_vocabulary().frequency
    assert site_search(query="velferdsteknologiprosjekkt", page_number=1).suggestion == ""


def test_the_vocabulary_is_cached_until_public_content_changes(kompass):
    with CaptureQueriesContext(connection) as first:
        suggest.vocabulary()
    with CaptureQueriesContext(connection) as second:
        known = suggest.vocabulary()
    assert len(first) >= 7
    assert len(second) == 0
    assert "gartneri" not in known.frequency
    ProfileFactory(organisation__name="Gartneriet", summary="Gartneri for unge.")
    purge_page_cache()  # what a public write does (apps.core.signals)
    assert "gartneri" in suggest.vocabulary().frequency


def test_the_vocabulary_is_capped(db, monkeypatch):
    monkeypatch.setattr(suggest, "VOCABULARY_MAX_WORDS", 3)
    ProfileFactory(organisation__name="Alfa", summary="Gartneri parkstell snekring maling.")
    assert len(suggest.build_vocabulary().words) == 3


def test_the_suggestion_link_on_the_page_gives_hits(client, kompass):
    html = client.get("/sok/", {"q": "arbeidstrenning"}).content.decode()
    assert 'href="/sok/?q=arbeidstrening"' in html
    assert "Mente du" in html
    followed = client.get("/sok/", {"q": "arbeidstrening"})
    assert followed.context["results"].total == 2
