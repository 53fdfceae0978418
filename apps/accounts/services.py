"""Business rules for accounts, organisations and memberships. Views stay thin and call
these; later apps (broker, fund, events) use them too, so the names are stable."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.mail import in_language_of
from apps.core.sanitize import clean_html
from apps.core.services import audit_record
from apps.core.slugs import free_slug

from . import privacy
from .models import (
    POWER_ROLES,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationType,
    User,
    VerificationSource,
    hash_token,
    new_token,
)
from .permissions import PLATFORM_STAFF_GROUP, is_org_admin, is_platform_staff
from .roles import can_grant_role, can_manage_members, inviter_may_still_grant, role_exists_in

VERIFY_SALT = "kokeboka.accounts.verify-email"


# Email ---------------------------------------------------------------------------------


SUBJECT_MAX_LENGTH = 150


def email_queue(*, to: str, subject: str, body: str) -> None:
    """Enqueues an email task once the surrounding transaction has committed. The subject is
    one line (no header can be smuggled in) and capped in length."""
    from .tasks import send_email

    subject = " ".join(subject.split())
    if len(subject) > SUBJECT_MAX_LENGTH:
        subject = subject[: SUBJECT_MAX_LENGTH - 1].rstrip() + "…"
    transaction.on_commit(lambda: send_email.enqueue(to=to, subject=subject, body=body))


def _send_template(*, to: str, template: str, context: dict[str, Any]) -> None:
    # An address with an account is written to in the account's language; one without
    # (an invitation) in the language of the request that sends it.
    with in_language_of(email=to):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
        body = render_to_string(f"accounts/email/{template}.txt", context)
    email_queue(to=to, subject=subject, body=body)


def quoted_name(text: str, *, limit: int = 120) -> str:
    """Free text (an organisation's name, chosen by whoever made it) as it may stand in a
    plain-text mail: one line, no control characters, capped, and in quotes so it reads as
    a name and not as the platform's own words."""
    one_line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1].rstrip() + "…"
    return f"«{one_line}»"


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path


# Sign-up and verification ----------------------------------------------------------------


def email_verification_token(*, user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT, compress=True)


def email_verification_send(*, user: User, site_url: str) -> None:
    if user.is_email_verified or not user.is_active:
        return
    token = email_verification_token(user=user)
    url = _absolute(site_url, reverse("accounts:verify", kwargs={"token": token}))
    days = settings.KOKEBOKA_EMAIL_VERIFICATION_MAX_AGE // 86400
    _send_template(
        to=user.email,
        template="verify",
        context={"user": user, "url": url, "days": days, "site_name": settings.WAGTAIL_SITE_NAME},
    )


@transaction.atomic
def user_register(
    *, email: str, password: str, first_name: str, last_name: str, site_url: str
) -> User | None:
    """Creates an unverified account and sends the verification link after commit.

    The sign-up page must answer the same whether or not the address has an account, or it
    tells anyone who is registered (issue 19). So for a known address nothing is created:
    its owner gets a mail saying they already have an account, with the ways to log in or
    reset the password, and None is returned; the caller shows the same page either way.
    The password is hashed in both cases, so the answer takes as long."""
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)
        account_exists_notify(user=existing, site_url=site_url)
        return None
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name
    )
    audit_record(actor=user, action="account.registered", obj=user)
    email_verification_send(user=user, site_url=site_url)
    return user


def account_exists_notify(*, user: User, site_url: str) -> None:
    """Tells the owner of an address that someone tried to sign up with it: log in, reset
    the password, or (for an address never confirmed) confirm it with the link."""
    verify_url = ""
    if user.is_active and not user.is_email_verified:
        token = email_verification_token(user=user)
        verify_url = _absolute(site_url, reverse("accounts:verify", kwargs={"token": token}))
    _send_template(
        to=user.email,
        template="account_exists",
        context={
            "user": user,
            "login_url": _absolute(site_url, reverse("accounts:login")),
            "reset_url": _absolute(site_url, reverse("accounts:password-reset")),
            "verify_url": verify_url,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )


def email_verify(*, token: str) -> User:
    """Marks the account's email as verified. Raises ValidationError for a bad, expired or
    outdated token (the email changed since it was sent)."""
    try:
        data = signing.loads(
            token, salt=VERIFY_SALT, max_age=settings.KOKEBOKA_EMAIL_VERIFICATION_MAX_AGE
        )
    except signing.SignatureExpired:
        raise ValidationError(_("This link has expired."), code="expired") from None
    except signing.BadSignature:
        raise ValidationError(_("This link is not valid."), code="invalid") from None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or user.email != data.get("e"):
        raise ValidationError(_("This link is not valid."), code="invalid")
    if not user.is_email_verified:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        audit_record(actor=user, action="account.email_verified", obj=user)
    return user


def profile_update(
    *, user: User, first_name: str, last_name: str, language: str | None = None
) -> User:
    user.first_name = first_name
    user.last_name = last_name
    fields = ["first_name", "last_name"]
    if language is not None:
        user.language = language
        fields.append("language")
    user.save(update_fields=fields)
    return user


def user_language_set(*, user: User, language: str) -> bool:
    """Stores the language a logged-in person chose in the header, so that mail sent later
    without a request (reminders, digests, another person's action) is written in it.
    Returns whether anything changed; an unknown code changes nothing."""
    if language not in User.Language.values or user.language == language:
        return False
    user.language = language
    user.save(update_fields=["language"])
    return True


# Organisations ----------------------------------------------------------------------------


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    """The organisation's address: its name as a Norwegian slug (apps.core.slugs), numbered
    past those other organisations have."""

    def taken(base: str) -> set[str]:
        rows = Organisation.objects.filter(slug__startswith=base)
        if exclude_pk:
            rows = rows.exclude(pk=exclude_pk)
        return set(rows.values_list("slug", flat=True))

    return free_slug(name, fallback="organisasjon", taken=taken)


def _check_organisation(org: Organisation) -> None:
    if org.type == OrganisationType.KOMMUNE and org.municipality_id is None:
        raise ValidationError(
            {"municipality": _("Choose the municipality this organisation is.")}, code="required"
        )
    if org.type == OrganisationType.FYLKESKOMMUNE and org.county_id is None:
        raise ValidationError(
            {"county": _("Choose the county this organisation is.")}, code="required"
        )
    if org.type != OrganisationType.KOMMUNE:
        org.municipality = None
    if org.type != OrganisationType.FYLKESKOMMUNE and org.type != OrganisationType.KOMMUNE:
        org.county = None
    if org.type == OrganisationType.KOMMUNE and org.municipality is not None:
        org.county = org.municipality.county
    org.description = str(clean_html(org.description))
    org.full_clean(exclude=["slug"])


@transaction.atomic
def organisation_create(
    *,
    actor: User | None,
    name: str,
    type: str,  # noqa: A002
    municipality=None,
    county=None,
    org_number: str = "",
    legal_form: str = "",
    work_integration: bool = False,
    website: str = "",
    description: str = "",
    external_key: str = "",
) -> Organisation:
    """Creates an organisation; the person who creates it becomes its first admin."""
    org = Organisation(
        name=name.strip(),
        type=type,
        municipality=municipality,
        county=county,
        org_number=org_number,
        legal_form=legal_form,
        work_integration=work_integration,
        website=website,
        description=description,
        external_key=external_key,
    )
    _check_organisation(org)
    org.slug = _unique_slug(org.name)
    org.save()
    if actor is not None and actor.pk:
        Membership.objects.create(user=actor, organisation=org, role=MembershipRole.ADMIN)
    audit_record(
        actor=actor,
        action="organisation.created",
        obj=org,
        data={"type": org.type, "claim": org.is_public_sector},
    )
    if org.is_public_sector and actor is not None and actor.pk:
        _tell_staff_of_claim(org)
    return org


def _tell_staff_of_claim(org: Organisation) -> None:
    """A new municipality, county authority or agency waits for staff to verify it."""
    staff = User.objects.filter(
        groups__name=PLATFORM_STAFF_GROUP, is_active=True, anonymised_at__isnull=True
    ).distinct()
    for person in staff:
        _send_template(
            to=person.email,
            template="claim_pending",
            context={
                "name": quoted_name(org.name),
                # The lazy label, so it is translated in the recipient's language.
                "type": OrganisationType(org.type).label,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )


def _mark_verified(
    *, organisation: Organisation, verified_by: User | None, via: str, action: str
) -> Organisation:
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.is_verified:
        return organisation
    organisation.verified_at = timezone.now()
    organisation.verified_by = verified_by
    organisation.verified_via = via
    organisation.save(update_fields=["verified_at", "verified_by", "verified_via"])
    audit_record(
        actor=verified_by,
        action=action,
        obj=organisation,
        data={"via": via, "type": organisation.type},
    )
    return organisation


@transaction.atomic
def organisation_verify(*, actor: User, organisation: Organisation) -> Organisation:
    """National staff vouch for an organisation (its identity and its admins' right to act
    for it). A verified public-sector organisation may then have brokers, fund managers and
    reviewers, granted by its admins. The admins are told by mail."""
    if not is_platform_staff(actor):
        raise PermissionDenied
    organisation = _mark_verified(
        organisation=organisation,
        verified_by=actor,
        via=VerificationSource.STAFF,
        action="organisation.verified",
    )
    for email in _admin_emails(organisation):
        _send_template(
            to=email,
            template="organisation_verified",
            context={
                "name": quoted_name(organisation.name),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    return organisation


@transaction.atomic
def organisation_mark_verified_by_staff(*, organisation: Organisation, staff: User) -> Organisation:
    """For trusted code paths without a request (the demo loader): records `staff` as the
    verifier. `staff` must belong to the staff group."""
    if not staff.groups.filter(name=PLATFORM_STAFF_GROUP).exists():
        raise PermissionDenied
    return _mark_verified(
        organisation=organisation,
        verified_by=staff,
        via=VerificationSource.STAFF,
        action="organisation.verified",
    )


@transaction.atomic
def organisation_claim_reject(*, actor: User, organisation: Organisation, reason: str) -> None:
    """Staff turn down a pending claim (someone registered a municipality, county authority
    or agency they cannot act for): the organisation is removed, so the municipality is free
    for its real claim. Refused for a verified organisation or one that already has content."""
    from django.db.models import ProtectedError

    if not is_platform_staff(actor):
        raise PermissionDenied
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.is_verified:
        raise ValidationError(_("A verified organisation cannot be rejected."), code="verified")
    reason = " ".join(reason.split())[:500]
    if not reason:
        raise ValidationError({"reason": _("Say why the claim is rejected.")}, code="required")
    emails = _admin_emails(organisation)
    name = organisation.name
    audit_record(
        actor=actor,
        action="organisation.claim_rejected",
        obj=organisation,
        data={"name": name, "type": organisation.type, "reason": reason},
    )
    try:
        with transaction.atomic():
            organisation.delete()
    except ProtectedError:
        raise ValidationError(
            _("The organisation already has content. Remove it in the admin first."),
            code="protected",
        ) from None
    for email in emails:
        _send_template(
            to=email,
            template="claim_rejected",
            context={
                "name": quoted_name(name),
                "reason": reason,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )


def _admin_emails(organisation: Organisation, *, exclude: tuple[int | None, ...] = ()) -> list[str]:
    return sorted(
        Membership.objects.filter(
            organisation=organisation,
            role=MembershipRole.ADMIN,
            user__is_active=True,
            user__anonymised_at__isnull=True,
        )
        .exclude(user_id__in=[pk for pk in exclude if pk])
        .values_list("user__email", flat=True)
        .distinct()
    )


ORGANISATION_EDITABLE = (
    "name",
    "type",
    "municipality",
    "county",
    "org_number",
    "legal_form",
    "work_integration",
    "website",
    "description",
)


# What staff vouched for when they verified: an admin cannot change it afterwards (a verified
# social entrepreneur must not turn itself into a verified municipality).
VERIFIED_IDENTITY = ("name", "type", "municipality", "county", "org_number")


def _identity_value(organisation: Organisation, key: str):
    field = Organisation._meta.get_field(key)
    return getattr(organisation, field.attname)


@transaction.atomic
def organisation_update(*, actor: User, organisation: Organisation, **fields) -> Organisation:
    if not is_org_admin(actor, organisation):
        raise PermissionDenied
    # From the database: a ModelForm has already written the new values into `organisation`.
    stored = Organisation.objects.get(pk=organisation.pk)
    before = {key: _identity_value(stored, key) for key in VERIFIED_IDENTITY}
    for key, value in fields.items():
        if key not in ORGANISATION_EDITABLE:
            raise TypeError(f"{key} cannot be changed here")
        setattr(organisation, key, value)
    _check_organisation(organisation)
    changed = [k for k in VERIFIED_IDENTITY if _identity_value(organisation, k) != before[k]]
    if organisation.type == OrganisationType.KOMMUNE and "type" not in changed:
        # A municipality's county follows from the municipality (_check_organisation).
        changed = [k for k in changed if k != "county"]
    if changed and stored.is_verified and not is_platform_staff(actor):
        message = _("This is verified. Ask Kokeboka's staff to change it.")
        raise ValidationError(dict.fromkeys(changed, message), code="verified")
    organisation.save()
    audit_record(
        actor=actor,
        action="organisation.updated",
        obj=organisation,
        data={"fields": sorted(fields)},
    )
    return organisation


# Memberships -------------------------------------------------------------------------------


def membership_add(*, organisation: Organisation, user: User, role: str) -> Membership:
    """Gives a person a role (idempotent). For trusted code paths: imports, approvals, the
    demo. Even they cannot put a power role where it does not exist."""
    if not role_exists_in(organisation, role):
        raise ValidationError(
            _(
                "Brokers, fund managers and reviewers exist only in verified municipalities, "
                "county authorities and government agencies."
            ),
            code="role_not_here",
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    return membership


def _membership_grant(
    *, organisation: Organisation, user: User, role: str, granted_by: User | None, via: str
) -> Membership:
    """Gives the role after the caller checked that the granter may; leaves an audit row
    and tells the organisation's other admins when the role has power over others."""
    existed = Membership.objects.filter(user=user, organisation=organisation, role=role).exists()
    membership = membership_add(organisation=organisation, user=user, role=role)
    if existed:
        return membership
    audit_record(
        actor=granted_by,
        action="membership.granted",
        obj=organisation,
        data={
            "user": user.pk,
            "role": role,
            "via": via,
            "granted_by": getattr(granted_by, "pk", None),
        },
    )
    if role in POWER_ROLES or role == MembershipRole.ADMIN:
        for email in _admin_emails(
            organisation, exclude=(user.pk, getattr(granted_by, "pk", None))
        ):
            _send_template(
                to=email,
                template="role_granted",
                context={
                    "name": quoted_name(organisation.name),
                    "person": user.email,
                    "role": MembershipRole(role).label,
                    "granted_by": getattr(granted_by, "email", ""),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                },
            )
    return membership


@transaction.atomic
def membership_grant_by_staff(
    *, organisation: Organisation, user: User, role: str, staff: User
) -> Membership:
    """For trusted code paths without a request (the demo loader): `staff`, a member of the
    staff group, gives the role, with the same audit row and mails as any grant."""
    if not staff.groups.filter(name=PLATFORM_STAFF_GROUP).exists():
        raise PermissionDenied
    return _membership_grant(
        organisation=organisation, user=user, role=role, granted_by=staff, via="staff"
    )


def _role_refused() -> ValidationError:
    message = _(
        "You cannot give this role here. Brokers, fund managers and reviewers exist "
        "only in verified municipalities, county authorities and government agencies, "
        "and only their verified admins or Kokeboka's staff give them."
    )
    return ValidationError({"role": ValidationError(message, code="role_not_grantable")})


@transaction.atomic
def membership_invite(
    *, actor: User, organisation: Organisation, email: str, role: str, site_url: str
) -> tuple[Invitation, str]:
    """Invites an email address to a role; returns the invitation and the raw token (only
    its hash is stored). The email is sent after commit. The inviter must be able to grant
    the role now (and will be checked again when the invitation is accepted)."""
    if not can_manage_members(actor, organisation):
        raise PermissionDenied
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    if not can_grant_role(actor, organisation, role):
        raise _role_refused()
    email = User.objects.normalize_email(email).lower()
    token = new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(seconds=settings.KOKEBOKA_INVITATION_MAX_AGE),
        invited_by=actor,
    )
    url = _absolute(site_url, reverse("accounts:invitation-accept", kwargs={"token": token}))
    _send_template(
        to=email,
        template="invitation",
        context={
            "name": quoted_name(organisation.name),
            "verified": organisation.is_verified,
            "role": MembershipRole(role).label,
            "url": url,
            "expires_at": invitation.expires_at,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    audit_record(actor=actor, action="invitation.created", obj=invitation, data={"role": role})
    return invitation, token


def invitation_for_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, user: User, token: str) -> Membership:
    """Accepts an open invitation sent to the person's own email address."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise ValidationError(_("This invitation is not valid."), code="invalid")
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation has expired."), code="expired")
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _("This invitation was sent to another email address. Log in with that address."),
            code="wrong_user",
        )
    organisation = Organisation.objects.get(pk=invitation.organisation_id)
    inviter = User.objects.filter(pk=invitation.invited_by_id).first()
    if not inviter_may_still_grant(inviter, organisation, invitation.role):
        # Never more than the inviter could grant at this moment.
        raise ValidationError(
            _(
                "This invitation can no longer give the role it offers. Ask the "
                "organisation's admins for a new one."
            ),
            code="not_grantable",
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership = _membership_grant(
        organisation=organisation,
        user=user,
        role=invitation.role,
        granted_by=inviter,
        via="invitation",
    )
    if not user.is_email_verified:
        # The invitation reached this address, which proves the person controls it.
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    audit_record(actor=user, action="invitation.accepted", obj=invitation)
    return membership


@transaction.atomic
def join_request_create(
    *, user: User, organisation: Organisation, message: str = "", site_url: str = ""
) -> JoinRequest:
    """Records a person's request to join; the organisation's admins are told by mail (with a
    link to the members page, where they answer) and see it on My page."""
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(_("You are already a member of this organisation."), code="member")
    if JoinRequest.objects.filter(
        user=user, organisation=organisation, status=JoinRequestStatus.PENDING
    ).exists():
        raise ValidationError(
            _("You have already asked to join. An admin will answer."), code="pending"
        )
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                user=user, organisation=organisation, message=str(clean_html(message))
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already asked to join. An admin will answer."), code="pending"
        ) from None
    audit_record(actor=user, action="join_request.created", obj=join_request)
    members_path = reverse("accounts:organisation-members", kwargs={"slug": organisation.slug})
    for address in _admin_emails(organisation, exclude=(user.pk,)):
        _send_template(
            to=address,
            template="join_request_received",
            context={
                "name": quoted_name(organisation.name),
                "person": quoted_name(user.display_name),
                "url": _absolute(site_url, members_path) if site_url else members_path,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    return join_request


@transaction.atomic
def join_request_decide(
    *, actor: User, join_request: JoinRequest, approve: bool
) -> Membership | None:
    """Approves or rejects a pending request; tells the person by email. Approval makes an
    ordinary member: asking to join is open to anyone, so it never carries a role with power
    (an admin grants those afterwards, by the rules of apps.accounts.roles)."""
    role = MembershipRole.MEMBER
    if not can_manage_members(actor, join_request.organisation):
        raise PermissionDenied
    if join_request.status != JoinRequestStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="decided")
    if approve and not can_grant_role(actor, join_request.organisation, role):
        raise _role_refused()
    join_request.status = JoinRequestStatus.APPROVED if approve else JoinRequestStatus.REJECTED
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    membership = None
    if approve:
        membership = _membership_grant(
            organisation=join_request.organisation,
            user=join_request.user,
            role=role,
            granted_by=actor,
            via="join_request",
        )
    _send_template(
        to=join_request.user.email,
        template="join_request_decided",
        context={
            "name": quoted_name(join_request.organisation.name),
            "approved": approve,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    audit_record(
        actor=actor,
        action="join_request.approved" if approve else "join_request.rejected",
        obj=join_request,
    )
    return membership


@transaction.atomic
def member_remove(*, actor: User, membership: Membership) -> None:
    """Removes one role from a person. An admin may remove themselves, but the last admin of
    an organisation cannot be removed."""
    org = membership.organisation
    if not (can_manage_members(actor, org) or actor.pk == membership.user_id):
        raise PermissionDenied
    if (
        membership.role == MembershipRole.ADMIN
        and not Membership.objects.filter(organisation=org, role=MembershipRole.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            _("An organisation needs at least one admin. Make someone else admin first."),
            code="last_admin",
        )
    audit_record(actor=actor, action="membership.removed", obj=org, data={"role": membership.role})
    membership.delete()


# Privacy -----------------------------------------------------------------------------------


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything stored about the person, as JSON-ready data."""
    from axes.models import AccessAttempt, AccessLog
    from django_otp import devices_for_user

    data: dict[str, Any] = {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "email_verified_at": _iso(user.email_verified_at),
            "is_staff": user.is_staff,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "memberships": [
            {
                "organisation": m.organisation.name,
                "organisation_slug": m.organisation.slug,
                "role": m.role,
                "created_at": _iso(m.created_at),
            }
            for m in user.memberships.select_related("organisation")
        ],
        "invitations": [
            {
                "organisation": i.organisation.name,
                "email": i.email,
                "role": i.role,
                "created_at": _iso(i.created_at),
                "expires_at": _iso(i.expires_at),
                "accepted_at": _iso(i.accepted_at),
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organisation"
            )
        ],
        "join_requests": [
            {
                "organisation": j.organisation.name,
                "message": j.message,
                "status": j.status,
                "created_at": _iso(j.created_at),
                "decided_at": _iso(j.decided_at),
            }
            for j in user.join_requests.select_related("organisation")
        ],
        "two_factor_devices": [d.name for d in devices_for_user(user, confirmed=None)],
        "login_attempts": [
            {
                "ip_address": a.ip_address,
                "user_agent": a.user_agent,
                "attempt_time": _iso(a.attempt_time),
                "failures": a.failures_since_start,
            }
            for a in AccessAttempt.objects.filter(username__iexact=user.email)
        ],
        "logins": [
            {
                "ip_address": log.ip_address,
                "user_agent": log.user_agent,
                "attempt_time": _iso(log.attempt_time),
                "logout_time": _iso(log.logout_time),
            }
            for log in AccessLog.objects.filter(username__iexact=user.email)
        ],
        "linked_logins": [
            {
                "provider": identity.provider,
                "issuer": identity.issuer,
                "subject": identity.subject,
                "created_at": _iso(identity.created_at),
                "last_login_at": _iso(identity.last_login_at),
            }
            for identity in user.external_identities.all()
        ],
    }
    for name, exporter in privacy.exporters().items():
        data[name] = exporter(user)
    return data


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Removes the person's data and anonymises the User row, so contributions stay under
    "Former member". Registered deleters run first (they get the real email)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp import devices_for_user

    email = user.email
    for _name, deleter in privacy.deleters().items():
        deleter(user)
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    Membership.objects.filter(user=user).delete()
    JoinRequest.objects.filter(user=user).delete()
    # A linked provider login must not open the anonymised row.
    user.external_identities.all().delete()
    Invitation.objects.filter(email__iexact=email).delete()
    AccessAttempt.objects.filter(username__iexact=email).delete()
    AccessLog.objects.filter(username__iexact=email).delete()
    AccessFailureLog.objects.filter(username__iexact=email).delete()
    from apps.core.models import AuditEvent

    AuditEvent.objects.filter(actor=user).update(actor=None)
    AuditEvent.objects.filter(object_type=user._meta.label_lower, object_id=str(user.pk)).update(
        data={}
    )
    user.first_name = ""
    user.last_name = ""
    user.email = f"deleted-{user.pk}@invalid"
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


@transaction.atomic
def two_factor_remove(*, user: User, token: str) -> bool:
    """Removes the person's authenticator devices after checking a current code from the
    confirmed one (the caller checks the password). Returns False when the code is wrong
    or too many wrong codes were tried; nothing is removed then. The audit row names the
    account by id only."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if device is None:
        return False
    allowed, _info = device.verify_is_allowed()
    if not allowed or not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    audit_record(actor=user, action="accounts.two_factor.removed", obj=user)
    return True


# Logins linked at OpenID providers ------------------------------------------------------------


class IdentityTaken(Exception):
    """The provider's login is already linked to another account."""


@transaction.atomic
def identity_link(*, user: User, provider: str, issuer: str, subject: str, via: str):
    """Links a provider's login (issuer, sub) to the account and audits it. `via` says what
    proved that the login and the account are the same person: "email" (the provider vouched
    for the account's address) or "confirmed" (the person confirmed it from a session that
    already proved the account). Linking is idempotent for the same account; an identity
    linked to another account raises IdentityTaken (the unique constraint guards races).
    Linking grants nothing: no membership, group or role changes."""
    from .models import ExternalIdentity

    existing = ExternalIdentity.objects.filter(issuer=issuer, subject=subject).first()
    if existing is not None:
        if existing.user_id != user.pk:
            raise IdentityTaken
        return existing
    try:
        with transaction.atomic():
            identity = ExternalIdentity.objects.create(
                user=user, provider=provider, issuer=issuer, subject=subject
            )
    except IntegrityError as error:
        raise IdentityTaken from error
    audit_record(
        actor=user,
        action="account.identity_linked",
        obj=user,
        data={"identity": identity.pk, "provider": provider, "issuer": issuer, "via": via},
    )
    return identity


def identity_login(*, identity) -> None:
    """Notes when a linked login was last used (shown on My page)."""
    identity.last_login_at = timezone.now()
    identity.save(update_fields=["last_login_at"])


@transaction.atomic
def identity_unlink(*, user: User, identity_id: int) -> bool:
    """Removes one of the person's own linked logins and audits it; False when the person
    has no such link (another person's link is not theirs to remove). Roles are unchanged."""
    from .models import ExternalIdentity

    identity = ExternalIdentity.objects.filter(pk=identity_id, user=user).first()
    if identity is None:
        return False
    data = {"identity": identity.pk, "provider": identity.provider, "issuer": identity.issuer}
    identity.delete()
    audit_record(actor=user, action="account.identity_unlinked", obj=user, data=data)
    return True
