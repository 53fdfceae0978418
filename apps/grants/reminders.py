"""When a report reminder is due: plain date arithmetic, no database.

Reminders go out 14, 7 and 1 days before a report's due date, on the day itself, and
every 7 days while it is overdue. The command sends at most one per report and day."""

from __future__ import annotations

import datetime
from enum import StrEnum

DAYS_BEFORE = (14, 7, 1)
OVERDUE_EVERY = 7


class ReminderKind(StrEnum):
    UPCOMING = "upcoming"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


def reminder_kind(*, due_date: datetime.date, today: datetime.date) -> ReminderKind | None:
    """Which reminder (if any) a report that is not yet submitted gets today."""
    days_left = (due_date - today).days
    if days_left in DAYS_BEFORE:
        return ReminderKind.UPCOMING
    if days_left == 0:
        return ReminderKind.DUE_TODAY
    if days_left < 0 and -days_left % OVERDUE_EVERY == 0:
        return ReminderKind.OVERDUE
    return None


def look_ahead(*, today: datetime.date) -> datetime.date:
    """The latest due date that can get a reminder today."""
    return today + datetime.timedelta(days=max(DAYS_BEFORE))
