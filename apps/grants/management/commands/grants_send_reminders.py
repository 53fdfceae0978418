"""Emails applicants about progress and final reports that are soon due or overdue.

Run it daily (cron or a scheduler). Running it again the same day sends nothing new."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.grants.selectors import OSLO
from apps.grants.services import reminders_send


class Command(BaseCommand):
    help = "Send reminders about fund reports that are due soon or overdue (once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Treat this day (YYYY-MM-DD) as today; for testing and catching up.",
        )

    def handle(self, *args, date=None, **options):
        today = date or timezone.now().astimezone(OSLO).date()
        site_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
        sent = reminders_send(today=today, site_url=site_url)
        self.stdout.write(f"{sent} reminder(s) sent for {today.isoformat()}.")
