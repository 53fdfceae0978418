"""Prints hit@1, hit@3 and MRR of the matching engine on a labelled set, with and without the
synonym layer, each with and without the semantic signal (``--no-semantic`` leaves out the
runs with it). ``--set first`` (the default) is the set in apps/matching/evaluation/ with its
own offers; ``--set second`` is the later set of needs against the demo offers (the demo's own
rows when the demo is loaded, otherwise copies of them); ``--set all`` runs both. The needs
(and any offers not already in the database) are written as rows, ranked by the site's own
selectors, and rolled back."""

from django.core.management.base import BaseCommand

from apps.matching.evaluate import SETS, load_set, measure, rank_in_database_runs


class Command(BaseCommand):
    help = "Measures matching quality (hit@3, MRR) on a labelled evaluation set."

    def add_arguments(self, parser):
        parser.add_argument(
            "--set",
            dest="set_name",
            choices=(*SETS, "all"),
            default="first",
            help="Which labelled set to measure (default: first).",
        )
        parser.add_argument(
            "--details", action="store_true", help="List the top three offers of each need."
        )
        parser.add_argument(
            "--no-semantic",
            dest="semantic",
            action="store_false",
            help="Measure only without the semantic signal (no embedding model runs).",
        )

    def handle(self, *args, set_name="first", details=False, semantic=True, **options):
        for name in SETS if set_name == "all" else (set_name,):
            self._evaluate(name, details=details, semantic=semantic)

    def _evaluate(self, name: str, *, details: bool, semantic: bool) -> None:
        from apps.broker.models import Offer

        evaluation = load_set(name)
        in_database = (
            Offer.objects.public()
            .filter(key__in=[offer["key"] for offer in evaluation.offers])
            .count()
        )
        self.stdout.write(
            f"Evaluation set {name}: {len(evaluation.needs)} needs, "
            f"{len(evaluation.offers)} offers ({in_database} already in the database), "
            f"{sum(1 for n in evaluation.needs if n.get('paraphrase'))} paraphrased, "
            f"{sum(1 for n in evaluation.needs if len(n['sectors']) > 1)} cross-sector, "
            f"{sum(1 for n in evaluation.needs if n.get('no_clear_owner'))} with no clear owner."
        )
        subsets = {
            "paraphrased needs only": {n["key"] for n in evaluation.needs if n.get("paraphrase")},
            "no clear owner only": {n["key"] for n in evaluation.needs if n.get("no_clear_owner")},
            # Needs whose sectors, target groups and area several wrong offers share.
            "same tags only": {n["key"] for n in evaluation.needs if n.get("same_tags")},
        }
        runs = [
            (f"{synonyms} synonyms, {meaning} semantics", use_concepts, use_semantic)
            for use_semantic, meaning in ((True, "with"), (False, "without"))
            if semantic or not use_semantic
            for use_concepts, synonyms in ((True, "with"), (False, "without"))
        ]
        # The rows are written once for all runs (rolled back after).
        all_rankings = rank_in_database_runs(
            evaluation,
            [(use_concepts, use_semantic) for _label, use_concepts, use_semantic in runs],
        )
        for (label, _use_concepts, _use_semantic), rankings in zip(runs, all_rankings, strict=True):
            metrics = measure(rankings, evaluation.gold)
            self.stdout.write(
                f"{label:>35}: hit@1 {metrics.hit_at_1:.3f}  hit@3 {metrics.hit_at_3:.3f}  "
                f"MRR {metrics.mrr:.3f}  (needs {metrics.needs}; "
                f"right offer not in top 3: {', '.join(metrics.misses) or 'none'})"
            )
            for subset_label, keys in subsets.items():
                if not keys:
                    continue
                sub = measure(rankings, {k: v for k, v in evaluation.gold.items() if k in keys})
                self.stdout.write(
                    f"{'':>35}  {subset_label} ({sub.needs}): hit@1 {sub.hit_at_1:.3f}  "
                    f"hit@3 {sub.hit_at_3:.3f}  MRR {sub.mrr:.3f}"
                )
            if details:
                for need in evaluation.needs:
                    top = rankings.get(need["key"], [])[:3]
                    marks = [
                        f"{key}{'*' if key in evaluation.gold[need['key']] else ''}" for key in top
                    ]
                    self.stdout.write(f"  {need['key']} {need['title'][:50]:<50} {' '.join(marks)}")
