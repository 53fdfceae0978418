"""The labelled evaluation set, ranked by the site's own selectors on a throwaway set of rows."""

import re
from io import StringIO

from django.core.management import call_command

from apps.matching.evaluate import load_set, measure, rank_in_database


def test_evaluation_set_is_large_and_labelled():
    evaluation = load_set()
    assert len(evaluation.needs) >= 30
    assert len(evaluation.offers) >= 60
    offer_keys = {offer["key"] for offer in evaluation.offers}
    assert set(evaluation.gold) == {need["key"] for need in evaluation.needs}
    assert all(keys and set(keys) <= offer_keys for keys in evaluation.gold.values())
    assert sum(1 for need in evaluation.needs if need.get("paraphrase")) >= 10
    assert sum(1 for need in evaluation.needs if len(need["sectors"]) > 1) >= 8


def test_measure_counts_hits_and_reciprocal_ranks():
    metrics = measure({"a": ["x", "y"], "b": ["p", "q", "r", "s"]}, {"a": ["y"], "b": ["s"]})
    assert metrics.hit_at_1 == 0.0
    assert metrics.hit_at_3 == 0.5
    assert metrics.mrr == (1 / 2 + 1 / 4) / 2
    assert metrics.misses == ["b"]


def test_evaluate_command_reports_figures_with_and_without_synonyms(db):
    out = StringIO()
    call_command("matching_evaluate", stdout=out)
    text = out.getvalue()
    figures = re.findall(
        r"(with|without) synonyms: hit@1 ([\d.]+)  hit@3 ([\d.]+)  MRR ([\d.]+)", text
    )
    assert [kind for kind, *_ in figures] == ["with", "without"]
    for _kind, *values in figures:
        assert all(0.0 <= float(value) <= 1.0 for value in values)
    # The rows were rolled back.
    from apps.broker.models import Offer

    assert not Offer.objects.filter(key__startswith="matching-eval-").exists()


def test_a_right_offer_is_in_the_top_three_for_nine_of_ten_needs(db):
    evaluation = load_set()
    metrics = measure(rank_in_database(evaluation, keep=True), evaluation.gold)
    assert metrics.hit_at_3 >= 0.9, metrics.misses
    assert metrics.mrr >= 0.75
