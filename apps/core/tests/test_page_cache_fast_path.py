"""A page-cache hit is answered early (right after security/WhiteNoise) from stored bytes and
headers, and still answers exactly what the full path answered (docs/decisions/0027)."""

import io
import logging

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client, override_settings

from apps.core import cache as page_cache
from apps.core import middleware as core_middleware
from apps.core.models import StandardPage

# The request id is new for every response (django-guid), and the cache state says which
# path answered; every other header must be the same.
PER_RESPONSE = {"x-request-id", "x-page-cache"}


@pytest.fixture
def about_page(home_page):
    page = StandardPage(title="Om Kokeboka", slug="om", intro="Første versjon")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def _headers(response) -> dict[str, str]:
    return {
        name.lower(): value for name, value in response.items() if name.lower() not in PER_RESPONSE
    }


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_hit_answers_the_same_headers_and_bytes_as_the_full_path(about_page, language):
    client = Client()
    if language != "nb":
        client.cookies["kokeboka_language"] = language
    slow = client.get("/om/", secure=True)
    fast = client.get("/om/", secure=True)
    assert slow["X-Page-Cache"] == "miss"
    assert fast["X-Page-Cache"] == "hit"
    assert fast.content == slow.content
    assert _headers(fast) == _headers(slow)
    # What the full path sets, present on the hit: security headers, CSP, caching, language.
    headers = _headers(fast)
    assert headers["content-language"] == language
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["cache-control"] == "public, max-age=60"
    assert headers["vary"] == "Cookie"
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert int(headers["content-length"]) == len(fast.content)
    assert fast["X-Request-ID"] != slow["X-Request-ID"]


def test_a_hit_skips_sessions_csrf_language_and_the_database(
    client: Client, about_page, monkeypatch, django_assert_num_queries
):
    assert client.get("/om/")["X-Page-Cache"] == "miss"
    reached = []
    for cls, name in [
        (SessionMiddleware, "process_request"),
        (CsrfViewMiddleware, "process_request"),
        (core_middleware.LanguagePreferenceMiddleware, "__call__"),
    ]:
        original = getattr(cls, name)

        def spy(self, *args, _original=original, _cls=cls, **kwargs):
            reached.append(_cls.__name__)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, spy)
    with django_assert_num_queries(0):
        response = client.get("/om/")
    assert response["X-Page-Cache"] == "hit"
    assert reached == []
    # A miss still goes the whole way.
    client.get("/om/?other=1")
    assert reached == ["SessionMiddleware", "LanguagePreferenceMiddleware", "CsrfViewMiddleware"]


def test_the_entry_is_bytes_and_a_header_list_not_a_pickled_response(client: Client, about_page):
    client.get("/om/")
    key = page_cache.page_cache_key(language="nb", path="/om/")
    generation, headers, body = cache.get(key)
    assert generation == page_cache.current_generation()
    assert isinstance(body, bytes)
    assert b"Om Kokeboka" in body
    names = [name for name, _value in headers]
    assert all(isinstance(value, str) for _name, value in headers)
    assert "X-Page-Cache" not in names
    assert "Content-Language" in names
    assert "Content-Security-Policy" in names


def test_a_page_that_sets_a_session_cookie_is_not_stored(client: Client, about_page, monkeypatch):
    """The store sits above SessionMiddleware now, so a view that starts a session for an
    anonymous visitor (a cookie in the response) is never handed to the next visitor."""
    original = SessionMiddleware.process_request

    def touch_session(self, request):
        original(self, request)
        request.session["seen"] = True

    monkeypatch.setattr(SessionMiddleware, "process_request", touch_session)
    first = client.get("/om/")
    assert "sessionid" in first.cookies
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in Client().get("/om/")


# --- In front of Django's handler (apps/core/fastpath.py, config/wsgi.py) -----------------


@pytest.fixture
def wsgi(db):
    """Calls a WSGI application as granian does. Django's handler closes database connections
    at the start and end of a request; the test's transaction must outlive them (as the test
    client arranges)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)

    def call(app, path, *, method="GET", query="", host="testserver", scheme="http", **meta):
        state = {}

        def start_response(status, headers, exc_info=None):
            state["status"], state["headers"] = status, headers

        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "443" if scheme == "https" else "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "wsgi.url_scheme": scheme,
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": io.StringIO(),
            **meta,
        }
        result = app(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        return state["status"], {name.lower(): value for name, value in state["headers"]}, body

    yield call
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _apps():
    from django.core.handlers.wsgi import WSGIHandler

    from apps.core.fastpath import PageCacheApplication

    django_app = WSGIHandler()
    return django_app, PageCacheApplication(django_app)


def _same(headers):
    return {name: value for name, value in headers.items() if name not in PER_RESPONSE}


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
@pytest.mark.parametrize("scheme", ["https", "http"])
@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_wsgi_fast_hit_answers_what_django_answers(wsgi, about_page, scheme, language):
    django_app, fast_app = _apps()
    cookie = {} if language == "nb" else {"HTTP_COOKIE": f"kokeboka_language={language}"}
    miss = wsgi(fast_app, "/om/", scheme=scheme, **cookie)
    django_hit = wsgi(django_app, "/om/", scheme=scheme, **cookie)
    fast_hit = wsgi(fast_app, "/om/", scheme=scheme, **cookie)
    assert miss[1]["x-page-cache"] == "miss"
    assert django_hit[1]["x-page-cache"] == "hit"
    assert fast_hit[1]["x-page-cache"] == "hit"
    assert miss[0] == django_hit[0] == fast_hit[0] == "200 OK"
    assert fast_hit[2] == miss[2] == django_hit[2]
    assert _same(fast_hit[1]) == _same(miss[1]) == _same(django_hit[1])
    assert fast_hit[1]["content-language"] == language
    assert ("strict-transport-security" in fast_hit[1]) is (scheme == "https")
    assert len(fast_hit[1]["x-request-id"]) == 32
    assert fast_hit[1]["x-request-id"] != miss[1]["x-request-id"]


def test_the_wsgi_fast_hit_does_not_enter_django(wsgi, about_page, monkeypatch):
    django_app, fast_app = _apps()
    wsgi(fast_app, "/om/")
    entered = []
    monkeypatch.setattr(django_app, "get_response", lambda request: entered.append(request))
    status, headers, _body = wsgi(fast_app, "/om/")
    assert status == "200 OK"
    assert headers["x-page-cache"] == "hit"
    assert entered == []


@pytest.mark.parametrize(
    "change",
    [
        {"method": "POST"},
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"host": "evil.example"},
    ],
    ids=["post", "session", "messages", "unknown-host"],
)
def test_what_the_fast_path_leaves_to_django(wsgi, about_page, monkeypatch, change):
    django_app, fast_app = _apps()
    wsgi(fast_app, "/om/")
    entered = []
    real = django_app.get_response

    def spy(request):
        entered.append(request.path)
        return real(request)

    monkeypatch.setattr(django_app, "get_response", spy)
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        wsgi(fast_app, "/om/", **change)
    assert entered == ["/om/"]


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_plain_http_request_is_redirected_by_django_not_served(wsgi, about_page):
    django_app, fast_app = _apps()
    assert wsgi(fast_app, "/om/", scheme="https")[1]["x-page-cache"] == "miss"
    status, headers, _body = wsgi(fast_app, "/om/")
    assert status == "301 Moved Permanently"
    assert headers["location"] == "https://testserver/om/"
    assert wsgi(fast_app, "/om/", scheme="https")[1]["x-page-cache"] == "hit"


def test_the_api_is_left_to_its_middleware(wsgi, db, monkeypatch):
    """The API middleware (CORS, rate limit, ETag) sits above the page cache: an API answer,
    cached or not, always goes through Django."""
    django_app, fast_app = _apps()
    wsgi(fast_app, "/api/v1/recipes")
    entered = []
    real = django_app.get_response

    def spy(request):
        entered.append(request.path)
        return real(request)

    monkeypatch.setattr(django_app, "get_response", spy)
    status, _headers, _body = wsgi(fast_app, "/api/v1/recipes")
    assert status == "200 OK"
    assert entered == ["/api/v1/recipes"]


def test_a_fast_hit_is_announced_and_logged(wsgi, about_page, caplog):
    django_app, fast_app = _apps()
    wsgi(fast_app, "/om/", query="a=1")
    announced = []

    def receiver(sender, *, request, **kwargs):
        announced.append(request.get_full_path())

    page_cache.page_cache_hit.connect(receiver)
    caplog.set_level(logging.INFO, logger="kokeboka.request")
    try:
        _status, headers, _body = wsgi(fast_app, "/om/", query="a=1")
    finally:
        page_cache.page_cache_hit.disconnect(receiver)
    assert headers["x-page-cache"] == "hit"
    assert announced == ["/om/?a=1"]
    records = [r for r in caplog.records if r.name == "kokeboka.request"]
    assert len(records) == 1
    assert (records[0].path, records[0].status, records[0].request_id) == (
        "/om/",
        200,
        headers["x-request-id"],
    )


def test_a_trusted_request_id_is_kept_on_a_fast_hit(wsgi, about_page, settings):
    settings.KOKEBOKA_TRUST_REQUEST_ID = True
    _django_app, fast_app = _apps()
    wsgi(fast_app, "/om/")
    given = "3f2a8c1e9b7d4e6fa0b1c2d3e4f5a6b7"
    headers = wsgi(fast_app, "/om/", HTTP_X_REQUEST_ID=given)[1]
    assert headers["x-page-cache"] == "hit"
    assert headers["x-request-id"] == given
    settings.KOKEBOKA_TRUST_REQUEST_ID = False
    assert wsgi(fast_app, "/om/", HTTP_X_REQUEST_ID=given)[1]["x-request-id"] != given


def test_a_fault_in_the_fast_path_leaves_the_page_to_django(wsgi, about_page, monkeypatch, caplog):
    from apps.core import fastpath

    _django_app, fast_app = _apps()
    wsgi(fast_app, "/om/")

    def broken(**kwargs):
        raise RuntimeError("cache client bug")

    monkeypatch.setattr(fastpath, "cached_page", broken)
    status, headers, body = wsgi(fast_app, "/om/")
    assert status == "200 OK"
    assert headers["x-page-cache"] == "hit"  # served by the middleware inside Django
    assert b"Om Kokeboka" in body
    assert "fast path failed" in caplog.text
