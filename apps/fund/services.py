"""Writes of the fund app. Callers check permissions first; these functions check the rules."""

from django.db import transaction
from django.utils import timezone

from apps.core.services import audit_record

from .models import Application, StatusChange
from .transitions import TransitionNotAllowed, is_allowed


def application_transition(
    *, application: Application, to_status: str, actor, note: str = ""
) -> Application:
    """Moves an application along the allowed-transitions table, leaving a StatusChange row
    and an audit event. Locks the row so two moves cannot both pass the check."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        from_status = locked.status
        if not is_allowed(from_status, to_status):
            raise TransitionNotAllowed(from_status, to_status)
        now = timezone.now()
        locked.status = to_status
        fields = ["status", "updated_at"]
        if to_status == Application.Status.SUBMITTED:
            locked.submitted_at = now
            fields.append("submitted_at")
        locked.save(update_fields=fields)
        StatusChange.objects.create(
            application=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor if getattr(actor, "pk", None) else None,
            at=now,
            note=note,
        )
        audit_record(
            actor=actor,
            action=f"fund.{to_status}",
            obj=locked,
            data={"from": from_status, "to": to_status, "note": note},
        )
    application.status = locked.status
    application.submitted_at = locked.submitted_at
    application.updated_at = locked.updated_at
    return application
