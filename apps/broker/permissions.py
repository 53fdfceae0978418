"""Who may see and do what in the broker service.

The roles of a person are read once per user object (one query) and cached on it, so that
checking every row of a list costs no extra queries."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from apps.accounts.models import Membership, MembershipRole, OrganisationType

from .models import PUBLISHED_NEED_STATUSES, EntrepreneurProfile, Need, NeedVisibility

_CACHE_ATTR = "_broker_roles_cache"

EDIT_NEED_ROLES = frozenset({MembershipRole.MEMBER, MembershipRole.ADMIN, MembershipRole.BROKER})
EDIT_PROFILE_ROLES = frozenset({MembershipRole.MEMBER, MembershipRole.ADMIN})
NEED_OWNER_TYPES = frozenset({OrganisationType.KOMMUNE})
ENTREPRENEUR_TYPES = frozenset(
    {OrganisationType.SOSIAL_ENTREPRENOR, OrganisationType.IDEELL, OrganisationType.ANNEN}
)


def is_person(user) -> bool:
    return bool(
        user is not None
        and not isinstance(user, AnonymousUser)
        and user.is_authenticated
        and user.is_active
    )


def roles_by_org(user) -> dict[int, frozenset[str]]:
    """{organisation id: roles} for an active person; cached on the user object."""
    if not is_person(user):
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    roles: dict[int, set[str]] = {}
    for org_id, role in Membership.objects.filter(user=user).values_list("organisation_id", "role"):
        roles.setdefault(org_id, set()).add(role)
    frozen = {org_id: frozenset(r) for org_id, r in roles.items()}
    setattr(user, _CACHE_ATTR, frozen)
    return frozen


def forget_roles(user) -> None:
    """Drops the cached roles (after a membership changes in the same request or test)."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def org_ids_with_roles(user, roles) -> set[int]:
    roles = set(roles)
    return {org_id for org_id, held in roles_by_org(user).items() if held & roles}


def is_superuser(user) -> bool:
    return is_person(user) and user.is_superuser


def is_member_of_any(user) -> bool:
    return bool(roles_by_org(user))


def is_broker(user) -> bool:
    """Holds the role "broker" in some organisation."""
    return bool(org_ids_with_roles(user, {MembershipRole.BROKER}))


def can_view_need(user, need: Need) -> bool:
    if need.is_public:
        return True
    if not is_person(user):
        return False
    if user.is_superuser:
        return True
    roles = roles_by_org(user)
    if need.organisation_id in roles:
        return True
    return bool(
        roles
        and need.visibility == NeedVisibility.MEMBERS
        and need.status in PUBLISHED_NEED_STATUSES
        and not need.is_expired
    )


def can_edit_need(user, need: Need) -> bool:
    if is_superuser(user):
        return True
    return bool(roles_by_org(user).get(need.organisation_id, frozenset()) & EDIT_NEED_ROLES)


def can_broker_need(user, need: Need) -> bool:
    if is_superuser(user):
        return True
    return MembershipRole.BROKER in roles_by_org(user).get(need.organisation_id, frozenset())


def need_organisations_for(user):
    """Organisations in whose name this person may post needs (municipalities)."""
    from apps.accounts.models import Organisation

    qs = Organisation.objects.filter(type__in=NEED_OWNER_TYPES, municipality__isnull=False)
    if is_superuser(user):
        return qs
    return qs.filter(pk__in=org_ids_with_roles(user, EDIT_NEED_ROLES))


def can_create_need(user) -> bool:
    return is_person(user) and need_organisations_for(user).exists()


def can_edit_profile(user, profile: EntrepreneurProfile) -> bool:
    if is_superuser(user):
        return True
    return bool(roles_by_org(user).get(profile.organisation_id, frozenset()) & EDIT_PROFILE_ROLES)


def can_edit_org_profile(user, organisation) -> bool:
    """May create or edit the entrepreneur profile of this organisation."""
    if organisation.type not in ENTREPRENEUR_TYPES:
        return False
    if is_superuser(user):
        return True
    return bool(roles_by_org(user).get(organisation.pk, frozenset()) & EDIT_PROFILE_ROLES)


def can_review_profiles(user) -> bool:
    return is_superuser(user) or is_broker(user)


def can_view_profile(user, profile: EntrepreneurProfile) -> bool:
    return profile.is_public or can_edit_profile(user, profile) or can_review_profiles(user)
