"""Request logs an operator can search: one record per request, with the request's id.

`RequestLogMiddleware` sits first in MIDDLEWARE, before django-guid's middleware, which picks
the request id (the `X-Request-ID` header when it is a valid UUID, else a new one) and
returns it in the response header of the same name. Production formats every record as a
JSON line (config/settings/production.py, python-json-logger) with that id as `request_id`,
so an error logged deep inside a view and the request line share one id, and so does the
proxy's access log when nginx sends `X-Request-ID: $request_id`.

A client could send any `X-Request-ID` and make its requests look like someone else's; the
header is honoured only when `KOKEBOKA_TRUST_REQUEST_ID` says a trusted proxy in front sets
(overwrites) it on every request. Otherwise it is dropped before django-guid sees it.

The record names the user by primary key, never by email (logs are kept longer and read by
more people than the user table), and the path without its query string (search words and
tokens stay out of the logs).
"""

import logging
import time

from django.conf import settings
from django.utils.functional import empty

logger = logging.getLogger("kokeboka.request")

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_META = "HTTP_X_REQUEST_ID"


def _user_id(request) -> int | None:
    """The signed-in user's id, if this request has already looked the user up.

    Evaluating `request.user` here would query the database for every request (cached pages
    too) and fail while the database is down; a view that cared who the user was has already
    evaluated it.
    """
    user = request.__dict__.get("user")
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is empty or not getattr(wrapped, "is_authenticated", False):
        return None
    return wrapped.pk


class RequestLogMiddleware:
    """Logs method, path, status, duration, user id and request id once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "KOKEBOKA_TRUST_REQUEST_ID", False):
            request.META.pop(_REQUEST_ID_META, None)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": getattr(request, "correlation_id", None),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": _user_id(request),
            },
        )
        return response
