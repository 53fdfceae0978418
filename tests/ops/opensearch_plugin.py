"""pytest plugin: the search tests against a real OpenSearch instead of the database.

    OPENSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest -n 0 \\
        -p tests.ops.opensearch_plugin apps/search

The settings pick `modelsearch.backends.opensearch3` when OPENSEARCH_URL is set. Two things
differ from the database backends, and this plugin evens them out for tests only:

- OpenSearch makes a write searchable at its next refresh (within a second); the tests
  search right after saving, so every index write is followed by a refresh.
- The indexes outlive the test database's rollback; each test gets indexes prefixed
  `kokeboka_test_`, emptied first, never the site's own `kokeboka_` ones. One set for all
  test processes, hence `-n 0`.

Without OPENSEARCH_URL the plugin does nothing.
"""

import os

import pytest

TEST_INDEX_PREFIX = "kokeboka_test_"


def _refreshing(method):
    def write_then_refresh(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self.refresh()
        return result

    return write_then_refresh


def pytest_configure(config):
    if not os.environ.get("OPENSEARCH_URL"):
        return
    from modelsearch.backends.opensearch3 import OpenSearch3Index

    for name in ("add_item", "add_items", "delete_item"):
        setattr(OpenSearch3Index, name, _refreshing(getattr(OpenSearch3Index, name)))


@pytest.fixture(autouse=True)
def _opensearch_test_index(settings):
    if not os.environ.get("OPENSEARCH_URL"):
        yield
        return
    from modelsearch.backends import get_search_backend

    backends = {alias: dict(config) for alias, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["INDEX_PREFIX"] = TEST_INDEX_PREFIX
    settings.WAGTAILSEARCH_BACKENDS = backends
    get_search_backend().reset_indexes()
    yield
