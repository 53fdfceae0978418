"""Trust that cannot be self-granted (issue 19, finding 2): the escalation chain of the
security review, step by step, now refused; claiming a free municipality; roles granted only
by a verified admin or staff, with an audit row and a mail to the other admins; invitations
checked again at acceptance; invitation mails that quote free text safely and are limited per
organisation."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.accounts import services
from apps.accounts.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationType,
    VerificationSource,
    hash_token,
    new_token,
)
from apps.accounts.permissions import PLATFORM_STAFF_GROUP
from apps.broker.models import EntrepreneurProfile, ReviewStatus
from apps.core.models import AuditEvent, Municipality

from .factories import MembershipFactory, OrganisationFactory, UserFactory
from .helpers import login_with_otp

pytestmark = pytest.mark.django_db


def _staff():
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0])
    return user


def _kommune(code: str, **extra) -> Organisation:
    municipality = Municipality.objects.get(code=code)
    return OrganisationFactory(
        name=f"{municipality.name} kommune",
        slug=f"kommune-{code}",
        type="kommune",
        legal_form="",
        municipality=municipality,
        county=municipality.county,
        **extra,
    )


def _pending_profile(org: Organisation, code: str) -> EntrepreneurProfile:
    profile = EntrepreneurProfile.objects.create(
        organisation=org, summary="Vi hjelper unge.", review_status=ReviewStatus.PENDING
    )
    profile.areas.set([Municipality.objects.get(code=code)])
    return profile


def _forged_invitation(org, *, email, role, invited_by) -> str:
    """An invitation row as an older version (or a hand-edited database) could have left."""
    token = new_token()
    Invitation.objects.create(
        organisation=org,
        email=email,
        role=role,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=1),
        invited_by=invited_by,
    )
    return token


# The escalation chain, step by step ---------------------------------------------------------


def test_the_escalation_chain_fails_at_every_step(client, django_capture_on_commit_callbacks):
    other = OrganisationFactory(name="Annen entreprenør", slug="annen")
    other_profile = _pending_profile(other, "3201")
    fresh = UserFactory(email="angriper@example.no")
    client.force_login(fresh)

    # 1. A fresh account creates an organisation: allowed, but it is unverified.
    response = client.post(
        reverse("accounts:organisation-create"),
        {"name": "Mitt Eget AS", "type": "sosial_entreprenor", "legal_form": "AS"},
    )
    assert response.status_code == 302
    own = Organisation.objects.get(name="Mitt Eget AS")
    assert own.verified_at is None and own.verified_by is None and own.verified_via == ""
    own_profile = _pending_profile(own, "3201")

    # 2. It invites its own address as broker: the role is not among those it may give.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation-invite", args=[own.slug]),
            {"email": fresh.email, "role": "broker"},
        )
    assert response.status_code == 400
    assert not Invitation.objects.exists() and not mail.outbox
    with pytest.raises(ValidationError) as error:
        services.membership_invite(
            actor=fresh, organisation=own, email=fresh.email, role="broker", site_url="http://t/"
        )
    assert error.value.error_dict["role"][0].code == "role_not_grantable"

    # 3. Accepting a broker invitation (one that slipped in some other way) grants nothing.
    token = _forged_invitation(own, email=fresh.email, role="broker", invited_by=fresh)
    response = client.post(reverse("accounts:invitation-accept", args=[token]))
    assert response.status_code == 403
    assert not Membership.objects.filter(user=fresh, role="broker").exists()

    # Even a broker row written straight into the database counts for nothing.
    Membership.objects.create(user=fresh, organisation=own, role="broker")

    # 4. The national review queue is closed.
    assert client.get(reverse("broker:review-queue")).status_code == 403

    # 5. Approving its own profile and rejecting another organisation's are refused.
    response = client.post(
        reverse("broker:profile-review", args=[own.slug]), {"decision": "approve"}
    )
    assert response.status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("broker:profile-review", args=[other.slug]),
            {"decision": "reject", "note": "Nei."},
        )
    assert response.status_code == 403
    own_profile.refresh_from_db()
    other_profile.refresh_from_db()
    assert own_profile.review_status == other_profile.review_status == ReviewStatus.PENDING
    assert not mail.outbox
    assert not AuditEvent.objects.filter(action__startswith="broker.profile.").exists()


def test_a_verified_brokers_power_ends_at_its_municipalities(client):
    baerum = _kommune("3201")
    broker = MembershipFactory(organisation=baerum, role="broker").user
    oslo_profile = _pending_profile(OrganisationFactory(slug="oslo-se"), "0301")
    login_with_otp(client, broker)
    assert client.get(reverse("broker:review-queue")).status_code == 200
    response = client.post(
        reverse("broker:profile-review", args=["oslo-se"]), {"decision": "approve"}
    )
    assert response.status_code == 403
    oslo_profile.refresh_from_db()
    assert oslo_profile.review_status == ReviewStatus.PENDING


# Claiming a municipality ---------------------------------------------------------------------


def test_claiming_a_free_municipality_gives_no_power_until_staff_verify(
    client, django_capture_on_commit_callbacks
):
    staff = _staff()
    claimant = UserFactory(email="krav@example.no")
    client.force_login(claimant)
    lier = Municipality.objects.get(code="3312")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation-create"),
            {"name": "Lier kommune", "type": "kommune", "municipality": lier.pk},
        )
    assert response.status_code == 302
    claim = Organisation.objects.get(municipality=lier)
    assert claim.is_pending_claim
    assert AuditEvent.objects.get(action="organisation.created").data == {
        "type": "kommune",
        "claim": True,
    }
    # Staff are told; the subject does not carry the name.
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "Lier" not in mail.outbox[0].subject and "«Lier kommune»" in mail.outbox[0].body
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Pending verification" in page

    # No needs in the municipality's name, no broker, no members-only needs.
    assert client.get(reverse("broker:need-create")).status_code == 403
    response = client.post(
        reverse("accounts:organisation-invite", args=[claim.slug]),
        {"email": claimant.email, "role": "broker"},
    )
    assert response.status_code == 400
    from apps.broker.tests.factories import NeedFactory, municipality_org

    members_need = NeedFactory(
        organisation=municipality_org("3201"), title="Bare for medlemmer", visibility="members"
    )
    assert client.get(members_need.get_absolute_url()).status_code == 404

    # A second comer cannot take the municipality either: it is claimed, pending.
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:organisation-create"),
        {"name": "Lier kommune", "type": "kommune", "municipality": lier.pk},
    )
    assert response.status_code == 200
    assert "already has an organisation" in response.content.decode()
    assert Organisation.objects.filter(municipality=lier).count() == 1

    # Staff with the password alone cannot verify; with the second factor they can.
    client.force_login(staff)
    assert (
        client.post(reverse("accounts:organisation-verify", args=[claim.slug])).status_code == 403
    )
    claim.refresh_from_db()
    assert claim.verified_at is None
    client.logout()
    login_with_otp(client, staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:organisation-verify", args=[claim.slug]))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.is_verified and claim.verified_by == staff
    assert claim.verified_via == VerificationSource.STAFF
    assert AuditEvent.objects.filter(
        action="organisation.verified", actor=staff, object_id=str(claim.pk)
    ).exists()
    assert [m.to for m in mail.outbox] == [[claimant.email]]

    # Now the verified admin may give the broker role.
    client.force_login(claimant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation-invite", args=[claim.slug]),
            {"email": "megler@lier.kommune.no", "role": "broker"},
        )
    assert response.status_code == 302
    assert Invitation.objects.filter(organisation=claim, role="broker").exists()


def test_staff_reject_a_claim_and_the_municipality_is_free_again(
    client, django_capture_on_commit_callbacks
):
    staff = _staff()
    claimant = UserFactory()
    claim = services.organisation_create(
        actor=claimant,
        name="Lier kommune",
        type="kommune",
        municipality=Municipality.objects.get(code="3312"),
    )
    login_with_otp(client, staff)
    url = reverse("accounts:organisation-claim-reject", args=[claim.slug])
    assert client.post(url, {"reason": ""}).status_code == 302
    assert Organisation.objects.filter(pk=claim.pk).exists()
    page = client.get(reverse("accounts:organisation-verification")).content.decode()
    assert "Lier kommune" in page and claimant.email in page
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Ikke ansatt i Lier."}).status_code == 302
    assert not Organisation.objects.filter(pk=claim.pk).exists()
    event = AuditEvent.objects.get(action="organisation.claim_rejected")
    assert event.actor == staff and event.data["reason"] == "Ikke ansatt i Lier."
    assert mail.outbox[-1].to == [claimant.email]
    assert "Ikke ansatt i Lier." in mail.outbox[-1].body
    assert (
        "No organisation waits"
        in client.get(reverse("accounts:organisation-verification")).content.decode()
    )


def test_verification_needs_staff_with_a_second_factor_and_a_verified_org_stays():
    org = _kommune("3312", verified_at=None, verified_via="")
    with pytest.raises(PermissionDenied):
        services.organisation_claim_reject(actor=UserFactory(), organisation=org, reason="x")
    staff = _staff()
    with pytest.raises(PermissionDenied):
        services.organisation_verify(actor=staff, organisation=org)  # password alone
    staff.is_verified = lambda: True  # as django-otp's middleware marks a verified session
    services.organisation_verify(actor=staff, organisation=org)
    org.refresh_from_db()
    assert org.is_verified
    with pytest.raises(ValidationError) as error:
        services.organisation_claim_reject(actor=staff, organisation=org, reason="Feil")
    assert error.value.code == "verified"


def test_verified_identity_cannot_be_changed_by_its_admin():
    org = OrganisationFactory(type="sosial_entreprenor")
    admin = MembershipFactory(organisation=org, role="admin").user
    with pytest.raises(ValidationError) as error:
        services.organisation_update(
            actor=admin,
            organisation=org,
            type="kommune",
            municipality=Municipality.objects.get(code="3312"),
        )
    assert set(error.value.error_dict) >= {"type", "municipality"}
    org.refresh_from_db()
    assert org.type == "sosial_entreprenor" and org.municipality is None
    services.organisation_update(actor=admin, organisation=org, description="Ny tekst")
    org.refresh_from_db()
    assert org.description == "Ny tekst"


# Granting roles --------------------------------------------------------------------------


def test_verified_admin_grants_broker_with_audit_and_mail_to_other_admins(
    client, django_capture_on_commit_callbacks
):
    baerum = _kommune("3201")
    admin = MembershipFactory(organisation=baerum, role="admin").user
    other_admin = MembershipFactory(
        organisation=baerum, role="admin", user=UserFactory(language="en")
    ).user
    invitee = UserFactory(email="ny.megler@baerum.kommune.no")
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = services.membership_invite(
            actor=admin,
            organisation=baerum,
            email=invitee.email,
            role="broker",
            site_url="http://t/",
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.invitation_accept(user=invitee, token=token)
    assert membership.role == "broker"
    event = AuditEvent.objects.get(action="membership.granted")
    assert event.actor == admin
    assert event.data == {
        "user": invitee.pk,
        "role": "broker",
        "via": "invitation",
        "granted_by": admin.pk,
    }
    assert [m.to for m in mail.outbox] == [[other_admin.email]]
    assert invitee.email in mail.outbox[0].body and "Broker" in mail.outbox[0].body


def test_invitation_is_checked_again_at_acceptance():
    baerum = _kommune("3201")
    admin_membership = MembershipFactory(organisation=baerum, role="admin")
    invitee = UserFactory()
    _invitation, token = services.membership_invite(
        actor=admin_membership.user,
        organisation=baerum,
        email=invitee.email,
        role="fund_manager",
        site_url="http://t/",
    )
    admin_membership.delete()  # the inviter is no longer an admin
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(user=invitee, token=token)
    assert error.value.code == "not_grantable"
    assert not Membership.objects.filter(user=invitee).exists()


def test_staff_grant_a_role_by_invitation_in_a_verified_municipality(
    client, django_capture_on_commit_callbacks
):
    baerum = _kommune("3201")
    staff = _staff()
    login_with_otp(client, staff)
    response = client.get(reverse("accounts:organisation-members", args=[baerum.slug]))
    assert response.status_code == 200
    assert [v for v, _label in response.context["roles"]] == MembershipRole.values
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation-invite", args=[baerum.slug]),
            {"email": "fagvurderer@baerum.kommune.no", "role": "reviewer"},
        )
    assert response.status_code == 302
    token = _forged_invitation_token_from_mail()
    invitee = UserFactory(email="fagvurderer@baerum.kommune.no")
    membership = services.invitation_accept(user=invitee, token=token)
    assert membership.role == "reviewer"
    assert AuditEvent.objects.get(action="membership.granted").data["granted_by"] == staff.pk


def _forged_invitation_token_from_mail() -> str:
    body = mail.outbox[-1].body
    return body.split("/konto/invitasjon/")[1].split("/")[0]


@pytest.mark.parametrize("verified_kommune", [False, True])
def test_approving_a_join_request_never_grants_a_power_role(client, verified_kommune):
    """Asking to join is open to anyone: approval gives an ordinary membership, even when the
    post names a power role and the admin could grant it by invitation."""
    if verified_kommune:
        org = OrganisationFactory(
            slug="kompass-co",
            type=OrganisationType.KOMMUNE,
            municipality=Municipality.objects.get(code="3201"),
        )
    else:
        org = OrganisationFactory(slug="kompass-co")  # a verified social entrepreneur
    admin = MembershipFactory(organisation=org, role="admin").user
    person = UserFactory()
    join_request = services.join_request_create(user=person, organisation=org)
    client.force_login(admin)
    response = client.post(
        reverse("accounts:join-request-decide", args=[org.slug, join_request.pk]),
        {"decision": "approve", "role": "broker"},
    )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert list(Membership.objects.filter(user=person).values_list("role", flat=True)) == ["member"]
    page = client.get(reverse("accounts:organisation-members", args=[org.slug]))
    assert (
        'name="role"'
        not in page.content.decode()
        .split('id="requests-heading"')[1]
        .split('id="invite-heading"')[0]
    )


def test_trusted_paths_cannot_put_a_power_role_where_it_does_not_exist():
    pending = _kommune("3312", verified_at=None, verified_via="")
    with pytest.raises(ValidationError) as error:
        services.membership_add(organisation=pending, user=UserFactory(), role="broker")
    assert error.value.code == "role_not_here"


# Invitation mails ------------------------------------------------------------------------


def test_invitation_mail_quotes_the_name_and_keeps_it_out_of_the_subject(
    django_capture_on_commit_callbacks,
):
    org = OrganisationFactory(unverified=True)
    Organisation.objects.filter(pk=org.pk).update(
        name="Ond\r\nBcc: offer@example.no\x07 " + "x" * 170  # within the 200 of the column
    )
    org.refresh_from_db()
    admin = MembershipFactory(organisation=org, role="admin").user
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_invite(
            actor=admin,
            organisation=org,
            email="ny@example.no",
            role="member",
            site_url="http://t/",
        )
    message = mail.outbox[-1]
    assert message.subject == "Invitation to an organisation on Kokeboka"
    raw = message.message().as_string()
    assert "\nBcc:" not in raw and message.bcc == [] and message.to == ["ny@example.no"]
    first_line = message.body.splitlines()[0]
    assert first_line.startswith("You are invited to join «Ond Bcc: offer@example.no x")
    assert "\x07" not in message.body
    quoted = first_line.split("«")[1].split("»")[0]
    assert len(quoted) == 120 and quoted.endswith("…")
    assert "not verified by Kokeboka's staff" in message.body


def test_invitations_are_limited_per_organisation(client, settings):
    settings.KOKEBOKA_RATELIMITS = {
        **settings.KOKEBOKA_RATELIMITS,
        "invite": (30, 3600),
        "invite_organisation": (2, 3600),
    }
    org = OrganisationFactory(slug="kompass-co")
    first, second = (MembershipFactory(organisation=org, role="admin").user for _ in range(2))
    url = reverse("accounts:organisation-invite", args=[org.slug])
    client.force_login(first)
    assert client.post(url, {"email": "a@example.no", "role": "member"}).status_code == 302
    client.force_login(second)
    assert client.post(url, {"email": "b@example.no", "role": "member"}).status_code == 302
    response = client.post(url, {"email": "c@example.no", "role": "member"})
    assert response.status_code == 429
    assert "Too many invitations were sent from this organisation" in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert Invitation.objects.count() == 2
    # Another organisation's admins are not held back.
    other = OrganisationFactory(slug="folkelig")
    client.force_login(MembershipFactory(organisation=other, role="admin").user)
    response = client.post(
        reverse("accounts:organisation-invite", args=[other.slug]),
        {"email": "d@example.no", "role": "member"},
    )
    assert response.status_code == 302
