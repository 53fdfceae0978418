"""The labelled evaluation set, ranked by the site's own selectors on a throwaway set of rows."""

import re
from io import StringIO

from django.core.management import call_command

from apps.matching.evaluate import (
    EvaluationSet,
    demo_offers,
    load_set,
    measure,
    rank_in_database,
)


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


def test_evaluate_command_reports_figures_with_and_without_synonyms_and_semantics(db):
    out = StringIO()
    call_command("matching_evaluate", stdout=out)
    text = out.getvalue()
    figures = re.findall(
        r"(with|without) synonyms, (with|without) semantics: "
        r"hit@1 ([\d.]+)  hit@3 ([\d.]+)  MRR ([\d.]+)",
        text,
    )
    assert [(synonyms, semantics) for synonyms, semantics, *_ in figures] == [
        ("with", "with"),
        ("without", "with"),
        ("with", "without"),
        ("without", "without"),
    ]
    for _synonyms, _semantics, *values in figures:
        assert all(0.0 <= float(value) <= 1.0 for value in values)
    # The rows were rolled back.
    from apps.broker.models import Offer

    assert not Offer.objects.filter(key__startswith="matching-eval-").exists()


def test_second_set_is_labelled_against_offers_that_exist_in_the_demo():
    from apps.broker.demo_files import read_demo_content
    from apps.core.municipalities import MUNICIPALITIES
    from apps.core.vocabulary import SECTORS, TARGET_GROUPS

    evaluation = load_set("second")
    offers = {offer["key"]: offer for offer in evaluation.offers}
    # One offer per offer of the broker demo's files, keyed as apps.broker.demo keys them.
    entrepreneurs = read_demo_content().entrepreneurs
    assert (
        len(offers)
        == len(evaluation.offers)
        == sum(len(entrepreneur.offers) for entrepreneur in entrepreneurs)
    )
    assert offers["demo-se8-stotte"]["title"] == "Digital støttekontakt i spill"
    assert len(evaluation.needs) >= 20
    assert set(evaluation.gold) == {need["key"] for need in evaluation.needs}
    assert all(keys and set(keys) <= set(offers) for keys in evaluation.gold.values())
    hard = [n for n in evaluation.needs if n.get("no_clear_owner") and len(n["sectors"]) > 1]
    assert len(hard) >= 8
    sectors, groups = {code for code, _ in SECTORS}, {code for code, _ in TARGET_GROUPS}
    codes = {str(row[0]) for row in MUNICIPALITIES}
    for need in evaluation.needs:
        assert set(need["sectors"]) <= sectors and set(need["target_groups"]) <= groups
        assert need["municipality"] in codes, need["key"]
    # The tags describe the need, not the answer: few needs copy a right offer's sectors.
    copied = [
        need["key"]
        for need in evaluation.needs
        if any(
            set(need["sectors"]) == set(offers[k]["sectors"]) for k in evaluation.gold[need["key"]]
        )
    ]
    assert len(copied) <= len(evaluation.needs) // 4, copied


def test_evaluate_command_measures_the_second_set(db):
    out = StringIO()
    call_command("matching_evaluate", "--set", "second", "--no-semantic", stdout=out)
    text = out.getvalue()
    assert "Evaluation set second: 23 needs" in text
    assert "Evaluation set first" not in text
    figures = re.findall(
        r"(with|without) synonyms, without semantics: hit@1 [\d.]+  hit@3 [\d.]+  MRR [\d.]+",
        text,
    )
    assert figures == ["with", "without"]
    assert "with semantics" not in text
    assert "no clear owner only (12)" in text
    from apps.broker.models import Need, Offer

    assert not Offer.objects.filter(key__startswith="matching-eval-").exists()
    assert not Need.objects.filter(key__startswith="matching-eval-").exists()


def test_a_demo_offer_already_in_the_database_is_ranked_as_it_stands(db):
    from apps.broker.models import Offer
    from apps.broker.tests.factories import OfferFactory

    item = next(offer for offer in demo_offers() if offer["key"] == "demo-se8-stotte")
    existing = OfferFactory(key=item["key"], title=item["title"], description=item["description"])
    need = dict(load_set("second").needs[0], key="X1")
    evaluation = EvaluationSet(needs=[need], offers=[item], gold={"X1": [item["key"]]})
    rankings = rank_in_database(evaluation, keep=True)
    assert rankings == {"X1": [item["key"]]}
    assert not Offer.objects.filter(key__startswith="matching-eval-").exists()
    assert Offer.objects.filter(key=item["key"]).get() == existing


def test_second_set_quality_floor(db):
    """Measured 2026-12-04 (fresh and demo databases alike): hit@3 0.913, MRR 0.852 with
    synonyms; the floor sits just below so that a regression shows."""
    evaluation = load_set("second")
    metrics = measure(rank_in_database(evaluation, keep=True), evaluation.gold)
    assert metrics.hit_at_3 >= 0.86, metrics.misses
    assert metrics.mrr >= 0.8


def test_the_semantic_signal_changes_the_ranking_and_lifts_the_second_set(db):
    """Measured 2026-12-04 on a fresh database: MRR 0.873 with the semantic signal, 0.852
    without (hit@1 0.826 against 0.783). The floor sits between the two, so the test fails
    when the stored sentence vectors are ignored. S01 (the withdrawn gamers) stays outside
    the top 3 either way: no test claims otherwise (docs/decisions/0017-semantic-matching.md)."""
    evaluation = load_set("second")
    with_semantics = rank_in_database(evaluation, use_semantic=True)
    without = rank_in_database(evaluation, use_semantic=False)
    assert with_semantics != without
    metrics = measure(with_semantics, evaluation.gold)
    assert metrics.mrr >= 0.86, metrics.misses
    assert metrics.hit_at_3 >= 0.86, metrics.misses
    assert measure(without, evaluation.gold).mrr < metrics.mrr
