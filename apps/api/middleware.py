"""HTTP behaviour shared by every /api/ response: CORS for reading, per-client rate limits,
and strong ETags with If-None-Match (304).

Put PublicApiMiddleware early in MIDDLEWARE (right after SecurityMiddleware): it answers
CORS preflights and refused requests before sessions or authentication run, and it sees the
final body when it computes the ETag."""

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from apps.core import ratelimit
from apps.core.clientip import client_ip
from apps.core.outage import CACHE_UNAVAILABLE, due_to_log

logger = logging.getLogger(__name__)
Handler = Callable[[HttpRequest], HttpResponse]

API_PREFIX = "/api/"
DEFAULT_RATE_LIMIT = (600, 600)  # requests, seconds: 600 requests per 10 minutes
READ_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ", ".join(READ_METHODS),
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, Content-Type",
    "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining",
    "Access-Control-Max-Age": "86400",
}


def rate_limit() -> tuple[int, int]:
    """(requests, seconds) from settings.API_RATE_LIMIT; 600 per 10 minutes by default."""
    requests, seconds = getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    return int(requests), int(seconds)


def rate_limit_hit(*, client: str, now: float | None = None) -> tuple[bool, int, int]:
    """Count one request for `client` in the current window on the clock (apps.core.ratelimit),
    so the seconds until it resets are known for Retry-After.
    Returns (allowed, remaining, seconds until the window resets)."""
    limit, window = rate_limit()
    counted = ratelimit.count(
        scope="api", key=client, limit=limit, window=window, aligned=True, now=now
    )
    return counted.allowed, counted.remaining, counted.retry_after


def strong_etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:40] + '"'


class PublicApiMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)

        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            return self._cors(HttpResponse(status=204))

        limit, window = rate_limit()
        try:
            allowed, remaining, retry_after = rate_limit_hit(client=client_ip(request))
        except CACHE_UNAVAILABLE:
            # Fails open: the API only reads public data, so while the shared cache is down
            # it answers without counting rather than refusing everyone.
            if due_to_log("api-rate-limit"):
                logger.warning("API rate limit not counted: the rate-limit cache is unavailable")
            allowed, remaining, retry_after = True, limit, window
        if not allowed:
            response = JsonResponse(
                {"detail": "Too many requests. Try again after Retry-After seconds."},
                status=429,
            )
            response["Retry-After"] = str(retry_after)
        else:
            response = self.get_response(request)
            if request.method in ("GET", "HEAD"):
                response = self._conditional(request, response)
        response["RateLimit-Limit"] = str(limit)
        response["RateLimit-Remaining"] = str(remaining)
        return self._cors(response)

    @staticmethod
    def _cors(response: HttpResponse) -> HttpResponse:
        for name, value in CORS_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @staticmethod
    def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code != 200 or response.streaming:
            return response
        if "no-store" in response.get("Cache-Control", ""):
            return response
        etag = response.get("ETag") or strong_etag(response.content)
        response["ETag"] = etag
        patch_vary_headers(response, ("Accept-Language",))
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match:
            etags = parse_etags(if_none_match)
            if "*" in etags or etag in etags:
                not_modified = HttpResponseNotModified()
                for header in ("ETag", "Vary", "Cache-Control", "Content-Language"):
                    if header in response:
                        not_modified[header] = response[header]
                return not_modified
        return response
