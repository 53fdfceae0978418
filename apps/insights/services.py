"""Writes of the insights app: only aggregate counters."""

from __future__ import annotations

import datetime
import functools
import logging
import operator

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F, Q

from apps.rules.selectors import today_oslo

from .models import RouteGuideTally

# The route guide's questions that are counted; free numbers (value, years) and dates never are.
TALLIED_QUESTIONS = ("purpose", "service", "provider", "authority", "on_market")
# Counters in the cache outlive the flush that moves them by far (the scheduler runs it
# every five minutes); a counter not flushed in three days is dropped by Redis.
TALLY_KEEP_SECONDS = 3 * 24 * 3600

logger = logging.getLogger(__name__)


def route_guide_tally(*, situation, day: datetime.date | None = None) -> None:
    """Counts one shown answer: +1 for the answer given to each tallied question.

    With a shared Redis cache (settings.INSIGHTS_TALLY_IN_CACHE) the count is an atomic
    INCR in Redis and the scheduler moves the counts to the database every few minutes
    (`flush_route_guide_tally`), so an answer the page cache serves costs no database
    write. Without Redis (one machine, SQLite) it is written at once."""
    day = day or today_oslo()
    pairs = [
        (question, str(getattr(situation, question)))
        for question in TALLIED_QUESTIONS
        if getattr(situation, question, None)
    ]
    if not pairs:
        return
    if getattr(settings, "INSIGHTS_TALLY_IN_CACHE", False) and _count_in_cache(day, pairs):
        return
    _add_to_tally(day, [(question, answer, 1) for question, answer in pairs])


def _tally_key(day: datetime.date, question: str, answer: str) -> str:
    return f"insights:rgtally:{day.isoformat()}:{question}:{answer}"


def _count_in_cache(day: datetime.date, pairs: list[tuple[str, str]]) -> bool:
    """INCR each counter; False if the cache could not count (Redis away), so the caller
    writes to the database instead and the answer is still counted."""
    try:
        for question, answer in pairs:
            key = _tally_key(day, question, answer)
            cache.add(key, 0, timeout=TALLY_KEEP_SECONDS)
            if cache.incr(key) is None:  # django-redis with IGNORE_EXCEPTIONS
                return False
    except (ValueError, ConnectionError, OSError) as error:
        # ValueError: the key vanished between add and incr (evicted or Redis restarted).
        logger.warning("route guide tally counted in the database: %s", error)
        return False
    return True


def flush_route_guide_tally(*, days: tuple[datetime.date, ...] | None = None) -> int:
    """Moves the counts kept in the cache to RouteGuideTally and returns how many answers
    it moved. Each counter is read, then lowered by exactly what was read (DECR is atomic),
    so answers counted while the flush runs wait for the next one; if the database write
    fails the counts are put back. Today and yesterday are flushed (an answer counted just
    before midnight is moved after it)."""
    today = today_oslo()
    days = days or (today - datetime.timedelta(days=1), today)
    moved = 0
    for day in days:
        keys = {_tally_key(day, q, a): (q, a) for q, a in _answer_space()}
        counts = {key: int(n) for key, n in cache.get_many(list(keys)).items() if n and int(n) > 0}
        if not counts:
            continue
        for key, n in counts.items():
            cache.decr(key, n)
        try:
            _add_to_tally(day, [(*keys[key], n) for key, n in counts.items()])
        except DatabaseError:
            for key, n in counts.items():
                cache.incr(key, n)
            raise
        moved += sum(counts.values())
    return moved


def _add_to_tally(day: datetime.date, counts: list[tuple[str, str, int]]) -> None:
    """Adds n to each (question, answer) row of the day. One UPDATE per distinct n in the
    usual case (a single shown answer is one UPDATE); a missing row is created at zero
    first (a concurrent request creating the same row is harmless) and then incremented."""
    by_n: dict[int, list[tuple[str, str]]] = {}
    for question, answer, n in counts:
        by_n.setdefault(n, []).append((question, answer))
    if len(by_n) == 1:
        ((n, pairs),) = by_n.items()
        _add_n(day, pairs, n)
        return
    with transaction.atomic():
        for n, pairs in by_n.items():
            _add_n(day, pairs, n)


def _answer_space() -> list[tuple[str, str]]:
    """Every (question, answer) the tally can hold: a small fixed set (about 25), so the
    flush reads each counter by name instead of scanning Redis keys."""
    from .selectors import ROUTE_GUIDE_QUESTIONS

    return [
        (question, str(value))
        for question, (_label, choices) in ROUTE_GUIDE_QUESTIONS.items()
        if question in TALLIED_QUESTIONS
        for value in choices.values
    ]


def _add_n(day: datetime.date, pairs: list[tuple[str, str]], n: int) -> None:
    rows = RouteGuideTally.objects.filter(day=day)
    matching = functools.reduce(operator.or_, (Q(question=q, answer=a) for q, a in pairs))
    if rows.filter(matching).update(count=F("count") + n) == len(pairs):
        return
    # First answer of its kind today: the rows that existed were incremented by the UPDATE
    # above; create the others at zero and increment them.
    existing = set(rows.filter(matching).values_list("question", "answer"))
    missing = [pair for pair in pairs if pair not in existing]
    RouteGuideTally.objects.bulk_create(
        [RouteGuideTally(day=day, question=q, answer=a, count=0) for q, a in missing],
        ignore_conflicts=True,
    )
    rows.filter(
        functools.reduce(operator.or_, (Q(question=q, answer=a) for q, a in missing))
    ).update(count=F("count") + n)
