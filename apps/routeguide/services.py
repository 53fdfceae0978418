"""Writes of the route guide: feedback on an answer, limited per visitor."""

from apps.core import ratelimit

from .models import RouteGuideFeedback

FEEDBACK_LIMIT = 10
FEEDBACK_WINDOW_SECONDS = 60 * 60
FEEDBACK_SCOPE = "routeguide:feedback"


class FeedbackRateLimited(Exception):
    """The visitor has sent as much feedback as allowed for now."""


def feedback_allowed(*, client_ip: str) -> bool:
    # Fails closed: the "ratelimit" cache raises when Redis is down (apps.core.outage
    # answers 503), so feedback is never taken without a limit.
    return ratelimit.used(scope=FEEDBACK_SCOPE, key=client_ip) < FEEDBACK_LIMIT


def feedback_submit(
    *, helpful: bool, comment: str, query_string: str, regime: str, client_ip: str
) -> RouteGuideFeedback:
    """Stores the feedback; raises FeedbackRateLimited beyond the limit per address and
    window (apps.core.ratelimit). The window starts with the first feedback and is not
    extended by later ones."""
    if not ratelimit.hit(
        scope=FEEDBACK_SCOPE,
        key=client_ip,
        limit=FEEDBACK_LIMIT,
        window=FEEDBACK_WINDOW_SECONDS,
    ):
        raise FeedbackRateLimited
    return RouteGuideFeedback.objects.create(
        helpful=helpful,
        comment=comment.strip(),
        query_string=query_string[:1000],
        regime=regime or "",
    )
