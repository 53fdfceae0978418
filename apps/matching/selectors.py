"""Ranked matches, read from the index table.

The database pre-selects candidates: one aggregate over the index rows that share a term
with the query, weighted by how rare each term is, keeps the best few hundred. Python then
ranks only those with apps.matching.engine and explains each. The number of queries does
not depend on how many needs, offers or matches there are.

Visibility is decided here, in SQL: a need's matches are public offers only; an offer's
matches are the needs the viewer may see (apps.broker.selectors.needs_visible_to)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _

from . import documents, embeddings, engine, rankings
from .models import (
    Decision,
    MatchDecision,
    MatchEmbedding,
    MatchSubscription,
    MatchTerm,
    MatchTermCount,
    TermKind,
)

# How many candidates the database hands to the ranking, at least and per wanted match.
MIN_CANDIDATES = 60
CANDIDATES_PER_MATCH = 8
DEFAULT_LIMIT = 10
MAX_LIMIT = 50
# At most this many index rows are added up to pick candidates (see _candidates); when the
# rarest terms leave too few candidates, a second pick may read up to FALLBACK_ROW_BUDGET.
ROW_BUDGET = 25_000
FALLBACK_ROW_BUDGET = 4 * ROW_BUDGET


@dataclass(frozen=True)
class ReasonView:
    kind: str
    label: str
    detail: str
    weight: float = 0.0


# A broker reads the strongest few reasons; the rest wait behind «Show all reasons».
TOP_REASONS = 3


@dataclass
class Match:
    score: float
    reasons: list[ReasonView] = field(default_factory=list)
    pinned: bool = False
    offer: object | None = None
    need: object | None = None

    @property
    def top_reasons(self) -> list[ReasonView]:
        return self.reasons[:TOP_REASONS]

    @property
    def more_reasons(self) -> list[ReasonView]:
        return self.reasons[TOP_REASONS:]


# Reading documents from the index ------------------------------------------------------


def _documents(
    kind: str,
    object_ids: Iterable[int],
    terms: Iterable[str] | None = None,
    prefixes: tuple[str, ...] = (),
) -> dict[int, dict[str, engine.Entry]]:
    """Index rows of several objects as engine documents (only ``terms`` and terms with
    one of ``prefixes`` when ``terms`` is given)."""
    ids = list(object_ids)
    documents: dict[int, dict[str, engine.Entry]] = {object_id: {} for object_id in ids}
    if not ids:
        return documents
    rows = MatchTerm.objects.filter(kind=kind, object_id__in=ids)
    if terms is not None:
        wanted = Q(term__in=list(terms))
        for prefix in prefixes:
            wanted |= Q(term__startswith=prefix)
        rows = rows.filter(wanted)
    for object_id, term, weight, surface in rows.values_list(
        "object_id", "term", "weight", "surface"
    ):
        documents[object_id][term] = engine.Entry(weight, surface)
    return documents


def _query_document(kind: str, obj) -> dict[str, engine.Entry]:
    document = _documents(kind, [obj.pk])[obj.pk]
    if document:
        return document
    # Not indexed yet (the task worker has not got to it, or rows were loaded raw): analyse
    # it here, without writing; a read never takes the write lock.
    if kind == TermKind.NEED:
        return documents.need_document(obj)
    return documents.offer_document(obj)


def semantic_on() -> bool:
    """Whether the semantic signal is blended in: on unless turned off in the engine (the
    evaluation does that to measure it) or by the setting MATCHING_SEMANTIC = False, and only
    where the embedding model loads."""
    return (
        engine.SEMANTIC_ENABLED
        and getattr(settings, "MATCHING_SEMANTIC", True)
        and embeddings.available()
    )


def _sentences(kind: str, object_ids: Iterable[int]) -> dict[int, engine.Sentences]:
    """Stored sentence vectors of several objects: one query, whatever their number."""
    ids = list(object_ids)
    if not ids:
        return {}
    return {
        object_id: engine.Sentences(tuple(texts), embeddings.unpack(vectors))
        for object_id, texts, vectors in MatchEmbedding.objects.filter(
            kind=kind, object_id__in=ids, model=embeddings.MODEL_NAME
        ).values_list("object_id", "sentences", "vectors")
    }


def _query_sentences(kind: str, obj) -> engine.Sentences | None:
    """The query object's sentence vectors: stored ones, or (not indexed yet) computed here
    without writing, as _query_document does for the terms. None with the signal off."""
    if not semantic_on():
        return None
    stored = _sentences(kind, [obj.pk]).get(obj.pk)
    if stored is not None:
        return stored
    is_need = kind == TermKind.NEED
    texts = documents.need_sentences(obj) if is_need else documents.offer_sentences(obj)
    vectors = embeddings.encode(texts, query=is_need)
    if vectors is None:
        return None
    return engine.Sentences(tuple(texts), vectors)


def _rarity(
    counts: Mapping[str, int], query: Mapping[str, engine.Entry], size: int
) -> tuple[dict[str, float], float]:
    idf_of = {
        term: engine.idf(counts.get(term, 0), size)
        for term in query
        if term.startswith(engine.TEXT_PREFIXES)
    }
    return idf_of, engine.idf(0, size)


def _candidate_weights(
    query: Mapping[str, engine.Entry], idf_of: Mapping[str, float]
) -> dict[str, float]:
    """What each query term adds to a candidate's pre-selection score per unit of its own
    weight: a linear stand-in for engine.score."""
    sectors = [term for term in query if term.startswith(engine.SECTOR_TERM)]
    groups = [term for term in query if term.startswith(engine.GROUP_TERM)]
    weights = {}
    for term, entry in query.items():
        if term.startswith(engine.TEXT_PREFIXES):
            rarity = idf_of.get(term, 0.0)
            weights[term] = (
                engine.TEXT_SHARE * engine.TEXT_SATURATION * rarity * rarity * entry.weight
            )
    for term in sectors:
        weights[term] = engine.SECTOR_SHARE / len(sectors)
    for term in groups:
        weights[term] = engine.GROUP_SHARE / len(groups)
    return weights


def _candidate_query(kind: str, weights: Mapping[str, float], allowed, excluded: list[int], limit):
    """The ids of the best ``limit`` objects among ``allowed`` by the weighted sum of the
    query terms they carry: one aggregate over the index rows of those terms.

    Each term's factor comes from a small derived table joined on the term (a hash join),
    not from a CASE with one branch per term: PostgreSQL evaluated that CASE branch by
    branch for every row, which made the aggregate over ~20,000 rows cost 50–70 ms at
    national volume (docs/decisions/0029-matching-at-national-volume.md). The sum, the
    order and the ties (by id) are the same."""
    if not weights:
        return []
    quote = connection.ops.quote_name
    table = quote(MatchTerm._meta.db_table)
    terms = list(weights)
    factors = " UNION ALL ".join(
        ["SELECT CAST(%s AS VARCHAR(100)) AS term, CAST(%s AS DOUBLE PRECISION) AS factor"]
        * len(terms)
    )
    allowed_sql, allowed_params = (
        allowed.order_by().query.get_compiler(connection=connection).as_sql()
    )
    params: list = [kind, *terms, *allowed_params]
    skip = ""
    if excluded:
        skip = f"AND NOT (t.object_id IN ({', '.join(['%s'] * len(excluded))}))"
        params += excluded
    params += [value for term in terms for value in (term, weights[term])]
    params.append(limit)
    # «object_id + 0»: visibility is checked per row found by term, so the planner walks
    # the (kind, term) index instead of every term of every visible object. The rows are
    # picked first (MATERIALIZED: planned on their own, with the term statistics), and
    # only then joined with the factors, so the factors' unknown terms cannot mislead the
    # planner into a nested loop per term.
    sql = (
        f"WITH found AS MATERIALIZED (SELECT t.object_id, t.term, t.weight FROM {table} t "  # noqa: S608 - names are ours
        f"WHERE t.kind = %s AND t.term IN ({', '.join(['%s'] * len(terms))}) "
        f"AND (t.object_id + 0) IN ({allowed_sql}) {skip}) "
        f"SELECT found.object_id FROM found INNER JOIN ({factors}) q ON found.term = q.term "
        f"GROUP BY found.object_id "
        f"ORDER BY SUM(found.weight * q.factor) DESC, found.object_id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [object_id for (object_id,) in cursor.fetchall()]


def _candidates(
    *,
    kind: str,
    weights: Mapping[str, float],
    counts: Mapping[str, int],
    allowed,
    excluded: Iterable[int],
    limit: int,
) -> list[int]:
    """The ids of the best ``limit`` objects of ``kind`` among ``allowed`` (a QuerySet of
    pks) by the weighted sum of the query terms they carry, computed in the database.

    The rarest terms go first, up to ROW_BUDGET index rows: a word found in thousands of
    offers costs the most to add up and tells the least. Only when that leaves too few
    candidates are more terms used, and still at most FALLBACK_ROW_BUDGET rows: with all
    terms of a long text, the sum over every row of its commonest words ran into
    PostgreSQL's statement timeout at 10,000 needs (issue 13)."""
    if not weights:
        return []
    excluded = list(excluded)
    picked = _rarest_terms(weights, counts, ROW_BUDGET)
    found = _candidate_query(kind, picked, allowed, excluded, limit)
    if len(found) < limit and len(picked) < len(weights):
        wider = _rarest_terms(weights, counts, FALLBACK_ROW_BUDGET)
        if len(wider) > len(picked):
            found = _candidate_query(kind, wider, allowed, excluded, limit)
    return found


def _rarest_terms(
    weights: Mapping[str, float], counts: Mapping[str, int], budget: int
) -> dict[str, float]:
    """The query's terms, rarest first, while their index rows add up to at most ``budget``
    (the rarest one always, however common)."""
    picked: dict[str, float] = {}
    rows = 0
    for term in sorted(weights, key=lambda t: (counts.get(t, 0), t)):
        rows += counts.get(term, 0)
        if picked and rows > budget:
            break
        picked[term] = weights[term]
    return picked


# Presenting reasons -------------------------------------------------------------------


def _vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    from apps.core.models import Sector, TargetGroup
    from apps.core.selectors import vocabulary_choices

    return (
        dict(vocabulary_choices(Sector)),
        dict(vocabulary_choices(TargetGroup)),
    )


def present_reasons(
    reasons: Iterable[engine.Reason], sectors: Mapping[str, str], groups: Mapping[str, str]
) -> list[ReasonView]:
    from apps.broker.models import Maturity

    areas = {
        "municipality": _("same municipality"),
        "county": _("same county"),
        "national": _("offered in the whole country"),
    }
    maturities = dict(Maturity.choices)
    views = []
    for reason in reasons:
        before = len(views)
        if reason.kind == "sector":
            views.append(
                ReasonView(
                    reason.kind,
                    _("Shared sectors"),
                    ", ".join(sectors.get(code, code) for code in reason.items),
                )
            )
        elif reason.kind == "target_group":
            views.append(
                ReasonView(
                    reason.kind,
                    _("Shared target groups"),
                    ", ".join(groups.get(code, code) for code in reason.items),
                )
            )
        elif reason.kind == "word":
            views.append(ReasonView(reason.kind, _("Matching words"), ", ".join(reason.items)))
        elif reason.kind == "phrase":
            views.append(ReasonView(reason.kind, _("Matching phrases"), ", ".join(reason.items)))
        elif reason.kind == "concept":
            views.append(ReasonView(reason.kind, _("Related topics"), "; ".join(reason.items)))
        elif reason.kind == "area":
            views.append(ReasonView(reason.kind, _("Area"), str(areas.get(reason.items[0], ""))))
        elif reason.kind == "maturity":
            views.append(
                ReasonView(reason.kind, _("Maturity"), str(maturities.get(reason.items[0], "")))
            )
        elif reason.kind == "semantic":
            need_sentence, offer_sentence = reason.items
            views.append(
                ReasonView(
                    reason.kind,
                    _("Close in meaning"),
                    _("the need: «%(need)s» – the offer: «%(offer)s»")
                    % {"need": need_sentence, "offer": offer_sentence},
                )
            )
        elif reason.kind == "pinned":
            views.append(ReasonView(reason.kind, _("Marked as relevant by a broker"), ""))
        elif reason.kind == "dismissed_similar":
            views.append(
                ReasonView(
                    reason.kind,
                    _("Lowered"),
                    _("resembles an offer a broker dismissed for this need"),
                )
            )
        if len(views) > before:
            views[-1] = replace(views[-1], weight=reason.weight)
    return sorted(views, key=_reason_order)


def _reason_order(view: ReasonView) -> tuple[int, float]:
    """The strongest reasons first, so the three shown are the three that count most. A
    broker's pin leads and a lowering stays in view: both explain the place in the list."""
    if view.kind == "pinned":
        return (0, 0.0)
    if view.kind == "dismissed_similar":
        return (1, 0.0)
    return (2, -view.weight)


# Ranking ------------------------------------------------------------------------------


def _decisions(need) -> tuple[list[int], list[int]]:
    pinned, dismissed = [], []
    for offer_id, decision in MatchDecision.objects.filter(need=need).values_list(
        "offer_id", "decision"
    ):
        (pinned if decision == Decision.PINNED else dismissed).append(offer_id)
    return pinned, dismissed


def _clamp(limit: int | None, cap: int = MAX_LIMIT) -> int:
    return max(1, min(cap, limit or DEFAULT_LIMIT))


def rank_offers_for_need(
    *,
    need,
    limit: int = DEFAULT_LIMIT,
    feedback: bool = True,
    offer_ids=None,
    cap: int = MAX_LIMIT,
) -> list[engine.Ranked]:
    """Ranked public offers for a need, as engine results (object ids and scores).
    ``offer_ids`` restricts the candidates (a set or a QuerySet of pks); ``cap`` bounds
    ``limit`` (an open invitation reads further down the list than a page does)."""
    from apps.broker.models import Offer

    limit = _clamp(limit, cap) if offer_ids is None else len(offer_ids)
    query = _query_document(TermKind.NEED, need)
    if not query:
        return []
    pinned, dismissed = _decisions(need) if feedback else ([], [])
    public = Offer.objects.public().values("pk")
    allowed = public if offer_ids is None else public.filter(pk__in=list(offer_ids))
    size = max(1, Offer.objects.count())
    counts = _term_counts(TermKind.OFFER, query)
    idf_of, default_idf = _rarity(counts, query, size)
    candidate_ids = _candidates(
        kind=TermKind.OFFER,
        weights=_candidate_weights(query, idf_of),
        counts=counts,
        allowed=allowed,
        excluded=dismissed,
        limit=max(MIN_CANDIDATES, limit * CANDIDATES_PER_MATCH),
    )
    if pinned:
        visible_pinned = set(allowed.filter(pk__in=pinned).values_list("pk", flat=True))
        candidate_ids += [pk for pk in pinned if pk in visible_pinned and pk not in candidate_ids]
    dismissed_document = None
    wanted = set(query) | {engine.NATIONAL_TERM}
    if dismissed:
        dismissed_docs = _documents(TermKind.OFFER, dismissed)
        dismissed_document = engine.merge_dismissed(dismissed_docs.values())
        wanted |= set(dismissed_document)
    documents = _documents(TermKind.OFFER, candidate_ids, wanted)
    maturity = dict(Offer.objects.filter(pk__in=candidate_ids).values_list("pk", "maturity"))
    query_sentences = _query_sentences(TermKind.NEED, need)
    return engine.rank(
        query=query,
        candidates=documents,
        maturity=maturity,
        idf_of=idf_of,
        default_idf=default_idf,
        direction="offers",
        pinned=pinned,
        dismissed_ids=dismissed,
        dismissed=dismissed_document,
        limit=limit,
        query_sentences=query_sentences,
        candidate_sentences=(
            _sentences(TermKind.OFFER, candidate_ids) if query_sentences is not None else None
        ),
    )


def _term_counts(kind: str, query: Mapping[str, engine.Entry]) -> dict[str, int]:
    """How many objects of ``kind`` carry each query term (sector, group and text): read
    from the term counts kept beside the index (MatchTermCount, one row per term) rather
    than counted over the index rows, which at national volume meant tens of thousands of
    rows per ranking (docs/decisions/0029-matching-at-national-volume.md)."""
    terms = [
        term
        for term in query
        if term.startswith((*engine.TEXT_PREFIXES, engine.SECTOR_TERM, engine.GROUP_TERM))
    ]
    return dict(
        MatchTermCount.objects.filter(kind=kind, term__in=terms, documents__gt=0).values_list(
            "term", "documents"
        )
    )


def matches_for_need(
    *,
    need,
    user=None,
    limit: int = DEFAULT_LIMIT,
    feedback: bool | None = None,
    stored: bool = True,
) -> list[Match]:
    """Ranked public offers for a need, with their offers, organisations and reasons.

    The brokers' pins and dismissals are their working notes: they shape the ranking only
    for the need's own brokers (``feedback`` None decides that from ``user``); everyone else
    sees the plain ranking, which says nothing about what a broker pinned or dismissed.

    The ranking is read from the stored rankings while it is fresh (apps.matching.rankings
    says when); ``stored`` False always ranks anew (the benchmark and the evaluation)."""
    from apps.broker.models import Offer
    from apps.broker.permissions import can_broker_need

    if feedback is None:
        feedback = user is not None and can_broker_need(user, need)

    def rank() -> list[engine.Ranked]:
        return rank_offers_for_need(need=need, limit=limit, feedback=feedback)

    parts = ("offers", need.pk, _clamp(limit), feedback, semantic_on())
    ranked = rankings.stored_ranking(parts, rank) if stored else rank()
    offers = Offer.objects.select_related("profile__organisation__municipality").in_bulk(
        [item.object_id for item in ranked]
    )
    sectors, groups = _vocabulary()
    return [
        Match(
            score=item.scored.score,
            reasons=present_reasons(item.scored.reasons, sectors, groups),
            pinned=item.pinned,
            offer=offers[item.object_id],
        )
        for item in ranked
        if item.object_id in offers
    ]


def scores_for_need(*, need, offer_ids: Iterable[int]) -> dict[int, float]:
    """Scores of some public offers for a need (0 when an offer shares nothing)."""
    ids = set(offer_ids)
    if not ids:
        return {}
    ranked = rank_offers_for_need(need=need, feedback=False, offer_ids=ids)
    return {item.object_id: item.scored.score for item in ranked}


def rank_needs_for_offer(*, offer, user=None, limit: int = DEFAULT_LIMIT) -> list[engine.Ranked]:
    from apps.broker.models import Need
    from apps.broker.selectors import needs_visible_to

    limit = _clamp(limit)
    query = _query_document(TermKind.OFFER, offer)
    if not query:
        return []
    allowed = needs_visible_to(user).values("pk")
    size = max(1, Need.objects.count())
    counts = _term_counts(TermKind.NEED, query)
    idf_of, default_idf = _rarity(counts, query, size)
    candidate_ids = _candidates(
        kind=TermKind.NEED,
        weights=_candidate_weights(query, idf_of),
        counts=counts,
        allowed=allowed,
        excluded=(),
        limit=max(MIN_CANDIDATES, limit * CANDIDATES_PER_MATCH),
    )
    # The need's side decides area and coverage: read its sector, group and area terms too.
    documents = _documents(
        TermKind.NEED,
        candidate_ids,
        set(query),
        (engine.SECTOR_TERM, engine.GROUP_TERM, engine.AREA_TERM, engine.COUNTY_TERM),
    )
    maturity = dict.fromkeys(candidate_ids, offer.maturity)
    query_sentences = _query_sentences(TermKind.OFFER, offer)
    return engine.rank(
        query=query,
        candidates=documents,
        maturity=maturity,
        idf_of=idf_of,
        default_idf=default_idf,
        direction="needs",
        limit=limit,
        query_sentences=query_sentences,
        candidate_sentences=(
            _sentences(TermKind.NEED, candidate_ids) if query_sentences is not None else None
        ),
    )


def matches_for_offer(
    *, offer, user=None, limit: int = DEFAULT_LIMIT, stored: bool = True
) -> list[Match]:
    """Ranked needs for an offer, only among those the viewer may see. The ranking is
    stored per visibility (two viewers who may see the same needs share it), as for
    matches_for_need."""
    from apps.broker.models import Need
    from apps.broker.selectors import needs_visibility_scope

    def rank() -> list[engine.Ranked]:
        return rank_needs_for_offer(offer=offer, user=user, limit=limit)

    parts = ("needs", offer.pk, _clamp(limit), needs_visibility_scope(user), semantic_on())
    ranked = rankings.stored_ranking(parts, rank) if stored else rank()
    needs = Need.objects.select_related("organisation__municipality", "municipality").in_bulk(
        [item.object_id for item in ranked]
    )
    sectors, groups = _vocabulary()
    return [
        Match(
            score=item.scored.score,
            reasons=present_reasons(item.scored.reasons, sectors, groups),
            need=needs[item.object_id],
        )
        for item in ranked
        if item.object_id in needs
    ]


def dismissed_offers(*, need) -> list:
    """Offers a broker dismissed for this need (to offer an undo)."""
    from apps.broker.models import Offer

    return list(
        Offer.objects.filter(
            match_decisions__need=need, match_decisions__decision=Decision.DISMISSED
        ).select_related("profile__organisation")
    )


def is_subscribed(*, offer, user) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return MatchSubscription.objects.filter(offer=offer, user=user).exists()
