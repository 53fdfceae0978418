"""Norwegian (bokmål) Snowball stemming, shared by the SQLite index, its queries and the
highlighting of search snippets.

The rules follow PostgreSQL's `norwegian` text-search configuration, so both databases
find the same things: words are lower-cased, stop words are dropped, and what is left is
reduced to its Snowball stem («anskaffelsen», «anskaffelser» and «anskaffelse» all become
«anskaff»).
"""

import re
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

# Letters and digits; "_" separates words, as in SQLite FTS5's unicode61 tokenizer.
WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Snowball's Norwegian stop-word list, the one PostgreSQL's `norwegian` configuration uses
# (tsearch_data/norwegian.stop), so a query like «samarbeid med kommunen» means the same
# on SQLite as on PostgreSQL.
_STOP_WORDS_TEXT = """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg
    men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man
    kan hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når
    være kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt
    mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke
    sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært
    båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom
    hjå ho hoe henne hennar hennes hoss hossen ingi inkje korleis korso kva kvar
    kvarhelst kven kvi kvifor me medan mi mine mykje no nokon noka nokor noko nokre sia
    sidan so somt somme um upp vere vore verte vort varte vart
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_stemmer = snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """The stem of one word, or "" for a stop word."""
    lowered = word.lower()
    if lowered in STOP_WORDS:
        return ""
    return _stemmer.stemWord(lowered)


def stems(text: str) -> list[str]:
    """The stems of the words in the text, in order, without stop words."""
    return [stem for stem in (stem_word(word) for word in WORD.findall(text or "")) if stem]


def stem_text(text: str) -> str:
    """The text as space-separated stems: what the SQLite index stores and queries."""
    return " ".join(stems(text))


def words(text: str) -> str:
    """Only the words of the text, unstemmed, separated by spaces (no punctuation or quotes)."""
    return " ".join(WORD.findall(text or ""))


def split_words(text: str) -> Iterator[tuple[str, bool]]:
    """The whole text in order as (chunk, is_word) pieces; joined they give the text back."""
    position = 0
    for match in WORD.finditer(text or ""):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(), True
        position = match.end()
    if position < len(text or ""):
        yield text[position:], False
