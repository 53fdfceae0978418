"""Ranking from the index: visibility, reasons, index upkeep, feedback and query counts."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.broker.models import NeedStatus, NeedVisibility, ReviewStatus
from apps.broker.tests.factories import ProfileFactory
from apps.matching import selectors, services
from apps.matching.models import MatchTerm, TermKind


def _titles(matches):
    return [m.offer.title if m.offer is not None else m.need.title for m in matches]


def test_need_matches_rank_the_right_offer_first_with_reasons(dropout_need, offers):
    matches = selectors.matches_for_need(need=dropout_need)
    assert matches[0].offer == offers["mentor"]
    assert offers["food"] not in [m.offer for m in matches[:2]]
    reasons = {reason.kind: reason for reason in matches[0].reasons}
    assert reasons["sector"].detail == "Oppvekst og utdanning"
    assert reasons["target_group"].detail == "Ungdom"
    # Words are quoted as the offer writes them, not as stems.
    assert "videregående" in reasons["word"].detail
    assert "frafall" in reasons["concept"].detail.lower()
    assert reasons["area"].kind == "area"


def test_need_matches_only_list_public_offers(dropout_need, offers, make_offer):
    inactive = make_offer("Mentorer mot frafall", "Frafall i videregående", active=False)
    pending = make_offer(
        "Frafall i videregående skole",
        "Mentorer mot frafall",
        profile=ProfileFactory(review_status=ReviewStatus.PENDING),
    )
    lapsed = make_offer(
        "Frafall og mentorer i videregående",
        "Mentorer",
        profile=ProfileFactory(renewal_due=timezone.localdate() - datetime.timedelta(days=1)),
    )
    listed = [m.offer for m in selectors.matches_for_need(need=dropout_need, limit=50)]
    assert offers["mentor"] in listed
    assert not {inactive, pending, lapsed} & set(listed)


def test_offer_matches_only_list_needs_the_viewer_may_see(offers, make_need, people, oslo):
    text = {
        "description": "Elever dropper ut av videregående og slutter på skolen.",
        "sector_codes": ["oppvekst_utdanning"],
        "group_codes": ["ungdom"],
    }
    public = make_need("Frafall i videregående", **text)
    members = make_need("Frafall blant medlemmer", visibility=NeedVisibility.MEMBERS, **text)
    draft = make_need("Frafall utkast", status=NeedStatus.DRAFT, **text)
    other_draft = make_need("Frafall i Oslo", status=NeedStatus.DRAFT, organisation=oslo, **text)
    expired = make_need(
        "Frafall utløpt", expires_at=timezone.localdate() - datetime.timedelta(days=1), **text
    )

    def seen(user):
        return set(
            _titles(selectors.matches_for_offer(offer=offers["mentor"], user=user, limit=50))
        )

    assert seen(None) == {public.title}
    assert seen(people["other_member"]) == {public.title, members.title}
    assert seen(people["own_member"]) == {public.title, members.title, draft.title, expired.title}
    assert other_draft.title not in seen(people["own_broker"])
    # No short-cut for a superuser: not a member of any verified organisation either.
    assert seen(people["superuser"]) == {public.title}


def _offer_terms(offer) -> set[str]:
    return set(
        MatchTerm.objects.filter(kind=TermKind.OFFER, object_id=offer.pk).values_list(
            "term", flat=True
        )
    )


def test_index_follows_edits_and_m2m_changes_after_commit(
    dropout_need, offers, vocab, django_capture_on_commit_callbacks
):
    food = offers["food"]
    assert food not in [m.offer for m in selectors.matches_for_need(need=dropout_need, limit=1)]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        food.title = "Mentorer mot frafall i videregående skole"
        food.description = "Elever som slutter på skolen får en mentor."
        food.save()
        food.sectors.set([vocab[0]["oppvekst_utdanning"]])
        food.target_groups.set([vocab[1]["ungdom"]])
        # Inside the transaction the index is untouched: no text is analysed while the
        # write lock is held.
        assert "s:miljo_klima" in _offer_terms(food)
    assert callbacks
    terms = _offer_terms(food)
    assert "s:oppvekst_utdanning" in terms and "g:ungdom" in terms and "s:miljo_klima" not in terms
    top = [m.offer for m in selectors.matches_for_need(need=dropout_need, limit=2)]
    assert food in top
    food_pk = food.pk
    with django_capture_on_commit_callbacks(execute=True):
        food.delete()
    assert not MatchTerm.objects.filter(kind=TermKind.OFFER, object_id=food_pk).exists()


def test_one_transaction_enqueues_one_index_task(
    dropout_need, offers, vocab, django_capture_on_commit_callbacks, monkeypatch
):
    from types import SimpleNamespace

    from apps.matching import tasks

    sent = []
    fake = SimpleNamespace(enqueue=lambda **kwargs: sent.append(kwargs))
    monkeypatch.setattr(tasks, "refresh_index", fake)
    with django_capture_on_commit_callbacks(execute=True):
        for offer in offers.values():
            offer.description += " Oppdatert."
            offer.save()
            offer.sectors.set([vocab[0]["oppvekst_utdanning"]])
        dropout_need.save()
    assert sent == [
        {
            "need_ids": [dropout_need.pk],
            "offer_ids": sorted(offer.pk for offer in offers.values()),
        }
    ]


def test_refreshing_the_index_twice_gives_the_same_rows(dropout_need, offers):
    def rows():
        return sorted(MatchTerm.objects.values_list("kind", "object_id", "term", "weight"))

    ids = {"need_ids": [dropout_need.pk], "offer_ids": [o.pk for o in offers.values()]}
    services.index_refresh(**ids)
    once = rows()
    services.index_refresh(**ids)
    assert rows() == once
    # An id that no longer exists loses its rows; refreshing it again changes nothing.
    gone = offers["food"].pk
    with services.indexing_paused():
        offers["food"].delete()
    services.index_refresh(offer_ids=[gone])
    assert not MatchTerm.objects.filter(kind=TermKind.OFFER, object_id=gone).exists()
    services.index_refresh(offer_ids=[gone])
    assert len(rows()) < len(once)


def test_reindex_all_rebuilds_the_same_index(dropout_need, offers):
    before = sorted(MatchTerm.objects.values_list("kind", "object_id", "term"))
    MatchTerm.objects.all().delete()
    assert services.reindex_all() == (1, 3)
    assert sorted(MatchTerm.objects.values_list("kind", "object_id", "term")) == before


def test_pinning_puts_an_offer_first_and_dismissing_hides_it_and_lowers_lookalikes(
    dropout_need, offers, make_offer, people
):
    broker = people["own_broker"]
    lookalike = make_offer(
        "Mentorer mot frafall i skolen",
        "Frivillige mentorer følger elever.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
    )
    before = {m.offer: m.score for m in selectors.matches_for_need(need=dropout_need, user=broker)}

    services.match_pin(need=dropout_need, offer=offers["food"], user=broker)
    pinned = selectors.matches_for_need(need=dropout_need, user=broker)
    assert pinned[0].offer == offers["food"] and pinned[0].pinned

    services.match_dismiss(need=dropout_need, offer=offers["mentor"], user=broker)
    after = {m.offer: m for m in selectors.matches_for_need(need=dropout_need, user=broker)}
    assert offers["mentor"] not in after
    assert after[lookalike].score < before[lookalike]
    assert "dismissed_similar" in {reason.kind for reason in after[lookalike].reasons}
    # The closer an offer is to the dismissed one, the more it is lowered.
    assert after[lookalike].score / before[lookalike] < (
        after[offers["farm"]].score / before[offers["farm"]]
    )
    assert selectors.dismissed_offers(need=dropout_need) == [offers["mentor"]]

    # Nobody else's ranking moves: not another municipality's broker, not a member.
    for viewer in (None, people["own_member"], people["other_broker"]):
        plain = {m.offer: m for m in selectors.matches_for_need(need=dropout_need, user=viewer)}
        assert offers["mentor"] in plain and not any(m.pinned for m in plain.values())
        assert plain[lookalike].score == before[lookalike]

    services.match_undo(need=dropout_need, offer=offers["mentor"], user=broker)
    assert offers["mentor"] in {
        m.offer for m in selectors.matches_for_need(need=dropout_need, user=broker)
    }


def _make_many(make_offer, make_need, count):
    for index in range(count):
        make_offer(
            f"Mentorer mot frafall {index}",
            "Elever som slutter på skolen får en mentor.",
            sector_codes=["oppvekst_utdanning"],
            group_codes=["ungdom"],
        )
        make_need(
            f"Frafall i videregående {index}",
            "Elever dropper ut.",
            sector_codes=["oppvekst_utdanning"],
            group_codes=["ungdom"],
        )


def _count(function, **kwargs):
    if kwargs.get("user") is not None:
        # A fresh user object: the roles cached on it would save a query the first call paid.
        kwargs["user"] = type(kwargs["user"]).objects.get(pk=kwargs["user"].pk)
    with CaptureQueriesContext(connection) as context:
        result = function(**kwargs)
    return len(context.captured_queries), len(result)


def test_query_counts_do_not_grow_with_the_number_of_matches(
    dropout_need, offers, make_offer, make_need, people
):
    _make_many(make_offer, make_need, 7)
    broker = people["own_broker"]
    services.match_pin(need=dropout_need, offer=offers["food"], user=broker)
    services.match_dismiss(need=dropout_need, offer=offers["farm"], user=broker)
    small_need = _count(selectors.matches_for_need, need=dropout_need, limit=10)
    small_offer = _count(selectors.matches_for_offer, offer=offers["mentor"], user=broker, limit=10)
    _make_many(make_offer, make_need, 50)
    large_need = _count(selectors.matches_for_need, need=dropout_need, limit=50)
    large_offer = _count(selectors.matches_for_offer, offer=offers["mentor"], user=broker, limit=50)
    assert large_need[1] > small_need[1] and large_offer[1] > small_offer[1]
    assert large_need[0] == small_need[0]
    assert large_offer[0] == small_offer[0]
