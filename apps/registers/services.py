"""Writes of the registers app: each lookup's answer is kept per organisation number
(RegisterCheck), and numbers the register could not be asked about are asked again by the
scheduled job `registers_recheck` (apps/operations/schedule.py)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from . import client, selectors
from .client import Lookup
from .models import CheckStatus, RegisterCheck

# The first retry after 15 minutes, then twice as long each time, at most a day apart.
FIRST_RETRY = datetime.timedelta(minutes=15)
LONGEST_RETRY = datetime.timedelta(hours=24)


def _retry_delay(attempts: int) -> datetime.timedelta:
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY)


def _values(lookup: Lookup) -> dict:
    return {
        "status": lookup.status,
        "name": lookup.name,
        "org_form_code": lookup.org_form_code,
        "org_form": lookup.org_form,
        "municipality_number": lookup.municipality_number,
        "municipality_name": lookup.municipality_name,
        "bankrupt": lookup.bankrupt,
        "being_wound_up": lookup.being_wound_up,
        "forced_wind_up": lookup.forced_wind_up,
        "deleted_on": lookup.deleted_date,
        "subunit": lookup.subunit,
        "attempts": 0,
        "retry_after": None,
    }


@transaction.atomic
def record(lookup: Lookup, *, now: datetime.datetime | None = None) -> RegisterCheck | None:
    """Keeps the answer. "Unreachable" never overwrites an earlier answer (the register was
    away, the number did not change); it counts an attempt and sets the next retry."""
    if lookup.status == client.OFF:
        return None
    now = now or timezone.now()
    check = RegisterCheck.objects.select_for_update().filter(org_number=lookup.org_number).first()
    if lookup.status != client.UNREACHABLE:
        values = {**_values(lookup), "checked_at": now}
        if check is None:
            return RegisterCheck.objects.create(org_number=lookup.org_number, **values)
        for name, value in values.items():
            setattr(check, name, value)
        check.save()
        return check
    if check is None:
        return RegisterCheck.objects.create(
            org_number=lookup.org_number,
            status=CheckStatus.UNREACHABLE,
            checked_at=now,
            attempts=1,
            retry_after=now + _retry_delay(1),
        )
    if check.status == CheckStatus.UNREACHABLE:
        check.attempts += 1
        check.checked_at = now
        check.retry_after = now + _retry_delay(check.attempts)
        check.save(update_fields=["attempts", "checked_at", "retry_after"])
    return check


def check(org_number: str, *, fresh: bool = False) -> Lookup:
    """Looks the number up (cached) and keeps the answer; returns what the register said."""
    lookup = client.lookup(org_number, fresh=fresh)
    record(lookup)
    return lookup


def recheck_due(*, now: datetime.datetime | None = None, limit: int = 200) -> dict[str, int]:
    """Asks the register again about numbers it could not be asked about, once their retry
    time has come. Returns how many got each answer."""
    now = now or timezone.now()
    counts = dict.fromkeys(CheckStatus.values, 0)
    for number in selectors.due_rechecks(now=now, limit=limit):
        lookup = client.lookup(number, fresh=True)
        record(lookup, now=now)
        counts[lookup.status] += 1
    return counts
