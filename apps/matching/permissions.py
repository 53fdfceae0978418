"""Who may act on matches. Built on apps.broker.permissions (roles cached per user)."""

from __future__ import annotations

from apps.broker.permissions import (
    can_broker_need,
    can_edit_profile,
    can_review_profile,
    can_view_need,
    is_person,
    roles_by_org,
)

__all__ = [
    "can_decide",
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
