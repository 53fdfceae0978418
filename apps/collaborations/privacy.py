"""A person's own writing in collaborations, for "download my data". Log entries, stage
notes and introductions belong to the organisations' shared record, so deleting an account
keeps them under the anonymised person (accounts.services.user_delete)."""

from __future__ import annotations

from .models import Introduction, LogEntry, StageChange


def personal_data(user) -> dict:
    return {
        "log_entries": [
            {
                "collaboration": entry.collaboration.title,
                "kind": entry.kind,
                "date": entry.date.isoformat(),
                "text": entry.text,
                "created_at": entry.created_at.isoformat(),
            }
            for entry in LogEntry.objects.filter(author=user)
            .select_related("collaboration")
            .order_by("created_at")
        ],
        "stage_changes": [
            {
                "collaboration": change.collaboration.title,
                "from": change.from_stage,
                "to": change.to_stage,
                "note": change.note,
                "changed_at": change.changed_at.isoformat(),
            }
            for change in StageChange.objects.filter(changed_by=user)
            .select_related("collaboration")
            .order_by("changed_at")
        ],
        "introductions": [
            {
                "collaboration": introduction.collaboration.title,
                "message": introduction.message,
                "created_at": introduction.created_at.isoformat(),
            }
            for introduction in Introduction.objects.filter(introduced_by=user)
            .select_related("collaboration")
            .order_by("created_at")
        ],
    }
