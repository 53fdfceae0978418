"""Who may do what with organisations. Later apps (broker, fund, events, contributions)
use these; the names are stable."""

from django.contrib.auth.models import AnonymousUser

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
    """Organisation admins manage members, invitations and join requests. Superusers may
    too (site administration); moderators and editors may not."""
    if not _is_person(user) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return has_org_role(user, org, MembershipRole.ADMIN)


def in_group(user, name: str) -> bool:
    if not _is_person(user):
        return False
    return user.groups.filter(name=name).exists()


def is_moderator(user) -> bool:
    """Site-wide moderators (group "Moderatorer") and superusers."""
    return (
        _is_person(user)
        and user.is_active
        and (user.is_superuser or in_group(user, MODERATORS_GROUP))
    )


def is_editor(user) -> bool:
    """Site-wide editors (group "Redaktører"), staff and superusers."""
    return (
        _is_person(user)
        and user.is_active
        and (user.is_superuser or user.is_staff or in_group(user, EDITORS_GROUP))
    )


def requires_two_factor(user) -> bool:
    """Editors and administrators must use TOTP to reach the Wagtail admin."""
    return is_editor(user)


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
