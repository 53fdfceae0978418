"""Sign-ups and input are limited per visitor's address, with the one limiter
(apps.core.ratelimit).

Fails closed: the "ratelimit" cache raises when Redis is down, and apps.core.outage answers
503 (a registration sends mail; input is published text)."""

from __future__ import annotations

from apps.core import ratelimit

SUBMISSION_LIMIT = 20
SUBMISSION_WINDOW_SECONDS = 60 * 60


def submission_allowed(*, kind: str, client_ip: str) -> bool:
    """Counts this attempt and says whether it is within the limit. Every attempt counts,
    also one with errors, so the form cannot be used to probe without limit. The window
    starts with the first attempt and is not extended by later ones."""
    return ratelimit.hit(
        scope=f"events:submit:{kind}",
        key=client_ip,
        limit=SUBMISSION_LIMIT,
        window=SUBMISSION_WINDOW_SECONDS,
    )
