"""The labelled evaluation set (apps/matching/evaluation/*.json) and its measures.

needs.json and offers.json hold invented but realistic needs and offers in Norwegian;
gold.json lists, for each need, the offers a skilled broker would introduce. Some needs are
paraphrases that share few words with the right offer, and some span several sectors.

A second set (evaluation/second/) was written later, by someone who had not built the engine,
against the broker demo's offers (content/demo/broker/): 23 needs, 12 of them cross-sector with
no clear owner, each labelled by reading the offers before the engine was run, with sectors and
target groups that describe the need rather than copy the right offer's tags. Its offers are
read from the demo's files, so the set cannot drift from the demo: where the demo is loaded,
its own rows are ranked; otherwise the same offers are built as throwaway rows.

hit@k is the share of needs with a right offer among the first k; MRR is the mean of
1 / (rank of the first right offer), 0 when none is ranked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import engine

EVALUATION_DIR = Path(__file__).resolve().parent / "evaluation"


@dataclass(frozen=True)
class EvaluationSet:
    needs: list[dict]
    offers: list[dict]
    gold: dict[str, list[str]]


@dataclass
class Metrics:
    needs: int
    hit_at_1: float
    hit_at_3: float
    mrr: float
    misses: list[str] = field(default_factory=list)


SETS = ("first", "second")


def demo_offers() -> list[dict]:
    """The broker demo's offers (content/demo/broker/entrepreneurs/) in the format of
    offers.json, keyed as the demo keys them (``demo-<entrepreneur key>-<offer key>``)."""
    from apps.broker.demo_files import read_demo_content

    return [
        {
            "key": f"demo-{entrepreneur.key}-{offer.key}",
            "organisation": entrepreneur.name,
            "title": offer.title,
            "description": offer.description,
            "sectors": list(offer.sectors),
            "target_groups": list(offer.target_groups),
            "maturity": offer.maturity,
            "area_national": offer.national,
            "areas": list(entrepreneur.areas),
        }
        for entrepreneur in read_demo_content().entrepreneurs
        for offer in entrepreneur.offers
    ]


@lru_cache(maxsize=len(SETS))
def load_set(name: str = "first") -> EvaluationSet:
    """The first set (own offers) or the second (needs against the demo offers)."""
    if name not in SETS:
        raise ValueError(f"Unknown evaluation set {name!r}; choose one of {', '.join(SETS)}.")
    folder = EVALUATION_DIR if name == "first" else EVALUATION_DIR / name

    def read(file: str):
        return json.loads((folder / file).read_text(encoding="utf-8"))

    offers = read("offers.json") if name == "first" else demo_offers()
    return EvaluationSet(needs=read("needs.json"), offers=offers, gold=read("gold.json"))


def need_texts(item: Mapping) -> list[str]:
    return [item.get("description", ""), item.get("affected", ""), item.get("outcome", "")]


def need_document(item: Mapping, *, use_concepts: bool = True) -> dict[str, engine.Entry]:
    return engine.build_document(
        title=item["title"],
        texts=need_texts(item),
        sectors=item.get("sectors", ()),
        target_groups=item.get("target_groups", ()),
        municipalities=[item["municipality"]],
        use_concepts=use_concepts,
    )


def offer_document(item: Mapping, *, use_concepts: bool = True) -> dict[str, engine.Entry]:
    return engine.build_document(
        title=item["title"],
        texts=[item.get("description", "")],
        sectors=item.get("sectors", ()),
        target_groups=item.get("target_groups", ()),
        municipalities=item.get("areas", ()),
        national=item.get("area_national", False),
        use_concepts=use_concepts,
    )


def rank_in_memory(evaluation: EvaluationSet, *, use_concepts: bool = True) -> dict[str, list[str]]:
    """Offer keys ranked for each need key, computed with the engine alone."""
    offers = {
        index: offer_document(item, use_concepts=use_concepts)
        for index, item in enumerate(evaluation.offers)
    }
    idf_of, default_idf = engine.collection_idf(offers.values())
    maturity = {index: item.get("maturity", "") for index, item in enumerate(evaluation.offers)}
    rankings = {}
    for need in evaluation.needs:
        ranked = engine.rank(
            query=need_document(need, use_concepts=use_concepts),
            candidates=offers,
            maturity=maturity,
            idf_of=idf_of,
            default_idf=default_idf,
        )
        rankings[need["key"]] = [evaluation.offers[item.object_id]["key"] for item in ranked]
    return rankings


def measure(rankings: Mapping[str, Sequence[str]], gold: Mapping[str, Sequence[str]]) -> Metrics:
    hits_1 = hits_3 = 0
    reciprocal = 0.0
    misses = []
    for need_key, right in gold.items():
        ranked = list(rankings.get(need_key, ()))
        right_set = set(right)
        first = next((index for index, key in enumerate(ranked) if key in right_set), None)
        if first is not None:
            reciprocal += 1.0 / (first + 1)
            hits_1 += first == 0
            hits_3 += first < 3
        if first is None or first >= 3:
            misses.append(need_key)
    count = len(gold) or 1
    return Metrics(
        needs=len(gold),
        hit_at_1=hits_1 / count,
        hit_at_3=hits_3 / count,
        mrr=reciprocal / count,
        misses=misses,
    )


class _Rollback(Exception):
    pass


def _build_rows(evaluation: EvaluationSet) -> tuple[dict[int, str], dict[str, object]]:
    """Writes the set's needs and offers as rows; returns {offer pk: key} and {need key:
    Need}. An offer whose key is already a public offer in the database (the demo offers,
    when the demo is loaded) is ranked as it stands.

    The rows are throwaway (rolled back after the ranking), so they are written in bulk:
    a few statements per table, and none of the save signals (the search index, the
    matching index) fire. The caller indexes them for matching explicitly."""
    from apps.accounts.models import Organisation, OrganisationType
    from apps.broker.models import EntrepreneurProfile, Need, NeedStatus, Offer, ReviewStatus
    from apps.core.models import Municipality, Sector, TargetGroup

    sectors = {sector.code: sector.pk for sector in Sector.objects.all()}
    groups = {group.code: group.pk for group in TargetGroup.objects.all()}
    municipalities = {m.code: m for m in Municipality.objects.select_related("county")}

    existing = dict(
        Offer.objects.public()
        .filter(key__in=[item["key"] for item in evaluation.offers])
        .values_list("key", "pk")
    )
    offer_keys: dict[int, str] = {existing[key]: key for key in existing}
    new_offers = [item for item in evaluation.offers if item["key"] not in existing]
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=item["organisation"],
                slug=f"matching-eval-{item['key'].lower()}",
                type=OrganisationType.SOSIAL_ENTREPRENOR,
            )
            for item in new_offers
        ]
    )
    profiles = EntrepreneurProfile.objects.bulk_create(
        [
            EntrepreneurProfile(
                organisation=organisation, summary="", review_status=ReviewStatus.APPROVED
            )
            for organisation in organisations
        ]
    )
    offers = Offer.objects.bulk_create(
        [
            Offer(
                key=f"matching-eval-{item['key']}",
                profile=profile,
                title=item["title"],
                description=item["description"],
                maturity=item["maturity"],
                area_national=item.get("area_national", False),
            )
            for item, profile in zip(new_offers, profiles, strict=True)
        ]
    )
    _link(Offer.sectors, offers, new_offers, "sectors", sectors)
    _link(Offer.target_groups, offers, new_offers, "target_groups", groups)
    areas = {code: m.pk for code, m in municipalities.items()}
    _link(Offer.areas, offers, new_offers, "areas", areas)
    offer_keys.update(
        {offer.pk: item["key"] for offer, item in zip(offers, new_offers, strict=True)}
    )

    owners = {}
    for code in {item["municipality"] for item in evaluation.needs}:
        municipality = municipalities[code]
        owners[code] = Organisation.objects.filter(municipality=municipality).first()
    missing = [code for code, organisation in owners.items() if organisation is None]
    for organisation in Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{municipalities[code].name} kommune",
                slug=f"matching-eval-kommune-{code}",
                type=OrganisationType.KOMMUNE,
                municipality=municipalities[code],
                county=municipalities[code].county,
            )
            for code in missing
        ]
    ):
        owners[organisation.municipality.code] = organisation
    needs = Need.objects.bulk_create(
        [
            Need(
                key=f"matching-eval-{item['key']}",
                organisation=owners[item["municipality"]],
                municipality=municipalities[item["municipality"]],
                title=item["title"],
                description=item["description"],
                affected=item.get("affected", ""),
                tried=item.get("tried", ""),
                outcome=item.get("outcome", ""),
                no_clear_owner=item.get("no_clear_owner", False),
                status=NeedStatus.OPEN,
            )
            for item in evaluation.needs
        ]
    )
    _link(Need.sectors, needs, evaluation.needs, "sectors", sectors)
    _link(Need.target_groups, needs, evaluation.needs, "target_groups", groups)
    return offer_keys, {
        item["key"]: need for need, item in zip(needs, evaluation.needs, strict=True)
    }


def _link(descriptor, rows, items, key: str, pks: Mapping[str, int]) -> None:
    """Bulk-writes one many-to-many field of ``rows`` from the codes in ``items[key]``."""
    through = descriptor.through
    field = descriptor.field
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [
            through(**{f"{source}_id": row.pk, f"{target}_id": pks[code]})
            for row, item in zip(rows, items, strict=True)
            for code in item.get(key, ())
        ]
    )


def rank_in_database(
    evaluation: EvaluationSet,
    *,
    use_concepts: bool = True,
    use_semantic: bool = True,
    keep: bool = False,
) -> dict[str, list[str]]:
    """Builds the set as rows, ranks every need with the same selectors the site uses
    (index table, SQL pre-selection, ranking in Python), and rolls everything back unless
    ``keep`` (tests that already run in a transaction may keep it). ``use_semantic`` False
    ranks without the semantic signal (apps.matching.engine.SEMANTIC_ENABLED)."""
    return rank_in_database_runs(evaluation, [(use_concepts, use_semantic)], keep=keep)[0]


def rank_in_database_runs(
    evaluation: EvaluationSet, runs: Sequence[tuple[bool, bool]], *, keep: bool = False
) -> list[dict[str, list[str]]]:
    """As rank_in_database, once per (use_concepts, use_semantic) of ``runs``, on one set of
    rows: they are written once, and indexed again whenever the synonym layer is switched
    (the documents depend on it; the semantic switch is read at ranking time). Each run
    ranks exactly what a run of its own would."""
    from django.db import transaction

    from . import services
    from .selectors import rank_offers_for_need

    results: list[dict[str, list[str]]] = []
    previous = engine.CONCEPTS_ENABLED
    previous_semantic = engine.SEMANTIC_ENABLED
    try:
        with transaction.atomic():
            with services.indexing_paused():
                offer_keys, needs = _build_rows(evaluation)
            indexed_with = None
            # Without the semantic signal in any run no sentence vector is read: the
            # model is not run for the throwaway rows.
            sentences = any(use_semantic for _use_concepts, use_semantic in runs)
            for use_concepts, use_semantic in runs:
                engine.CONCEPTS_ENABLED = use_concepts
                engine.SEMANTIC_ENABLED = use_semantic
                if indexed_with != use_concepts:
                    services.index_in_batches(
                        # Existing offers are indexed again too, so that a run without the
                        # synonym layer ranks documents built without it (rolled back after).
                        need_ids=[need.pk for need in needs.values()],
                        offer_ids=list(offer_keys),
                        sentences=sentences,
                    )
                    indexed_with = use_concepts
                rankings: dict[str, list[str]] = {}
                for key, need in needs.items():
                    ranked = rank_offers_for_need(
                        need=need, limit=10, feedback=False, offer_ids=set(offer_keys)
                    )
                    rankings[key] = [offer_keys[item.object_id] for item in ranked]
                results.append(rankings)
            if not keep:
                raise _Rollback
    except _Rollback:
        pass
    finally:
        engine.CONCEPTS_ENABLED = previous
        engine.SEMANTIC_ENABLED = previous_semantic
    return results
