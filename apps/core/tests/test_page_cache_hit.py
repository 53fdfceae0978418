"""The cost of a page-cache hit: one round trip to the cache, whatever the cache is (Redis
in production), and an entry from before a purge never served."""

import pytest
from django.core.cache import cache
from django.test import Client

from apps.core import cache as page_cache
from apps.core.models import StandardPage


class CacheSpy:
    """Records the name of every cache method called through it."""

    def __init__(self, inner):
        self.inner = inner
        self.calls: list[str] = []

    def __getattr__(self, name):
        attribute = getattr(self.inner, name)
        if not callable(attribute):
            return attribute

        def recorded(*args, **kwargs):
            self.calls.append(name)
            return attribute(*args, **kwargs)

        return recorded


@pytest.fixture
def about_page(home_page):
    page = StandardPage(title="Om Kokeboka", slug="om", intro="Første versjon")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_hit_costs_one_cache_round_trip(client: Client, about_page, monkeypatch):
    assert client.get("/om/")["X-Page-Cache"] == "miss"
    spy = CacheSpy(cache)
    monkeypatch.setattr(page_cache, "cache", spy)
    response = client.get("/om/")
    assert response["X-Page-Cache"] == "hit"
    assert spy.calls == ["get_many"]


def test_an_entry_stored_before_a_purge_is_a_miss(client: Client, about_page):
    client.get("/om/")
    key = page_cache.page_cache_key(language="nb", path="/om/")
    old_generation, stored = page_cache.cached_page(key=key)
    assert stored is not None
    page_cache.purge_page_cache()
    new_generation, stale = page_cache.cached_page(key=key)
    assert new_generation != old_generation
    assert stale is None
    assert client.get("/om/")["X-Page-Cache"] == "miss"
    assert client.get("/om/")["X-Page-Cache"] == "hit"
