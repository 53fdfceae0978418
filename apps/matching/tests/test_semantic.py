"""The semantic signal: sentence vectors stored beside the term index, blended with the
lexical score, explained by the closest pair of sentences."""

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.matching import embeddings, engine, selectors, services
from apps.matching.models import MatchEmbedding, TermKind


def _unit(*values: float) -> np.ndarray:
    vector = np.zeros(embeddings.DIMENSIONS, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


def test_sentences_are_title_then_text_bounded_in_number_and_length():
    found = embeddings.sentences("Tittel", ["Én. To! Tre?\nFire", "", "x" * 1000])
    assert found[:5] == ["Tittel", "Én.", "To!", "Tre?", "Fire"]
    assert len(found[5]) == embeddings.MAX_SENTENCE_CHARS
    many = embeddings.sentences("T", [". ".join(f"Setning {i}" for i in range(100))])
    assert len(many) == embeddings.MAX_SENTENCES


def test_vectors_survive_the_stored_form():
    vectors = np.stack([_unit(1, 2, 3), _unit(0, 1)])
    back = embeddings.unpack(embeddings.pack(vectors))
    assert back.shape == (2, embeddings.DIMENSIONS)
    assert np.allclose(back, vectors, atol=1e-3)
    assert len(embeddings.pack(vectors)) == 2 * embeddings.DIMENSIONS * 2


def test_closeness_finds_the_closest_pair_and_maps_from_the_floor():
    need = engine.Sentences(("a", "b"), np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]))
    offer = engine.Sentences(("x", "y"), np.stack([_unit(0, 0, 1), _unit(0, 1, 0)]))
    closeness, need_index, offer_index = engine.semantic_similarity(need, offer)
    assert (need_index, offer_index) == (1, 1)
    # Best cosines: need side (0, 1) -> mean 0.5; offer side (0, 1) -> 0.5: below the floor.
    assert closeness == 0.0
    same = engine.semantic_similarity(need, need)
    assert same[0] == pytest.approx(1.0)


def test_the_blend_is_the_documented_weighted_sum_and_quotes_both_sentences():
    need_doc = engine.build_document(title="Ensomme eldre", texts=["Eldre sitter alene."])
    offer_doc = engine.build_document(title="Turvenner", texts=["Vi går tur sammen."])
    idf_of, default_idf = engine.collection_idf([offer_doc])
    need = engine.Sentences(("Ensomme eldre",), np.stack([_unit(1, 0.2)]))
    offer = engine.Sentences(("Turvenner",), np.stack([_unit(1, 0.25)]))
    lexical = engine.score(need=need_doc, offer=offer_doc, idf_of=idf_of, default_idf=default_idf)
    blended = engine.score(
        need=need_doc,
        offer=offer_doc,
        idf_of=idf_of,
        default_idf=default_idf,
        need_sentences=need,
        offer_sentences=offer,
        semantic=True,
    )
    closeness = engine.semantic_similarity(need, offer)[0]
    assert closeness > 0.9
    expected = (1 - engine.SEMANTIC_WEIGHT) * lexical.score + 100 * (
        engine.SEMANTIC_WEIGHT * closeness
    )
    assert blended.score == pytest.approx(expected, abs=0.01)
    semantic = [reason for reason in blended.reasons if reason.kind == "semantic"]
    assert semantic and semantic[0].items == ("Ensomme eldre", "Turvenner")


def test_score_scale_makes_room_for_the_semantic_part():
    plain = engine.score_scale()
    blended = engine.score_scale(semantic=True)
    assert plain["semantic"] == 0 and plain["text"] == 58
    assert blended["semantic"] == 30 and blended["text"] == 41


@pytest.mark.django_db
def test_saving_stores_sentence_vectors_and_deleting_removes_them(make_offer, make_need):
    offer = make_offer("Digital støttekontakt", "Vi møter ungdom i spillet. De blir sett.")
    need = make_need("Unge alene på rommet", "De spiller hele natta.")
    stored = MatchEmbedding.objects.get(kind=TermKind.OFFER, object_id=offer.pk)
    assert stored.sentences == [
        "Digital støttekontakt",
        "Vi møter ungdom i spillet.",
        "De blir sett.",
    ]
    assert embeddings.unpack(stored.vectors).shape == (3, embeddings.DIMENSIONS)
    assert stored.model == embeddings.MODEL_NAME
    assert MatchEmbedding.objects.filter(kind=TermKind.NEED, object_id=need.pk).exists()
    services.index_refresh(offer_ids=[offer.pk])
    assert MatchEmbedding.objects.filter(kind=TermKind.OFFER, object_id=offer.pk).count() == 1
    offer_pk = offer.pk
    offer.delete()
    services.index_refresh(offer_ids=[offer_pk])
    assert not MatchEmbedding.objects.filter(kind=TermKind.OFFER, object_id=offer_pk).exists()


@pytest.mark.django_db
def test_a_semantic_reason_names_the_closest_sentences(make_offer, make_need):
    need = make_need(
        "Gutter som har trukket seg inn på rommet",
        "De er våkne om natta foran skjermen og sover om dagen. Ingen får kontakt med dem.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
    )
    make_offer(
        "Digital støttekontakt i spill",
        "Vi møter ungdom som sitter mye alene med dataspill der de er.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
        national=True,
    )
    with translation.override("en"):
        [match] = selectors.matches_for_need(need=need, limit=5)
    [reason] = [reason for reason in match.reasons if reason.kind == "semantic"]
    assert reason.label == "Close in meaning"
    stored_need = MatchEmbedding.objects.get(kind=TermKind.NEED, object_id=need.pk).sentences
    stored_offer = MatchEmbedding.objects.get(kind=TermKind.OFFER, object_id=match.offer.pk)
    assert any(f"the need: «{sentence}»" in reason.detail for sentence in stored_need)
    assert any(f"the offer: «{sentence}»" in reason.detail for sentence in stored_offer.sentences)


@pytest.mark.django_db
def test_the_setting_turns_the_semantic_signal_off(dropout_need, offers, settings):
    with_signal = selectors.rank_offers_for_need(need=dropout_need, feedback=False)
    settings.MATCHING_SEMANTIC = False
    without = selectors.rank_offers_for_need(need=dropout_need, feedback=False)
    assert all(r.kind != "semantic" for item in without for r in item.scored.reasons)
    assert any(r.kind == "semantic" for item in with_signal for r in item.scored.reasons)
    assert {i.object_id: i.scored.score for i in with_signal} != {
        i.object_id: i.scored.score for i in without
    }


@pytest.mark.django_db
def test_semantic_reads_cost_the_same_queries_for_one_candidate_or_many(
    dropout_need, offers, make_offer
):
    def count():
        with CaptureQueriesContext(connection) as context:
            selectors.matches_for_need(need=dropout_need, limit=10)
        return len(context.captured_queries)

    few = count()
    for index in range(12):
        make_offer(f"Mentorer mot frafall {index}", "Elever som slutter på skolen får en mentor.")
    assert count() == few
