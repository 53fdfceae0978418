from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts import services
from apps.accounts.models import Invitation, JoinRequest, Membership, MembershipRole, Organisation
from apps.accounts.permissions import has_org_role, is_org_admin, is_org_member
from apps.accounts.validators import validate_org_number
from apps.core.models import County, Municipality

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_org_number_check_digit():
    validate_org_number("974760673")  # Brønnøysundregistrene
    with pytest.raises(ValidationError) as error:
        validate_org_number("974760674")
    assert error.value.code == "org_number_checksum"
    assert "check digit" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        validate_org_number("12345")
    assert error.value.code == "org_number_format"


def test_kommune_needs_municipality_and_only_one_per_municipality():
    baerum = Municipality.objects.get(code="3201")
    actor = UserFactory()
    with pytest.raises(ValidationError):
        services.organisation_create(actor=actor, name="Bærum kommune", type="kommune")
    org = services.organisation_create(
        actor=actor, name="Bærum kommune", type="kommune", municipality=baerum
    )
    assert org.county == baerum.county
    assert org.slug == "baerum-kommune"
    assert is_org_admin(actor, org)
    with pytest.raises(ValidationError):
        services.organisation_create(
            actor=actor, name="Bærum kommune igjen", type="kommune", municipality=baerum
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="X", slug="x", type="kommune", municipality=baerum)


def test_fylkeskommune_needs_county_and_description_is_cleaned():
    with pytest.raises(ValidationError):
        services.organisation_create(actor=None, name="Viken", type="fylkeskommune")
    county = County.objects.first()
    org = services.organisation_create(
        actor=None,
        name="Fylket",
        type="fylkeskommune",
        county=county,
        description='<p>Hei</p><script>alert(1)</script><img src=x onerror="alert(1)">',
    )
    assert org.county == county and org.municipality is None
    assert "<script" not in org.description and "onerror" not in org.description
    assert "<p>Hei</p>" in org.description


def test_org_number_unique_when_present_and_leading_zero_kept():
    services.organisation_create(
        actor=None, name="A", type="sosial_entreprenor", org_number="974760673"
    )
    services.organisation_create(actor=None, name="B", type="sosial_entreprenor")
    services.organisation_create(actor=None, name="C", type="sosial_entreprenor")
    with pytest.raises(ValidationError):
        services.organisation_create(
            actor=None, name="D", type="sosial_entreprenor", org_number="974760673"
        )
    org = Organisation.objects.get(name="A")
    assert org.org_number == "974760673"
    assert Organisation.objects.get(name="B").slug == "b"


def _verified_kommune(code: str = "3201") -> Organisation:
    municipality = Municipality.objects.get(code=code)
    return OrganisationFactory(
        name=f"{municipality.name} kommune",
        type="kommune",
        legal_form="",
        municipality=municipality,
        county=municipality.county,
    )


def test_invitation_flow(django_capture_on_commit_callbacks):
    org = _verified_kommune()
    admin = MembershipFactory(organisation=org, role="admin").user
    invitee = UserFactory(email="ny@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = services.membership_invite(
            actor=admin,
            organisation=org,
            email="NY@example.no",
            role="broker",
            site_url="http://testserver/",
        )
    assert invitation.email == "ny@example.no"
    assert invitation.token_hash != token and len(invitation.token_hash) == 64
    assert len(mail.outbox) == 1 and token in mail.outbox[0].body
    assert mail.outbox[0].to == ["ny@example.no"]
    other = UserFactory()
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(user=other, token=token)
    assert error.value.code == "wrong_user"
    membership = services.invitation_accept(user=invitee, token=token)
    assert membership.role == "broker" and has_org_role(invitee, org, "broker")
    assert not has_org_role(invitee, org, "admin")
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(user=invitee, token=token)
    assert error.value.code == "used"


def test_invitation_expires_and_needs_admin():
    org = OrganisationFactory()
    admin = MembershipFactory(organisation=org, role="admin").user
    member = MembershipFactory(organisation=org, role="member").user
    with pytest.raises(PermissionDenied):
        services.membership_invite(
            actor=member,
            organisation=org,
            email="a@example.no",
            role="member",
            site_url="http://t/",
        )
    invitation, token = services.membership_invite(
        actor=admin, organisation=org, email="a@example.no", role="member", site_url="http://t/"
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(user=UserFactory(email="a@example.no"), token=token)
    assert error.value.code == "expired"
    with pytest.raises(ValidationError):
        services.invitation_accept(user=admin, token="not-a-token")


def test_join_request_approve_and_reject(django_capture_on_commit_callbacks):
    org = _verified_kommune()
    admin = MembershipFactory(organisation=org, role="admin").user
    person = UserFactory(language="en")  # the decision is mailed in the person's language
    jr = services.join_request_create(
        user=person, organisation=org, message="<b>Hei</b><script>x</script>"
    )
    assert "<script" not in jr.message
    with pytest.raises(ValidationError):
        services.join_request_create(user=person, organisation=org)
    with pytest.raises(PermissionDenied):
        services.join_request_decide(actor=person, join_request=jr, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.join_request_decide(actor=admin, join_request=jr, approve=True)
    assert membership.role == "member" and is_org_member(person, org)
    assert "approved" in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        services.join_request_decide(actor=admin, join_request=jr, approve=False)
    with pytest.raises(ValidationError):
        services.join_request_create(user=person, organisation=org)
    other = UserFactory()
    jr2 = services.join_request_create(user=other, organisation=org)
    assert services.join_request_decide(actor=admin, join_request=jr2, approve=False) is None
    jr2.refresh_from_db()
    assert jr2.status == JoinRequest.Status.REJECTED and not is_org_member(other, org)


def test_member_remove_keeps_last_admin():
    org = OrganisationFactory()
    admin_membership = MembershipFactory(organisation=org, role="admin")
    member_membership = MembershipFactory(organisation=org, role="member")
    with pytest.raises(PermissionDenied):
        services.member_remove(actor=UserFactory(), membership=member_membership)
    with pytest.raises(ValidationError):
        services.member_remove(actor=admin_membership.user, membership=admin_membership)
    services.member_remove(actor=admin_membership.user, membership=member_membership)
    assert not Membership.objects.filter(pk=member_membership.pk).exists()


def test_permission_helpers_for_anonymous_inactive_and_superuser():
    from django.contrib.auth.models import AnonymousUser

    org = OrganisationFactory()
    membership = MembershipFactory(organisation=org, role=MembershipRole.ADMIN)
    assert not is_org_admin(AnonymousUser(), org)
    assert not has_org_role(AnonymousUser(), org, "member")
    # Being a superuser gives no say in an organisation: only the admin role does.
    assert not is_org_admin(UserFactory(is_superuser=True, is_staff=True), org)
    membership.user.is_active = False
    membership.user.save()
    assert not is_org_admin(membership.user, org)


def test_membership_unique_per_role():
    membership = MembershipFactory(role="member")
    MembershipFactory(user=membership.user, organisation=membership.organisation, role="admin")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=membership.user, organisation=membership.organisation, role="member"
        )
