"""Norwegian time: the one place that names the zone every date a person reads is in.

Deadlines, meeting times, the date a rule is in force and file names of exports are read in
Norway, whatever time zone the server runs in (the stored moments are UTC). The scheduler
in apps.operations, which sits below core, keeps its own constant (apps.operations.schedule);
a test checks that the two agree."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

OSLO = ZoneInfo("Europe/Oslo")


def oslo(value: datetime.datetime) -> datetime.datetime:
    """The moment as a Norwegian clock shows it."""
    return value.astimezone(OSLO)


def today_oslo() -> datetime.date:
    """Today's date in Norway."""
    return timezone.now().astimezone(OSLO).date()
