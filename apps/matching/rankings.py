"""Stored rankings: the result of a ranking (object ids, scores and reasons, before they are
presented in the reader's language) kept in the cache, so the next view of the same need's
or offer's matches does not rank again (issue 13; docs/decisions/0036-stored-rankings.md).

Freshness rule. A stored ranking is used only while all of these hold:

- the matching generation token it was stored under is still the current one. Every write
  that can change any ranking moves the token (``rankings_changed``): a write to the
  matching index (index rows, term counts, sentence vectors; apps.matching.services), a
  broker's pin, dismissal or undo, and every save, delete or change of sectors, target
  groups or areas of a need, an offer or an entrepreneur profile (their visibility and
  maturity are read by the ranking; apps.matching.signals). The token is moved at once and
  again when the write's transaction commits, so a ranking computed from data read before
  the commit is never served after it;
- it is the same day (what is public depends on the date: expiry and renewal dates);
- it was stored for the same variant: the same limit, the same visibility for the viewer
  (a broker's feedback for a need; the needs the viewer may see for an offer), the same
  engine switches and RANKING_VERSION;
- it is younger than TIMEOUT (a bound for writes made outside the application, by hand).

What is stored is only the ranking: the offers and needs shown, with their titles and
organisations, are read from the database on every view."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.utils import timezone

from apps.core.cache import generation_bump_now_and_on_commit, stored_under_generations

from . import engine

GENERATION_KEY = "matching:rankings:generation"
# Raise when the engine's arithmetic or what a ranking holds changes: stored rankings of
# the old code are then never read.
RANKING_VERSION = 1
TIMEOUT = 15 * 60


def rankings_changed() -> None:
    """Makes every stored ranking stale: now, and again when the current transaction
    commits (a request that read the data before the commit may have stored its ranking
    under the token moved now)."""
    generation_bump_now_and_on_commit(GENERATION_KEY)


def _key(*parts) -> str:
    switches = (engine.CONCEPTS_ENABLED, engine.SEMANTIC_ENABLED, RANKING_VERSION)
    text = ":".join(str(part) for part in (*parts, *switches, timezone.localdate()))
    return "matching:ranking:" + hashlib.sha256(text.encode()).hexdigest()


def stored_ranking(parts: tuple, rank: Callable[[], list[engine.Ranked]]) -> list[engine.Ranked]:
    """The ranking named by ``parts`` (what it depends on besides the data: direction, the
    object, the limit, the viewer's variant), from the cache when it is fresh, else computed
    by ``rank`` and stored. One cache round trip for a hit: the entry and the current token
    are fetched together."""
    return stored_under_generations(_key(*parts), (GENERATION_KEY,), rank, timeout=TIMEOUT)
