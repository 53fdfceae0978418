import pytest
from django.test import Client

from apps.core.middleware import CONTENT_SECURITY_POLICY


@pytest.fixture
def anon(home_page) -> Client:
    return Client()


def test_bokmal_is_the_default_whatever_the_browser_asks(anon: Client):
    response = anon.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="nb"' in response.content.decode()


def test_language_switch_sets_a_cookie_and_returns_to_the_page(anon: Client):
    response = anon.get("/sprak/en/?next=/kokeboka/")
    assert response.status_code == 302
    assert response["Location"] == "/kokeboka/"
    assert response.cookies["kokeboka_language"].value == "en"
    assert '<html lang="en"' in anon.get("/").content.decode()


def test_language_switch_refuses_to_redirect_off_site(anon: Client):
    response = anon.get("/sprak/en/?next=https://evil.example/")
    assert response["Location"] == "/"


def test_unknown_language_is_ignored(anon: Client):
    response = anon.get("/sprak/xx/?next=/")
    assert "kokeboka_language" not in response.cookies


def test_public_pages_carry_a_strict_content_security_policy(anon: Client):
    response = anon.get("/")
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_404_page_is_in_norwegian(anon: Client):
    response = anon.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_health_endpoint(anon: Client):
    assert anon.get("/helse/").json() == {"status": "ok"}
