"""Who may do what with a meeting. Views and templates ask here and nowhere else, so the
later move from a list of organising users to a role on the event's organisation changes
one function."""

from __future__ import annotations

from .models import Event


def can_organise(user, event: Event) -> bool:
    """Organisers see attendees' personal data, export it and message attendees. Editors
    who may change meetings in the admin can do the same."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.has_perm("events.change_event"):
        return True
    return event.organisers.filter(pk=user.pk).exists()


def can_review_inputs(user) -> bool:
    """Editors turn input into cookbook content."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_perm("events.change_input")
