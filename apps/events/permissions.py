"""Who may do what with a meeting. Views and templates ask here and nowhere else.

A meeting is organised by an organisation: its administrators and brokers are the organisers.
People named on the meeting itself (for a partner who is not a member) organise too."""

from __future__ import annotations

from apps.accounts.models import Membership, MembershipRole

from .models import Event

ORGANISING_ROLES = (MembershipRole.ADMIN, MembershipRole.BROKER)


def can_organise(user, event: Event) -> bool:
    """Organisers see attendees' personal data, export it and message attendees. Editors
    who may change meetings in the admin can do the same."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.has_perm("events.change_event"):
        return True
    if event.organisation_id and (
        Membership.objects.filter(
            user=user, organisation_id=event.organisation_id, role__in=ORGANISING_ROLES
        ).exists()
    ):
        return True
    return event.organisers.filter(pk=user.pk).exists()


def can_review_inputs(user) -> bool:
    """Editors turn input into cookbook content."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_perm("events.change_input")
