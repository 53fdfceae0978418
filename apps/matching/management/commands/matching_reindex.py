"""Rebuilds the matching index (apps.matching.models.MatchTerm) from every need and offer.
The signals keep it current; run this after raw imports or a change to the engine."""

import time

from django.core.management.base import BaseCommand

from apps.matching.services import reindex_all


class Command(BaseCommand):
    help = "Rebuilds the matching index of all needs and offers."

    def handle(self, *args, **options):
        started = time.perf_counter()
        needs, offers = reindex_all()
        self.stdout.write(
            f"Indexed {needs} needs and {offers} offers in {time.perf_counter() - started:.1f} s."
        )
