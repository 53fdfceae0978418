"""Ansattporten beside ID-porten, both against local providers in threads: login creates or
links the account by a verified email, state/nonce/PKCE/issuer/acr are checked, a state of one
provider is refused at the other's callback, the organisation Ansattporten names is shown and
grants nothing, logout ends the session at each provider's end_session endpoint, and a
provider that is not configured has no button and no URLs."""

import http.client
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse

from apps.accounts.models import JoinRequest, JoinRequestStatus, Membership, User
from apps.accounts.oidc import SESSION_ORGANISATIONS, organisations_from_claims
from apps.core.models import AuditEvent

from .factories import MembershipFactory, OrganisationFactory, UserFactory
from .oidc_provider import AnsattportenProvider, OIDCProvider

pytestmark = pytest.mark.django_db

ORGNO = "974760673"
ALTINN_SERVICE = [
    {
        "type": "ansattporten:altinn:service",
        "resource": "urn:altinn:resource:2480:40",
        "resource_name": "Produkter og tjenester fra Brønnøysundregistrene",
        "reportees": [
            {
                "Rights": ["Read"],
                "Authority": "iso6523-actorid-upis",
                "ID": f"0192:{ORGNO}",
                "Name": "ASKER KOMMUNE",
            }
        ],
    }
]
BACKENDS = ["apps.accounts.oidc.IDPortenBackend", "apps.accounts.oidc.AnsattportenBackend"]


@pytest.fixture(scope="module")
def providers():
    idporten = OIDCProvider().start()
    ansattporten = AnsattportenProvider().start()
    yield idporten, ansattporten
    idporten.stop()
    ansattporten.stop()


def _configure(settings, *servers):
    for server in servers:
        for key, value in server.django_settings().items():
            setattr(settings, key, value)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, *BACKENDS]


@pytest.fixture
def both(providers, settings):
    idporten, ansattporten = providers
    _configure(settings, idporten, ansattporten)
    idporten.claims = {"sub": "1", "email": "person@example.no", "email_verified": True}
    ansattporten.claims = {
        "sub": "pairwise-sub",
        "pid": "45840375084",
        "acr": "substantial",
        "amr": ["TestID"],
        "name": "Kari Nordmann",
        "email": "kari@asker.kommune.no",
        "email_verified": True,
    }
    for server in providers:
        server.token_requests.clear()
        server.authorize_requests.clear()
        server.logout_requests.clear()
    return idporten, ansattporten


@pytest.fixture
def ansattporten(both):
    return both[1]


def _follow(url: str) -> str:
    """GETs a provider URL that redirects back to us; returns our path and query."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", f"{parts.path}?{parts.query}")
    response = conn.getresponse()
    assert response.status == 302, response.read()
    location = response.getheader("Location")
    conn.close()
    back = urlsplit(location)
    return f"{back.path}?{back.query}" if back.query else back.path


def _start(client, name: str = "accounts:ansattporten-login", next_url: str = "") -> str:
    response = client.get(reverse(name) + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302
    return response.url


def _login(client, next_url: str = ""):
    return client.get(_follow(_start(client, next_url=next_url)))


def test_the_authorisation_request_is_ansattporten_shaped(client, ansattporten):
    url = _start(client)
    assert url.startswith(f"{ansattporten.url}/authorize?")
    params = {key: value[0] for key, value in parse_qs(urlsplit(url).query).items()}
    assert params["client_id"] == AnsattportenProvider.client_id
    assert params["redirect_uri"] == "http://testserver/konto/ansattporten/tilbake/"
    assert params["acr_values"] == "substantial"
    assert params["scope"] == "openid profile"
    assert params["code_challenge_method"] == "S256" and len(params["code_challenge"]) >= 43
    assert params["state"] and params["nonce"]
    assert params["ui_locales"] == "en"
    assert "authorization_details" not in params
    state = client.session["oidc_states"][params["state"]]
    assert state["provider"] == "ansattporten" and state["nonce"] == params["nonce"]


def test_first_login_creates_a_verified_account_from_the_id_token(client, ansattporten):
    response = _login(client)
    assert response.status_code == 302 and response.url == "/konto/"
    user = User.objects.get(email="kari@asker.kommune.no")
    assert user.is_email_verified and not user.has_usable_password()
    assert (user.first_name, user.last_name) == ("Kari", "Nordmann")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session["oidc_provider"] == "ansattporten"
    token_request = ansattporten.token_requests[-1]
    assert token_request["client_id"] == AnsattportenProvider.client_id
    assert token_request["code_verifier"]
    assert AuditEvent.objects.filter(
        action="account.registered_ansattporten", object_id=str(user.pk)
    ).exists()


def test_an_existing_account_is_linked_by_its_verified_email(client, ansattporten):
    person = UserFactory(email="kari@asker.kommune.no", email_verified_at=None)
    response = _login(client, next_url="/organisasjoner/")
    assert response.status_code == 302 and response.url == "/organisasjoner/"
    person.refresh_from_db()
    assert person.is_email_verified
    assert client.session["_auth_user_id"] == str(person.pk)
    assert User.objects.count() == 1


@pytest.mark.parametrize("verified", [None, False, "false"])
def test_an_unverified_email_opens_no_account(client, ansattporten, settings, verified):
    """The Entra ID path sends `email` without `email_verified`: not trusted."""
    person = UserFactory(email="kari@asker.kommune.no")
    settings.ANSATTPORTEN_ACR_VALUES = "entraid"
    ansattporten.claims = {"sub": "x", "acr": "entraid", "email": person.email, "name": "K N"}
    if verified is not None:
        ansattporten.claims["email_verified"] = verified
    response = _login(client)
    assert response.status_code == 302
    assert response.url == "/konto/innlogginger/ikke-koblet/?innlogging=ansattporten"
    assert "_auth_user_id" not in client.session
    assert User.objects.get() == person
    assert not person.external_identities.exists()


def test_a_login_without_email_is_refused(client, ansattporten):
    """Ansattporten's person-eID id_token carries pid and name but no email: without a
    linked login it opens nothing and creates nothing (test_linked_logins.py links one)."""
    ansattporten.claims = {"sub": "x", "pid": "45840375084", "acr": "high", "name": "K N"}
    response = _login(client)
    assert response.url == "/konto/innlogginger/ikke-koblet/?innlogging=ansattporten"
    assert not User.objects.exists()


def test_the_failure_is_explained_on_the_login_page(client, ansattporten):
    response = client.get(reverse("accounts:login") + "?ansattporten=feil")
    assert b"Logging in with Ansattporten did not work" in response.content
    assert b"Logging in with ID-porten did not work" not in response.content


@pytest.mark.parametrize("acr", ["low", "entraid", None])
def test_a_security_level_not_asked_for_is_refused(client, ansattporten, acr):
    ansattporten.claims["acr"] = acr
    response = _login(client)
    assert response.url == "/konto/logg-inn/?ansattporten=feil"
    assert "_auth_user_id" not in client.session


def test_high_is_accepted_where_substantial_was_asked(client, ansattporten):
    ansattporten.claims["acr"] = "high"
    assert _login(client).url == "/konto/"


def test_an_id_token_from_another_issuer_is_refused(client, ansattporten):
    ansattporten.claims["iss"] = "https://ansattporten.example"
    response = _login(client)
    assert response.url == "/konto/logg-inn/?ansattporten=feil"
    assert not User.objects.exists()


def test_an_iss_parameter_of_another_issuer_is_refused_before_any_token_request(
    client, ansattporten
):
    callback = _follow(_start(client))
    parts = urlsplit(callback)
    query = {key: value[0] for key, value in parse_qs(parts.query).items()}
    assert query["iss"] == ansattporten.url
    query["iss"] = "https://idporten.no"
    response = client.get(f"{parts.path}?{urlencode(query)}")
    assert response.url == "/konto/logg-inn/?ansattporten=feil"
    assert ansattporten.token_requests == []
    assert query["state"] not in client.session["oidc_states"]


def test_a_wrong_code_verifier_is_refused(client, ansattporten):
    callback = _follow(_start(client))
    state = parse_qs(urlsplit(callback).query)["state"][0]
    session = client.session
    session["oidc_states"][state]["code_verifier"] = "x" * 64
    session.save()
    response = client.get(callback)
    assert response.url == "/konto/logg-inn/?ansattporten=feil"
    assert ansattporten.token_requests[-1]["code_verifier"] == "x" * 64
    assert not User.objects.exists()


def test_a_wrong_nonce_is_refused(client, ansattporten):
    callback = _follow(_start(client))
    state = parse_qs(urlsplit(callback).query)["state"][0]
    session = client.session
    session["oidc_states"][state]["nonce"] = "another-nonce"
    session.save()
    response = client.get(callback)
    assert response.url == "/konto/logg-inn/?ansattporten=feil"
    assert "_auth_user_id" not in client.session


def test_an_unknown_state_and_a_replayed_code_are_refused(client, ansattporten):
    callback = _follow(_start(client))
    assert client.get(callback).url == "/konto/"
    client.post(reverse("accounts:logout"))
    response = client.get(callback)
    assert response.status_code == 302 and response.url.startswith("/konto/logg-inn/")
    assert "_auth_user_id" not in client.session


def test_a_state_started_for_id_porten_is_refused_at_the_ansattporten_callback(client, both):
    idporten, ansattporten = both
    callback = urlsplit(_follow(_start(client, "accounts:oidc-login")))
    response = client.get(f"{reverse('accounts:ansattporten-callback')}?{callback.query}")
    assert response.url == "/konto/logg-inn/?ansattporten=feil"
    assert idporten.token_requests == [] and ansattporten.token_requests == []
    assert "_auth_user_id" not in client.session


def test_a_state_started_for_ansattporten_is_refused_at_the_id_porten_callback(client, both):
    idporten, ansattporten = both
    callback = urlsplit(_follow(_start(client)))
    response = client.get(f"{reverse('accounts:oidc-callback')}?{callback.query}")
    assert response.url == "/konto/logg-inn/?idporten=feil"
    assert idporten.token_requests == [] and ansattporten.token_requests == []
    assert "_auth_user_id" not in client.session


def test_id_porten_still_logs_in_beside_ansattporten(client, both):
    idporten, ansattporten = both
    response = client.get(_follow(_start(client, "accounts:oidc-login")))
    assert response.url == "/konto/"
    assert client.session["oidc_provider"] == "idporten"
    assert ansattporten.token_requests == [] and len(idporten.token_requests) == 1


# The organisation Ansattporten names --------------------------------------------------------


def _asker():
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure

    geography_ensure()
    return OrganisationFactory(
        name="Asker kommune",
        slug="asker",
        type="kommune",
        municipality=Municipality.objects.get(code="3203"),
        org_number=ORGNO,
    )


def test_the_organisation_is_shown_and_grants_nothing(client, ansattporten):
    municipality = _asker()
    admin = MembershipFactory(organisation=municipality, role="admin").user
    ansattporten.claims["authorization_details"] = ALTINN_SERVICE
    response = _login(client, next_url="/organisasjoner/")
    assert response.url == reverse("accounts:ansattporten-organisation")
    user = User.objects.get(email="kari@asker.kommune.no")
    assert client.session[SESSION_ORGANISATIONS] == [{"orgno": ORGNO, "name": "ASKER KOMMUNE"}]

    page = client.get(response.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "ASKER KOMMUNE" in text and f"Organisation number {ORGNO}" in text
    assert "gives you no role" in text
    assert f'href="{municipality.get_absolute_url()}"' in text and "Ask to join" in text
    assert 'href="/organisasjoner/"' in text  # Continue: where the login was going

    # Nothing granted: no membership, no request made for them, no group, no staff flag.
    assert not Membership.objects.filter(user=user).exists()
    assert not JoinRequest.objects.filter(user=user).exists()
    assert not user.groups.exists() and not user.is_staff and not user.is_superuser
    assert [m.user for m in Membership.objects.filter(organisation=municipality)] == [admin]
    event = AuditEvent.objects.get(action="account.login_ansattporten")
    assert event.data == {"organisations": [ORGNO]}


def test_the_organisation_page_says_member_or_waiting(client, ansattporten):
    municipality = _asker()
    person = UserFactory(email="kari@asker.kommune.no")
    ansattporten.claims["authorization_details"] = ALTINN_SERVICE
    JoinRequest.objects.create(user=person, organisation=municipality)
    response = client.get(_login(client).url)
    assert b"You have asked to join" in response.content
    JoinRequest.objects.update(status=JoinRequestStatus.APPROVED)
    MembershipFactory(user=person, organisation=municipality)
    response = client.get(reverse("accounts:ansattporten-organisation"))
    assert b"You are a member of this organisation" in response.content


def test_an_organisation_not_on_kokeboka_is_offered_registration(client, ansattporten):
    ansattporten.claims["authorization_details"] = [
        {
            "type": "ansattporten:orgno",
            "orgno": {"Authority": "iso6523-actorid-upis", "ID": "0192:" + ORGNO},
        }
    ]
    response = client.get(_login(client).url)
    assert b"not on Kokeboka yet" in response.content
    assert reverse("accounts:organisation-create").encode() in response.content


def test_a_login_without_organisation_goes_straight_on(client, ansattporten):
    ansattporten.claims["authorization_details"] = [{"type": "ansattporten:orgno"}]
    assert _login(client, next_url="/organisasjoner/").url == "/organisasjoner/"
    response = client.get(reverse("accounts:ansattporten-organisation"))
    assert response.status_code == 302 and response.url == "/konto/"


def test_the_organisation_page_needs_a_login(client, ansattporten):
    response = client.get(reverse("accounts:ansattporten-organisation"))
    assert response.status_code == 302 and response.url.startswith("/konto/logg-inn/")


def test_authorization_details_are_sent_when_configured(client, ansattporten, settings):
    settings.ANSATTPORTEN_AUTHORIZATION_DETAILS = '[{"type": "ansattporten:orgno"}]'
    params = parse_qs(urlsplit(_start(client)).query)
    assert params["authorization_details"] == ['[{"type": "ansattporten:orgno"}]']
    settings.ANSATTPORTEN_AUTHORIZATION_DETAILS = "[{not json"
    response = client.get(reverse("accounts:ansattporten-login"))
    assert response.status_code == 302
    assert response.url == "/konto/logg-inn/?ansattporten=feil"


def test_organisations_are_read_from_each_documented_shape():
    claims = {
        "authorization_details": [
            ALTINN_SERVICE[0],
            {
                "type": "ansattporten:altinn:resource",
                "authorized_parties": [
                    {
                        "orgno": {"authority": "iso6523-actorid-upis", "ID": "0192:314758625"},
                        "name": "UGJENNOMSIKTIG APE",
                    },
                    {"orgno": {"authority": "other-scheme", "ID": "0192:311094688"}, "name": "X"},
                ],
            },
            # Digdir's example spells the key "orgno:".
            {"type": "ansattporten:orgno", "orgno:": {"ID": "0192:987464291"}},
            {"type": "ansattporten:altinn:service", "reportees": [{"ID": "0192:12345"}]},
            {"type": "ansattporten:altinn:service", "reportees": [{"ID": "0192:" + ORGNO}]},
            {"type": "something:else", "orgno": {"ID": "0192:999999999"}},
            "not an object",
        ]
    }
    assert organisations_from_claims(claims) == [
        {"orgno": ORGNO, "name": "ASKER KOMMUNE"},
        {"orgno": "314758625", "name": "UGJENNOMSIKTIG APE"},
        {"orgno": "987464291", "name": ""},
    ]
    assert organisations_from_claims({}) == []
    assert organisations_from_claims({"authorization_details": "garbage"}) == []


# Logout -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["idporten", "ansattporten"])
def test_logout_ends_the_session_at_the_provider(client, both, which):
    idporten, ansattporten = both
    server = idporten if which == "idporten" else ansattporten
    login = "accounts:oidc-login" if which == "idporten" else "accounts:ansattporten-login"
    assert client.get(_follow(_start(client, login))).url == "/konto/"
    id_token = server.issued_id_tokens[-1]
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url.startswith(f"{server.url}/logout?")
    params = {key: value[0] for key, value in parse_qs(urlsplit(response.url).query).items()}
    assert params == {"id_token_hint": id_token, "post_logout_redirect_uri": "http://testserver/"}
    assert "_auth_user_id" not in client.session
    assert "oidc_id_token" not in client.session
    # The provider accepts the hint and sends the browser back to us.
    assert _follow(response.url) == "/"
    assert server.logout_requests[-1]["id_token_hint"] == id_token


def test_logout_after_a_password_login_stays_here(client, both):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response.url == "/"
    assert "_auth_user_id" not in client.session


def test_logout_stays_here_when_no_end_session_endpoint_is_configured(client, both, settings):
    assert client.get(_follow(_start(client))).url == "/konto/"
    settings.ANSATTPORTEN_OP_LOGOUT_ENDPOINT = ""
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response.url == "/"
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(client, both):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session


# Configuration ------------------------------------------------------------------------------


def test_only_configured_providers_are_offered(client, both, settings):
    page = client.get(reverse("accounts:login")).content
    assert b"/konto/id-porten/" in page and b"/konto/ansattporten/" in page
    assert b"Choose by the role you come in" in page

    settings.ANSATTPORTEN_RP_CLIENT_ID = ""
    page = client.get(reverse("accounts:login")).content
    assert b"/konto/id-porten/" in page and b"/konto/ansattporten/" not in page
    for name in ("ansattporten-login", "ansattporten-callback", "ansattporten-organisation"):
        client.force_login(UserFactory()) if name.endswith("organisation") else None
        assert client.get(reverse(f"accounts:{name}")).status_code == 404

    settings.ANSATTPORTEN_RP_CLIENT_ID = AnsattportenProvider.client_id
    settings.OIDC_RP_CLIENT_ID = ""
    client.logout()
    page = client.get(reverse("accounts:login")).content
    assert b"/konto/id-porten/" not in page and b"/konto/ansattporten/" in page
    assert b"Choose by the role you come in" not in page
    assert client.get(reverse("accounts:oidc-login")).status_code == 404


def test_neither_provider_configured_shows_no_electronic_id(client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    settings.ANSATTPORTEN_RP_CLIENT_ID = ""
    page = client.get(reverse("accounts:login")).content
    assert b"/konto/id-porten/" not in page and b"/konto/ansattporten/" not in page
    assert b"eid-heading" not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["Logg inn med Ansattporten", "For privatpersoner", "for kommuneansatte i jobben"]),
        ("nn", ["Logg inn med Ansattporten", "For privatpersonar", "for kommunetilsette i jobben"]),
    ],
)
def test_the_login_page_explains_the_choice_in_norwegian(
    client, both, settings, language, expected
):
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        page = client.get(reverse("accounts:login")).content.decode()
    assert f'lang="{language}"' in page
    for text in expected:
        assert text in page, text
