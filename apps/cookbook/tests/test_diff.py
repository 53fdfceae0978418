from django.utils import translation

from apps.cookbook.diff import (
    Citation,
    FieldText,
    RecipeSnapshot,
    Segment,
    Status,
    Step,
    diff_citations,
    diff_recipes,
    diff_steps,
    html_to_text,
    text_diff,
    word_diff,
)


def rebuild(segments, *, keep):
    return "".join(segment.text for segment in segments if segment.op in ("equal", keep))


def test_word_diff_marks_only_the_changed_words():
    segments = word_diff(
        "Kommunen inviterer tre entreprenører.", "Kommunen inviterer fem entreprenører."
    )
    assert segments == (
        Segment("equal", "Kommunen inviterer "),
        Segment("delete", "tre "),
        Segment("insert", "fem "),
        Segment("equal", "entreprenører."),
    )


def test_word_diff_rebuilds_the_new_text_and_the_old_words():
    old = "Avtal et møte.\n\nSkriv et kort referat."
    new = "Avtal et dialogmøte tidlig.\n\nSkriv et kort referat og del det."
    segments = word_diff(old, new)
    assert rebuild(segments, keep="insert") == new
    assert rebuild(segments, keep="delete").split() == old.split()


def test_word_diff_of_identical_text_is_one_equal_segment():
    assert word_diff("Samme tekst", "Samme tekst") == (Segment("equal", "Samme tekst"),)


def test_text_diff_statuses():
    assert text_diff("Tips", "", "").status == Status.UNCHANGED
    assert text_diff("Tips", "Likt", "Likt").status == Status.UNCHANGED
    added = text_diff("Tips", "", "Nytt tips")
    assert added.status == Status.ADDED
    assert added.segments == (Segment("insert", "Nytt tips"),)
    removed = text_diff("Tips", "Gammelt tips", "")
    assert removed.status == Status.REMOVED
    assert removed.segments == (Segment("delete", "Gammelt tips"),)
    assert text_diff("Tips", "Et tips", "Et bedre tips").status == Status.CHANGED


def test_text_diff_ignores_surrounding_whitespace():
    assert text_diff("Oppsummering", "Tekst ", " Tekst").status == Status.UNCHANGED


def test_html_to_text_keeps_paragraphs_and_list_items_and_decodes_entities():
    text = html_to_text("<p>Første &amp; andre</p><ul><li>punkt en</li><li>punkt  to</li></ul>")
    assert text == "Første & andre\n- punkt en\n- punkt to"


def step(title, text="Tekst.", tip="", pitfall=""):
    return Step(title=title, text=text, tip=tip, pitfall=pitfall)


def test_steps_are_aligned_by_title_when_a_step_is_inserted_in_the_middle():
    old = [step("Kartlegg behovet"), step("Inviter til dialog")]
    new = [step("Kartlegg behovet"), step("Les regelverket"), step("Inviter til dialog")]
    result = diff_steps(old, new)
    assert [(d.status, d.old_number, d.new_number) for d in result] == [
        (Status.UNCHANGED, 1, 1),
        (Status.ADDED, None, 2),
        (Status.UNCHANGED, 2, 3),
    ]


def test_a_removed_step_is_reported_with_its_old_number():
    old = [step("En"), step("To"), step("Tre")]
    new = [step("En"), step("Tre")]
    result = diff_steps(old, new)
    assert [(d.status, d.old_number, d.new_number) for d in result] == [
        (Status.UNCHANGED, 1, 1),
        (Status.REMOVED, 2, None),
        (Status.UNCHANGED, 3, 2),
    ]
    assert result[1].title.segments == (Segment("delete", "To"),)


def test_a_retitled_step_with_similar_text_is_one_changed_step():
    text = "Beskriv behovet sammen med brukerne og tjenesten før dere leter etter løsninger."
    old = [step("Beskriv behovet", text)]
    new = [step("Beskriv behovet grundig", text)]
    (result,) = diff_steps(old, new)
    assert result.status == Status.CHANGED
    assert result.title.status == Status.CHANGED
    assert (result.old_number, result.new_number) == (1, 1)
    assert all(part.status == Status.UNCHANGED for part in result.parts)


def test_an_unrelated_step_in_the_same_place_is_a_removal_and_an_addition():
    old = [step("Søk tilskudd", "Send søknad til fylkeskommunen om midler.")]
    new = [step("Lag protokoll", "Skriv ned anskaffelsen og begrunnelsen for valget.")]
    result = diff_steps(old, new)
    assert [d.status for d in result] == [Status.REMOVED, Status.ADDED]


def test_changed_tip_and_added_pitfall_are_reported_per_part():
    old = [step("Møt entreprenøren", tip="Ta med tjenesteleder.")]
    new = [
        step("Møt entreprenøren", tip="Ta med tjenesteleder og bruker.", pitfall="Ikke lov noe.")
    ]
    with translation.override("en"):
        (result,) = diff_steps(old, new)
    assert result.status == Status.CHANGED
    statuses = {part.label: part.status for part in result.parts}
    assert statuses == {
        "What to do": Status.UNCHANGED,
        "Tip": Status.CHANGED,
        "Pitfall": Status.ADDED,
    }


def test_citations_added_removed_and_note_changed():
    old = [Citation("1", "LOA § 2"), Citation("2", "FOA § 8-8", "Gjelder del II")]
    new = [Citation("2", "FOA § 8-8", "Gjelder del II og III"), Citation("3", "FOA § 30-3")]
    result = diff_citations(old, new)
    assert [(c.label, c.status) for c in result] == [
        ("FOA § 8-8", Status.CHANGED),
        ("FOA § 30-3", Status.ADDED),
        ("LOA § 2", Status.REMOVED),
    ]


def snapshot(summary="Kort.", steps=(), citations=()):
    return RecipeSnapshot(
        fields=(FieldText("summary", "Summary", summary),),
        steps=tuple(steps),
        citations=tuple(citations),
    )


def test_identical_snapshots_have_no_changes():
    same = snapshot(steps=[step("En")], citations=[Citation("1", "LOA § 2")])
    assert not diff_recipes(same, same).has_changes


def test_a_changed_summary_is_a_change():
    result = diff_recipes(snapshot("Kort."), snapshot("Kort og klart."))
    assert result.has_changes
    assert result.fields[0].status == Status.CHANGED
