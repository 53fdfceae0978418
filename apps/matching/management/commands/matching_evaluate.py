"""Prints hit@1, hit@3 and MRR of the matching engine on the labelled set in
apps/matching/evaluation/, with and without the synonym layer. The set is written to the
database as needs and offers, ranked by the site's own selectors, and rolled back."""

from django.core.management.base import BaseCommand

from apps.matching.evaluate import load_set, measure, rank_in_database


class Command(BaseCommand):
    help = "Measures matching quality (hit@3, MRR) on the labelled evaluation set."

    def add_arguments(self, parser):
        parser.add_argument(
            "--details", action="store_true", help="List the top three offers of each need."
        )

    def handle(self, *args, details=False, **options):
        evaluation = load_set()
        self.stdout.write(
            f"Evaluation set: {len(evaluation.needs)} needs, {len(evaluation.offers)} offers, "
            f"{sum(1 for n in evaluation.needs if n.get('paraphrase'))} paraphrased, "
            f"{sum(1 for n in evaluation.needs if len(n['sectors']) > 1)} cross-sector."
        )
        for label, use_concepts in (("with synonyms", True), ("without synonyms", False)):
            rankings = rank_in_database(evaluation, use_concepts=use_concepts)
            metrics = measure(rankings, evaluation.gold)
            self.stdout.write(
                f"{label:>17}: hit@1 {metrics.hit_at_1:.3f}  hit@3 {metrics.hit_at_3:.3f}  "
                f"MRR {metrics.mrr:.3f}  (needs {metrics.needs}; "
                f"right offer not in top 3: {', '.join(metrics.misses) or 'none'})"
            )
            paraphrased = {n["key"] for n in evaluation.needs if n.get("paraphrase")}
            sub = measure(rankings, {k: v for k, v in evaluation.gold.items() if k in paraphrased})
            self.stdout.write(
                f"{'':>17}  paraphrased needs only: hit@3 {sub.hit_at_3:.3f}  MRR {sub.mrr:.3f}"
            )
            if details:
                for need in evaluation.needs:
                    top = rankings.get(need["key"], [])[:3]
                    marks = [
                        f"{key}{'*' if key in evaluation.gold[need['key']] else ''}" for key in top
                    ]
                    self.stdout.write(f"  {need['key']} {need['title'][:50]:<50} {' '.join(marks)}")
