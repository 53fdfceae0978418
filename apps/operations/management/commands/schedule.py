"""`python manage.py schedule`: every periodic job with its next run time (Europe/Oslo)."""

from django.core.management.base import BaseCommand
from django.db.models import Max
from django.utils import timezone

from apps.operations.models import ScheduledRun
from apps.operations.schedule import OSLO, SCHEDULE
from apps.operations.scheduler import next_due


class Command(BaseCommand):
    help = "List the scheduled jobs, their cron times (Europe/Oslo), last and next run."

    def handle(self, *args, **options):
        now = timezone.now()
        last = dict(
            ScheduledRun.objects.values("job")
            .annotate(last=Max("due_at"))
            .values_list("job", "last")
        )
        rows = [("job", "cron (Europe/Oslo)", "next run", "last run", "what")]
        for job in SCHEDULE:
            previous = last.get(job.name)
            rows.append(
                (
                    job.name,
                    job.cron,
                    f"{next_due(job, now):%Y-%m-%d %H:%M %Z}",
                    f"{previous.astimezone(OSLO):%Y-%m-%d %H:%M}" if previous else "never",
                    job.description,
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            cells = [row[i].ljust(widths[i]) for i in range(4)]
            self.stdout.write("  ".join([*cells, row[4]]).rstrip())
