"""Fixtures shared by every app's tests."""

import os

import pytest

pytest_plugins = ["tests.browser"]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    from apps.home.testing import ensure_home_page

    return ensure_home_page()


@pytest.fixture
def user(db):
    from apps.accounts.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def editor(db):
    from apps.accounts.tests.factories import EditorFactory

    return EditorFactory()
