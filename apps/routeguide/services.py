"""Writes of the route guide: feedback on an answer, limited per visitor."""

import hashlib

from django.core.cache import caches

from .models import RouteGuideFeedback

FEEDBACK_LIMIT = 10
FEEDBACK_WINDOW_SECONDS = 60 * 60


class FeedbackRateLimited(Exception):
    """The visitor has sent as much feedback as allowed for now."""


def _feedback_key(client_ip: str) -> str:
    # Only a hash of the address is kept, and only in the cache for the window.
    digest = hashlib.sha256(client_ip.encode()).hexdigest()
    return f"routeguide:feedback:{digest}"


def feedback_allowed(*, client_ip: str) -> bool:
    # Fails closed: the "ratelimit" cache raises when Redis is down (apps.core.outage
    # answers 503), so feedback is never taken without a limit.
    return (caches["ratelimit"].get(_feedback_key(client_ip)) or 0) < FEEDBACK_LIMIT


def feedback_submit(
    *, helpful: bool, comment: str, query_string: str, regime: str, client_ip: str
) -> RouteGuideFeedback:
    """Stores the feedback; raises FeedbackRateLimited beyond the limit per address and
    window. The window starts with the first feedback and is not extended by later ones."""
    key = _feedback_key(client_ip)
    cache = caches["ratelimit"]
    cache.add(key, 0, FEEDBACK_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add and incr: a new window starts.
        cache.set(key, 1, FEEDBACK_WINDOW_SECONDS)
        count = 1
    if count > FEEDBACK_LIMIT:
        raise FeedbackRateLimited
    return RouteGuideFeedback.objects.create(
        helpful=helpful,
        comment=comment.strip(),
        query_string=query_string[:1000],
        regime=regime or "",
    )
