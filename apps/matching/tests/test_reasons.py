"""The reasons a broker reads: no filler words, no word paired with itself, the strongest
three first, and the score scale explained beside the scores."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from apps.matching import engine, evaluate
from apps.matching.selectors import TOP_REASONS, matches_for_need
from apps.matching.stopwords import FILLER_WORDS, MATCHING_STOP_WORDS
from apps.search.stemming import STOP_WORDS

QUOTE_PAIR = re.compile(r"«([^»]*)» – «([^»]*)»")


def _all_reasons() -> list[engine.Reason]:
    """Every reason of the top ten offers for each need of the evaluation set: real
    municipal needs and entrepreneurs' offers, written like the demo content."""
    evaluation = evaluate.load_set()
    offers = {i: evaluate.offer_document(item) for i, item in enumerate(evaluation.offers)}
    idf_of, default_idf = engine.collection_idf(offers.values())
    maturity = {i: item.get("maturity", "") for i, item in enumerate(evaluation.offers)}
    reasons = []
    for need in evaluation.needs:
        for ranked in engine.rank(
            query=evaluate.need_document(need),
            candidates=offers,
            maturity=maturity,
            idf_of=idf_of,
            default_idf=default_idf,
            limit=10,
        ):
            reasons.extend(ranked.scored.reasons)
    return reasons


def test_the_filler_words_of_the_finding_are_stop_words():
    for word in ("lang", "gå", "tar", "hel", "helt", "én"):
        assert word in MATCHING_STOP_WORDS
    # A word that means something is kept, even when it starts like a filler word.
    assert "helse" not in MATCHING_STOP_WORDS
    need = engine.build_document(title="Det tar lang tid å få helt ny jobb", texts=[])
    offer = engine.build_document(title="Vi tar lang tid med helt ny jobb", texts=[])
    idf_of, default_idf = engine.collection_idf([offer])
    scored = engine.score(need=need, offer=offer, idf_of=idf_of, default_idf=default_idf)
    quoted = " ".join(i for r in scored.reasons if r.kind in ("word", "phrase") for i in r.items)
    assert "jobb" in quoted
    for word in ("tar", "lang", "helt"):
        assert word not in quoted.lower().split()


def test_reasons_quote_no_stop_words():
    reasons = _all_reasons()
    quoted = [item for r in reasons if r.kind in ("word", "phrase") for item in r.items]
    assert len(quoted) > 100  # the set really produces word reasons
    for item in quoted:
        for word in item.lower().split():
            assert word not in MATCHING_STOP_WORDS, item
            assert word not in STOP_WORDS, item
    assert not FILLER_WORDS & {item.lower() for item in quoted}


def test_related_topic_reasons_never_pair_a_word_with_itself():
    concepts = [item for r in _all_reasons() if r.kind == "concept" for item in r.items]
    assert concepts
    for item in concepts:
        need_words, offer_words = QUOTE_PAIR.search(item).groups()
        stems_need = [engine.stem(w) for w in need_words.split()]
        stems_offer = [engine.stem(w) for w in offer_words.split()]
        assert stems_need != stems_offer, item


def test_a_self_pair_is_left_out_but_still_scores():
    need = engine.build_document(title="Jobb for unge", texts=["Vi vil skaffe jobb."])
    offer = engine.build_document(title="Jobb", texts=["Vi gir unge jobb."])
    idf_of, default_idf = engine.collection_idf([offer])
    scored = engine.score(need=need, offer=offer, idf_of=idf_of, default_idf=default_idf)
    assert scored.score > 0
    concept_items = [i for r in scored.reasons if r.kind == "concept" for i in r.items]
    assert not any("«Jobb» – «Jobb»" in i or "«jobb» – «jobb»" in i for i in concept_items)


def test_the_scale_adds_up_to_one_hundred():
    assert sum(engine.score_scale().values()) == 100


@pytest.mark.django_db
def test_the_three_strongest_reasons_come_first(dropout_need, offers):
    matches = matches_for_need(need=dropout_need, user=None, limit=5)
    assert matches
    for match in matches:
        weights = [reason.weight for reason in match.reasons]
        assert weights == sorted(weights, reverse=True)
        assert match.top_reasons == match.reasons[:TOP_REASONS]
        assert match.more_reasons == match.reasons[TOP_REASONS:]
    assert any(match.more_reasons for match in matches)


@pytest.mark.django_db
def test_the_page_shows_three_reasons_explains_the_scale_and_plain_labels(
    client, dropout_need, offers
):
    response = client.get(reverse("matching:need-matches", args=[dropout_need.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Poengsummen går fra 0 til 100" in page
    assert "opptil 41 poeng" in page
    assert "Opptil 30 poeng til sier hvor nær tekstene er" in page
    assert "Vis alle grunner" in page
    for item in page.split('class="ds-card matching-item"')[1:]:
        shown = item.split("<details")[0]
        assert shown.count("<dt>") <= TOP_REASONS
    assert "Fest" not in page


@pytest.mark.django_db
def test_broker_sees_plain_pin_and_hide_labels_naming_the_offer(
    client, dropout_need, offers, people
):
    client.force_login(people["own_broker"])
    page = client.get(reverse("matching:need-matches", args=[dropout_need.pk])).content.decode()
    title = offers["mentor"].title
    assert f'Merk som aktuell<span class="ds-sr-only">: {title}</span>' in page
    assert f'Skjul for dette behovet<span class="ds-sr-only">: {title}</span>' in page
    assert ">Fest<" not in page and "Avvis<" not in page


@pytest.mark.django_db
def test_the_scale_is_one_sentence_before_the_scores_and_its_parts_wait_behind_a_disclosure(
    client, dropout_need, offers
):
    page = client.get(reverse("matching:need-matches", args=[dropout_need.pk])).content.decode()
    sentence = re.search(r'<p class="ds-paragraph matching-scale">(.*?)</p>', page, re.S)
    assert sentence is not None
    text = sentence.group(1).strip()
    assert text.startswith("Poengsummen går fra 0 til 100")
    assert text.count(".") == 1 and text.endswith(".")
    parts = page.split('<details class="ds-details matching-scale-parts">')[1]
    parts = parts.split("</details>")[0]
    assert "Slik regnes poengsummen ut" in parts
    # 70 % of the lexical 58 points, and the 30 points of closeness in meaning.
    assert "opptil 41 poeng" in parts
    assert "Opptil 30 poeng til sier hvor nær tekstene er hverandre i mening" in parts
    # The sentence stands right before the list, beside the first «Poengsum 52 av 100».
    assert sentence.start() < page.index("matching-list") < page.index("av 100")


def test_time_words_are_not_given_as_a_reason():
    """«tid» («det tar lang tid») says nothing about the fit, as the 320 px page showed."""
    need = engine.build_document(title="Det tar lang tid å få jobb", texts=[])
    offer = engine.build_document(title="Vi bruker tid på jobb for unge", texts=[])
    idf_of, default_idf = engine.collection_idf([offer])
    scored = engine.score(need=need, offer=offer, idf_of=idf_of, default_idf=default_idf)
    quoted = [i for r in scored.reasons if r.kind in ("word", "phrase") for i in r.items]
    assert any("jobb" in item.lower() for item in quoted)
    assert not any("tid" in item.lower().split() for item in quoted)
