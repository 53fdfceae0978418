"""Who may see and change a collaboration. A person's memberships are read once per request
(`viewer_for`), so lists can check every row without a query per row.

- The parties (any member of the municipality's or the entrepreneur's organisation) see and
  work on their own collaborations: stage, log, recipes, route-guide answers, outcome.
- Brokers (role "broker" in the municipality's organisation) also see the municipality's
  pipeline as a board and a table, introduce parties and publish finished collaborations
  as examples.
- Superusers may do everything."""

from __future__ import annotations

from dataclasses import dataclass, field

from apps.accounts.models import Membership, MembershipRole

from .models import Collaboration
from .stages import Stage


@dataclass(frozen=True)
class Viewer:
    is_authenticated: bool = False
    is_superuser: bool = False
    org_ids: frozenset[int] = field(default_factory=frozenset)
    broker_org_ids: frozenset[int] = field(default_factory=frozenset)


ANONYMOUS = Viewer()


def viewer_for(user) -> Viewer:
    """One query: the person's organisations and those where they are a broker."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    org_ids: set[int] = set()
    broker_org_ids: set[int] = set()
    for org_id, role in Membership.objects.filter(user=user).values_list("organisation_id", "role"):
        org_ids.add(org_id)
        if role == MembershipRole.BROKER:
            broker_org_ids.add(org_id)
    return Viewer(
        is_authenticated=True,
        is_superuser=user.is_superuser,
        org_ids=frozenset(org_ids),
        broker_org_ids=frozenset(broker_org_ids),
    )


def is_party(viewer: Viewer, collaboration: Collaboration) -> bool:
    return (
        collaboration.municipality_org_id in viewer.org_ids
        or collaboration.entrepreneur_org_id in viewer.org_ids
    )


def can_view(viewer: Viewer, collaboration: Collaboration) -> bool:
    return viewer.is_superuser or is_party(viewer, collaboration)


def can_work_on(viewer: Viewer, collaboration: Collaboration) -> bool:
    """Change the stage, add to the log, recipes and route-guide answers, edit the texts."""
    return can_view(viewer, collaboration)


def is_broker_of(viewer: Viewer, collaboration: Collaboration) -> bool:
    return viewer.is_superuser or collaboration.municipality_org_id in viewer.broker_org_ids


def can_publish_example(viewer: Viewer, collaboration: Collaboration) -> bool:
    return (
        is_broker_of(viewer, collaboration)
        and collaboration.stage == Stage.AVSLUTTET
        and collaboration.case_id is None
    )


def can_see_pipeline(viewer: Viewer) -> bool:
    """The board and the table are for brokers of some organisation, and superusers."""
    return viewer.is_superuser or bool(viewer.broker_org_ids)


def can_introduce(viewer: Viewer, need) -> bool:
    """A broker of the need's organisation introduces (as broker.permissions.can_broker_need)."""
    return viewer.is_superuser or need.organisation_id in viewer.broker_org_ids
