"""Fixtures shared by every app's tests."""

import os

import pytest

pytest_plugins = ["tests.browser", "tests.databases"]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's `--dist load` with short queues (docs/decisions/0024, third step).

    Its own scheduler refills a worker's queue with up to a quarter of the remaining tests
    while the worker runs quick ones, so one worker can hold most of the browser tests (the
    transactional ones, about half of the suite's time, all near the end because
    pytest-django runs them after the other database tests) while the other has nothing
    left: the PostgreSQL run at 7666e08 had one worker finish at 289 s and the other at
    575 s. Here a worker holds at most QUEUE tests and gets more when it has fewer than two;
    tests still go out in collection order, so each worker runs its tests in pytest-django's
    order (database, transactional, none) as before."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScheduling

    class ShortQueueScheduling(LoadScheduling):
        QUEUE = 4

        def __init__(self, config, log=None):
            super().__init__(config, log)
            self.maxschedchunk = self.QUEUE  # also the first chunk each worker gets

        def check_schedule(self, node, duration: float = 0) -> None:
            if node.shutting_down:
                return
            if not self.pending:
                node.shutdown()  # after the tests it holds
                return
            queued = len(self.node2pending[node])
            if queued < 2:
                self._send_tests(node, min(self.QUEUE - queued, len(self.pending)))

    return ShortQueueScheduling(config, log)


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


@pytest.fixture
def verified_login(db):
    """Logs a test client in with a session verified by the second factor (a confirmed TOTP
    device, as after a right code): `verified_login(client, user)`. Powers in the site's own
    views refuse a password-only session (client.force_login) and ask for the code."""
    from apps.accounts.tests.helpers import force_login_verified

    return force_login_verified


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd, tests/smtp.py) that Django's mail goes through for the
    test; the site address is https://kokeboka.example. `smtp_server.messages` holds what
    arrived."""
    from tests.smtp import SmtpServer, use_smtp_server

    with SmtpServer() as server:
        use_smtp_server(settings, server)
        yield server


@pytest.fixture
def redis_cache(settings, tmp_path):
    """A real redis-server (tests/redis.py) behind both cache aliases for the test, as in
    production with REDIS_URL; the route guide's tally counts in it."""
    from tests.redis import RedisServer, redis_caches

    with RedisServer(tmp_path) as server:
        settings.CACHES = redis_caches(server.url)
        settings.INSIGHTS_TALLY_IN_CACHE = True
        yield server
