"""PostgreSQL: the search page counted and ranked straight from the index entries
(apps.search.index_entries) finds exactly what searching each source through the backend
finds, in the same order, in a fixed number of statements; and its stored answers
(apps.search.stored) are dropped when what they count changes."""

import datetime

import pytest
from django.db import connection
from django.db.models import IntegerField
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.broker.models import NeedStatus, NeedVisibility, ReviewStatus
from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory
from apps.core.cache import purge_page_cache
from apps.events.models import EventStatus
from apps.events.tests.factories import EventFactory
from apps.fund.tests.factories import CallFactory
from apps.search import selectors
from apps.search.index_entries import Branch, IndexEntrySearch
from apps.search.selectors import (
    SOURCES,
    TYPE_ALL,
    TYPE_ENTREPRENEURS,
    TYPE_NEEDS,
    TYPE_PAGES,
    build_search_query,
    site_search,
)
from apps.search.stemming import stems

from .factories import LegalRuleFactory, draft_page, many_pages, standard_page

pytestmark = pytest.mark.django_db

WORD = "arbeidstrening"


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches each source through its FTS5 backend")


@pytest.fixture
def every_kind(home_page):
    """Public and non-public rows of every source, all saying the word."""
    text = f"{WORD.capitalize()} for unge voksne."
    standard_page(home_page, title=f"{WORD.capitalize()} i kommunen", intro=text)
    many_pages(home_page, count=3, intro=text)
    draft_page(home_page, title="Utkast", intro=text)
    LegalRuleFactory(title="Regel om arbeidstrening", summary=text)
    for number in range(4):
        NeedFactory(title=f"Behov {number}", description=text)
    NeedFactory(title="Utkast", description=text, status=NeedStatus.DRAFT)
    NeedFactory(title="Medlemmer", description=text, visibility=NeedVisibility.MEMBERS)
    NeedFactory(title="Utløpt", description=text, expires_at=timezone.localdate() - _DAY)
    approved = ProfileFactory(organisation__name="Synlig", summary=text)
    pending = ProfileFactory(
        organisation__name="Skjult", summary=text, review_status=ReviewStatus.PENDING
    )
    OfferFactory(profile=approved, title="Tilbud", description=text)
    OfferFactory(profile=approved, title="Inaktivt", description=text, active=False)
    OfferFactory(profile=pending, title="Skjult tilbud", description=text)
    CallFactory(title="Utlysning", text=text)
    CallFactory(title="Upublisert", text=text, published=False)
    EventFactory(title="Møte", summary=text)
    EventFactory(title="Utkast til møte", summary=text, status=EventStatus.DRAFT)


_DAY = datetime.timedelta(days=1)


def _both(query: str, type: str, *, any_word: bool = False):
    kwargs = {
        "query": query,
        "any_word": any_word,
        "search_query": build_search_query(query, any_word=any_word),
        "query_stems": frozenset(stems(query)),
        "sources": SOURCES,
        "request": None,
        "type": type,
    }
    return selectors._BackendResults(**kwargs), selectors._IndexEntryResults(**kwargs)


def _shown(results, start: int, stop: int) -> list[tuple]:
    return [(item.type_label, item.title, item.url, item.score) for item in results[start:stop]]


@pytest.mark.parametrize("query", [WORD, "arbeidstrening unge", "kvantefysikk"])
@pytest.mark.parametrize("type", [TYPE_ALL, TYPE_PAGES, TYPE_NEEDS, TYPE_ENTREPRENEURS])
def test_the_index_entries_find_what_each_backend_search_finds(every_kind, query, type):
    through_backend, from_entries = _both(query, type)
    assert from_entries.counts() == through_backend.counts()
    for start, stop in ((0, 5), (3, 9), (0, 50)):
        assert _shown(from_entries, start, stop) == _shown(through_backend, start, stop)


def test_every_source_is_counted_in_one_statement(every_kind):
    _through_backend, from_entries = _both(WORD, TYPE_ALL)
    # Made first: the pages' queryset reads their view restrictions when it is made.
    assert from_entries.search is not None
    with CaptureQueriesContext(connection) as queries:
        counts = from_entries.counts()
    assert len(queries) == 1
    # Pages (4 live of 5), a rule, 4 of 7 needs, 1 of 2 profiles, 1 of 3 offers, 1 of 2
    # calls, 1 of 2 meetings.
    assert counts == [4, 1, 4, 1, 1, 1, 1]


def test_the_page_statement_answers_the_counts_and_the_ranked_rows_together(every_kind):
    for query in (WORD, "arbeidstrening unge"):
        search = IndexEntrySearch(
            selectors.get_search_backend(),
            build_search_query(query),
            [Branch(model=source.model, public=source.public()) for source in SOURCES],
        )
        for indexes in ([0, 1, 2, 3, 4, 5, 6], [2], [3, 4]):
            for start, stop in ((0, 3), (2, 10), (10, 20)):
                assert search.page(indexes, start, stop) == (
                    search.counts(),
                    search.ranked(indexes, start, stop),
                )


def test_every_source_is_read_by_an_integer_id():
    for source in SOURCES:
        assert isinstance(source.model._meta.pk, IntegerField), source.model


def _full_text_statements(query: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        results = site_search(query=query, page_number=1, per_page=50)
    statements = [
        q["sql"] for q in queries.captured_queries if "wagtailsearch_indexentry" in q["sql"]
    ]
    return len(statements), [item.title for item in results.items]


def test_the_same_search_again_reads_its_stored_answer(db):
    NeedFactory(title="Arbeidstrening i Asker", description="Unge voksne.")
    assert _full_text_statements(WORD) == (1, ["Arbeidstrening i Asker"])
    assert _full_text_statements(WORD) == (0, ["Arbeidstrening i Asker"])


def test_a_new_row_in_the_index_drops_the_stored_answers(db):
    NeedFactory(title="Arbeidstrening i Asker", description="Unge voksne.")
    assert _full_text_statements(WORD)[1] == ["Arbeidstrening i Asker"]
    NeedFactory(title="Arbeidstrening i Bærum", description="Unge voksne.")
    statements, titles = _full_text_statements(WORD)
    assert statements == 1
    assert sorted(titles) == ["Arbeidstrening i Asker", "Arbeidstrening i Bærum"]


def test_a_row_that_stops_being_public_drops_the_stored_answers(db):
    need = NeedFactory(title="Arbeidstrening i Asker", description="Unge voksne.")
    assert _full_text_statements(WORD)[1] == ["Arbeidstrening i Asker"]
    need.visibility = NeedVisibility.MEMBERS
    need.save()
    assert _full_text_statements(WORD) == (1, [])
    results = site_search(query=WORD, page_number=1)
    assert results.total == 0


def test_a_purge_of_the_page_cache_drops_the_stored_answers(db):
    NeedFactory(title="Arbeidstrening i Asker", description="Unge voksne.")
    _full_text_statements(WORD)
    purge_page_cache()  # what a page made private, or any public write, does
    assert _full_text_statements(WORD)[0] == 1


def test_stored_answers_are_kept_for_one_day(db, monkeypatch):
    NeedFactory(
        title="Arbeidstrening i Asker", description="Unge voksne.", expires_at=timezone.localdate()
    )
    assert _full_text_statements(WORD) == (1, ["Arbeidstrening i Asker"])
    tomorrow = timezone.localdate() + _DAY
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    # Expired overnight, with no write: the next day's answer is counted again.
    assert _full_text_statements(WORD) == (1, [])
    assert site_search(query=WORD, page_number=1).total == 0


def _page_queries(client) -> int:
    client.get("/sok/", {"q": WORD, "warm": "1"})  # Wagtail's site and content-type caches
    purge_page_cache()  # nothing stored: the cold page
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": WORD})
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    # The rule ranks first (the word in its title), needs fill the rest of the page.
    labels = [item.type_label for item in response.context["results"].items]
    assert labels[0] != labels[-1]
    return len(queries)


def test_the_search_page_costs_the_same_queries_at_two_data_sizes(client, home_page):
    LegalRuleFactory(title="Arbeidstrening", summary="Arbeidstrening for unge.")
    for number in range(3):
        NeedFactory(title=f"Behov {number}", description="Arbeidstrening for unge.")
    small = _page_queries(client)
    for number in range(3, 40):
        NeedFactory(title=f"Behov {number}", description="Arbeidstrening for unge.")
    large = _page_queries(client)
    assert large == small


def test_a_source_with_hits_but_none_on_the_page_costs_no_query(client, home_page):
    LegalRuleFactory(title="Arbeidstrening", summary="Arbeidstrening for unge.")
    for number in range(12):
        NeedFactory(title=f"Behov {number}", description="Arbeidstrening for unge.")
    with CaptureQueriesContext(connection) as queries:
        results = site_search(query=WORD, page_number=2, per_page=5)
    # The rule is first, on page 1; page 2 holds needs only.
    assert [item.title[:6] for item in results.items] == ["Behov "] * 5
    read_rules = [q for q in queries.captured_queries if q["sql"].startswith('SELECT "rules_')]
    assert read_rules == []
    assert [q for q in queries.captured_queries if q["sql"].startswith('SELECT "broker_need"')]
