"""python manage.py broker_import FILE [FILE ...]

Loads organisations, offers and needs from JSON (one file with the three lists) or CSV
(one file per kind, same column names). Validates everything first and writes nothing
when any record is wrong; running it again changes nothing."""

from django.core.management.base import BaseCommand, CommandError

from apps.broker.importer import ImportFailed, import_files


class Command(BaseCommand):
    help = "Import needs, entrepreneurs and offers (JSON or CSV) for the broker service."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="JSON file, or CSV files (one per kind)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate and count, list every organisation recognised on the site (same "
            "number, same name and type, or a similar name), but write nothing.",
        )
        parser.add_argument(
            "--as-user", default="", help="Email of the broker doing the import (for the audit)."
        )

    def handle(self, *args, files, dry_run, as_user, **options):
        actor = None
        if as_user:
            from apps.accounts.models import User

            actor = User.objects.filter(email=as_user.lower()).first()
            if actor is None:
                raise CommandError(f"No user with the email {as_user}.")
        try:
            result = import_files(files, actor=actor, dry_run=dry_run)
        except ImportFailed as failed:
            for line in failed.errors:
                self.stderr.write(line)
            raise CommandError(
                f"{len(failed.errors)} problem(s) found; nothing was imported."
            ) from None
        for line in result.matches:
            self.stdout.write(f"Recognised: {line}")
        for line in result.register:
            self.stdout.write(f"Enhetsregisteret: {line}")
        prefix = "Dry run (nothing written): " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + result.summary()))
