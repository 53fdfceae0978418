"""Norwegian Snowball stemming for bokmål and nynorsk, shared by the search index on every
database, its queries and the highlighting of search snippets.

Words are lower-cased, stop words are dropped, and what is left is reduced to its Snowball
stem («anskaffelsen», «anskaffelser» and «anskaffelse» all become «anskaff»). Snowball's
Norwegian algorithm already strips the nynorsk endings («anskaffinga», «kommunane»,
«verksemdene», «tilskotet»), so the forms of one nynorsk word meet; a small table then maps
the nynorsk stems of the platform's vocabulary to their bokmål stems («tilskot» → «tilskudd»,
«verksemd» → «virksom»), so a nynorsk query also finds the bokmål pages on the subject and
the other way round (docs/decisions/0013).
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

# Nynorsk words of the platform's vocabulary whose bokmål word differs in more than its
# ending: (forms of the nynorsk word, the bokmål word). Several forms are listed where
# Snowball's short-word rules give them different stems.
NYNORSK_TO_BOKMAL = (
    (("anskaffing", "anskaffinga", "anskaffingar"), "anskaffelse"),
    (("tilskot", "tilskotet", "tilskota"), "tilskudd"),
    (("verksemd", "verksemda", "verksemder"), "virksomhet"),
    (("løysing", "løysinga", "løysingar"), "løsning"),
    (("teneste", "tenesta", "tenester"), "tjeneste"),
    (("marknad", "marknaden", "marknader"), "marked"),
    (("innbyggjar", "innbyggjaren", "innbyggjarar"), "innbygger"),
    (("avgjerd", "avgjerda", "avgjerder"), "avgjørelse"),
    (("arbeidsgjevar", "arbeidsgjevaren", "arbeidsgjevarar"), "arbeidsgiver"),
    (("oppdragsgjevar", "oppdragsgjevaren", "oppdragsgjevarar"), "oppdragsgiver"),
    (("rettleiing", "rettleiinga", "rettleiingar"), "veiledning"),
    (("rettleiar", "rettleiaren", "rettleiarar"), "veileder"),
    (("kunngjering", "kunngjeringa", "kunngjeringar"), "kunngjøring"),
    (("utlysing", "utlysinga", "utlysingar"), "utlysning"),
    (("tilbod", "tilbodet", "tilboda"), "tilbud"),
    (("tilbydar", "tilbydaren", "tilbydarar"), "tilbyder"),
    (("verknad", "verknaden", "verknader"), "virkning"),
    (("heimel", "heimelen", "heimlar"), "hjemmel"),
    (("rekneskap", "rekneskapen", "rekneskapar"), "regnskap"),
    (("søkjar", "søkjaren", "søkjarar"), "søker"),
    (("eigar", "eigaren", "eigarar"), "eier"),
    (("døme", "dømet", "døma"), "eksempel"),
    (("røynsle", "røynsla", "røynsler"), "erfaring"),
    (("moglegheit", "moglegheita", "moglegheiter"), "mulighet"),
    (("ungdomar", "ungdomane"), "ungdommer"),
)
_NYNORSK_STEMS: dict[str, str] = {
    _stemmer.stemWord(form): _stemmer.stemWord(bokmal)
    for forms, bokmal in NYNORSK_TO_BOKMAL
    for form in forms
}
# A stem this long is distinctive enough to be the first part of a compound too
# («marknadsdialog» → «markedsdialog», «tilskotsordning» → «tilskuddsordning»).
_COMPOUND_MIN_LENGTH = 6
_COMPOUND_HEADS = sorted(
    (stem for stem in _NYNORSK_STEMS if len(stem) >= _COMPOUND_MIN_LENGTH), key=len, reverse=True
)
# Nynorsk -heit is bokmål -het: «tryggheita», «sikkerheit» meet «trygghet», «sikkerhet».
_HEIT = "heit"


def _bokmal_stem(stem: str) -> str:
    """A nynorsk stem as its bokmål stem; other stems as they are."""
    if stem in _NYNORSK_STEMS:
        return _NYNORSK_STEMS[stem]
    for head in _COMPOUND_HEADS:
        if stem.startswith(head) and len(stem) - len(head) >= 3:
            return _NYNORSK_STEMS[head] + stem[len(head) :]
    if stem.endswith(_HEIT) and len(stem) > len(_HEIT) + 2:
        return _stemmer.stemWord(stem[: -len(_HEIT)] + "het")
    return stem


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """The stem of one word, bokmål or nynorsk, or "" for a stop word."""
    lowered = word.lower()
    if lowered in STOP_WORDS:
        return ""
    return _bokmal_stem(_stemmer.stemWord(lowered))


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
