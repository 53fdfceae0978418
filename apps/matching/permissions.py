"""Who may act on matches. Built on apps.broker.permissions (roles cached per user)."""

from __future__ import annotations

from apps.broker.permissions import (
    EDIT_PROFILE_ROLES,
    can_broker_need,
    can_edit_profile,
    can_review_profile,
    can_view_need,
    is_person,
    roles_by_org,
)

__all__ = [
    "can_answer_invitation",
    "can_decide",
    "can_invite",
    "can_see_offer_matches",
    "can_subscribe",
    "can_view_need",
]


def can_decide(user, need) -> bool:
    """Pin, dismiss or undo suggestions for a need: brokers of the owning (verified)
    organisation."""
    return can_broker_need(user, need)


def can_subscribe(user, offer) -> bool:
    """Members (any role that counts) of the organisation behind the offer."""
    if not is_person(user):
        return False
    return offer.profile.organisation_id in roles_by_org(user)


def can_see_offer_matches(user, offer) -> bool:
    """The page of needs matching an offer: for public offers anyone (the needs listed are
    filtered by what the viewer may see); otherwise the entrepreneur and those who may review
    its profile (brokers of the municipalities it serves, national staff)."""
    return (
        offer.is_public
        or can_edit_profile(user, offer.profile)
        or can_review_profile(user, offer.profile)
    )


def can_invite(user, need) -> bool:
    """Send an open invitation for a need, read its answers and close it: the brokers of
    the need's (verified) organisation, as for introductions."""
    return can_broker_need(user, need)


def can_answer_invitation(user, recipient) -> bool:
    """Answer an open invitation: the members and admins of the invited organisation (not
    its brokers or fund roles, which an entrepreneur does not hold)."""
    return bool(roles_by_org(user).get(recipient.organisation_id, frozenset()) & EDIT_PROFILE_ROLES)
