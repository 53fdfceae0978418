"""Stored search answers on PostgreSQL: the counts per source and the ranked ids of a results
page, kept in the cache per query, so that the same search asked again (by the next visitor,
or as the same visitor pages back) costs a cache read instead of two full-text statements.
Only ids, ranks and counts are kept: the rows are read fresh for every answer, and each
request draws its own labels, URLs and snippets in its own language.

An entry is used only while all of these are unchanged, so it is never older than what it
counts (decision 0035):
- the search generation (GENERATION_KEY), moved whenever index entries are written or
  deleted (`index_changed`, called by the PostgreSQL backend's write paths in
  apps.search.backends.norwegian_postgres), which is when a saved, published or renamed row
  becomes findable or stops matching;
- the page cache's generation (apps.core.cache), moved by every write to a public row
  (apps.core.signals), which is when a row becomes or stops being public without its text
  changing (a need made members-only, a page made private);
- the day, because needs and profiles stop being public when they expire, with no write.
Entries expire after TIMEOUT in any case. A cold query (nothing stored) costs what the two
statements cost; see the decision for the figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.utils import timezone

from apps.core.cache import GENERATION_KEY as PAGE_GENERATION_KEY
from apps.core.cache import generation_bump_now_and_on_commit, stored_under_generations

GENERATION_KEY = "search:generation"
# Raise when what an entry holds changes: entries of the old code are then never read.
VERSION = 1
TIMEOUT = 10 * 60

T = TypeVar("T")


def index_changed() -> None:
    """Makes every stored answer stale: now, and again when the current transaction commits
    (a request that read the index before the commit may have stored its answer under the
    token moved now)."""
    generation_bump_now_and_on_commit(GENERATION_KEY)


def _key(parts: tuple) -> str:
    text = ":".join(str(part) for part in (VERSION, *parts, timezone.localdate()))
    return "search:stored:" + hashlib.sha256(text.encode()).hexdigest()


def stored(parts: tuple, compute: Callable[[], T]) -> T:
    """The answer named by `parts` (what it depends on besides the data: the kind of answer,
    the query, the type, the rows asked for), from the cache while it is fresh, else computed
    and stored. One cache round trip for a hit: the entry and both tokens together."""
    return stored_under_generations(
        _key(parts), (GENERATION_KEY, PAGE_GENERATION_KEY), compute, timeout=TIMEOUT
    )
