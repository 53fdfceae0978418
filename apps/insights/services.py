"""Writes of the insights app: only aggregate counters."""

from __future__ import annotations

import datetime
import functools
import operator

from django.db.models import F, Q

from apps.rules.selectors import today_oslo

from .models import RouteGuideTally

# The route guide's questions that are counted; free numbers (value, years) and dates never are.
TALLIED_QUESTIONS = ("purpose", "service", "provider", "authority", "on_market")


def route_guide_tally(*, situation, day: datetime.date | None = None) -> None:
    """Counts one shown answer: +1 for the answer given to each tallied question. One UPDATE
    in the usual case; a missing row is created at zero first (a concurrent request creating
    the same row is harmless) and then incremented."""
    day = day or today_oslo()
    pairs = [
        (question, str(getattr(situation, question)))
        for question in TALLIED_QUESTIONS
        if getattr(situation, question, None)
    ]
    if not pairs:
        return
    rows = RouteGuideTally.objects.filter(day=day)
    matching = functools.reduce(operator.or_, (Q(question=q, answer=a) for q, a in pairs))
    if rows.filter(matching).update(count=F("count") + 1) == len(pairs):
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
    ).update(count=F("count") + 1)
