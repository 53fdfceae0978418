"""Slugs from Norwegian names (apps.core.slugs): readable ASCII, numbered when taken."""

from apps.core.slugs import free_slug, norwegian_slug


def test_norwegian_letters_are_spelled_out_not_dropped():
    assert norwegian_slug("Bodø og Ålesund", fallback="x") == "bodo-og-alesund"
    assert norwegian_slug("Ærlig talt", fallback="x") == "aerlig-talt"


def test_nothing_left_gives_the_fallback_and_long_names_are_cut_without_a_dash():
    assert norwegian_slug("!!!", fallback="eksempel") == "eksempel"
    cut = norwegian_slug("a" * 199 + " b", fallback="x")
    assert cut == "a" * 199
    assert len(norwegian_slug("ord " * 100, fallback="x")) <= 200


def test_a_taken_slug_is_numbered_past_every_taken_number():
    asked = []

    def taken(base):
        asked.append(base)
        return {"tromso", "tromso-2", "tromso-3"}

    assert free_slug("Tromsø", fallback="x", taken=taken) == "tromso-4"
    assert asked == ["tromso"]  # one look-up, whatever the number of siblings
    assert free_slug("Tromsø", fallback="x", taken=lambda base: set()) == "tromso"
