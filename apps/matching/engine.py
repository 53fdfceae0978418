"""The matching engine: pure functions, no database.

A need or an offer becomes a *document*: a mapping from index terms to a weight and the
words as they appear in the text. Terms have a prefix that says what they are:

- ``w:<stem>``   a word after Norwegian Snowball stemming (stop words dropped);
- ``p:<stem> <stem>`` two neighbouring words, a phrase («psykisk helse»);
- ``c:<concept>`` a concept from apps.matching.synonyms, found through any of its phrases,
  so «slutter på skolen» and «frafall» meet even when they share no word;
- ``s:<sector>``, ``g:<target group>`` the codes of the shared vocabulary;
- ``a:<kommunenummer>``, ``k:<fylkesnummer>``, ``a:national`` the area.

The text terms (w/p/c) are weighted by field and term frequency and scaled to unit length,
so a long description does not win on length alone; the rarity of a term (idf) is applied
when two documents are compared, because it depends on the collection searched. The same
terms are stored in the index table (apps.matching.models.MatchTerm), which is how the
database pre-selects candidates; :func:`score` then ranks those candidates and explains why.

Beside the terms, a need or an offer may carry its *sentences* with their embedding vectors
(apps.matching.embeddings). Their closeness in meaning is the semantic signal: it finds the
partner that says the same thing in other words, and is blended with the lexical score above
(SEMANTIC_WEIGHT); its reason quotes the closest sentence of the need and of the offer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from apps.search.stemming import stem_word

from . import synonyms
from .stopwords import DOMAIN_STOP_WORDS, FILLER_WORDS

WORD_TERM = "w:"
PHRASE_TERM = "p:"
CONCEPT_TERM = "c:"
SECTOR_TERM = "s:"
GROUP_TERM = "g:"
AREA_TERM = "a:"
COUNTY_TERM = "k:"
NATIONAL_TERM = "a:national"
TEXT_PREFIXES = (WORD_TERM, PHRASE_TERM, CONCEPT_TERM)
MAX_TERM_LENGTH = 100
# Bounds that keep indexing linear in the length of the text, whatever is typed. A
# «word» longer than MAX_WORD_LENGTH letters is no Norwegian word (the longest real
# compounds are about 30): it is left out, neither stemmed nor split. Only the first
# MAX_TOKENS meaningful words of one text are indexed (a description within its length
# limit has far fewer), and only words up to MAX_COMPOUND_LENGTH are tried as compounds,
# so compound_parts costs at most a fixed number of stemmings per word.
MAX_WORD_LENGTH = 40
MAX_COMPOUND_LENGTH = 40
MAX_TOKENS = 5_000

# Field weights: a word in the title says more about the document than one in the body.
TITLE_WEIGHT = 2.0
BODY_WEIGHT = 1.0
PHRASE_FACTOR = 0.6
CONCEPT_WEIGHT = 1.4
COMPOUND_PART_FACTOR = 0.5

# How the parts of the score add up (they sum to 1; the score shown is 0–100).
TEXT_SHARE = 0.58
SECTOR_SHARE = 0.17
GROUP_SHARE = 0.13
AREA_SHARE = 0.07
MATURITY_SHARE = 0.05
# The text similarity saturates: raw similarity r gives 1 - exp(-r * TEXT_SATURATION).
TEXT_SATURATION = 0.35
# How much a candidate that resembles a dismissed offer is lowered (at full resemblance).
DISMISSED_PENALTY = 0.6

MATURITY_VALUES = {
    "idea": 0.2,
    "startup": 0.4,
    "tested": 0.7,
    "established": 0.9,
    "scaled": 1.0,
}
AREA_VALUES = {"municipality": 1.0, "national": 0.8, "county": 0.6}

# The synonym layer can be switched off to measure what it adds (matching_evaluate).
CONCEPTS_ENABLED = True

# The semantic signal. The score shown is (1 - SEMANTIC_WEIGHT) × the lexical score above
# + SEMANTIC_WEIGHT × closeness in meaning, so each lexical part weighs 70 % of its share.
# Closeness is the symmetric mean best-match cosine of the two sets of sentence vectors
# (each sentence of the need with its closest sentence of the offer, and the other way
# round), mapped to 0–1 from SEMANTIC_FLOOR upwards: multilingual-e5 puts even unrelated
# Norwegian sentences at a cosine of about 0.75, so only what lies above counts. The weight
# and the floor were chosen on the two labelled sets (docs/decisions/0017-semantic-matching.md);
# off (SEMANTIC_ENABLED False, or the setting MATCHING_SEMANTIC False) the lexical score is
# the whole score, as before.
SEMANTIC_WEIGHT = 0.3
SEMANTIC_FLOOR = 0.75
SEMANTIC_ENABLED = True

_SENTENCE_BREAK = re.compile(r"[.!?;:\n]+")
_WORD = re.compile(r"[^\W\d_][^\W_]*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    surface: str
    stem: str
    position: int


@dataclass(frozen=True)
class Entry:
    weight: float
    surface: str


Document = Mapping[str, Entry]


@dataclass(frozen=True)
class Sentences:
    """The sentences of a need or an offer, as written, with one unit vector each (rows)."""

    texts: tuple[str, ...]
    vectors: np.ndarray


@dataclass(frozen=True)
class Reason:
    """One reason for a match: ``kind`` says what (sector, target_group, word, phrase,
    concept, area, maturity, pinned, dismissed_similar); ``items`` hold the codes or the
    words as they appear in the text."""

    kind: str
    items: tuple[str, ...]
    weight: float = 0.0


@dataclass
class Scored:
    score: float
    reasons: list[Reason] = field(default_factory=list)
    text: float = 0.0


def _normalise_stem(stem: str) -> str:
    # Snowball leaves «ensomm» (ensomme) beside «ensom» (ensom): fold a final double consonant.
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
        return stem[:-1]
    return stem


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The normalised stem of one word, or "" for a stop word or a word of the trade."""
    lowered = word.lower()
    if lowered in DOMAIN_STOP_WORDS or len(lowered) < 2:
        return ""
    stemmed = stem_word(lowered)
    return _normalise_stem(stemmed) if stemmed else ""


def tokenise(text: str) -> list[Token]:
    """The words of the text that carry meaning, with their stems. Positions count those
    words (stop words are skipped, so «slutter på skolen» has «slutter» next to «skolen»);
    a sentence break leaves a gap, so phrases never span two sentences."""
    tokens: list[Token] = []
    position = 0
    for sentence in _SENTENCE_BREAK.split(text or ""):
        for match in _WORD.finditer(sentence):
            surface = match.group()
            if len(surface) > MAX_WORD_LENGTH:
                continue
            stemmed = stem(surface)
            if stemmed:
                tokens.append(Token(surface=surface, stem=stemmed, position=position))
                position += 1
                if len(tokens) >= MAX_TOKENS:
                    return tokens
        position += 2
    return tokens


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    stems_found = set()
    for word in synonyms.LEXICON:
        stemmed = stem(word)
        if stemmed:
            stems_found.add(stemmed)
    return frozenset(stems_found)


@lru_cache(maxsize=50_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Stems of the two known words a Norwegian compound is made of («arbeidstrening» ->
    «arbeid», «trening»), or () when it does not split into words of the lexicon.
    Words longer than MAX_COMPOUND_LENGTH are not tried: every cut costs a stemming."""
    lowered = word.lower()
    if len(lowered) < 7 or len(lowered) > MAX_COMPOUND_LENGTH:
        return ()
    lexicon = _lexicon()
    for cut in range(len(lowered) - 3, 2, -1):
        left, right = lowered[:cut], lowered[cut:]
        right_stem = stem(right)
        if not right_stem or right_stem not in lexicon:
            continue
        for candidate in (left, left[:-1] if left.endswith(("s", "e")) else None):
            if candidate and len(candidate) >= 3:
                left_stem = _normalise_stem(stem_word(candidate) or candidate)
                if left_stem in lexicon:
                    return (left_stem, right_stem)
    return ()


@lru_cache(maxsize=1)
def _concept_patterns() -> tuple[dict[str, list], dict[str, list]]:
    """The phrases of every concept, ready to look up: {first stem: [(code, stems)]} and
    {first two letters: [(code, prefix)]} for the phrases ending in «*»."""
    by_stem: dict[str, list] = {}
    by_prefix: dict[str, list] = {}
    for code, (_label, phrases) in synonyms.CONCEPTS.items():
        for phrase in phrases:
            if phrase.endswith("*"):
                prefix = phrase.rstrip("*").lower()
                by_prefix.setdefault(prefix[:2], []).append((code, prefix))
                continue
            stems = tuple(token.stem for token in tokenise(phrase))
            if stems:
                by_stem.setdefault(stems[0], []).append((code, stems))
    return by_stem, by_prefix


def find_concepts(tokens: list[Token]) -> dict[str, str]:
    """Concepts found in the tokens: code -> the first words that triggered it, as written."""
    found: dict[str, str] = {}
    if not tokens:
        return found
    by_stem, by_prefix = _concept_patterns()
    by_position = {token.position: token for token in tokens}
    for token in tokens:
        lowered = token.surface.lower()
        for code, prefix in by_prefix.get(lowered[:2], ()):
            if code not in found and lowered.startswith(prefix):
                found[code] = token.surface
        for code, stems in by_stem.get(token.stem, ()):
            if code in found:
                continue
            run = [token]
            for offset, wanted in enumerate(stems[1:], start=1):
                following = by_position.get(token.position + offset)
                if following is None or following.stem != wanted:
                    break
                run.append(following)
            if len(run) == len(stems):
                found[code] = " ".join(t.surface for t in run)
    return found


def _add(terms: dict[str, list], term: str, weight: float, surface: str) -> None:
    term = term[:MAX_TERM_LENGTH]
    if term in terms:
        terms[term][0] += weight
    else:
        terms[term] = [weight, surface]


def text_terms(
    fields: Iterable[tuple[str, float]], *, use_concepts: bool | None = None
) -> dict[str, Entry]:
    """Weighted text terms (words, phrases, concepts) of (text, field weight) pairs, scaled
    to unit length. ``use_concepts`` None follows CONCEPTS_ENABLED."""
    if use_concepts is None:
        use_concepts = CONCEPTS_ENABLED
    raw: dict[str, list] = {}
    for text, field_weight in fields:
        tokens = tokenise(text)
        previous: Token | None = None
        for token in tokens:
            _add(raw, WORD_TERM + token.stem, field_weight, token.surface)
            for part in compound_parts(token.surface):
                if part != token.stem:
                    _add(raw, WORD_TERM + part, field_weight * COMPOUND_PART_FACTOR, token.surface)
            if previous is not None and token.position == previous.position + 1:
                _add(
                    raw,
                    f"{PHRASE_TERM}{previous.stem} {token.stem}",
                    field_weight * PHRASE_FACTOR,
                    f"{previous.surface} {token.surface}",
                )
            previous = token
        if use_concepts:
            for code, surface in find_concepts(tokens).items():
                _add(raw, CONCEPT_TERM + code, CONCEPT_WEIGHT * field_weight, surface)
    # Sub-linear term frequency: the tenth «ungdom» adds less than the second.
    weighted = {term: (1.0 + math.log(value[0]), value[1]) for term, value in raw.items()}
    norm = math.sqrt(sum(weight * weight for weight, _ in weighted.values())) or 1.0
    return {term: Entry(weight / norm, surface) for term, (weight, surface) in weighted.items()}


def build_document(
    *,
    title: str,
    texts: Iterable[str],
    sectors: Iterable[str] = (),
    target_groups: Iterable[str] = (),
    municipalities: Iterable[str] = (),
    national: bool = False,
    use_concepts: bool | None = None,
) -> dict[str, Entry]:
    """Every index term of a need or an offer. ``municipalities`` are kommunenummer; the
    county is the first two digits."""
    fields = [(title, TITLE_WEIGHT)] + [(text, BODY_WEIGHT) for text in texts if text]
    document = text_terms(fields, use_concepts=use_concepts)
    for code in sectors:
        document[SECTOR_TERM + code] = Entry(1.0, code)
    for code in target_groups:
        document[GROUP_TERM + code] = Entry(1.0, code)
    for code in municipalities:
        document[AREA_TERM + code] = Entry(1.0, code)
        document[COUNTY_TERM + code[:2]] = Entry(1.0, code[:2])
    if national:
        document[NATIONAL_TERM] = Entry(1.0, "national")
    return document


def idf(document_frequency: int, collection_size: int) -> float:
    """Rarity of a term in the collection searched: common words weigh little."""
    return math.log(1.0 + (collection_size + 1) / (document_frequency + 0.5))


@dataclass(frozen=True)
class Tags:
    """The codes of a document that are not text: sectors and target groups (codes without
    prefix), municipalities and counties (terms with prefix) and whether it is national.
    Read in one pass; rank() reads the query's once for all candidates."""

    sectors: frozenset[str]
    groups: frozenset[str]
    areas: frozenset[str]
    counties: frozenset[str]
    national: bool


def tags(document: Document) -> Tags:
    found: dict[str, set[str]] = {SECTOR_TERM: set(), GROUP_TERM: set()}
    areas, counties = set(), set()
    for term in document:
        prefix = term[:2]
        if prefix in found:
            found[prefix].add(term[2:])
        elif prefix == AREA_TERM:
            if term != NATIONAL_TERM:
                areas.add(term)
        elif prefix == COUNTY_TERM:
            counties.add(term)
    return Tags(
        sectors=frozenset(found[SECTOR_TERM]),
        groups=frozenset(found[GROUP_TERM]),
        areas=frozenset(areas),
        counties=frozenset(counties),
        national=NATIONAL_TERM in document,
    )


def _area(need: Document, offer: Document) -> str | None:
    return _area_of(tags(need), tags(offer))


def _area_of(need: Tags, offer: Tags) -> str | None:
    if need.areas & offer.areas:
        return "municipality"
    if offer.national:
        return "national"
    if need.counties & offer.counties:
        return "county"
    return None


def text_similarity(
    source: Document, target: Document, idf_of: Mapping[str, float], default_idf: float
) -> tuple[float, list[tuple[str, float]]]:
    """Raw text similarity and the contribution of each shared text term."""
    contributions = []
    for term, entry in source.items():
        if not term.startswith(TEXT_PREFIXES):
            continue
        other = target.get(term)
        if other is None:
            continue
        rarity = idf_of.get(term, default_idf)
        contributions.append((term, rarity * rarity * entry.weight * other.weight))
    contributions.sort(key=lambda item: -item[1])
    return sum(value for _, value in contributions), contributions


def semantic_similarity(need: Sentences, offer: Sentences) -> tuple[float, int, int]:
    """Closeness in meaning (0–1) of a need and an offer, and the indexes of the closest
    sentence of the need and of the offer. Raw closeness is the mean, over both sides, of
    each sentence's best cosine with the other side; it is mapped to 0–1 from SEMANTIC_FLOOR.
    Work is bounded: at most MAX_SENTENCES × MAX_SENTENCES products of 384 numbers."""
    if not len(need.texts) or not len(offer.texts):
        return 0.0, 0, 0
    cosines = need.vectors @ offer.vectors.T
    raw = (float(cosines.max(axis=1).mean()) + float(cosines.max(axis=0).mean())) / 2
    need_index, offer_index = np.unravel_index(int(np.argmax(cosines)), cosines.shape)
    value = (raw - SEMANTIC_FLOOR) / (1.0 - SEMANTIC_FLOOR)
    return min(1.0, max(0.0, value)), int(need_index), int(offer_index)


def resemblance(candidate: Document, dismissed: Document) -> float:
    """How much a candidate's text resembles the dismissed offers (0–1, unit vectors)."""
    total = 0.0
    for term, entry in dismissed.items():
        other = candidate.get(term)
        if other is not None and term.startswith(TEXT_PREFIXES):
            total += entry.weight * other.weight
    return min(1.0, total)


def merge_dismissed(documents: Iterable[Document]) -> dict[str, Entry]:
    """The unit-length centroid of the text terms of the dismissed offers."""
    summed: dict[str, list] = {}
    for document in documents:
        for term, entry in document.items():
            if term.startswith(TEXT_PREFIXES):
                _add(summed, term, entry.weight, entry.surface)
    norm = math.sqrt(sum(value[0] ** 2 for value in summed.values())) or 1.0
    return {term: Entry(value[0] / norm, value[1]) for term, value in summed.items()}


def _is_filler(words: str) -> bool:
    """Whether a quoted word or phrase holds a filler word («tar lang», «helt»)."""
    return any(word in FILLER_WORDS for word in words.lower().split())


@lru_cache(maxsize=10_000)
def _same_words(first: str, second: str) -> bool:
    """Whether two quotes are the same words once stemmed («Jobb» and «jobben» are)."""
    return [token.stem for token in tokenise(first)] == [token.stem for token in tokenise(second)]


def score(
    *,
    need: Document,
    offer: Document,
    maturity: str = "",
    idf_of: Mapping[str, float],
    default_idf: float,
    dismissed: Document | None = None,
    show: str = "offer",
    need_sentences: Sentences | None = None,
    offer_sentences: Sentences | None = None,
    semantic: bool = False,
    need_tags: Tags | None = None,
    offer_tags: Tags | None = None,
    explain: bool = True,
) -> Scored:
    """Score (0–100) and reasons for one need and one offer. ``idf_of`` is the rarity of the
    terms in the collection being ranked. ``show`` says whose words the reasons quote:
    "offer" when ranking offers for a need, "need" when ranking needs for an offer.
    ``semantic`` blends in closeness in meaning of the sentences (0 when either side has
    none), so that every candidate of one ranking is scored on the same scale.
    ``need_tags`` and ``offer_tags``, when given, are tags() of the need and the offer
    (read once for the query of a ranking). ``explain`` False leaves the reasons out (the
    score is the same)."""
    raw, contributions = text_similarity(need, offer, idf_of, default_idf)
    text = 1.0 - math.exp(-raw * TEXT_SATURATION)
    need_tags = need_tags or tags(need)
    offer_tags = offer_tags or tags(offer)

    need_sectors = need_tags.sectors
    shared_sectors = sorted(need_sectors & offer_tags.sectors)
    sector = len(shared_sectors) / len(need_sectors) if need_sectors else 0.0

    need_groups = need_tags.groups
    offer_groups = offer_tags.groups
    shared_groups = sorted(need_groups & offer_groups)
    if need_groups:
        group = len(shared_groups) / len(need_groups)
        if not shared_groups and "alle" in offer_groups:
            group = 0.3
    else:
        group = 0.0

    area = _area_of(need_tags, offer_tags)
    area_value = AREA_VALUES.get(area or "", 0.0)
    maturity_value = MATURITY_VALUES.get(maturity, 0.0)

    total = (
        TEXT_SHARE * text
        + SECTOR_SHARE * sector
        + GROUP_SHARE * group
        + AREA_SHARE * area_value
        + MATURITY_SHARE * maturity_value
    )
    reasons: list[Reason] = []
    if shared_sectors:
        reasons.append(Reason("sector", tuple(shared_sectors), SECTOR_SHARE * sector))
    if shared_groups:
        reasons.append(Reason("target_group", tuple(shared_groups), GROUP_SHARE * group))
    quoted = offer if show == "offer" else need
    text_reasons = (
        (("phrase", PHRASE_TERM), ("word", WORD_TERM), ("concept", CONCEPT_TERM)) if explain else ()
    )
    for kind, prefix in text_reasons:
        items = []
        weight = 0.0
        for term, value in contributions:
            if term.startswith(prefix):
                if kind == "concept":
                    need_words, offer_words = need[term].surface, offer[term].surface
                    if _same_words(need_words, offer_words):
                        # «jobb» – «jobb» relates nothing: the shared word is a word reason.
                        weight += value
                        continue
                    code = term[len(prefix) :]
                    label = synonyms.CONCEPTS.get(code, (code, ()))[0]
                    items.append(f"{label}: «{need_words}» – «{offer_words}»")
                else:
                    surface = quoted[term].surface
                    if _is_filler(surface):
                        # Scored (leaving these out of the index ranks worse on the
                        # evaluation set), but no reason a broker can use.
                        weight += value
                        continue
                    if surface.lower() not in (item.lower() for item in items):
                        items.append(surface)
                weight += value
        if items:
            share = TEXT_SHARE * text * (weight / raw) if raw else 0.0
            reasons.append(Reason(kind, tuple(items[:8]), share))
    if area:
        reasons.append(Reason("area", (area,), AREA_SHARE * area_value))
    if maturity:
        reasons.append(Reason("maturity", (maturity,), MATURITY_SHARE * maturity_value))
    if semantic and SEMANTIC_ENABLED:
        lexical = 1.0 - SEMANTIC_WEIGHT
        reasons = [replace(reason, weight=reason.weight * lexical) for reason in reasons]
        closeness, need_index, offer_index = 0.0, 0, 0
        if need_sentences is not None and offer_sentences is not None:
            closeness, need_index, offer_index = semantic_similarity(
                need_sentences, offer_sentences
            )
        total = lexical * total + SEMANTIC_WEIGHT * closeness
        if closeness > 0:
            reasons.append(
                Reason(
                    "semantic",
                    (
                        need_sentences.texts[need_index],
                        offer_sentences.texts[offer_index],
                    ),
                    SEMANTIC_WEIGHT * closeness,
                )
            )
    if dismissed:
        likeness = resemblance(offer, dismissed)
        if likeness > 0.05:
            lowered = total * DISMISSED_PENALTY * likeness
            total -= lowered
            reasons.append(Reason("dismissed_similar", (f"{likeness:.2f}",), -lowered))
    return Scored(score=round(100.0 * total, 2), reasons=reasons, text=text)


@dataclass
class Ranked:
    object_id: int
    scored: Scored
    pinned: bool = False


def rank(
    *,
    query: Document,
    candidates: Mapping[int, Document],
    maturity: Mapping[int, str],
    idf_of: Mapping[str, float],
    default_idf: float,
    direction: str = "offers",
    pinned: Iterable[int] = (),
    dismissed_ids: Iterable[int] = (),
    dismissed: Document | None = None,
    limit: int | None = None,
    query_sentences: Sentences | None = None,
    candidate_sentences: Mapping[int, Sentences] | None = None,
) -> list[Ranked]:
    """Ranks candidates for a query. ``direction`` "offers": the query is a need and the
    candidates offers; "needs": the query is an offer and the candidates needs. Pinned
    candidates come first; dismissed ones are left out. With ``query_sentences`` the semantic
    signal is blended in (a candidate without sentences gets no closeness)."""
    semantic = query_sentences is not None
    candidate_sentences = candidate_sentences or {}
    pinned_set = set(pinned)
    hidden = set(dismissed_ids)
    query_tags = tags(query)

    def scored_one(object_id: int, explain: bool) -> Scored:
        document = candidates[object_id]
        if direction == "offers":
            return score(
                need=query,
                offer=document,
                maturity=maturity.get(object_id, ""),
                idf_of=idf_of,
                default_idf=default_idf,
                dismissed=dismissed,
                show="offer",
                need_sentences=query_sentences,
                offer_sentences=candidate_sentences.get(object_id),
                semantic=semantic,
                need_tags=query_tags,
                explain=explain,
            )
        return score(
            need=document,
            offer=query,
            maturity=maturity.get(object_id, ""),
            idf_of=idf_of,
            default_idf=default_idf,
            show="need",
            need_sentences=candidate_sentences.get(object_id),
            offer_sentences=query_sentences,
            semantic=semantic,
            offer_tags=query_tags,
            explain=explain,
        )

    # With a limit, every candidate is scored without its reasons, and only those kept are
    # scored again with them: the same score, and the reasons of the 30 shown rather than
    # of all 240 candidates.
    explain_all = limit is None
    results = []
    for object_id in candidates:
        if object_id in hidden:
            continue
        results.append(
            Ranked(
                object_id=object_id,
                scored=scored_one(object_id, explain_all),
                pinned=object_id in pinned_set,
            )
        )
    results.sort(key=lambda item: (not item.pinned, -item.scored.score, item.object_id))
    if not explain_all:
        results = results[:limit]
        for item in results:
            item.scored = scored_one(item.object_id, True)
    for item in results:
        if item.pinned:
            item.scored.reasons.insert(0, Reason("pinned", ()))
    return results


def collection_idf(documents: Iterable[Document]) -> tuple[dict[str, float], float]:
    """idf of every text term of an in-memory collection, and the idf of an unseen term."""
    frequency: dict[str, int] = {}
    size = 0
    for document in documents:
        size += 1
        for term in document:
            if term.startswith(TEXT_PREFIXES):
                frequency[term] = frequency.get(term, 0) + 1
    return {term: idf(count, size) for term, count in frequency.items()}, idf(0, size)


def score_scale(*, semantic: bool = False) -> dict[str, int]:
    """The most points (of 100) each part of the score can give, for the explanation shown
    beside the scores: the page must say what a number like 52 is made of. With the semantic
    signal on, the lexical parts make room for it."""
    lexical = 1.0 - SEMANTIC_WEIGHT if semantic and SEMANTIC_ENABLED else 1.0
    return {
        "text": round(100 * lexical * TEXT_SHARE),
        "sector": round(100 * lexical * SECTOR_SHARE),
        "group": round(100 * lexical * GROUP_SHARE),
        "area": round(100 * lexical * AREA_SHARE),
        "maturity": round(100 * lexical * MATURITY_SHARE),
        "semantic": round(100 * SEMANTIC_WEIGHT) if lexical < 1.0 else 0,
    }
