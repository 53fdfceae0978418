"""The synonym list (apps.matching.synonyms): stop words, words of the trade and filler words
never trigger a concept, and the list holds no phrase the matcher reads as another."""

import re

import pytest

from apps.matching import engine, synonyms
from apps.matching.stopwords import DOMAIN_STOP_WORDS, FILLER_WORDS
from apps.search.stemming import STOP_WORDS

# Words that say nothing about a need or an offer on their own.
EMPTY_WORDS = STOP_WORDS | DOMAIN_STOP_WORDS | FILLER_WORDS
_WORD = re.compile(r"[^\W\d_][^\W_]*")


def _phrases():
    for code, (_label, phrases) in synonyms.CONCEPTS.items():
        for phrase in phrases:
            yield code, phrase


def test_a_text_of_stop_words_finds_no_concept():
    words = sorted(EMPTY_WORDS)
    assert engine.find_concepts(engine.tokenise(" ".join(words))) == {}
    assert engine.find_concepts(engine.tokenise("og i for med til en et å på som av")) == {}


@pytest.mark.parametrize("word", sorted(EMPTY_WORDS))
def test_no_stop_word_alone_triggers_a_concept(word):
    for form in (word, word.capitalize()):
        assert engine.find_concepts(engine.tokenise(f"{form}.")) == {}, form


def test_every_phrase_has_a_word_that_carries_meaning():
    """A phrase of stop and filler words only («komme seg ut») would fire on «komme»."""
    empty = [
        (code, phrase)
        for code, phrase in _phrases()
        if not phrase.endswith("*")
        and all(word.lower() in EMPTY_WORDS for word in _WORD.findall(phrase))
    ]
    assert empty == []


def test_no_prefix_matches_a_stop_word_and_none_is_shorter_than_four_letters():
    for code, phrase in _phrases():
        if phrase.endswith("*"):
            prefix = phrase.rstrip("*").lower()
            assert len(prefix) >= 4, (code, phrase)
            assert not [word for word in EMPTY_WORDS if word.startswith(prefix)], (code, phrase)


def test_no_two_phrases_of_a_concept_read_the_same():
    """Stop words are ignored, so «slutter på skolen» and «slutte skolen» are one phrase."""
    for code, (_label, phrases) in synonyms.CONCEPTS.items():
        seen: dict[tuple, str] = {}
        for phrase in phrases:
            key = (
                ("*", phrase.rstrip("*").lower())
                if phrase.endswith("*")
                else tuple(token.stem for token in engine.tokenise(phrase))
            )
            assert key not in seen, (code, phrase, seen.get(key))
            seen[key] = phrase


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # «gjeld*» found «gjelder»; «miljø*» found «miljøterapeut»; «dans*» found «dansk».
        ("Regelen gjelder alle søknader.", "lavinntekt"),
        ("En miljøterapeut følger opp beboerne.", "klima_miljo"),
        ("Kurset holdes på dansk.", "kultur"),
        # «ledig*» found «ledige plasser»; «avhengig*» found «avhengig av».
        ("Det er ledige plasser på kurset.", "ledighet"),
        ("Resultatet er avhengig av været.", "rus"),
        # «bil» found «billig», «trygghet» found «trygg», «data» found «date».
        ("Et billig tilbud.", "transport"),
        ("Et trygt sted å være.", "vold"),
        ("Dataene viser en økning.", "digital"),
    ],
)
def test_ordinary_words_no_longer_fire_a_concept(text, concept):
    assert concept not in engine.find_concepts(engine.tokenise(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Familien har mye forbruksgjeld.", "lavinntekt"),
        ("Gjeldsrådgivning hos NAV.", "lavinntekt"),
        ("Langvarig ledighet blant unge.", "ledighet"),
        ("Avhengighet av alkohol og piller.", "rus"),
        ("Dansekafé hver fredag.", "kultur"),
        ("Et miljøvennlig alternativ.", "klima_miljo"),
    ],
)
def test_the_narrowed_phrases_still_find_their_concept(text, concept):
    assert concept in engine.find_concepts(engine.tokenise(text))
