import json

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts import privacy, services
from apps.accounts.models import Invitation, JoinRequest, Membership, User
from apps.core.models import AuditEvent

from .factories import MembershipFactory, OrganisationFactory, UserFactory
from .helpers import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = UserFactory(email="kari@example.no", first_name="Kari", last_name="Nordmann")
    org = OrganisationFactory(name="Kompass & Co")
    MembershipFactory(user=user, organisation=org, role="member")
    admin = MembershipFactory(organisation=org, role="admin").user
    services.membership_invite(
        actor=admin, organisation=org, email=user.email, role="admin", site_url="http://t/"
    )
    services.join_request_create(
        user=user, organisation=OrganisationFactory(name="Folkelig"), message="Hei"
    )
    TOTPDevice.objects.create(user=user, name="Telefonen min", confirmed=True)
    client.post(reverse("accounts:login"), {"username": user.email, "password": "feil"})
    return user


@pytest.fixture
def extra_registry():
    seen = []
    privacy.register_exporter("test_app", lambda user: {"notes": [f"note for {user.email}"]})
    privacy.register_deleter("test_app", lambda user: seen.append(user.email))
    yield seen
    privacy.unregister("test_app")


def test_download_my_data(client, person, extra_registry):
    client.force_login(person)
    response = client.get(reverse("accounts:my-data"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == "kari@example.no"
    assert data["profile"]["first_name"] == "Kari"
    assert [m["organisation"] for m in data["memberships"]] == ["Kompass & Co"]
    assert data["invitations"][0]["role"] == "admin"
    assert data["join_requests"][0]["organisation"] == "Folkelig"
    assert data["two_factor_devices"] == ["Telefonen min"]
    assert data["login_attempts"][0]["failures"] == 1
    assert data["test_app"] == {"notes": ["note for kari@example.no"]}
    assert "password" not in json.dumps(data).lower().replace("password_", "")


def test_delete_needs_the_password(client, person):
    client.force_login(person)
    response = client.post(reverse("accounts:delete-account"), {"password": "feil"})
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.is_active and person.email == "kari@example.no"


def test_delete_my_account(client, person, extra_registry):
    AuditEvent.objects.create(actor=person, action="x", object_type="y", object_id="1")
    pk = person.pk
    client.force_login(person)
    response = client.post(reverse("accounts:delete-account"), {"password": PASSWORD})
    assert response.status_code == 302 and response.url == "/"
    assert "_auth_user_id" not in client.session
    user = User.objects.get(pk=pk)
    assert user.email == f"deleted-{pk}@invalid"
    assert user.first_name == "" and user.last_name == ""
    assert not user.is_active and not user.has_usable_password()
    assert user.display_name == "Former member" and str(user) == "Former member"
    assert not Membership.objects.filter(user=user).exists()
    assert not JoinRequest.objects.filter(user=user).exists()
    assert not Invitation.objects.filter(email="kari@example.no").exists()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not AccessAttempt.objects.filter(username="kari@example.no").exists()
    assert not AuditEvent.objects.filter(actor_id=pk).exists()
    assert extra_registry == ["kari@example.no"]
    # The old address can no longer log in, and can sign up again.
    response = client.post(
        reverse("accounts:login"), {"username": "kari@example.no", "password": PASSWORD}
    )
    assert response.status_code == 200


def test_privacy_pages_need_login(client):
    for name in ("accounts:my-data", "accounts:delete-account", "accounts:profile"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith("/konto/logg-inn/?next=")
