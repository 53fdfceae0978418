"""The one rate limiter (apps.core.ratelimit): windows, keys and the view decorator."""

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from apps.core import ratelimit


@pytest.fixture(autouse=True)
def _empty_cache():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def test_a_first_hit_window_refuses_beyond_the_limit_and_counts_keys_apart():
    for _ in range(3):
        assert ratelimit.hit(scope="s", key="10.0.0.1", limit=3, window=60) is True
    assert ratelimit.hit(scope="s", key="10.0.0.1", limit=3, window=60) is False
    assert ratelimit.used(scope="s", key="10.0.0.1") == 4
    assert ratelimit.hit(scope="s", key="10.0.0.2", limit=3, window=60) is True
    assert ratelimit.hit(scope="other", key="10.0.0.1", limit=3, window=60) is True


def test_the_cache_never_holds_the_key_in_clear():
    ratelimit.hit(scope="s", key="person@example.no", limit=3, window=60)
    stored = list(caches["ratelimit"]._cache)  # LocMemCache's own keys
    assert stored
    assert not any("person@example.no" in key for key in stored)


def test_a_clock_window_says_when_it_resets_and_starts_anew():
    first = ratelimit.count(scope="c", key="a", limit=1, window=60, aligned=True, now=120.0)
    assert (first.allowed, first.remaining, first.retry_after) == (True, 0, 60)
    second = ratelimit.count(scope="c", key="a", limit=1, window=60, aligned=True, now=150.0)
    assert (second.allowed, second.retry_after) == (False, 30)
    third = ratelimit.count(scope="c", key="a", limit=1, window=60, aligned=True, now=180.0)
    assert third.allowed is True


def test_limit_posts_counts_every_key_and_answers_429_with_retry_after(settings):
    settings.KOKEBOKA_RATELIMITS = {"test_form": (1, 900)}
    calls = []

    @ratelimit.limit_posts(
        "test_form",
        by={"address": lambda request: request.META["REMOTE_ADDR"], "name": lambda r: "same"},
        refuse=lambda request, window: HttpResponse("slow down"),
    )
    def view(request):
        calls.append(request.method)
        return HttpResponse("ok")

    factory = RequestFactory()
    assert view(factory.post("/", REMOTE_ADDR="10.0.0.1")).status_code == 200
    # Another address, but the shared "name" key is spent: refused, and counted for the address.
    refused = view(factory.post("/", REMOTE_ADDR="10.0.0.2"))
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    assert ratelimit.used(scope="test_form:address", key="10.0.0.2") == 1
    # GETs are never counted.
    assert view(factory.get("/", REMOTE_ADDR="10.0.0.1")).status_code == 200
    assert calls == ["POST", "GET"]
