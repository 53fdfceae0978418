"""Words that say nothing about whether an offer fits a need.

apps.search.stemming already drops Snowball's Norwegian stop words (og, i, som, på …), the
list PostgreSQL's `norwegian` configuration uses. Two more kinds of words are handled here:

- words of the trade that nearly every need and offer uses (kommune, behov, tilbud,
  ønsker …): they would make every pair look alike;
- filler: common verbs, adverbs and quantifiers («tar lang tid», «gå», «helt», «én») that
  Snowball's list lacks. A reason «matching words: tar, lang» tells a broker nothing and
  makes the ranking look arbitrary.

Domain words are left out of the index. Filler words stay in the index (measured with
`manage.py matching_evaluate`: dropping them there lowered hit@1 from 0.943 to 0.914, as
«lang» or «helt» in a title still separates near neighbours) but never appear as a reason.

The lists hold words as written (lower case), not stems: «hele» is dropped, «helse» is not.
No installed package ships a fuller Norwegian list (snowballstemmer has stemmers only).
"""

_DOMAIN_TEXT = """
    andre annet bedre behov behovet bidra bidrar blant dag dager del finne finnes flere
    får fått gang ganger gjennom gjerne gjør god gode godt hele kommune kommunen
    kommunene kommunens kommuner lite liten mer mindre mye måte ny nye nytt ofte også
    oss små stor store særlig tidligere tilbud tilbudet tilbyder tilbyr trenger trengs
    uke uker viktig vår våre vårt år året ønsker ønsket
"""

_FILLER_TEXT = """
    allerede altså bør derfor dermed dessuten ei eks enda enkelte ett fortsatt først
    første ga ganske gi gikk gir gis gitt gjort gjøre gjøres gå går gått hel heller helt
    kanskje komme kommer kommet lang lange langt lenge ligger mens mest må per rundt
    samt satt se ser sette setter stå står svært ta tar tatt tid tok ulik ulike ulikt veldig
    via vise viser éi én
"""

DOMAIN_STOP_WORDS = frozenset(_DOMAIN_TEXT.split())
FILLER_WORDS = frozenset(_FILLER_TEXT.split())
MATCHING_STOP_WORDS = DOMAIN_STOP_WORDS | FILLER_WORDS
