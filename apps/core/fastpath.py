"""Page-cache hits answered in front of Django's request handler (docs/decisions/0027).

`AnonymousPageCacheMiddleware` stores an anonymous page as body bytes and the headers it had
at that point in MIDDLEWARE (right after SecurityMiddleware, the API middleware and
WhiteNoise). This WSGI wrapper answers a later request for the same page from that entry
without entering Django's handler, middleware chain or response classes: a hit costs a
request object, one cache round trip (`cached_page`) and a header list.

What the middleware above the page cache adds to every page is added here too, from the same
code: the request id (django-guid's rules, `X-Request-ID`), SecurityMiddleware's headers
(computed by a SecurityMiddleware instance, so HSTS, nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy follow the settings) and the request log line. Anything else goes
to Django: another method, a personal cookie, the API (its middleware sits above the cache),
a host not in ALLOWED_HOSTS, a plain-http request that SECURE_SSL_REDIRECT must redirect,
and every miss. `apps/core/tests/test_page_cache_fast_path.py` compares this answer with
Django's, header by header and byte by byte.

Middleware added above the page cache in MIDDLEWARE must add nothing to a page, or add it
here as well.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.http.request import split_domain_port, validate_host
from django.middleware.security import SecurityMiddleware
from django_guid.context import guid
from django_guid.utils import generate_guid, get_correlation_id_from_header

from .cache import cached_page, page_cache_hit, page_cache_key
from .logging import REQUEST_ID_HEADER
from .logging import logger as request_logger
from .middleware import AnonymousPageCacheMiddleware, _is_cacheable_request, request_language

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
_REQUEST_ID_META = "HTTP_X_REQUEST_ID"


class PageCacheApplication:
    """WSGI application: page-cache hits from the entry, everything else from `app`."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self._security: dict[bool, tuple[tuple[str, str], ...]] = {}

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        try:
            answer = self._hit(environ)
        except Exception:
            # A fault here must never cost the visitor the page: Django answers instead (and
            # shows its own error page if the fault is there too).
            logger.exception("page-cache fast path failed; the request goes to Django")
            answer = None
        if answer is None:
            return self.app(environ, start_response)
        request, headers, body = answer
        start_response("200 OK", headers)
        _log(request, started)
        return [body]

    def _hit(self, environ: dict):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        request = WSGIRequest(environ)
        if not _is_cacheable_request(request) or request.path.startswith(API_PREFIX):
            return None
        secure = request.is_secure()
        if (settings.SECURE_SSL_REDIRECT and not secure) or not _allowed_host(request):
            return None
        key = page_cache_key(language=request_language(request), path=request.get_full_path())
        _generation, cached = cached_page(key=key)
        if cached is None:
            return None
        stored, body = cached
        headers = list(stored)
        present = {name.lower() for name, _value in stored}
        headers += [
            (name, value)
            for name, value in self._security_headers(secure)
            if name.lower() not in present
        ]
        headers.append(("X-Page-Cache", "hit"))
        headers.append((REQUEST_ID_HEADER, _request_id(request)))
        page_cache_hit.send_robust(sender=AnonymousPageCacheMiddleware, request=request)
        return request, headers, body

    def _security_headers(self, secure: bool) -> tuple[tuple[str, str], ...]:
        """What SecurityMiddleware adds to a page for a secure or a plain request, asked once
        per process of SecurityMiddleware itself."""
        if secure not in self._security:
            probe = HttpResponse()
            before = {name.lower() for name in probe.headers}
            request = _SecureFlag(secure)
            SecurityMiddleware(lambda _request: probe).process_response(request, probe)
            self._security[secure] = tuple(
                (name, value) for name, value in probe.items() if name.lower() not in before
            )
        return self._security[secure]


class _SecureFlag:
    """The only thing SecurityMiddleware's response half asks of a request."""

    def __init__(self, secure: bool) -> None:
        self.secure = secure

    def is_secure(self) -> bool:
        return self.secure


def _allowed_host(request: WSGIRequest) -> bool:
    """request.get_host()'s check, without its exception: an unknown host goes to Django,
    which answers 400 as it always does."""
    host = request._get_raw_host()
    domain, _port = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)


def _request_id(request: WSGIRequest) -> str:
    """The id django-guid would give this request (RequestLogMiddleware drops a client's
    X-Request-ID unless a trusted proxy sets it)."""
    if not getattr(settings, "KOKEBOKA_TRUST_REQUEST_ID", False):
        request.META.pop(_REQUEST_ID_META, None)
    # get_id_from_header's rule, without building request.headers for a header most
    # requests lack: a valid id from the proxy is kept, anything else gets a new one.
    if request.META.get(_REQUEST_ID_META):
        request_id = get_correlation_id_from_header(request)
    else:
        request_id = generate_guid()
    guid.set(request_id)
    request.correlation_id = request_id
    return request_id


def _log(request: WSGIRequest, started: float) -> None:
    """The request log line RequestLogMiddleware writes for every request."""
    if not request_logger.isEnabledFor(logging.INFO):
        return
    request_logger.info(
        "%s %s %s",
        request.method,
        request.path,
        200,
        extra={
            "request_id": request.correlation_id,
            "method": request.method,
            "path": request.path,
            "status": 200,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": None,
        },
    )
