"""Norwegian (bokmål) Snowball stemming, shared by the SQLite index and its queries."""

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stem_text(text: str) -> str:
    return " ".join(stem_word(word) for word in WORD.findall(text or ""))


def stems(text: str) -> list[str]:
    return [stem_word(word) for word in WORD.findall(text or "")]
