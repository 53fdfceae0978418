from django.core.management.base import BaseCommand

from apps.printbook.services import edition_render_now


class Command(BaseCommand):
    help = "Renders a new edition of the printed cookbook now, from the published content."

    def handle(self, *args, **options):
        edition = edition_render_now()
        self.stdout.write(
            self.style.SUCCESS(
                f"Edition {edition.number} ({edition.edition_date.isoformat()}): "
                f"{edition.page_count} pages, {len(edition.recipe_revisions)} recipes, "
                f"rendered in {edition.render_seconds:.1f} s -> {edition.file.name}"
            )
        )
