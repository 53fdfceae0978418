"""Sign-ups and input are limited per visitor's address, counted in the shared cache.

Fails closed: the "ratelimit" cache raises when Redis is down, and apps.core.outage answers
503 (a registration sends mail; input is published text)."""

from __future__ import annotations

import hashlib

from django.core.cache import caches

SUBMISSION_LIMIT = 20
SUBMISSION_WINDOW_SECONDS = 60 * 60


def _key(kind: str, client_ip: str) -> str:
    # Only a hash of the address is kept, and only in the cache for the window.
    digest = hashlib.sha256(client_ip.encode()).hexdigest()
    return f"events:submit:{kind}:{digest}"


def submission_allowed(*, kind: str, client_ip: str) -> bool:
    """Counts this attempt and says whether it is within the limit. Every attempt counts,
    also one with errors, so the form cannot be used to probe without limit. The window
    starts with the first attempt and is not extended by later ones."""
    key = _key(kind, client_ip)
    cache = caches["ratelimit"]
    cache.add(key, 0, SUBMISSION_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add and incr: a new window starts.
        cache.set(key, 1, SUBMISSION_WINDOW_SECONDS)
        count = 1
    return count <= SUBMISSION_LIMIT
