"""«Did you mean»: a corrected query for a search with few or no hits.

The vocabulary is the words of public text only (live public pages, legal rules, public
needs, approved profiles and their offers, published calls and meetings), taken through
the owning apps' public selectors, so a suggestion never reveals a word of a draft or a
members-only need. Each query word that is neither a known word nor a form of one (same
Norwegian stem) is replaced by the closest known word within one or two edits (Levenshtein
distance through rapidfuzz, whose C++ scorer compares a word against tens of thousands in
about a millisecond; difflib's ratio would be slower and ranks by similarity, not by edits,
which is what a typo is). A suggestion is offered only when it finds more than the query
typed.

Work per request is bounded: at most VOCABULARY_ROWS_PER_SOURCE rows per kind and
VOCABULARY_MAX_WORDS words are read to build the vocabulary, and it is cached under the
page cache's generation token, which every public write bumps (apps.core.cache): the
vocabulary is purged exactly when a public row, and so its index entry, changes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from django.core.cache import cache
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wagtail.models import Page

from apps.broker.selectors import needs_public, profiles_public, public_offers
from apps.core.cache import current_generation
from apps.events.selectors import events_published
from apps.fund.selectors import calls_published
from apps.rules.models import LegalRule

from .stemming import STOP_WORDS, WORD, stem_word

SUGGEST_BELOW_HITS = 3
VOCABULARY_ROWS_PER_SOURCE = 2000
VOCABULARY_FIELD_CHARS = 4000
VOCABULARY_MAX_WORDS = 40_000
VOCABULARY_SECONDS = 60 * 60
MIN_WORD_LENGTH = 4
MAX_WORDS_CORRECTED = 8
CANDIDATES = 10


class Vocabulary:
    def __init__(self, frequencies: Counter[str]) -> None:
        chosen = frequencies.most_common(VOCABULARY_MAX_WORDS)
        self.words: list[str] = [word for word, _count in chosen]
        self.frequency: dict[str, int] = dict(chosen)
        self.stems: frozenset[str] = frozenset(stem_word(word) for word in self.words)

    def knows(self, word: str) -> bool:
        return word in self.frequency or stem_word(word) in self.stems

    def closest(self, word: str) -> str | None:
        """The known word fewest edits away (one for short words, two for longer), the
        more frequent of equals first."""
        max_edits = 1 if len(word) <= 6 else 2
        matches = process.extract(
            word,
            self.words,
            scorer=Levenshtein.distance,
            score_cutoff=max_edits,
            limit=CANDIDATES,
        )
        if not matches:
            return None
        best = min(matches, key=lambda match: (match[1], -self.frequency[match[0]], match[0]))
        return best[0]


def _public_texts() -> Iterable[str]:
    rows = VOCABULARY_ROWS_PER_SOURCE
    sources = (
        Page.objects.live().public().filter(depth__gt=1).values_list("title", "search_description"),
        LegalRule.objects.values_list("title", "summary"),
        needs_public().values_list("title", "description", "affected", "outcome"),
        profiles_public().values_list("organisation__name", "summary", "evidence"),
        public_offers().values_list("title", "description"),
        calls_published().values_list("title", "text"),
        events_published().values_list("title", "summary"),
    )
    for queryset in sources:
        for values in queryset.order_by("-pk")[:rows]:
            for value in values:
                if value:
                    yield value[:VOCABULARY_FIELD_CHARS]


def build_vocabulary() -> Vocabulary:
    frequencies: Counter[str] = Counter()
    for text in _public_texts():
        for word in WORD.findall(text):
            lowered = word.lower()
            long_enough = len(lowered) >= MIN_WORD_LENGTH and not lowered.isdigit()
            if long_enough and lowered not in STOP_WORDS:
                frequencies[lowered] += 1
    return Vocabulary(frequencies)


def vocabulary() -> Vocabulary:
    key = f"search:vocabulary:{current_generation()}"
    found = cache.get(key)
    if found is None:
        found = build_vocabulary()
        cache.set(key, found, timeout=VOCABULARY_SECONDS)
    return found


def correct_words(query: str, known: Vocabulary) -> str:
    """The query with each unknown word replaced by its closest known word (lower case);
    quotes and other punctuation kept as typed."""
    corrected = 0

    def replace(match: re.Match) -> str:
        nonlocal corrected
        word = match.group()
        lowered = word.lower()
        if (
            corrected >= MAX_WORDS_CORRECTED
            or len(lowered) < MIN_WORD_LENGTH
            or lowered.isdigit()
            or lowered in STOP_WORDS
            or known.knows(lowered)
        ):
            return word
        best = known.closest(lowered)
        if best is None:
            return word
        corrected += 1
        return best

    return WORD.sub(replace, query)


def suggest_query(query: str, *, hits: int, count: Callable[[str], int]) -> str:
    """A corrected query that finds more than `hits` (as `count` counts them), or "". The
    counter is passed in by apps.search.selectors, which calls this module, so the two do
    not import each other (docs/decisions/0022)."""
    suggestion = correct_words(query, vocabulary())
    if suggestion.lower() == query.lower():
        return ""
    return suggestion if count(suggestion) > hits else ""
