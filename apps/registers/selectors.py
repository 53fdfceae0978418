"""Reads of the registers app."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from .models import CheckStatus, RegisterCheck


def checks_for(numbers: Iterable[str]) -> dict[str, RegisterCheck]:
    """The kept answer per organisation number, in one query (for lists)."""
    wanted = {n for n in numbers if n}
    if not wanted:
        return {}
    return {c.org_number: c for c in RegisterCheck.objects.filter(org_number__in=wanted)}


def due_rechecks(*, now: datetime.datetime, limit: int) -> list[str]:
    """Numbers the register could not be asked about whose retry time has come, the longest
    waiting first."""
    return list(
        RegisterCheck.objects.filter(status=CheckStatus.UNREACHABLE, retry_after__lte=now)
        .order_by("retry_after", "org_number")
        .values_list("org_number", flat=True)[:limit]
    )
