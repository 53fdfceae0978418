"""`manage.py check_content`: reads and validates every demo content file under content/demo/
and says which file and field is wrong. `load_demo` runs the same check before it writes."""

from django.core.management.base import BaseCommand, CommandError

from apps.core.content_files import ContentFileError
from apps.home.demo_files import check_demo_content


class Command(BaseCommand):
    help = "Check every demo content file (content/demo/): the file and field of the first fault."

    def handle(self, *args, **options) -> None:
        try:
            checked = check_demo_content()
        except ContentFileError as exc:
            raise CommandError(str(exc)) from exc
        for folder, files in checked:
            self.stdout.write(f"content/demo/{folder}: {files} files ok")
        self.stdout.write(self.style.SUCCESS(f"{sum(n for _f, n in checked)} content files ok"))
