import pytest


@pytest.fixture
def demo(demo_content_module, db):
    """The demo content (apps/opendata/testing.py) for the whole module, built once per test
    worker (tests/databases.py); the home page."""
    return demo_content_module.home
