import pytest
from django.test import Client

from apps.core.cache import purge_page_cache
from apps.core.models import StandardPage


@pytest.fixture
def about_page(home_page):
    page = StandardPage(title="Om Kokeboka", slug="om", intro="Første versjon")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_anonymous_page_is_served_from_cache_the_second_time(client: Client, about_page):
    first = client.get("/om/")
    second = client.get("/om/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "public" in second["Cache-Control"]
    assert "max-age=60" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_publishing_purges_the_cache(client: Client, about_page):
    client.get("/om/")
    about_page.intro = "Andre versjon"
    about_page.save_revision().publish()
    response = client.get("/om/")
    assert response["X-Page-Cache"] == "miss"
    assert "Andre versjon" in response.content.decode()


def test_unpublishing_purges_the_cache(client: Client, about_page):
    client.get("/om/")
    about_page.unpublish()
    assert client.get("/om/").status_code == 404


def test_logged_in_visitors_are_never_served_from_the_cache(client: Client, about_page, editor):
    client.get("/om/")
    client.force_login(editor)
    response = client.get("/om/")
    assert "X-Page-Cache" not in response


def test_languages_are_cached_separately(client: Client, about_page):
    client.get("/om/")
    client.cookies["kokeboka_language"] = "en"
    response = client.get("/om/")
    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Language"] == "en"


def test_purge_changes_the_generation(client: Client, about_page):
    client.get("/om/")
    purge_page_cache()
    assert client.get("/om/")["X-Page-Cache"] == "miss"


def test_error_pages_are_not_cached(client: Client, home_page):
    client.get("/finnes-ikke/")
    assert "X-Page-Cache" not in client.get("/finnes-ikke/")


@pytest.mark.urls("apps.core.tests.urls_csrf")
def test_a_page_with_a_csrf_token_is_never_cached_even_when_the_visitor_has_the_cookie(client):
    client.get("/skjema/")
    assert "csrftoken" in client.cookies
    first = client.get("/skjema/")
    other_visitor = Client()
    second = other_visitor.get("/skjema/")
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert first.content != second.content


@pytest.mark.urls("apps.core.tests.urls_csrf")
def test_a_plain_page_is_cached_for_a_visitor_with_a_csrf_cookie(client, db):
    client.get("/skjema/")
    client.get("/side/")
    assert client.get("/side/")["X-Page-Cache"] == "hit"
