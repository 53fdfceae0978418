"""Which roles exist where, who may grant them, and which memberships count.

Trust cannot be self-granted: anyone may create an organisation and is its admin, but

- a municipality, county authority or agency (PUBLIC_SECTOR_TYPES) is only a pending claim
  until Kokeboka's staff verify it, and its memberships give nothing before that;
- the roles with power over others (POWER_ROLES: broker, fund manager, reviewer) exist only
  in verified public-sector organisations, and only a verified admin of that organisation
  or national staff (apps.accounts.permissions.is_platform_staff) may grant them;
- an invitation is checked when it is made and again when it is accepted, against what the
  inviter may grant at that moment.

The checks at use time (`membership_counts`) repeat the rule, so a row written before it
existed, or by hand in the admin, gives no power either."""

from __future__ import annotations

from .models import (
    POWER_ROLES,
    PUBLIC_SECTOR_TYPES,
    Membership,
    MembershipRole,
    Organisation,
)
from .permissions import PLATFORM_STAFF_GROUP, in_group, is_platform_staff


def _is_person(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def role_exists_in(organisation: Organisation, role: str) -> bool:
    """A power role exists only in a verified public-sector organisation; member and admin
    exist everywhere."""
    if role not in MembershipRole.values:
        return False
    if role in POWER_ROLES:
        return organisation.is_verified and organisation.is_public_sector
    return True


def membership_counts(*, org_type: str, org_verified: bool, role: str) -> bool:
    """Whether a membership row gives its role when permissions are checked: nothing in a
    pending claim, and a power role only in a verified public-sector organisation."""
    public = org_type in PUBLIC_SECTOR_TYPES
    if public and not org_verified:
        return False
    if role in POWER_ROLES:
        return public and org_verified
    return True


def is_verified_admin(user, organisation: Organisation) -> bool:
    """An admin of a verified organisation (the claimant staff verified, or one they made)."""
    if not _is_person(user) or not user.is_active or not organisation.is_verified:
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, role=MembershipRole.ADMIN
    ).exists()


def _is_admin(user, organisation: Organisation) -> bool:
    if not _is_person(user) or not user.is_active:
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, role=MembershipRole.ADMIN
    ).exists()


def can_manage_members(user, organisation: Organisation) -> bool:
    """Sees the members page, invites and answers join requests: the organisation's admins
    and national staff."""
    return _is_admin(user, organisation) or is_platform_staff(user)


def can_grant_role(actor, organisation: Organisation, role: str) -> bool:
    """May `actor`, in this request, give `role` in `organisation` (by invitation or by
    approving a join request)?"""
    if not role_exists_in(organisation, role):
        return False
    if is_platform_staff(actor):
        return True
    if role in POWER_ROLES:
        return is_verified_admin(actor, organisation)
    return _is_admin(actor, organisation)


def grantable_roles(actor, organisation: Organisation) -> list[str]:
    return [role for role in MembershipRole.values if can_grant_role(actor, organisation, role)]


def inviter_may_still_grant(inviter, organisation: Organisation, role: str) -> bool:
    """The check when an invitation is accepted: the inviter must still be able to grant the
    role now. There is no request of the inviter's then, so staff are recognised by their
    group alone (the second factor was checked when they invited)."""
    if inviter is None or not inviter.is_active or not role_exists_in(organisation, role):
        return False
    if in_group(inviter, PLATFORM_STAFF_GROUP):
        return True
    if role in POWER_ROLES:
        return is_verified_admin(inviter, organisation)
    return _is_admin(inviter, organisation)


def power_membership_q(prefix: str = ""):
    """The same rule as `membership_counts`, as a filter on Membership rows (or on rows
    reached through `prefix`, e.g. "organisation__memberships__"), for checks that query
    power roles directly: the organisation is a verified public-sector organisation."""
    from django.db.models import Q

    org = f"{prefix}organisation__" if prefix else "organisation__"
    return Q(**{f"{org}verified_at__isnull": False, f"{org}type__in": PUBLIC_SECTOR_TYPES})
