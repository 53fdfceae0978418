from django.core.management.base import BaseCommand

from apps.contributions.tasks import send_digests


class Command(BaseCommand):
    help = "Enqueues the daily or weekly summary emails (run from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=["daily", "weekly"], default="daily")

    def handle(self, *args, frequency: str, **options):
        result = send_digests.enqueue(frequency=frequency)
        self.stdout.write(f"Enqueued the {frequency} summaries (task {result.id}).")
