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
from django.utils.text import slugify
from django.utils.translation import gettext as _

from apps.core.sanitize import clean_html
from apps.core.services import audit_record

from . import privacy
from .models import (
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationType,
    User,
    hash_token,
    new_token,
)
from .permissions import is_org_admin

VERIFY_SALT = "kokeboka.accounts.verify-email"


# Email ---------------------------------------------------------------------------------


def email_queue(*, to: str, subject: str, body: str) -> None:
    """Enqueues an email task once the surrounding transaction has committed."""
    from .tasks import send_email

    subject = " ".join(subject.split())
    transaction.on_commit(lambda: send_email.enqueue(to=to, subject=subject, body=body))


def _send_template(*, to: str, template: str, context: dict[str, Any]) -> None:
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
    body = render_to_string(f"accounts/email/{template}.txt", context)
    email_queue(to=to, subject=subject, body=body)


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


def profile_update(*, user: User, first_name: str, last_name: str) -> User:
    user.first_name = first_name
    user.last_name = last_name
    user.save(update_fields=["first_name", "last_name"])
    return user


# Organisations ----------------------------------------------------------------------------


NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name.translate(NORWEGIAN_LETTERS))[:200] or "organisasjon"
    slug, n = base, 2
    qs = Organisation.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


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
    audit_record(actor=actor, action="organisation.created", obj=org)
    return org


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


@transaction.atomic
def organisation_update(*, actor: User, organisation: Organisation, **fields) -> Organisation:
    if not is_org_admin(actor, organisation):
        raise PermissionDenied
    for key, value in fields.items():
        if key not in ORGANISATION_EDITABLE:
            raise TypeError(f"{key} cannot be changed here")
        setattr(organisation, key, value)
    _check_organisation(organisation)
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
    """Gives a person a role (idempotent). For trusted code paths: imports, approvals."""
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    return membership


@transaction.atomic
def membership_invite(
    *, actor: User, organisation: Organisation, email: str, role: str, site_url: str
) -> tuple[Invitation, str]:
    """Invites an email address to a role; returns the invitation and the raw token (only
    its hash is stored). The email is sent after commit."""
    if not is_org_admin(actor, organisation):
        raise PermissionDenied
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose a role.")})
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
            "organisation": organisation,
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
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership = membership_add(
        organisation=invitation.organisation, user=user, role=invitation.role
    )
    if not user.is_email_verified:
        # The invitation reached this address, which proves the person controls it.
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    audit_record(actor=user, action="invitation.accepted", obj=invitation)
    return membership


@transaction.atomic
def join_request_create(
    *, user: User, organisation: Organisation, message: str = ""
) -> JoinRequest:
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
    return join_request


@transaction.atomic
def join_request_decide(
    *, actor: User, join_request: JoinRequest, approve: bool, role: str = MembershipRole.MEMBER
) -> Membership | None:
    """Approves (giving `role`) or rejects a pending request; tells the person by email."""
    if not is_org_admin(actor, join_request.organisation):
        raise PermissionDenied
    if join_request.status != JoinRequestStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="decided")
    join_request.status = JoinRequestStatus.APPROVED if approve else JoinRequestStatus.REJECTED
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    membership = None
    if approve:
        membership = membership_add(
            organisation=join_request.organisation, user=join_request.user, role=role
        )
    _send_template(
        to=join_request.user.email,
        template="join_request_decided",
        context={
            "organisation": join_request.organisation,
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
    if not (is_org_admin(actor, org) or actor.pk == membership.user_id):
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
