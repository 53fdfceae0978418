"""The one rate limiter: a counter per scope and key in the "ratelimit" cache.

Every limit in the project counts here: anonymous forms per visitor's address (accounts,
newsletter, events, the route guide's feedback), members' posts per account and address
(contributions), invitations per account and organisation, and the API per client. The
visitor's address is `apps.core.clientip.client_ip` (X-Forwarded-For only through the
trusted proxies), so a limit keyed by address means the same thing everywhere.

Keys are stored as a hash, so the cache never holds a visitor's address or e-mail in clear,
and only for the window.

Fails closed: the "ratelimit" cache raises when Redis is down, and the error reaches the
caller. Forms let it reach apps.core.outage (a 503 page, never an unlimited form); the API,
which only reads public data, catches it and answers without counting.

Two kinds of window, each used where its property matters:

* from the first hit (the default): the window opens with the first counted hit and is not
  extended by later ones; the same for every visitor however the clock stands;
* on the clock (`aligned=True`): fixed windows from the epoch, so the time until the next
  window is known exactly and can be sent as Retry-After and RateLimit headers (the API).

django-ratelimit was considered and not used: docs/decisions/0025-shared-mechanisms.md.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

CACHE_ALIAS = "ratelimit"


@dataclass(frozen=True)
class Count:
    """One counted hit: whether it is within the limit, and what is left of the window."""

    allowed: bool
    used: int
    limit: int
    window: int
    retry_after: int

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)


def _cache_key(scope: str, key: str, window_start: int | None) -> str:
    digest = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()[:40]
    if window_start is None:
        return f"ratelimit:{scope}:{digest}"
    return f"ratelimit:{scope}:{digest}:{window_start}"


def _increment(cache_key: str, *, timeout: int) -> int:
    cache = caches[CACHE_ALIAS]
    if cache.add(cache_key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:
        # The entry expired between add and incr: a new window starts.
        cache.set(cache_key, 1, timeout=timeout)
        return 1


def count(
    *,
    scope: str,
    key: str,
    limit: int,
    window: int,
    aligned: bool = False,
    now: float | None = None,
) -> Count:
    """Counts one hit for `key` in `scope` and says whether it is within `limit` hits per
    `window` seconds. Every attempt counts, also one that is then refused, so a form cannot
    be used to probe without limit."""
    if aligned:
        now = time.time() if now is None else now
        window_start = int(now // window) * window
        used = _increment(_cache_key(scope, key, window_start), timeout=window + 1)
        retry_after = max(1, int(window_start + window - now + 0.999))
    else:
        used = _increment(_cache_key(scope, key, None), timeout=window)
        retry_after = window
    return Count(
        allowed=used <= limit, used=used, limit=limit, window=window, retry_after=retry_after
    )


def hit(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Counts one hit; False once more than `limit` hits fell in the window."""
    return count(scope=scope, key=key, limit=limit, window=window).allowed


def used(*, scope: str, key: str) -> int:
    """How many hits the current first-hit window of `key` holds, without counting one."""
    return caches[CACHE_ALIAS].get(_cache_key(scope, key, None)) or 0


def configured(scope: str, default: tuple[int, int] | None = None) -> tuple[int, int]:
    """(limit, seconds) for `scope` from settings.KOKEBOKA_RATELIMITS, else `default`."""
    limits = getattr(settings, "KOKEBOKA_RATELIMITS", {})
    if default is None:
        return limits[scope]
    return limits.get(scope, default)


def too_many(response: HttpResponse, *, retry_after: int) -> HttpResponse:
    """Marks a refusal as 429 Too Many Requests with Retry-After in seconds."""
    response.status_code = 429
    response["Retry-After"] = str(retry_after)
    return response


def limit_posts(setting: str, *, by, refuse, default: tuple[int, int] | None = None):
    """A view decorator: every POST counts once per key in `by` ({name: key_of(request)}),
    each against settings.KOKEBOKA_RATELIMITS[setting] = (limit, seconds), else `default`.
    Beyond any of them the view is not called and `refuse(request, window)` answers, made a
    429 with Retry-After here. Every key counts the post, also when another refuses it."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                limit, window = configured(setting, default)
                counts = [
                    count(
                        scope=f"{setting}:{name}", key=key_of(request), limit=limit, window=window
                    )
                    for name, key_of in by.items()
                ]
                if not all(counted.allowed for counted in counts):
                    return too_many(refuse(request, window), retry_after=window)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
