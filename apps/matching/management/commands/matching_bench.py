"""Times matching on a large generated collection: one need against 10,000 offers and one
offer against 10,000 needs (by default), through the same selectors as the site.

Everything is generated inside one transaction that is rolled back at the end, so the
database is left as it was. Each case is timed with the semantic signal on and off, the two
alternating query by query, so both see the same load of a shared machine. Texts are
recombined sentences of the evaluation set, so the words are as common as they are in real
needs and offers."""

from __future__ import annotations

import os
import random
import re
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from apps.matching.evaluate import load_set


class _Rollback(Exception):
    pass


def _sentences(items: list[dict], fields: tuple[str, ...]) -> list[str]:
    sentences = []
    for item in items:
        for name in fields:
            sentences += [
                s.strip() for s in re.split(r"(?<=[.!?])\s+", item.get(name, "")) if s.strip()
            ]
    return sentences


class Command(BaseCommand):
    help = "Benchmarks need→offers and offer→needs matching on generated data (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--offers", type=int, default=10_000)
        parser.add_argument("--needs", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--seed", type=int, default=6)

    def handle(self, *args, offers: int, needs: int, runs: int, seed: int, **options):
        random.seed(seed)
        load_before = os.getloadavg()
        try:
            with transaction.atomic():
                started = time.perf_counter()
                need_ids, offer_ids = self._generate(offers=offers, needs=needs)
                if connection.vendor == "postgresql":
                    # The rows are this transaction's own and rolled back at the end, so
                    # autovacuum never analyses them; without statistics the planner takes
                    # the tables for empty and nests loops over 10,000 rows (minutes).
                    # ANALYZE inside the transaction counts its own rows, as a database in
                    # use would have them counted.
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                self.stdout.write(
                    f"Generated and indexed {len(offer_ids)} offers and {len(need_ids)} needs "
                    f"in {time.perf_counter() - started:.1f} s ({connection.vendor})."
                )
                self._time(need_ids=need_ids, offer_ids=offer_ids, runs=runs)
                raise _Rollback
        except _Rollback:
            pass
        load_after = os.getloadavg()
        self.stdout.write(
            f"Load average (1/5/15 min) before: {load_before[0]:.2f} {load_before[1]:.2f} "
            f"{load_before[2]:.2f}; after: {load_after[0]:.2f} {load_after[1]:.2f} "
            f"{load_after[2]:.2f}; CPUs: {os.cpu_count()}. Generated rows rolled back."
        )

    def _generate(self, *, offers: int, needs: int) -> tuple[list[int], list[int]]:
        from apps.accounts.models import Organisation, OrganisationType
        from apps.broker.models import (
            EntrepreneurProfile,
            Maturity,
            Need,
            NeedStatus,
            Offer,
            ReviewStatus,
        )
        from apps.core.models import Municipality, Sector, TargetGroup
        from apps.matching import services

        evaluation = load_set()
        offer_sentences = _sentences(evaluation.offers, ("description",))
        need_sentences = _sentences(evaluation.needs, ("description", "affected", "outcome"))
        offer_titles = [item["title"] for item in evaluation.offers]
        need_titles = [item["title"] for item in evaluation.needs]
        sectors = list(Sector.objects.values_list("pk", flat=True))
        groups = list(TargetGroup.objects.values_list("pk", flat=True))
        municipalities = list(Municipality.objects.order_by("code")[:60])
        maturities = list(Maturity.values)

        with services.indexing_paused():
            kommune_orgs = []
            for municipality in municipalities:
                org = Organisation.objects.filter(municipality=municipality).first()
                if org is None:
                    org = Organisation.objects.create(
                        name=f"{municipality.name} kommune (bench)",
                        slug=f"matching-bench-kommune-{municipality.code}",
                        type=OrganisationType.KOMMUNE,
                        municipality=municipality,
                        county=municipality.county,
                    )
                kommune_orgs.append(org)

            profile_count = max(1, offers // 5)
            orgs = Organisation.objects.bulk_create(
                [
                    Organisation(
                        name=f"Benk entreprenør {index}",
                        slug=f"matching-bench-{index}",
                        type=OrganisationType.SOSIAL_ENTREPRENOR,
                    )
                    for index in range(profile_count)
                ],
                batch_size=1000,
            )
            profiles = EntrepreneurProfile.objects.bulk_create(
                [
                    EntrepreneurProfile(
                        organisation=org,
                        summary="",
                        review_status=ReviewStatus.APPROVED,
                        area_national=index % 4 == 0,
                    )
                    for index, org in enumerate(orgs)
                ],
                batch_size=1000,
            )
            offer_rows = Offer.objects.bulk_create(
                [
                    Offer(
                        profile=profiles[index % len(profiles)],
                        title=random.choice(offer_titles),
                        description=" ".join(random.sample(offer_sentences, 3)),
                        maturity=random.choice(maturities),
                        area_national=random.random() < 0.2,
                    )
                    for index in range(offers)
                ],
                batch_size=1000,
            )
            need_rows = []
            for index in range(needs):
                org = kommune_orgs[index % len(kommune_orgs)]
                need_rows.append(
                    Need(
                        organisation=org,
                        municipality_id=org.municipality_id,
                        title=random.choice(need_titles),
                        description=" ".join(random.sample(need_sentences, 3)),
                        affected=random.choice(need_sentences),
                        outcome=random.choice(need_sentences),
                        status=NeedStatus.OPEN if index % 10 else NeedStatus.DRAFT,
                    )
                )
            need_rows = Need.objects.bulk_create(need_rows, batch_size=1000)

            def links(through, owner: str, target: str, rows, choices, most: int):
                through.objects.bulk_create(
                    [
                        through(**{f"{owner}_id": row.pk, f"{target}_id": pk})
                        for row in rows
                        for pk in random.sample(choices, random.randint(1, most))
                    ],
                    batch_size=2000,
                )

            municipality_ids = [m.pk for m in municipalities]
            links(Offer.sectors.through, "offer", "sector", offer_rows, sectors, 2)
            links(Offer.target_groups.through, "offer", "targetgroup", offer_rows, groups, 2)
            links(Offer.areas.through, "offer", "municipality", offer_rows, municipality_ids, 3)
            links(Need.sectors.through, "need", "sector", need_rows, sectors, 3)
            links(Need.target_groups.through, "need", "targetgroup", need_rows, groups, 2)

        need_ids = [row.pk for row in need_rows]
        offer_ids = [row.pk for row in offer_rows]
        services.index_in_batches(need_ids=need_ids, offer_ids=offer_ids, batch=1000)
        return need_ids, offer_ids

    def _time(self, *, need_ids: list[int], offer_ids: list[int], runs: int) -> None:
        from apps.broker.models import Need, Offer
        from apps.matching import selectors

        public_needs = list(
            Need.objects.public().filter(pk__in=need_ids[:2000]).values_list("pk", flat=True)
        )
        cases = [
            (
                "need → offers",
                lambda pk: selectors.matches_for_need(
                    need=Need.objects.select_related("municipality").get(pk=pk),
                    limit=10,
                    stored=False,  # the ranking itself is measured, never a stored one
                ),
                random.sample(public_needs, min(runs, len(public_needs))),
            ),
            (
                "offer → needs",
                lambda pk: selectors.matches_for_offer(
                    offer=Offer.objects.get(pk=pk), user=None, limit=10, stored=False
                ),
                random.sample(offer_ids, min(runs, len(offer_ids))),
            ),
        ]
        from apps.matching import engine

        previous = engine.SEMANTIC_ENABLED
        try:
            for label, run, ids in cases:
                run(ids[0])  # warm caches (stemmer, model, query plans) before timing
                timings: dict[bool, list[float]] = {True: [], False: []}
                found = dict.fromkeys(timings, 0)
                for pk in ids:
                    for semantic in (True, False):
                        engine.SEMANTIC_ENABLED = semantic
                        started = time.perf_counter()
                        found[semantic] += len(run(pk))
                        timings[semantic].append((time.perf_counter() - started) * 1000)
                for semantic, values in timings.items():
                    values.sort()
                    p95 = values[min(len(values) - 1, max(0, round(0.95 * len(values)) - 1))]
                    self.stdout.write(
                        f"{label} ({'with' if semantic else 'without'} semantics): "
                        f"median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms, "
                        f"max {values[-1]:.1f} ms over {len(values)} runs "
                        f"({found[semantic] / len(values):.1f} matches each)"
                    )
        finally:
            engine.SEMANTIC_ENABLED = previous
