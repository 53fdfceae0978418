"""Who may do what with a meeting. Views and templates ask here and nowhere else.

A meeting is organised by an organisation: its administrators and brokers are the organisers.
People named on the meeting itself (for a partner who is not a member) organise too. Nobody
else sees attendees: not editors who may change meetings in the admin (changing a meeting's
text is no reason to read people's dietary and accessibility needs), and not superusers.
The views showing attendees, and the editors' input review, also ask for the second factor."""

from __future__ import annotations

from apps.accounts.models import Membership, MembershipRole
from apps.accounts.permissions import has_granted_permission

from .models import Event

ORGANISING_ROLES = (MembershipRole.ADMIN, MembershipRole.BROKER)


def can_organise(user, event: Event) -> bool:
    """Organisers see attendees' personal data, export it and message attendees."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if event.organisation_id and (
        Membership.objects.filter(
            user=user, organisation_id=event.organisation_id, role__in=ORGANISING_ROLES
        ).exists()
    ):
        return True
    return event.organisers.filter(pk=user.pk).exists()


def can_review_inputs(user) -> bool:
    """Editors turn input into cookbook content: the permission events.change_input granted
    to them (the group "Redaktører" has it), never implied by being a superuser."""
    return has_granted_permission(user, "events.change_input")
