"""`python manage.py run_scheduler`: the one scheduler process (see apps/operations/schedule.py)."""

import logging
import signal

from django.core.management.base import BaseCommand

from apps.operations.scheduler import TICK_SECONDS, Scheduler


class Command(BaseCommand):
    help = "Run the periodic jobs of apps/operations/schedule.py (Europe/Oslo time)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick",
            type=float,
            default=TICK_SECONDS,
            help="Seconds between two looks at the schedule (default: %(default)s).",
        )

    def handle(self, *args, tick: float, verbosity: int, **options):
        log = logging.getLogger("apps.operations")
        if not log.hasHandlers():
            log.addHandler(logging.StreamHandler(self.stdout))
        log.setLevel(logging.INFO if verbosity else logging.WARNING)
        scheduler = Scheduler(tick_seconds=tick)
        signal.signal(signal.SIGTERM, scheduler.stop)
        signal.signal(signal.SIGINT, scheduler.stop)
        self.stdout.write(f"Scheduler started (a look every {tick:g} s).")
        scheduler.run()
