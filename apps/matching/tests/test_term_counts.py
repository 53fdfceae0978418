"""The term counts (MatchTermCount) move with the index rows in every write, so the rarity
the ranking reads from them is the one counting the index rows would give (issue 13,
docs/decisions/0029-matching-at-national-volume.md)."""

import pytest
from django.db.models import Count

from apps.matching import selectors, services
from apps.matching.models import MatchTerm, MatchTermCount, TermKind

pytestmark = pytest.mark.django_db


def _counted() -> dict[tuple[str, str], int]:
    """The counts as the index rows give them (what the ranking used to compute)."""
    return {
        (kind, term): n
        for kind, term, n in MatchTerm.objects.values("kind", "term")
        .annotate(n=Count("id"))
        .values_list("kind", "term", "n")
    }


def _kept() -> dict[tuple[str, str], int]:
    return {
        (kind, term): n
        for kind, term, n in MatchTermCount.objects.filter(documents__gt=0).values_list(
            "kind", "term", "documents"
        )
    }


def test_counts_follow_indexing_editing_and_deleting(
    dropout_need, offers, make_offer, django_capture_on_commit_callbacks
):
    assert _kept() == _counted()
    assert _kept()[(TermKind.OFFER, "s:oppvekst_utdanning")] == 2
    mentor = offers["mentor"]
    with django_capture_on_commit_callbacks(execute=True):
        mentor.description = "Frivillige mentorer hjelper eldre med digitale tjenester."
        mentor.save()
    assert _kept() == _counted()
    assert (TermKind.OFFER, "w:digital") in _kept()
    with django_capture_on_commit_callbacks(execute=True):
        offers["farm"].delete()
    assert _kept() == _counted()
    assert _kept()[(TermKind.OFFER, "s:oppvekst_utdanning")] == 1
    services.unindex(kind=TermKind.NEED, object_id=dropout_need.pk)
    assert _kept() == _counted()
    assert not any(kind == TermKind.NEED for kind, _term in _kept())


def test_reindexing_unchanged_text_leaves_the_counts_alone(offers):
    before = _kept()
    services.index_offers(offers=services.offer_index_queryset())
    assert _kept() == before == _counted()


def test_reindex_recounts_after_rows_were_deleted_by_hand(dropout_need, offers):
    MatchTerm.objects.filter(kind=TermKind.OFFER).delete()
    assert _kept() != _counted()
    services.reindex_all()
    assert _kept() == _counted()
    assert _kept()[(TermKind.OFFER, "s:oppvekst_utdanning")] == 2


def test_the_ranking_reads_the_same_counts_as_counting_the_rows(dropout_need, offers):
    query = selectors._query_document(TermKind.NEED, dropout_need)
    counted = {term: n for (kind, term), n in _counted().items() if kind == TermKind.OFFER}
    expected = {
        term: counted[term]
        for term in query
        if term in counted and term[:2] in ("w:", "p:", "c:", "s:", "g:")
    }
    assert selectors._term_counts(TermKind.OFFER, query) == expected
    assert expected["w:skol"] == 1
