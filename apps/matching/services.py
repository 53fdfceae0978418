"""Writes of the matching app: the index, brokers' pin/dismiss decisions and subscriptions."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.template.loader import render_to_string

from apps.core.services import audit_record
from apps.core.siteaddress import site_url

from . import embeddings, engine
from .documents import need_document, need_sentences, offer_document, offer_sentences
from .models import (
    Decision,
    MatchDecision,
    MatchEmbedding,
    MatchNotification,
    MatchSubscription,
    MatchTerm,
    MatchTermCount,
    TermKind,
)
from .rankings import rankings_changed

INDEX_BATCH = 500
# A subscriber hears about a new need when its offer scores at least this (0–100).
NOTIFY_THRESHOLD = 35.0


# The index ---------------------------------------------------------------------------


class _IndexSwitch(threading.local):
    paused = False


_switch = _IndexSwitch()


@contextmanager
def indexing_paused() -> Iterator[None]:
    """Within the block the signals leave the index alone: for bulk writes (evaluation,
    benchmark) that index everything at once afterwards with index_needs / index_offers."""
    previous = _switch.paused
    _switch.paused = True
    try:
        yield
    finally:
        _switch.paused = previous


def indexing_active() -> bool:
    return not _switch.paused


def embedding_rows(kind: str, texts: dict[int, list[str]]) -> list[MatchEmbedding]:
    """Embedding rows for objects' sentences; none when the model is unavailable (matching
    then runs on the lexical signal alone). Runs the model, so call it outside a transaction."""
    rows = []
    for object_id, found in texts.items():
        if not found:
            continue
        vectors = embeddings.encode(found, query=kind == TermKind.NEED)
        if vectors is None:
            return []
        rows.append(
            MatchEmbedding(
                kind=kind,
                object_id=object_id,
                model=embeddings.MODEL_NAME,
                sentences=found,
                vectors=embeddings.pack(vectors),
            )
        )
    return rows


def _rows(kind: str, object_id: int, document: dict[str, engine.Entry]) -> list[MatchTerm]:
    return [
        MatchTerm(
            kind=kind,
            object_id=object_id,
            term=term,
            weight=entry.weight,
            surface=entry.surface[:200],
        )
        for term, entry in document.items()
    ]


# Rows per statement when deleting index rows or adding to the term counts (well under
# SQLite's limit of bound parameters).
COUNT_BATCH = 500


def _delete_terms(kind: str, object_ids: Iterable[int]) -> Counter[str]:
    """Deletes the index rows of these objects; returns how many rows went, per term. The
    terms are read back from the DELETE itself (RETURNING, PostgreSQL and SQLite ≥ 3.35),
    so the counts can lose exactly the rows that went, also when another writer changed
    them meanwhile. The caller updates the counts in the same transaction."""
    ids = sorted(set(object_ids))
    removed: Counter[str] = Counter()
    table = connection.ops.quote_name(MatchTerm._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), COUNT_BATCH):
            chunk = ids[start : start + COUNT_BATCH]
            cursor.execute(
                f"DELETE FROM {table} WHERE kind = %s AND object_id IN "  # noqa: S608 - names are ours
                f"({', '.join(['%s'] * len(chunk))}) RETURNING term",
                [kind, *chunk],
            )
            removed.update(term for (term,) in cursor.fetchall())
    return removed


def _unindex_terms(kind: str, object_ids: Iterable[int]) -> None:
    """Removes the index rows of these objects and their share of the term counts."""
    with transaction.atomic():
        removed = _delete_terms(kind, object_ids)
        _add_counts(kind, {term: -count for term, count in removed.items()})
        rankings_changed()


def _add_counts(kind: str, deltas: dict[str, int]) -> None:
    """Adds ``deltas`` to the term counts: one upsert per COUNT_BATCH terms. The terms go in
    sorted order, so two writers lock the rows they share in the same order (no deadlock)."""
    items = sorted((term, delta) for term, delta in deltas.items() if delta)
    table = connection.ops.quote_name(MatchTermCount._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(items), COUNT_BATCH):
            chunk = items[start : start + COUNT_BATCH]
            cursor.execute(
                f"INSERT INTO {table} (kind, term, documents) VALUES "  # noqa: S608 - names are ours
                f"{', '.join(['(%s, %s, %s)'] * len(chunk))} "
                f"ON CONFLICT (kind, term) DO UPDATE "
                f"SET documents = {table}.documents + excluded.documents",
                [value for term, delta in chunk for value in (kind, term, delta)],
            )


def term_counts_rebuild() -> int:
    """Recounts the term counts from the index rows, in one transaction (matching_reindex
    runs it; a writer that commits meanwhile adds its own change after). Returns how many
    terms are counted."""
    counts = MatchTermCount._meta.db_table
    rows = MatchTerm._meta.db_table
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quote(counts)}")  # noqa: S608 - names are ours
        cursor.execute(
            f"INSERT INTO {quote(counts)} (kind, term, documents) "  # noqa: S608
            f"SELECT kind, term, COUNT(*) FROM {quote(rows)} GROUP BY kind, term"
        )
        rankings_changed()
        return cursor.rowcount


def _replace(
    kind: str,
    documents: dict[int, dict[str, engine.Entry]],
    texts: dict[int, list[str]] | None,
) -> int:
    """Rewrites the index rows, the term counts and the sentence vectors of these objects
    (``texts`` None leaves their stored vectors as they are). All is computed first (the
    model is the slow part), then written in one short transaction."""
    rows = []
    for object_id, document in documents.items():
        rows += _rows(kind, object_id, document)
    vectors = embedding_rows(kind, texts) if texts is not None else None
    with transaction.atomic():
        removed = _delete_terms(kind, documents)
        MatchTerm.objects.bulk_create(rows, batch_size=2000)
        added = Counter(row.term for row in rows)
        # Only the difference is written: a re-index of unchanged text touches no count.
        _add_counts(kind, {term: added[term] - removed[term] for term in added | removed})
        if vectors is not None:
            MatchEmbedding.objects.filter(kind=kind, object_id__in=list(documents)).delete()
            MatchEmbedding.objects.bulk_create(vectors, batch_size=500)
        rankings_changed()
    return len(rows)


def index_need(*, need) -> int:
    """(Re)writes the index rows of one need; returns how many terms it has."""
    return index_needs(needs=[need])


def index_offer(*, offer) -> int:
    return index_offers(offers=[offer])


def index_offers(*, offers: Iterable, sentences: bool = True) -> int:
    """(Re)writes the index rows of these offers, and their sentence vectors unless
    ``sentences`` is False (a ranking without the semantic signal reads none)."""
    offers = list(offers)
    return _replace(
        TermKind.OFFER,
        {offer.pk: offer_document(offer) for offer in offers},
        {offer.pk: offer_sentences(offer) for offer in offers} if sentences else None,
    )


def index_needs(*, needs: Iterable, sentences: bool = True) -> int:
    needs = list(needs)
    return _replace(
        TermKind.NEED,
        {need.pk: need_document(need) for need in needs},
        {need.pk: need_sentences(need) for need in needs} if sentences else None,
    )


def need_index_queryset():
    from apps.broker.models import Need

    return Need.objects.select_related("municipality").prefetch_related("sectors", "target_groups")


def offer_index_queryset():
    from apps.broker.models import Offer

    return Offer.objects.select_related("profile").prefetch_related(
        "sectors", "target_groups", "areas", "profile__areas"
    )


def index_in_batches(
    *, need_ids: list[int], offer_ids: list[int], batch: int = 500, sentences: bool = True
) -> None:
    """Indexes many needs and offers with a few queries per batch (``sentences`` as for
    index_needs)."""
    for start in range(0, len(need_ids), batch):
        index_needs(
            needs=need_index_queryset().filter(pk__in=need_ids[start : start + batch]),
            sentences=sentences,
        )
    for start in range(0, len(offer_ids), batch):
        index_offers(
            offers=offer_index_queryset().filter(pk__in=offer_ids[start : start + batch]),
            sentences=sentences,
        )


def unindex(*, kind: str, object_id: int) -> None:
    _unindex_terms(kind, [object_id])
    MatchEmbedding.objects.filter(kind=kind, object_id=object_id).delete()
    rankings_changed()


def index_refresh(*, need_ids: Iterable[int] = (), offer_ids: Iterable[int] = ()) -> None:
    """Brings the index rows of these needs and offers in line with what is in the database
    now: rows of the ones that exist are rewritten, rows of deleted ones removed. Running it
    twice gives the same index. The documents are computed before each short write."""
    from apps.broker.models import Need, Offer

    need_ids, offer_ids = sorted(set(need_ids)), sorted(set(offer_ids))
    existing_needs = set(Need.objects.filter(pk__in=need_ids).values_list("pk", flat=True))
    existing_offers = set(Offer.objects.filter(pk__in=offer_ids).values_list("pk", flat=True))
    index_in_batches(
        need_ids=[pk for pk in need_ids if pk in existing_needs],
        offer_ids=[pk for pk in offer_ids if pk in existing_offers],
    )
    gone_needs = [pk for pk in need_ids if pk not in existing_needs]
    gone_offers = [pk for pk in offer_ids if pk not in existing_offers]
    for kind, gone in ((TermKind.NEED, gone_needs), (TermKind.OFFER, gone_offers)):
        if gone:
            _unindex_terms(kind, gone)
            MatchEmbedding.objects.filter(kind=kind, object_id__in=gone).delete()
            rankings_changed()


def reindex_all(*, batch: int = INDEX_BATCH) -> tuple[int, int]:
    """Rebuilds the whole index; returns (needs, offers) indexed. Each batch is written in
    its own short transaction (the web keeps writing meanwhile); rows of objects that no
    longer exist are removed at the end, and the term counts are recounted from the rows
    (which also mends counts after rows were deleted by hand)."""
    from apps.broker.models import Need, Offer

    need_ids = list(Need.objects.order_by("pk").values_list("pk", flat=True))
    offer_ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True))
    index_in_batches(need_ids=need_ids, offer_ids=offer_ids, batch=batch)
    for kind, model in ((TermKind.NEED, Need), (TermKind.OFFER, Offer)):
        for indexed in (MatchTerm, MatchEmbedding):
            orphans = list(
                indexed.objects.filter(kind=kind)
                .exclude(object_id__in=model.objects.values("pk"))
                .values_list("object_id", flat=True)
                .distinct()
            )
            if indexed is MatchTerm:
                _unindex_terms(kind, orphans)
            else:
                indexed.objects.filter(kind=kind, object_id__in=orphans).delete()
                rankings_changed()
    term_counts_rebuild()
    return len(need_ids), len(offer_ids)


# Brokers' feedback -------------------------------------------------------------------


def match_decide(*, need, offer, decision: str, user) -> MatchDecision:
    """Pins or dismisses one suggested offer for a need (replacing an earlier verdict)."""
    if decision not in Decision.values:
        raise ValueError(f"Unknown decision: {decision}")
    with transaction.atomic():
        row, _created = MatchDecision.objects.update_or_create(
            need=need, offer=offer, defaults={"decision": decision, "decided_by": user}
        )
        audit_record(
            actor=user,
            action=f"matching.{decision}",
            obj=need,
            data={"offer": offer.pk},
        )
        rankings_changed()
    return row


def match_pin(*, need, offer, user) -> MatchDecision:
    return match_decide(need=need, offer=offer, decision=Decision.PINNED, user=user)


def match_dismiss(*, need, offer, user) -> MatchDecision:
    return match_decide(need=need, offer=offer, decision=Decision.DISMISSED, user=user)


def match_undo(*, need, offer, user) -> bool:
    """Forgets the broker's verdict; returns whether there was one."""
    with transaction.atomic():
        deleted, _ = MatchDecision.objects.filter(need=need, offer=offer).delete()
        if deleted:
            audit_record(actor=user, action="matching.undo", obj=need, data={"offer": offer.pk})
            rankings_changed()
    return bool(deleted)


# Subscriptions -----------------------------------------------------------------------


def subscription_create(*, offer, user) -> MatchSubscription:
    with transaction.atomic():
        subscription, created = MatchSubscription.objects.get_or_create(offer=offer, user=user)
        if created:
            audit_record(actor=user, action="matching.subscribe", obj=offer)
    return subscription


def subscription_delete(*, offer, user) -> bool:
    with transaction.atomic():
        deleted, _ = MatchSubscription.objects.filter(offer=offer, user=user).delete()
        if deleted:
            audit_record(actor=user, action="matching.unsubscribe", obj=offer)
    return bool(deleted)


def subscribers_notify(*, need) -> int:
    """Emails each subscriber whose offer matches this public need well enough, once per
    need. Returns how many emails were queued."""
    from apps.accounts.permissions import is_org_member
    from apps.accounts.services import email_queue
    from apps.broker.models import Offer
    from apps.core.mail import in_language_of

    from .selectors import scores_for_need

    if not need.is_public:
        return 0
    subscriptions = list(
        MatchSubscription.objects.filter(
            offer__in=Offer.objects.public(), user__is_active=True
        ).select_related("offer__profile__organisation", "user")
    )
    if not subscriptions:
        return 0
    scores = scores_for_need(need=need, offer_ids={s.offer_id for s in subscriptions})
    already = set(
        MatchNotification.objects.filter(need=need).values_list("subscription_id", flat=True)
    )
    site = site_url()
    sent = 0
    for subscription in subscriptions:
        score = scores.get(subscription.offer_id, 0.0)
        if score < NOTIFY_THRESHOLD or subscription.pk in already:
            continue
        if not is_org_member(subscription.user, subscription.offer.profile.organisation):
            continue
        with transaction.atomic():
            MatchNotification.objects.create(subscription=subscription, need=need, score=score)
            context = {
                "need": need,
                "offer": subscription.offer,
                "score": round(score),
                "need_url": site + need.get_absolute_url(),
                "offer_url": site + subscription.offer.get_absolute_url(),
                "user": subscription.user,
            }
            with in_language_of(subscription.user):
                subject = render_to_string("matching/email/new_need_subject.txt", context)
                body = render_to_string("matching/email/new_need.txt", context)
            email_queue(to=subscription.user.email, subject=subject, body=body)
        sent += 1
    return sent
