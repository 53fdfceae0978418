"""The curated terms of the book's index: the Norwegian words of docs/glossary.md and a few
more that readers look up. The legal citations of the cited rules are added when the book
is built."""

INDEX_TERMS: tuple[str, ...] = (
    "anskaffelse",
    "arbeidsinkluderende virksomhet",
    "behov",
    "dialogmøte",
    "Doffin",
    "effektkontrakt",
    "EØS",
    "førkommersiell anskaffelse",
    "ideell organisasjon",
    "innovasjonspartnerskap",
    "mellomfinansiering",
    "kunngjøring",
    "markedsdialog",
    "megler",
    "oppskrift",
    "protokoll",
    "reservert kontrakt",
    "sosial entreprenør",
    "statsstøtte",
    "søknad",
    "terskelverdi",
    "tilskudd",
    "utlysning",
    "veiviser",
)
