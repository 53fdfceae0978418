"""Who may see and change a collaboration. A person's memberships are read once per request
(`viewer_for`), so lists can check every row without a query per row.

- The parties see and work on their own collaborations (stage, log, recipes, route-guide
  answers, outcome): the members, admins and brokers of the municipality's organisation and
  the members and admins of the entrepreneur's. Fund managers and reviewers of the
  municipality do fund work only: they neither see nor write to its collaborations.
- Brokers (role "broker" in the municipality's verified organisation) also see the
  municipality's pipeline as a board and a table, introduce parties and publish finished
  collaborations as examples once the entrepreneur has consented, and alone reopen a
  finished collaboration.
- Members and admins of the entrepreneur's organisation consent to an example.
- Memberships count as in apps.accounts.roles.membership_counts (nothing in a pending
  claim; broker only in a verified public-sector organisation).
- Nobody has a national short-cut here: not superusers, not national staff."""

from __future__ import annotations

from dataclasses import dataclass, field

from apps.accounts.models import Membership, MembershipRole
from apps.accounts.roles import membership_counts

from .models import Collaboration
from .stages import Stage

# The roles that make someone a party; fund managers and reviewers are not among them.
PARTY_ROLES = frozenset({MembershipRole.MEMBER, MembershipRole.ADMIN, MembershipRole.BROKER})


@dataclass(frozen=True)
class Viewer:
    is_authenticated: bool = False
    # Organisations in which the person is a party (PARTY_ROLES).
    org_ids: frozenset[int] = field(default_factory=frozenset)
    broker_org_ids: frozenset[int] = field(default_factory=frozenset)


ANONYMOUS = Viewer()


def viewer_for(user) -> Viewer:
    """One query: the organisations where the person is a party and those where they are a
    broker, counting only memberships that count."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    org_ids: set[int] = set()
    broker_org_ids: set[int] = set()
    rows = Membership.objects.filter(user=user).values_list(
        "organisation_id", "role", "organisation__type", "organisation__verified_at"
    )
    for org_id, role, org_type, verified_at in rows:
        if role not in PARTY_ROLES:
            continue
        if not membership_counts(
            org_type=org_type, org_verified=verified_at is not None, role=role
        ):
            continue
        org_ids.add(org_id)
        if role == MembershipRole.BROKER:
            broker_org_ids.add(org_id)
    return Viewer(
        is_authenticated=True,
        org_ids=frozenset(org_ids),
        broker_org_ids=frozenset(broker_org_ids),
    )


def is_party(viewer: Viewer, collaboration: Collaboration) -> bool:
    return (
        collaboration.municipality_org_id in viewer.org_ids
        or collaboration.entrepreneur_org_id in viewer.org_ids
    )


def can_view(viewer: Viewer, collaboration: Collaboration) -> bool:
    return is_party(viewer, collaboration)


def can_work_on(viewer: Viewer, collaboration: Collaboration) -> bool:
    """Change the stage, add to the log, recipes and route-guide answers, edit the texts."""
    return can_view(viewer, collaboration)


def is_broker_of(viewer: Viewer, collaboration: Collaboration) -> bool:
    return collaboration.municipality_org_id in viewer.broker_org_ids


def can_end(viewer: Viewer, collaboration: Collaboration) -> bool:
    """Any party ends an ongoing collaboration (after confirming and giving the outcome)."""
    return can_work_on(viewer, collaboration) and collaboration.stage != Stage.AVSLUTTET


def can_reopen(viewer: Viewer, collaboration: Collaboration) -> bool:
    """Only a broker reopens, and not once an example has gone to the examples bank."""
    return (
        is_broker_of(viewer, collaboration)
        and collaboration.stage == Stage.AVSLUTTET
        and collaboration.case_id is None
    )


def can_consent_to_example(viewer: Viewer, collaboration: Collaboration) -> bool:
    """A member or admin of the entrepreneur's organisation consents (or withdraws) for it,
    before the example has gone to the examples bank."""
    return (
        collaboration.entrepreneur_org_id in viewer.org_ids
        and collaboration.stage == Stage.AVSLUTTET
        and collaboration.case_id is None
    )


def can_publish_example(viewer: Viewer, collaboration: Collaboration) -> bool:
    """A broker sends it to the editors, once the entrepreneur has consented to the texts as
    they are now (services.has_valid_consent)."""
    from .services import has_valid_consent

    return (
        is_broker_of(viewer, collaboration)
        and collaboration.stage == Stage.AVSLUTTET
        and collaboration.case_id is None
        and has_valid_consent(collaboration)
    )


def can_see_pipeline(viewer: Viewer) -> bool:
    """The board and the table are for brokers (each sees their municipalities' pipeline)."""
    return bool(viewer.broker_org_ids)


def can_introduce(viewer: Viewer, need) -> bool:
    """A broker of the need's organisation introduces (as broker.permissions.can_broker_need)."""
    return need.organisation_id in viewer.broker_org_ids
