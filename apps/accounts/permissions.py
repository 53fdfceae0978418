"""Who may do what with organisations. Later apps (broker, fund, events, contributions)
use these; the names are stable."""

from django.contrib.auth.models import AnonymousUser, Permission
from django.db.models import Q

from .models import Membership, MembershipRole, Organisation

MODERATORS_GROUP = "Moderatorer"
EDITORS_GROUP = "Redaktører"


def _is_person(user) -> bool:
    return bool(user is not None and not isinstance(user, AnonymousUser) and user.is_authenticated)


def has_org_role(user, org: Organisation, role: str) -> bool:
    """True when the person holds exactly this role in the organisation."""
    if not _is_person(user) or not user.is_active or org is None:
        return False
    return Membership.objects.filter(user=user, organisation=org, role=role).exists()


def is_org_member(user, org: Organisation) -> bool:
    """True when the person holds any role in the organisation."""
    if not _is_person(user) or not user.is_active or org is None:
        return False
    return Membership.objects.filter(user=user, organisation=org).exists()


def is_org_admin(user, org: Organisation) -> bool:
    """Organisation admins manage members, invitations and join requests. Only the admin
    role counts: being a superuser, moderator or editor gives no say in an organisation."""
    return has_org_role(user, org, MembershipRole.ADMIN)


def in_group(user, name: str) -> bool:
    if not _is_person(user):
        return False
    return user.groups.filter(name=name).exists()


def is_moderator(user) -> bool:
    """Site-wide moderators: members of the group "Moderatorer". A granted role, never implied
    by is_superuser or is_staff. The views that use it also ask for the second factor."""
    return _is_person(user) and user.is_active and in_group(user, MODERATORS_GROUP)


def is_editor(user) -> bool:
    """Site-wide editors: members of the group "Redaktører". A granted role, never implied by
    is_superuser or is_staff. The views that use it also ask for the second factor."""
    return _is_person(user) and user.is_active and in_group(user, EDITORS_GROUP)


def has_granted_permission(user, perm: str) -> bool:
    """True when the Django model permission "app_label.codename" was granted to the person
    or to one of their groups. Unlike user.has_perm, being a superuser does not count."""
    if not _is_person(user) or not user.is_active:
        return False
    app_label, _dot, codename = perm.partition(".")
    return (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .filter(Q(user=user) | Q(group__user=user))
        .exists()
    )


def requires_two_factor(user) -> bool:
    """Everyone who can reach the Wagtail or Django admin (editors, moderators, staff,
    superusers) must use TOTP there. The site's own powers ask for it view by view
    (apps.accounts.decorators)."""
    if not _is_person(user) or not user.is_active:
        return False
    return bool(
        user.is_superuser
        or user.is_staff
        or in_group(user, EDITORS_GROUP)
        or in_group(user, MODERATORS_GROUP)
        or in_group(user, PLATFORM_STAFF_GROUP)
        or user.has_perm("wagtailadmin.access_admin")
    )


# National staff of Kokeboka: verify organisations, review any profile, grant roles. A role
# that is granted (membership of this group), never implied by is_superuser or is_staff.
PLATFORM_STAFF_GROUP = "Kokeboka-stab"


def has_verified_second_factor(user) -> bool:
    """True when this request's session was verified with a second factor (django-otp's
    OTPMiddleware sets user.is_verified). A user object not from a request is never verified."""
    if not _is_person(user):
        return False
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


def is_platform_staff(user) -> bool:
    """Kokeboka's national staff, in a session verified with the second factor."""
    return (
        _is_person(user)
        and user.is_active
        and in_group(user, PLATFORM_STAFF_GROUP)
        and has_verified_second_factor(user)
    )
