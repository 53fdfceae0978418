"""A page cache for anonymous visitors, purged as a whole when content changes.

Purging bumps a generation token that is part of every cache key, so one write makes
every cached page stale at once; old entries simply expire.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

T = TypeVar("T")

GENERATION_KEY = "pagecache:generation"

# Sent (with `request`) when a page is served from the cache without reaching its view, for
# the few counters that must see every read (the route guide's answer tally).
page_cache_hit = Signal()


def generation_token(key: str, found: dict | None = None) -> str:
    """The current token under `key` (taken from `found`, a get_many already made, when it
    holds it), created if there is none. Entries stored with an older token are stale: moving
    the token (`generation_bump`) makes everything stored under it stale at once. `add`, not
    `set`, so two processes creating the first token agree on one."""
    token = (found or {}).get(key) or cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(key, token, timeout=None)
        token = cache.get(key, token)
    return token


def generation_bump(key: str) -> None:
    cache.set(key, uuid.uuid4().hex, timeout=None)


def generation_bump_now_and_on_commit(key: str) -> None:
    """Makes everything stored under `key`'s token stale now, and again when the current
    transaction commits: a request that read the data before the commit may have stored its
    answer under the token moved now."""
    generation_bump(key)
    transaction.on_commit(lambda: generation_bump(key))


def stored_under_generations(
    key: str, generations: tuple[str, ...], compute: Callable[[], T], *, timeout: int
) -> T:
    """The value stored under `key` while every token of `generations` is the one it was
    stored with, else `compute()` stored with the current tokens. One cache round trip for a
    hit: the entry and the tokens are fetched together. Used by the stored search answers
    (apps.search.stored) and the stored rankings (apps.matching.rankings)."""
    found = cache.get_many([key, *generations])
    tokens = tuple(generation_token(generation, found) for generation in generations)
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == tokens:
        return entry[1]
    value = compute()
    cache.set(key, (tokens, value), timeout=timeout)
    return value


def current_generation() -> str:
    return generation_token(GENERATION_KEY)


def purge_page_cache() -> None:
    generation_bump(GENERATION_KEY)


def page_cache_key(*, language: str, path: str) -> str:
    """The key of a page's entry. It holds (generation, headers, body): the generation the
    page was rendered under travels with it, so a hit costs one round trip to the cache (the
    entry and the current generation fetched together) instead of two."""
    # Hashed so that long URLs stay within every cache backend's key limits.
    digest = hashlib.sha256(path.encode()).hexdigest()
    return f"pagecache:page:{language}:{digest}"


# What a hit is made of: the response's headers as (name, value) pairs, and its body.
CachedPage = tuple[tuple[tuple[str, str], ...], bytes]

# Headers a stored page never carries: they say something about one response only.
PER_RESPONSE_HEADERS = frozenset({"x-page-cache"})


def cached_page(*, key: str) -> tuple[str, CachedPage | None]:
    """(current generation, the stored page or None). An entry stored under an older
    generation counts as absent: a purge makes every page stale at once."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or current_generation()
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 3 and entry[0] == generation:
        return generation, (entry[1], entry[2])
    return generation, None


def store_page(*, key: str, generation: str, response) -> None:
    """Stores the body bytes and the header list, not the pickled response: a hit then
    unpickles a tuple of strings and one bytes object (docs/decisions/0027)."""
    headers = tuple(
        (name, value)
        for name, value in response.items()
        if name.lower() not in PER_RESPONSE_HEADERS
    )
    cache.set(key, (generation, headers, bytes(response.content)), page_cache_seconds())


def page_cache_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS
