"""`manage.py load_rules`: writes the shipped rules and thresholds (see apps/rules/loader.py)."""

from django.core.management.base import BaseCommand

from apps.rules.loader import load_rules


class Command(BaseCommand):
    help = (
        "Load the legal rules and thresholds shipped in apps/rules/data (idempotent; rows "
        "an editor has changed are kept as the editor left them)."
    )

    def handle(self, *args, **options) -> None:
        report = load_rules()
        self.stdout.write(f"Rules and thresholds: {report.summary()}")
