"""A dependency outage degrades the site instead of failing it (docs/operations-degradation.md):
- Redis down: pages are served uncached (the page cache fails open), the read-only API
  answers uncounted (fails open), limits in front of forms refuse with 503 (fail closed),
  and login throttling is never bypassed (a login answers 503 until Redis is back);
- database down: cached anonymous pages are still served, every other request gets the
  503 page in the visitor's language with Retry-After, and the site recovers by itself.
"""

import logging
import shutil

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import PASSWORD
from apps.core import outage
from apps.core.models import StandardPage
from apps.events.models import Registration
from apps.events.tests.factories import EventFactory
from apps.events.tests.test_views import registration_data
from tests.redis import redis_caches
from tests.smtp import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_page(home_page):
    page = StandardPage(title="Om Kokeboka", slug="om", intro="Første versjon")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens


@pytest.fixture
def no_500(caplog):
    """Fails the test if Django logged a server error."""
    with caplog.at_level(logging.ERROR, logger="django.request"):
        yield
    assert not [r for r in caplog.records if r.name == "django.request"]


# --- Redis down -----------------------------------------------------------------------------


def test_with_redis_down_pages_are_served_uncached(client, about_page, redis_down, no_500):
    responses = [client.get("/om/") for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert all(r["X-Page-Cache"] == "miss" for r in responses)
    assert "Første versjon" in responses[-1].content.decode()


def test_with_redis_down_the_api_answers_without_counting(client, redis_down, no_500):
    response = client.get("/api/v1/rules")
    assert response.status_code == 200


def test_with_redis_down_form_limits_fail_closed_with_a_503(redis_down, no_500):
    event = EventFactory()
    response = Client(raise_request_exception=False).post(
        reverse("events:register", args=[event.slug]), registration_data()
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert not Registration.objects.exists()


def test_with_redis_down_login_throttling_is_not_bypassed(client, redis_down, no_500):
    """django-axes keeps its lock in the database; the per-account cool-off
    (apps/accounts/throttle.py) is in the "ratelimit" cache and fails closed: while Redis is
    away a login answers the 503 page and nobody is logged in, also with the right
    password."""
    user = UserFactory()
    login = reverse("accounts:login")
    visitor = Client(raise_request_exception=False)
    response = visitor.post(login, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 503
    assert "_auth_user_id" not in visitor.session


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs Debian's redis-server")
def test_redis_stopping_mid_traffic_causes_no_server_error(client, about_page, redis_cache, no_500):
    assert client.get("/om/")["X-Page-Cache"] == "miss"
    assert client.get("/om/")["X-Page-Cache"] == "hit"
    redis_cache.stop()
    during = [client.get("/om/") for _ in range(5)]
    during.append(client.get("/api/v1/rules"))
    assert [r.status_code for r in during] == [200] * 6


# --- database down --------------------------------------------------------------------------


def _refuse_queries(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def test_with_the_database_down_cached_pages_are_still_served(client, about_page, no_500):
    assert client.get("/om/")["X-Page-Cache"] == "miss"
    with connection.execute_wrapper(_refuse_queries):
        response = client.get("/om/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_with_the_database_down_other_pages_get_a_503_in_bokmal(client, about_page, no_500):
    with connection.execute_wrapper(_refuse_queries):
        response = client.get("/kokeboka/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<html lang="nb"' in page
    assert "Kokeboka er midlertidig utilgjengelig" in page
    assert "Prøv igjen om 30 sekunder" in page
    # Recovers by itself once the database answers again.
    assert client.get("/om/").status_code == 200


def test_the_503_page_is_in_english_for_english_visitors(client, about_page, no_500):
    client.cookies["kokeboka_language"] = "en"
    with connection.execute_wrapper(_refuse_queries):
        response = client.get("/om/")
    assert response.status_code == 503
    assert '<html lang="en"' in response.content.decode()
    assert "Kokeboka is temporarily unavailable" in response.content.decode()


def test_an_outage_inside_middleware_also_answers_503(about_page, no_500, caplog):
    """A logged-in visitor's session is read by middleware, outside any view: handler500
    turns the outage into the 503 page, and the log gets one warning, not a stack per
    request."""
    visitor = Client(raise_request_exception=False)
    visitor.force_login(UserFactory())
    outage._last_logged.clear()
    with (
        caplog.at_level(logging.WARNING, logger="kokeboka.outage"),
        connection.execute_wrapper(_refuse_queries),
    ):
        responses = [visitor.get("/konto/") for _ in range(3)]
    assert [r.status_code for r in responses] == [503, 503, 503]
    assert len([r for r in caplog.records if r.name == "kokeboka.outage"]) == 1


def test_a_post_during_the_outage_gets_the_503_page(about_page, no_500):
    event = EventFactory()
    with connection.execute_wrapper(_refuse_queries):
        response = Client(raise_request_exception=False).post(
            reverse("events:register", args=[event.slug]), registration_data()
        )
    assert response.status_code == 503


@pytest.mark.django_db(transaction=True)
def test_postgresql_unreachable_then_back_answers_503_then_recovers(no_500, settings):
    """A real connection failure on PostgreSQL: the connection is closed and the server's
    port refuses; when the port is right again the next request reconnects by itself."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no server to lose")
    from apps.home.testing import ensure_home_page

    ensure_home_page()
    anonymous = Client(raise_request_exception=False)
    assert anonymous.get("/kokeboka/").status_code == 404  # no cookbook here: never cached
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(free_port())
    try:
        during = anonymous.get("/kokeboka/")
        assert during.status_code == 503
        assert during["Retry-After"] == "30"
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert anonymous.get("/helse/").status_code == 200
    assert anonymous.get("/kokeboka/").status_code == 404


def test_handler500_turns_an_outage_into_the_503_page_and_other_errors_into_500(rf):
    from apps.core.views import server_error

    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        outage = server_error(rf.get("/"))
    try:
        raise ValueError("a bug")
    except ValueError:
        bug = server_error(rf.get("/"))
    assert outage.status_code == 503
    assert outage["Retry-After"] == "30"
    assert bug.status_code == 500


def test_the_api_answers_503_too_while_the_database_is_down(client, no_500):
    with connection.execute_wrapper(_refuse_queries):
        response = Client(raise_request_exception=False).get("/api/v1/rules")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
