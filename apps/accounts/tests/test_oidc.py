"""ID-porten login (OpenID Connect, PKCE) against a local provider in a thread."""

import http.client
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from apps.accounts.models import User

from .factories import UserFactory
from .oidc_provider import OIDCProvider

pytestmark = pytest.mark.django_db

NOT_LINKED = "/konto/innlogginger/ikke-koblet/?innlogging=idporten"


@pytest.fixture(scope="module")
def provider():
    server = OIDCProvider().start()
    yield server
    server.stop()


@pytest.fixture
def oidc(provider, settings):
    for key, value in provider.django_settings().items():
        setattr(settings, key, value)
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "apps.accounts.oidc.IDPortenBackend",
    ]
    provider.claims = {"sub": "12345678901", "email": "person@example.no", "email_verified": True}
    provider.token_requests.clear()
    return provider


def _authorize(url: str) -> str:
    """Follows the provider's authorize step (auto-consent) and returns our callback path."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", f"{parts.path}?{parts.query}")
    response = conn.getresponse()
    assert response.status == 302, response.read()
    location = response.getheader("Location")
    conn.close()
    callback = urlsplit(location)
    return f"{callback.path}?{callback.query}"


def _start(client, next_url: str = "") -> str:
    response = client.get(
        reverse("accounts:oidc-login") + (f"?next={next_url}" if next_url else "")
    )
    assert response.status_code == 302
    params = parse_qs(urlsplit(response.url).query)
    assert params["code_challenge_method"] == ["S256"]
    assert len(params["code_challenge"][0]) >= 43
    assert params["redirect_uri"] == ["http://testserver/konto/id-porten/tilbake/"]
    return response.url


def test_first_login_creates_a_verified_account(client, oidc):
    oidc.claims.update(
        {"given_name": "Kari", "family_name": "Nordmann", "email": "Kari@Example.no"}
    )
    callback = _authorize(_start(client))
    response = client.get(callback)
    assert response.status_code == 302 and response.url == settings.LOGIN_REDIRECT_URL
    user = User.objects.get(email="kari@example.no")
    assert user.is_email_verified and not user.has_usable_password()
    assert user.get_full_name() == "Kari Nordmann"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert oidc.token_requests[-1]["code_verifier"]


def test_existing_account_is_matched_by_email_and_verified(client, oidc):
    person = UserFactory(email="person@example.no", email_verified_at=None)
    response = client.get(_authorize(_start(client, "/organisasjoner/")))
    assert response.status_code == 302 and response.url == "/organisasjoner/"
    person.refresh_from_db()
    assert person.is_email_verified
    assert client.session["_auth_user_id"] == str(person.pk)
    assert User.objects.count() == 1


def test_wrong_code_verifier_is_refused(client, oidc):
    callback = _authorize(_start(client))
    session = client.session
    state = parse_qs(urlsplit(callback).query)["state"][0]
    session["oidc_states"][state]["code_verifier"] = "x" * 64
    session.save()
    response = client.get(callback)
    assert response.status_code == 302 and response.url.startswith("/konto/logg-inn/?idporten=")
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_replayed_code_and_unknown_state_are_refused(client, oidc):
    callback = _authorize(_start(client))
    assert client.get(callback).status_code == 302
    client.post(reverse("accounts:logout"))
    response = client.get(callback)
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and response.url.startswith("/konto/logg-inn/")


def test_claims_without_email_are_refused(client, oidc):
    oidc.claims = {"sub": "1"}
    response = client.get(_authorize(_start(client)))
    assert response.url == NOT_LINKED  # explains how to link; nothing opened or made
    assert not User.objects.exists()


def test_login_page_offers_id_porten_only_when_configured(client, oidc, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert b"/konto/id-porten/" in client.get(reverse("accounts:login")).content
    settings.OIDC_RP_CLIENT_ID = ""
    assert b"/konto/id-porten/" not in client.get(reverse("accounts:login")).content
    assert client.get(reverse("accounts:oidc-login")).status_code == 404
    assert client.get(reverse("accounts:oidc-callback")).status_code == 404


@pytest.mark.parametrize("verified", [False, "false", None, 1, "yes"])
def test_unverified_email_claim_never_opens_an_existing_account(client, oidc, verified):
    """Issue 19: accounts were matched by the email claim without `email_verified`."""
    person = UserFactory(email="person@example.no")
    oidc.claims = {"sub": "999", "email": "person@example.no"}
    if verified is not None:
        oidc.claims["email_verified"] = verified
    response = client.get(_authorize(_start(client)))
    assert response.status_code == 302
    assert response.url == NOT_LINKED  # explains how to link; nothing opened or made
    assert "_auth_user_id" not in client.session
    assert User.objects.get() == person


def test_unverified_email_claim_creates_no_account(client, oidc):
    oidc.claims = {"sub": "999", "email": "ny@example.no", "email_verified": False}
    response = client.get(_authorize(_start(client)))
    assert response.url == NOT_LINKED  # explains how to link; nothing opened or made
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_verified_email_claim_as_a_string_is_accepted(client, oidc):
    person = UserFactory(email="person@example.no")
    oidc.claims["email_verified"] = "true"
    response = client.get(_authorize(_start(client)))
    assert response.status_code == 302 and response.url == settings.LOGIN_REDIRECT_URL
    assert client.session["_auth_user_id"] == str(person.pk)
