"""The engine alone: no database."""

from apps.matching import engine


def _doc(title, text="", **kwargs):
    return engine.build_document(title=title, texts=[text], **kwargs)


def test_tokenise_drops_stop_words_and_keeps_the_words_as_written():
    tokens = engine.tokenise("Ungdommer og eldre i kommunen møtes.")
    assert [t.surface for t in tokens] == ["Ungdommer", "eldre", "møtes"]
    assert tokens[0].stem == engine.stem("ungdom")


def test_inflected_forms_share_a_stem():
    assert engine.stem("ensomme") == engine.stem("ensom")
    assert engine.stem("flyktninger") == engine.stem("flyktning")
    assert engine.stem("møteplasser") == engine.stem("møteplass")


def test_phrases_are_neighbouring_words_within_a_sentence():
    document = _doc("Psykisk helse", "Vi jobber med ungdom. Helse er viktig.")
    phrase = f"p:{engine.stem('psykisk')} {engine.stem('helse')}"
    assert document[phrase].surface == "Psykisk helse"
    # «ungdom. Helse» spans a sentence break: no phrase.
    assert f"p:{engine.stem('ungdom')} {engine.stem('helse')}" not in document


def test_concepts_bridge_paraphrases_and_quote_the_text():
    found = engine.find_concepts(engine.tokenise("Mange elever slutter på skolen før jul"))
    assert found["frafall"] == "slutter skolen"
    assert "ensomhet" in engine.find_concepts(engine.tokenise("ensomhetsforebygging for alle"))


def test_concepts_can_be_switched_off():
    document = engine.build_document(title="Frafall", texts=[], use_concepts=False)
    assert not any(term.startswith("c:") for term in document)


def test_compounds_split_into_known_words():
    assert engine.compound_parts("arbeidstrening") == (
        engine.stem("arbeid"),
        engine.stem("trening"),
    )
    assert engine.compound_parts("kaffe") == ()


def test_text_terms_have_unit_length():
    document = engine.text_terms([("Arbeidstrening for langtidsledige", 2.0), ("Lang tekst", 1.0)])
    assert abs(sum(entry.weight**2 for entry in document.values()) - 1.0) < 1e-9


def _score(need, offer, **kwargs):
    idf_of, default = engine.collection_idf([offer])
    return engine.score(need=need, offer=offer, idf_of=idf_of, default_idf=default, **kwargs)


def test_score_explains_sectors_groups_words_area_and_maturity():
    need = _doc(
        "Ensomme eldre",
        "Eldre som bor alene",
        sectors=["helse_omsorg"],
        target_groups=["eldre"],
        municipalities=["3201"],
    )
    offer = _doc(
        "Besøksvenn for eldre",
        "Ensomhet blant eldre",
        sectors=["helse_omsorg", "kultur_fritid"],
        target_groups=["eldre"],
        municipalities=["3203"],
    )
    scored = _score(need, offer, maturity="tested")
    kinds = {reason.kind: reason for reason in scored.reasons}
    assert kinds["sector"].items == ("helse_omsorg",)
    assert kinds["target_group"].items == ("eldre",)
    assert "eldre" in kinds["word"].items
    assert kinds["area"].items == ("county",)
    assert kinds["maturity"].items == ("tested",)
    assert 0 < scored.score <= 100


def test_more_in_common_scores_higher():
    need = _doc("Arbeidstrening for langtidsledige", sectors=["arbeid_inkludering"])
    close = _doc("Arbeidstrening i gartneri for langtidsledige", sectors=["arbeid_inkludering"])
    far = _doc("Matkurs for familier", sectors=["folkehelse"])
    idf_of, default = engine.collection_idf([close, far])
    assert (
        engine.score(need=need, offer=close, idf_of=idf_of, default_idf=default).score
        > engine.score(need=need, offer=far, idf_of=idf_of, default_idf=default).score
    )


def test_area_prefers_same_municipality_then_national_then_county():
    need = _doc("x", municipalities=["3201"])
    assert engine._area(need, _doc("y", municipalities=["3201"])) == "municipality"
    assert engine._area(need, _doc("y", national=True)) == "national"
    assert engine._area(need, _doc("y", municipalities=["3203"])) == "county"
    assert engine._area(need, _doc("y", municipalities=["0301"])) is None


def test_rank_puts_pinned_first_hides_dismissed_and_lowers_lookalikes():
    need = _doc("Matsvinn i kantiner", "Mat som kastes")
    candidates = {
        1: _doc("Matsentral for overskuddsmat", "Mat som kastes blir reddet"),
        2: _doc("Kantine som lager mat av overskuddsmat", "Mat som kastes"),
        3: _doc("Reparasjonskafé", "Vi reparerer klær"),
        4: _doc("App for overskuddsmat", "Mat som kastes selges billig"),
    }
    idf_of, default = engine.collection_idf(candidates.values())
    common = {"candidates": candidates, "maturity": {}, "idf_of": idf_of, "default_idf": default}
    plain = engine.rank(query=need, **common)
    assert plain[-1].object_id == 3
    pinned = engine.rank(query=need, pinned=[3], **common)
    assert pinned[0].object_id == 3 and pinned[0].pinned
    assert pinned[0].scored.reasons[0].kind == "pinned"

    before = {item.object_id: item.scored.score for item in plain}
    dismissed = engine.merge_dismissed([candidates[1]])
    after = engine.rank(query=need, dismissed_ids=[1], dismissed=dismissed, **common)
    after_scores = {item.object_id: item.scored.score for item in after}
    assert 1 not in after_scores
    assert after_scores[4] < before[4]
    lowered = [r for item in after if item.object_id == 4 for r in item.scored.reasons]
    assert any(reason.kind == "dismissed_similar" for reason in lowered)


def test_idf_favours_rare_terms():
    assert engine.idf(1, 100) > engine.idf(50, 100)
