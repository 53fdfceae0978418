"""What a request gets when the database or the shared cache is down: a 503 page, not a 500.

A dependency that is away for a moment (PostgreSQL restarting, Redis failing over) is not a
bug in the code: the visitor gets a short page in their language saying to try again, with
`Retry-After`, and the log gets one warning with the cause every LOG_EVERY_SECONDS per
process instead of a stack trace per request. Django reconnects by itself when the database
is back (CONN_HEALTH_CHECKS), so no restart is needed.

Two ways in, so that no path is left as a 500:
- `ServiceUnavailableMiddleware.process_exception` for errors raised in views and while
  rendering (most database access happens there: sessions and users load lazily);
- `apps.core.views.server_error` (handler500) for errors raised inside other middleware.

What fails open and what fails closed is listed in docs/operations-degradation.md.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("kokeboka.outage")

RETRY_AFTER_SECONDS = 30
LOG_EVERY_SECONDS = 30

DATABASE_UNAVAILABLE: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)

try:
    from django_redis.exceptions import ConnectionInterrupted
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    CACHE_UNAVAILABLE: tuple[type[BaseException], ...] = (
        ConnectionInterrupted,
        RedisConnectionError,
        RedisTimeoutError,
    )
except ImportError:  # pragma: no cover - django-redis is a dependency
    CACHE_UNAVAILABLE = ()

UNAVAILABLE = DATABASE_UNAVAILABLE + CACHE_UNAVAILABLE

_last_logged: dict[str, float] = {}
_log_lock = threading.Lock()


def is_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, UNAVAILABLE)


def _dependency(error: BaseException) -> str:
    return "database" if isinstance(error, DATABASE_UNAVAILABLE) else "cache"


def due_to_log(topic: str) -> bool:
    """True at most once every LOG_EVERY_SECONDS per topic and process: an outage under
    load must not write a log line per request."""
    now = time.monotonic()
    with _log_lock:
        last = _last_logged.get(topic)
        if last is not None and now - last < LOG_EVERY_SECONDS:
            return False
        _last_logged[topic] = now
        return True


def log_outage(error: BaseException, request: HttpRequest | None = None) -> None:
    """One warning with the traceback per dependency every LOG_EVERY_SECONDS."""
    dependency = _dependency(error)
    if not due_to_log(dependency):
        return
    logger.warning(
        "The %s is unavailable; answering 503 (%s: %s)%s",
        dependency,
        type(error).__name__,
        error,
        f" at {request.path}" if request is not None else "",
        exc_info=error,
    )


def unavailable_response(request: HttpRequest | None, error: BaseException) -> HttpResponse:
    """The 503 page. Rendered without the request's context processors, since those read
    the database (site settings, the user), and never cached."""
    log_outage(error, request)
    body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # Logged above, once per window: Django would otherwise log every 503 as an error.
    response._has_been_logged = True
    return response


class ServiceUnavailableMiddleware:
    """Turns a database or shared-cache outage inside a view into the 503 page."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if is_unavailable(exception):
            return unavailable_response(request, exception)
        return None
