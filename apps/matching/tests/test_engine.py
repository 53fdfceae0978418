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


# Bounded work: indexing is linear in the text, whatever is typed -------------------------


def _counting_stemmer(monkeypatch) -> list[str]:
    """Counts every Snowball stemming the engine asks for, with the engine's caches empty
    (the lexicon and concept tables are built first: they are fixed costs)."""
    engine._lexicon()
    engine._concept_patterns()
    engine.stem.cache_clear()
    engine.compound_parts.cache_clear()
    calls: list[str] = []
    real = engine.stem_word.__wrapped__

    def counting(word: str) -> str:
        calls.append(word)
        return real(word)

    monkeypatch.setattr(engine, "stem_word", counting)
    return calls


def _words(count: int, length: int) -> list[str]:
    """Distinct letter-only words (so no cache helps), deterministic."""
    letters = "abdefghiklmnoprstuvyæøå"
    words = []
    for number in range(count):
        word, n = "", number
        while len(word) < length:
            word += letters[n % len(letters)]
            n = n // len(letters) + number + len(word)
        words.append(word)
    return words


def test_one_enormous_word_is_not_stemmed_or_split(monkeypatch):
    calls = _counting_stemmer(monkeypatch)
    document = engine.build_document(title="Arbeidstrening", texts=["a" * 100_000, "b" * 12_000])
    # Only the title's word (and its compound parts) was stemmed; the long «words» cost nothing.
    assert all(len(word) <= engine.MAX_WORD_LENGTH for word in calls)
    assert len(calls) <= 2 * engine.MAX_COMPOUND_LENGTH
    assert not any("aaaa" in term or "bbbb" in term for term in document)
    assert engine.compound_parts("a" * 100_000) == ()


def test_stemmings_grow_linearly_with_the_largest_allowed_text(monkeypatch):
    from apps.core import limits

    # The worst text within the limit: distinct words of the longest length still split.
    length = engine.MAX_COMPOUND_LENGTH
    words = _words(limits.LONG_TEXT // (length + 1), length)
    text = " ".join(words)
    assert len(text) <= limits.LONG_TEXT
    calls = _counting_stemmer(monkeypatch)
    engine.build_document(title="", texts=[text])
    # Per word: its own stem, then per cut one stem of the right part and at most two of the
    # left: a fixed bound per word, so the work is linear in the number of words.
    per_word = 1 + 3 * length
    assert len(calls) <= per_word * len(words)
    # And doubling the text (over the limit, as an importer might try) at most doubles it.
    double = _words(2 * len(words), length)
    calls.clear()
    engine.stem.cache_clear()
    engine.compound_parts.cache_clear()
    engine.build_document(title="", texts=[" ".join(double)])
    assert len(calls) <= per_word * len(double)


def test_only_the_first_max_tokens_words_of_a_text_are_indexed():
    words = _words(engine.MAX_TOKENS + 500, 8)
    tokens = engine.tokenise(" ".join(words))
    assert len(tokens) == engine.MAX_TOKENS
    assert tokens[-1].surface == words[engine.MAX_TOKENS - 1]


def test_a_limited_ranking_keeps_the_scores_order_and_reasons_of_the_full_one():
    """With a limit only the kept candidates are explained (docs/decisions/0029): what is
    returned is the head of the full ranking, reasons and pins included."""
    from apps.matching.evaluate import load_set, need_document, offer_document

    evaluation = load_set()
    offers = {index: offer_document(item) for index, item in enumerate(evaluation.offers)}
    idf_of, default = engine.collection_idf(offers.values())
    maturity = {index: item["maturity"] for index, item in enumerate(evaluation.offers)}
    for need in evaluation.needs[:10]:
        kwargs = {
            "query": need_document(need),
            "candidates": offers,
            "maturity": maturity,
            "idf_of": idf_of,
            "default_idf": default,
            "pinned": [7],
            "dismissed_ids": [3],
            "dismissed": offers[3],
        }
        full = engine.rank(**kwargs)
        limited = engine.rank(limit=5, **kwargs)
        assert [(r.object_id, r.scored, r.pinned) for r in limited] == [
            (r.object_id, r.scored, r.pinned) for r in full[:5]
        ]
        assert limited[0].object_id == 7 and limited[0].scored.reasons[0].kind == "pinned"
        assert all(r.scored.reasons for r in limited)


def test_tags_read_codes_areas_and_counties_in_one_pass():
    document = _doc(
        "x",
        sectors=["helse_omsorg"],
        target_groups=["eldre"],
        municipalities=["3201"],
        national=True,
    )
    found = engine.tags(document)
    assert found.sectors == {"helse_omsorg"} and found.groups == {"eldre"}
    assert found.areas == {"a:3201"} and found.counties == {"k:32"} and found.national
