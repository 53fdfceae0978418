"""The grants jobs the scheduler runs (apps/operations/schedule.py)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from apps.core.oslo import OSLO

from .services import reminders_send


@task()
def send_report_reminders() -> int:
    """Today's report reminders. Safe to run twice or at once in two workers: each report
    is reminded at most once a day (ReminderSent is unique per report and day)."""
    today = timezone.now().astimezone(OSLO).date()
    return reminders_send(today=today, site_url=getattr(settings, "WAGTAILADMIN_BASE_URL", ""))
