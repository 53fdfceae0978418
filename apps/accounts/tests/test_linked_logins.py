"""Logins linked to accounts by (issuer, sub) (models.ExternalIdentity), against the local
ID-porten- and Ansattporten-shaped providers: a linked login works without any email; an
unlinked login without a verified email is refused with a page that explains how to link and
creates nothing; a person already logged in confirms the link (audited, grants nothing); an
identity linked to one account cannot be taken by another; unlinking on My page; the issuer
is part of the key; ID-porten links only its `sub`, never `pid`."""

import time

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts import services
from apps.accounts.models import ExternalIdentity, Membership, User
from apps.accounts.oidc import SESSION_PENDING_LINK, SESSION_PROVIDER
from apps.core.models import AuditEvent

from . import test_ansattporten
from .factories import MembershipFactory, OrganisationFactory, UserFactory
from .test_ansattporten import _follow, _login, _start

# The local providers and their settings, shared with test_ansattporten.py.
providers = test_ansattporten.providers
both = test_ansattporten.both

pytestmark = pytest.mark.django_db

NOT_LINKED = "/konto/innlogginger/ikke-koblet/?innlogging=ansattporten"
LINK = "/konto/innlogginger/koble/"


@pytest.fixture
def staff_login(both):
    """Ansattporten's BankID/MinID shape: pid and name, no email."""
    idporten, ansattporten = both
    ansattporten.claims = {
        "sub": "pairwise-sub",
        "pid": "45840375084",
        "acr": "substantial",
        "name": "Kari Nordmann",
    }
    return ansattporten


def _link(user, server, subject="pairwise-sub", provider="ansattporten"):
    return services.identity_link(
        user=user, provider=provider, issuer=server.url, subject=subject, via="confirmed"
    )


def test_a_linked_login_works_without_email(client, staff_login):
    person = UserFactory(email="kari@example.no")
    identity = _link(person, staff_login)
    response = _login(client, next_url="/organisasjoner/")
    assert response.status_code == 302 and response.url == "/organisasjoner/"
    assert client.session["_auth_user_id"] == str(person.pk)
    assert client.session[SESSION_PROVIDER] == "ansattporten"
    identity.refresh_from_db()
    assert identity.last_login_at is not None
    assert User.objects.count() == 1


def test_an_unlinked_login_without_email_explains_and_creates_nothing(client, staff_login):
    response = _login(client)
    assert response.status_code == 302 and response.url == NOT_LINKED
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists() and not ExternalIdentity.objects.exists()
    assert SESSION_PENDING_LINK not in client.session
    page = client.get(response.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Your Ansattporten login is not linked to an account" in text
    assert "no account was created" in text
    assert "Log in with your email and password, or with ID-porten." in text
    # "Log in to link" logs in first and then starts Ansattporten again.
    assert 'href="/konto/logg-inn/?next=/konto/ansattporten/"' in text
    assert 'href="/konto/registrer/"' in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            ["Ansattporten-innloggingen din er ikke koblet til en konto", "Koble den til én gang"],
        ),
        (
            "nn",
            [
                "Ansattporten-innlogginga di er ikkje kopla til ein konto",
                "Kople henne til éin gong",
            ],
        ),
    ],
)
def test_the_not_linked_page_in_norwegian(client, staff_login, settings, language, expected):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        text = client.get(NOT_LINKED).content.decode()
    assert f'lang="{language}"' in text
    for phrase in expected:
        assert phrase in text, phrase


def test_the_not_linked_page_is_only_for_a_configured_provider(client, staff_login, settings):
    assert client.get("/konto/innlogginger/ikke-koblet/?innlogging=annet").status_code == 404
    settings.ANSATTPORTEN_RP_CLIENT_ID = ""
    assert client.get(NOT_LINKED).status_code == 404


def test_linking_while_logged_in_is_confirmed_audited_and_grants_nothing(client, staff_login):
    person = UserFactory(email="kari@example.no")
    membership = MembershipFactory(user=person, role="member")
    client.force_login(person)
    response = _login(client)
    assert response.status_code == 302 and response.url == LINK
    assert not ExternalIdentity.objects.exists()  # nothing before the explicit POST

    page = client.get(LINK)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Link the Ansattporten login to your account" in text
    assert "as Kari Nordmann" in text and "kari@example.no" in text
    assert "45840375084" not in text and "45840375084" not in str(dict(client.session))
    assert 'name="csrfmiddlewaretoken"' in text

    response = client.post(LINK, {"action": "link"})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    identity = ExternalIdentity.objects.get()
    assert (identity.user, identity.provider) == (person, "ansattporten")
    assert (identity.issuer, identity.subject) == (staff_login.url, "pairwise-sub")
    event = AuditEvent.objects.get(action="account.identity_linked")
    assert event.actor == person and event.object_id == str(person.pk)
    assert event.data == {
        "identity": identity.pk,
        "provider": "ansattporten",
        "issuer": staff_login.url,
        "via": "confirmed",
    }
    assert SESSION_PENDING_LINK not in client.session
    # Roles unchanged.
    assert list(Membership.objects.filter(user=person)) == [membership]
    person.refresh_from_db()
    assert not person.groups.exists() and not person.is_staff and not person.is_superuser

    # From now on Ansattporten logs straight in, without email.
    client.post(reverse("accounts:logout"))
    assert _login(client).url == "/konto/"
    assert client.session["_auth_user_id"] == str(person.pk)


def test_the_link_needs_csrf(staff_login):
    from django.test import Client

    person = UserFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    assert _login(browser).url == LINK
    assert browser.post(LINK, {"action": "link"}).status_code == 403
    assert not ExternalIdentity.objects.exists()


def test_declining_links_nothing(client, staff_login):
    client.force_login(UserFactory())
    assert _login(client).url == LINK
    response = client.post(LINK, {"action": "cancel"})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert not ExternalIdentity.objects.exists()
    assert SESSION_PENDING_LINK not in client.session
    assert not AuditEvent.objects.filter(action="account.identity_linked").exists()


def test_a_password_session_must_show_the_second_factor_first(client, staff_login):
    person = UserFactory()
    TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    client.force_login(person)
    assert _login(client).url == LINK
    response = client.get(LINK)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:two-factor')}?next={LINK}"
    response = client.post(LINK, {"action": "link"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two-factor"))
    assert not ExternalIdentity.objects.exists()


def test_a_stale_or_foreign_pending_link_is_not_linked(client, staff_login):
    person = UserFactory()
    client.force_login(person)
    assert _login(client).url == LINK
    session = client.session
    session[SESSION_PENDING_LINK]["at"] = time.time() - 3600
    session.save()
    response = client.post(LINK, {"action": "link"})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert not ExternalIdentity.objects.exists()

    assert _login(client).url == LINK
    session = client.session
    session[SESSION_PENDING_LINK]["user"] = UserFactory().pk
    session.save()
    client.post(LINK, {"action": "link"})
    assert not ExternalIdentity.objects.exists()


def test_a_second_account_cannot_take_a_linked_identity(client, staff_login):
    first, second = UserFactory(), UserFactory()
    # The second person is logged in and starts a link ...
    client.force_login(second)
    assert _login(client).url == LINK
    # ... but the login gets linked to the first account before they confirm.
    _link(first, staff_login)
    response = client.post(LINK, {"action": "link"})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert "already linked to another account" in client.get(response.url).content.decode()
    assert ExternalIdentity.objects.get().user == first

    with pytest.raises(services.IdentityTaken):
        _link(second, staff_login)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExternalIdentity.objects.create(
            user=second, provider="ansattporten", issuer=staff_login.url, subject="pairwise-sub"
        )
    # Linking again to the same account changes nothing.
    assert _link(first, staff_login) == ExternalIdentity.objects.get()


def test_linked_logins_are_listed_and_removed_on_my_page(client, staff_login):
    person, other = UserFactory(), UserFactory()
    mine = _link(person, staff_login)
    theirs = _link(other, staff_login, subject="someone-else")
    client.force_login(person)
    text = client.get(reverse("accounts:profile")).content.decode()
    assert "Linked logins" in text and "Remove the Ansattporten link" in text
    assert reverse("accounts:identity-unlink", args=[mine.pk]) in text
    assert reverse("accounts:identity-unlink", args=[theirs.pk]) not in text
    assert 'href="/konto/id-porten/?next=/konto/"' in text  # ID-porten can still be linked

    url = reverse("accounts:identity-unlink", args=[theirs.pk])
    assert client.post(url).status_code == 404
    assert ExternalIdentity.objects.filter(pk=theirs.pk).exists()
    assert client.get(reverse("accounts:identity-unlink", args=[mine.pk])).status_code == 405

    response = client.post(reverse("accounts:identity-unlink", args=[mine.pk]))
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert not ExternalIdentity.objects.filter(pk=mine.pk).exists()
    event = AuditEvent.objects.get(action="account.identity_unlinked")
    assert event.actor == person
    assert event.data == {"identity": mine.pk, "provider": "ansattporten", "issuer": mine.issuer}

    client.post(reverse("accounts:logout"))
    assert _login(client).url == NOT_LINKED


def test_the_issuer_is_part_of_the_key(client, both):
    idporten, ansattporten = both
    person = UserFactory()
    _link(person, idporten, subject="same-sub", provider="idporten")
    ansattporten.claims = {"sub": "same-sub", "acr": "substantial", "name": "Someone Else"}
    assert _login(client).url == NOT_LINKED
    assert "_auth_user_id" not in client.session
    # The same sub at the other issuer is another identity, linkable to another account.
    stranger = UserFactory()
    _link(stranger, ansattporten, subject="same-sub")
    assert _login(client).url == "/konto/"
    assert client.session["_auth_user_id"] == str(stranger.pk)
    assert ExternalIdentity.objects.count() == 2


def test_id_porten_links_its_sub_and_never_keeps_pid(client, both):
    idporten, _ansattporten = both
    idporten.claims = {
        "sub": "idporten-pairwise",
        "pid": "45840375084",
        "email": "person@example.no",
        "email_verified": True,
    }
    response = client.get(_follow(_start(client, "accounts:oidc-login")))
    assert response.url == "/konto/"
    person = User.objects.get(email="person@example.no")
    identity = ExternalIdentity.objects.get()
    assert (identity.user, identity.provider) == (person, "idporten")
    assert (identity.issuer, identity.subject) == (idporten.url, "idporten-pairwise")
    event = AuditEvent.objects.get(action="account.identity_linked")
    assert event.data["via"] == "email"
    stored = [str(v) for v in ExternalIdentity.objects.values().get().values()]
    assert not any("45840375084" in value for value in stored)
    assert "45840375084" not in str(event.data)

    # Found by sub from now on, even after the email changed here.
    client.post(reverse("accounts:logout"))
    User.objects.filter(pk=person.pk).update(email="new@example.no")
    assert client.get(_follow(_start(client, "accounts:oidc-login"))).url == "/konto/"
    assert client.session["_auth_user_id"] == str(person.pk)
    assert User.objects.count() == 1


def test_a_verified_email_still_logs_in_and_links(client, both):
    _idporten, ansattporten = both  # its claims carry email_verified: true
    person = UserFactory(email="kari@asker.kommune.no")
    assert _login(client).url == "/konto/"
    assert client.session["_auth_user_id"] == str(person.pk)
    identity = ExternalIdentity.objects.get()
    assert (identity.user, identity.subject) == (person, "pairwise-sub")


def test_a_deleted_account_keeps_no_linked_login(client, staff_login):
    person = UserFactory()
    org = OrganisationFactory()
    MembershipFactory(user=person, organisation=org)
    _link(person, staff_login)
    assert services.user_export_data(user=person)["linked_logins"][0]["provider"] == (
        "ansattporten"
    )
    services.user_delete(user=person)
    assert not ExternalIdentity.objects.exists()
    assert _login(client).url == NOT_LINKED
