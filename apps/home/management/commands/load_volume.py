"""Loads the national volume data set (apps/home/volume.py) on top of whatever is in the
database (the demo, or an empty database), then rebuilds the search index.

    python manage.py load_volume --scale national     # 357 municipalities, 20,000 needs, …
    python manage.py load_volume --scale 0.1 --seed 7  # a tenth, for a quick run
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from apps.core.cache import purge_page_cache
from apps.home.volume import NATIONAL, AlreadyLoaded, VolumeLoader


def scale_factor(value: str) -> float:
    if value == "national":
        return 1.0
    try:
        factor = float(value)
    except ValueError:
        raise CommandError(f"--scale takes 'national' or a number, not {value!r}.") from None
    if not 0 < factor <= 10:
        raise CommandError("--scale must be above 0 and at most 10.")
    return factor


class Command(BaseCommand):
    help = "Load a national-size data set (deterministic with --seed) for measuring pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            default="national",
            help="'national' (20,000 needs, 15,000 offers, …) or a factor of it, e.g. 0.1.",
        )
        parser.add_argument("--seed", type=int, default=13)
        parser.add_argument(
            "--skip-search-index",
            action="store_true",
            help="Leave the search index as it is (it is rebuilt by default).",
        )

    def handle(self, *args, scale: str, seed: int, skip_search_index: bool, **options):
        factor = scale_factor(scale)
        self.stdout.write(
            f"Loading volume data at scale {factor:g} of national "
            f"({round(NATIONAL['needs'] * factor)} needs) into {connection.vendor}, seed {seed}:"
        )
        started = time.perf_counter()
        loader = VolumeLoader(factor=factor, seed=seed, log=self.stdout.write)
        try:
            report = loader.load()
        except AlreadyLoaded:
            raise CommandError(
                "The volume data set is in this database already; load it into a fresh one "
                "(it adds rows only, so a second run would double them)."
            ) from None
        if not skip_search_index:
            indexing = time.perf_counter()
            call_command("update_index", verbosity=0)
            report.seconds["search index"] = time.perf_counter() - indexing
            self.stdout.write(f"  search index: {report.seconds['search index']:.1f} s")
        purge_page_cache()
        self.stdout.write(
            f"Loaded in {time.perf_counter() - started:.1f} s: "
            + ", ".join(f"{count} {name}" for name, count in report.counts.items())
        )
