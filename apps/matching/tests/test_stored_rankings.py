"""Stored rankings (apps.matching.rankings): the second view of a need's or an offer's
matches reads the ranking from the cache, and every write that can change a ranking shows
on the next view (issue 13; docs/decisions/0036-stored-rankings.md)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.tests.helpers import force_login_verified
from apps.broker.models import NeedStatus, NeedVisibility
from apps.matching import selectors, services
from apps.matching.models import MatchTerm

pytestmark = pytest.mark.django_db


def _titles(matches) -> list[str]:
    return [(match.offer or match.need).title for match in matches]


def _ranking(matches) -> list[tuple]:
    return [
        ((match.offer or match.need).pk, match.score, match.pinned, match.reasons)
        for match in matches
    ]


def _candidate_queries(call) -> int:
    """How many candidate queries (the ranking's aggregate over the index) ``call`` ran."""
    with CaptureQueriesContext(connection) as queries:
        call()
    return sum("WITH found AS MATERIALIZED" in query["sql"] for query in queries)


def test_the_second_view_reads_the_stored_ranking_and_shows_the_same(dropout_need, offers):
    first = selectors.matches_for_need(need=dropout_need, limit=30)
    assert _candidate_queries(lambda: selectors.matches_for_need(need=dropout_need, limit=30)) == 0
    again = selectors.matches_for_need(need=dropout_need, limit=30)
    fresh = selectors.matches_for_need(need=dropout_need, limit=30, stored=False)
    assert _ranking(again) == _ranking(first) == _ranking(fresh)
    assert _titles(first)[0] == offers["mentor"].title


def test_without_storing_every_view_ranks(dropout_need, offers):
    selectors.matches_for_need(need=dropout_need, limit=30)
    call = lambda: selectors.matches_for_need(need=dropout_need, limit=30, stored=False)  # noqa: E731
    assert _candidate_queries(call) == 1


def test_a_changed_offer_shows_on_the_next_view(
    english, people, dropout_need, offers, django_capture_on_commit_callbacks
):
    url = reverse("matching:need-matches", args=[dropout_need.pk])
    food = offers["food"]
    assert food.title not in english.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        food.title = "Mentorer for elever som dropper ut av videregående"
        food.description = "Mentorer følger elever som slutter på skolen før de har fullført."
        food.save()
    page = english.get(url).content.decode()
    assert "Mentorer for elever som dropper ut av videregående" in page


def test_an_offer_that_is_no_longer_public_leaves_the_next_view(english, dropout_need, offers):
    url = reverse("matching:need-matches", args=[dropout_need.pk])
    mentor = offers["mentor"]
    assert mentor.title in english.get(url).content.decode()
    mentor.active = False
    mentor.save()  # the index is not rewritten yet (the task runs after the commit)
    assert MatchTerm.objects.filter(kind="offer", object_id=mentor.pk).exists()
    assert mentor.title not in english.get(url).content.decode()


def test_an_index_write_makes_the_stored_rankings_stale(dropout_need, offers):
    selectors.matches_for_need(need=dropout_need, limit=30)
    services.index_offer(offer=offers["farm"])
    call = lambda: selectors.matches_for_need(need=dropout_need, limit=30)  # noqa: E731
    assert _candidate_queries(call) == 1


def test_a_brokers_pin_and_undo_show_on_the_next_view(english, people, dropout_need, offers):
    url = reverse("matching:need-matches", args=[dropout_need.pk])
    force_login_verified(english, people["own_broker"])
    assert "Marked as relevant</span>" not in english.get(url).content.decode()
    services.match_pin(need=dropout_need, offer=offers["food"], user=people["own_broker"])
    assert "Marked as relevant</span>" in english.get(url).content.decode()
    services.match_undo(need=dropout_need, offer=offers["food"], user=people["own_broker"])
    assert "Marked as relevant</span>" not in english.get(url).content.decode()


def test_a_brokers_pin_is_not_stored_for_other_viewers(english, people, dropout_need, offers):
    services.match_pin(need=dropout_need, offer=offers["food"], user=people["own_broker"])
    url = reverse("matching:need-matches", args=[dropout_need.pk])
    force_login_verified(english, people["own_broker"])
    assert "Marked as relevant</span>" in english.get(url).content.decode()
    english.logout()
    assert "Marked as relevant</span>" not in english.get(url).content.decode()


def test_an_offers_stored_ranking_is_kept_per_visibility(english, people, make_offer, make_need):
    """Members of the owning organisation see its draft; nobody else does, also after a
    member's view was stored."""
    offer = make_offer(
        "Mentorer mot frafall",
        "Frivillige mentorer følger elever som slutter på skolen.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        national=True,
    )
    draft = make_need(
        "Utkast om unge som dropper ut av skolen",
        "Elever slutter på skolen før de har fullført.",
        status=NeedStatus.DRAFT,
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
    )
    url = reverse("matching:offer-matches", args=[offer.pk])
    force_login_verified(english, people["own_member"])
    assert draft.title in english.get(url).content.decode()
    force_login_verified(english, people["other_member"])
    assert draft.title not in english.get(url).content.decode()
    english.logout()
    assert draft.title not in english.get(url).content.decode()


def test_a_need_made_members_only_leaves_the_anonymous_view(english, dropout_need, make_offer):
    offer = make_offer(
        "Mentorer mot frafall",
        "Frivillige mentorer følger elever som slutter på skolen.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        national=True,
    )
    url = reverse("matching:offer-matches", args=[offer.pk])
    assert dropout_need.title in english.get(url).content.decode()
    dropout_need.visibility = NeedVisibility.MEMBERS
    dropout_need.save()
    assert dropout_need.title not in english.get(url).content.decode()
