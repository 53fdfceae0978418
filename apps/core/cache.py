"""A page cache for anonymous visitors, purged as a whole when content changes.

Purging bumps a generation token that is part of every cache key, so one write makes
every cached page stale at once; old entries simply expire.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def purge_page_cache() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def page_cache_key(*, language: str, path: str) -> str:
    # Hashed so that long URLs stay within every cache backend's key limits.
    digest = hashlib.sha256(path.encode()).hexdigest()
    return f"pagecache:{current_generation()}:{language}:{digest}"


def page_cache_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS
