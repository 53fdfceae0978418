"""The visitor's address, the one every rate limit and lockout counts by.

Behind a reverse proxy REMOTE_ADDR is the proxy, so every visitor would share one limit.
Each trusted proxy appends the address it saw to X-Forwarded-For; with N trusted proxies
in front of the app the visitor's address is therefore the Nth entry from the right, and
anything further left was written by the visitor and may be forged. With no trusted proxy
(the default) the header is never read.

django-ipware was considered: it also reads other headers (X-Real-IP, Client-IP, ...) and
prefers public over private addresses, so its answer depends on more than the count of
proxies we run; the rule here is the whole of what we need.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def trusted_proxy_count() -> int:
    return max(0, int(getattr(settings, "KOKEBOKA_TRUSTED_PROXY_COUNT", 0) or 0))


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address of the visitor as our outermost trusted proxy saw it.

    Falls back to REMOTE_ADDR when no proxy is trusted, or when the header holds fewer
    entries than there are trusted proxies (the request did not come through them all)."""
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "") or UNKNOWN
    count = trusted_proxy_count()
    if count == 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote
    return _valid(forwarded[-count]) or remote


def client_ip_or_none(request: HttpRequest) -> str | None:
    """For django-axes (AXES_CLIENT_IP_CALLABLE), which stores the address in an IP field:
    None, not "unknown", when a request carries no address (a test client's login)."""
    address = client_ip(request)
    return None if address == UNKNOWN else address
