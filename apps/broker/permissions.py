"""Who may see and do what in the broker service.

A person's memberships are read once per user object (one query) and cached on it, so that
checking every row of a list costs no extra queries. Only memberships that count are kept
(apps.accounts.roles.membership_counts): nothing in a pending claim, and broker, fund
manager or reviewer only in a verified municipality, county authority or agency.

- Needs: the members, admins and brokers of the need's organisation write them and alone
  see its drafts; fund managers and reviewers do fund work only. Members-only needs are for
  members of verified organisations (and the need's own organisation).
- Brokers of a municipality broker its needs (pins, introductions).
- Profiles: an entrepreneur's members and admins edit theirs; a profile is reviewed by the
  brokers of the municipalities it serves, or by national staff.
- National staff (apps.accounts.permissions.is_platform_staff, a granted group and a second
  factor) review any profile and read members-only needs. Superusers get nothing here."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from apps.accounts.models import Membership, MembershipRole, OrganisationType
from apps.accounts.permissions import is_platform_staff as _is_platform_staff
from apps.accounts.roles import membership_counts

from .models import PUBLISHED_NEED_STATUSES, EntrepreneurProfile, Need, NeedStatus, NeedVisibility

_CACHE_ATTR = "_broker_roles_cache"

EDIT_NEED_ROLES = frozenset({MembershipRole.MEMBER, MembershipRole.ADMIN, MembershipRole.BROKER})
EDIT_PROFILE_ROLES = frozenset({MembershipRole.MEMBER, MembershipRole.ADMIN})
NEED_OWNER_TYPES = frozenset({OrganisationType.KOMMUNE})
ENTREPRENEUR_TYPES = frozenset(
    {OrganisationType.SOSIAL_ENTREPRENOR, OrganisationType.IDEELL, OrganisationType.ANNEN}
)


@dataclass(frozen=True)
class _Roles:
    by_org: dict[int, frozenset[str]] = field(default_factory=dict)
    verified_org_ids: frozenset[int] = field(default_factory=frozenset)
    # Municipalities whose profiles this person reviews as broker: a kommune's own, and
    # every municipality of a fylkeskommune's county.
    review_municipality_ids: frozenset[int] = field(default_factory=frozenset)
    staff: bool = False


_NOBODY = _Roles()


def is_person(user) -> bool:
    return bool(
        user is not None
        and not isinstance(user, AnonymousUser)
        and user.is_authenticated
        and user.is_active
    )


def _roles(user) -> _Roles:
    if not is_person(user):
        return _NOBODY
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    by_org: dict[int, set[str]] = {}
    verified: set[int] = set()
    municipality_ids: set[int] = set()
    broker_county_ids: set[int] = set()
    rows = Membership.objects.filter(user=user).values_list(
        "organisation_id",
        "role",
        "organisation__type",
        "organisation__verified_at",
        "organisation__municipality_id",
        "organisation__county_id",
    )
    for org_id, role, org_type, verified_at, municipality_id, county_id in rows:
        if not membership_counts(
            org_type=org_type, org_verified=verified_at is not None, role=role
        ):
            continue
        by_org.setdefault(org_id, set()).add(role)
        if verified_at is not None:
            verified.add(org_id)
        if role == MembershipRole.BROKER:
            if org_type == OrganisationType.KOMMUNE and municipality_id:
                municipality_ids.add(municipality_id)
            elif org_type == OrganisationType.FYLKESKOMMUNE and county_id:
                broker_county_ids.add(county_id)
    if broker_county_ids:
        from apps.core.models import Municipality

        municipality_ids.update(
            Municipality.objects.filter(county_id__in=broker_county_ids).values_list(
                "pk", flat=True
            )
        )
    roles = _Roles(
        by_org={org_id: frozenset(r) for org_id, r in by_org.items()},
        verified_org_ids=frozenset(verified),
        review_municipality_ids=frozenset(municipality_ids),
        staff=_is_platform_staff(user),
    )
    setattr(user, _CACHE_ATTR, roles)
    return roles


def roles_by_org(user) -> dict[int, frozenset[str]]:
    """{organisation id: roles that count} for an active person; cached on the user object."""
    return _roles(user).by_org


def forget_roles(user) -> None:
    """Drops the cached roles (after a membership changes in the same request or test)."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def org_ids_with_roles(user, roles) -> set[int]:
    roles = set(roles)
    return {org_id for org_id, held in roles_by_org(user).items() if held & roles}


def need_work_org_ids(user) -> set[int]:
    """Organisations whose needs (drafts included) this person writes."""
    return org_ids_with_roles(user, EDIT_NEED_ROLES)


def is_platform_staff(user) -> bool:
    """National staff in a session verified with the second factor (cached per user)."""
    return _roles(user).staff


def is_verified_member(user) -> bool:
    """Belongs to a verified organisation: what members-only needs ask for."""
    return bool(_roles(user).verified_org_ids)


def is_member_of_any(user) -> bool:
    return bool(roles_by_org(user))


def is_broker(user) -> bool:
    """Holds the role "broker" in a verified public-sector organisation. Opens nothing
    national by itself: see can_review_profile and can_broker_need."""
    return bool(org_ids_with_roles(user, {MembershipRole.BROKER}))


def can_see_members_only(user, need: Need) -> bool:
    return (
        need.organisation_id in need_work_org_ids(user)
        or is_verified_member(user)
        or is_platform_staff(user)
    )


def can_view_need(user, need: Need) -> bool:
    if need.is_public:
        return True
    if not is_person(user):
        return False
    if need.organisation_id in need_work_org_ids(user):
        return True  # drafts, closed and expired needs of one's own organisation
    return bool(
        need.visibility == NeedVisibility.MEMBERS
        and need.status in PUBLISHED_NEED_STATUSES
        and not need.is_expired
        and can_see_members_only(user, need)
    )


def can_edit_need(user, need: Need) -> bool:
    return need.organisation_id in need_work_org_ids(user)


def can_broker_need(user, need: Need) -> bool:
    return MembershipRole.BROKER in roles_by_org(user).get(need.organisation_id, frozenset())


def need_organisations_for(user):
    """Verified municipalities in whose name this person may post needs."""
    from apps.accounts.models import Organisation

    return Organisation.objects.filter(
        type__in=NEED_OWNER_TYPES,
        municipality__isnull=False,
        verified_at__isnull=False,
        pk__in=need_work_org_ids(user),
    )


def can_create_need(user) -> bool:
    return is_person(user) and need_organisations_for(user).exists()


def is_draft(need: Need) -> bool:
    return need.status == NeedStatus.DRAFT


def can_edit_profile(user, profile: EntrepreneurProfile) -> bool:
    return bool(roles_by_org(user).get(profile.organisation_id, frozenset()) & EDIT_PROFILE_ROLES)


def can_edit_org_profile(user, organisation) -> bool:
    """May create or edit the entrepreneur profile of this organisation."""
    if organisation.type not in ENTREPRENEUR_TYPES:
        return False
    return bool(roles_by_org(user).get(organisation.pk, frozenset()) & EDIT_PROFILE_ROLES)


def review_municipality_ids(user) -> frozenset[int]:
    return _roles(user).review_municipality_ids


def can_review_profiles(user) -> bool:
    """Opens the review queue: national staff, and brokers who review for some municipality
    (the queue then holds only the profiles that serve their municipalities)."""
    return is_platform_staff(user) or bool(review_municipality_ids(user))


def profile_municipality_ids(profile: EntrepreneurProfile) -> set[int] | None:
    """The municipalities a profile serves: its own areas and its offers' areas. None means
    the whole country (the profile or one of its offers says so)."""
    if profile.area_national or any(o.area_national for o in profile.offers.all()):
        return None
    ids = {m.pk for m in profile.areas.all()}
    for offer in profile.offers.all():
        ids.update(m.pk for m in offer.areas.all())
    return ids


def can_review_profile(user, profile: EntrepreneurProfile) -> bool:
    """Approve or reject this profile: national staff, or a broker of a municipality the
    profile serves (a profile for the whole country serves every municipality)."""
    if is_platform_staff(user):
        return True
    mine = review_municipality_ids(user)
    if not mine:
        return False
    serves = profile_municipality_ids(profile)
    return serves is None or bool(serves & mine)


def can_view_profile(user, profile: EntrepreneurProfile) -> bool:
    return profile.is_public or can_edit_profile(user, profile) or can_review_profile(user, profile)
