"""A small cache-based limit per client IP for forms that anonymous people post.

Fails closed: the counter lives in the "ratelimit" cache, which raises when Redis is down;
the error reaches apps.core.outage and the visitor gets a 503 page, never an unlimited form
(these forms send mail or publish text)."""

from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render

from apps.core.clientip import client_ip

__all__ = ["client_ip", "hit", "ratelimit_post"]


def hit(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Counts one hit; returns False once more than `limit` hits fell in the window."""
    cache = caches["ratelimit"]
    cache_key = f"ratelimit:{scope}:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit


def ratelimit_post(scope: str):
    """Limits POSTs per IP to settings.KOKEBOKA_RATELIMITS[scope] = (limit, seconds); the
    response beyond the limit is 429."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                limit, window = settings.KOKEBOKA_RATELIMITS[scope]
                if not hit(scope=scope, key=client_ip(request), limit=limit, window=window):
                    response = render(request, "accounts/rate_limited.html", status=429)
                    response["Retry-After"] = str(window)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
