"""Shared vocabulary: the sector and target-group codes of the broker import format
(shared/design/broker-import-format.md), with Norwegian labels as the source of truth."""

SECTORS: list[tuple[str, str]] = [
    ("oppvekst_utdanning", "Oppvekst og utdanning"),
    ("barnevern", "Barnevern"),
    ("helse_omsorg", "Helse og omsorg"),
    ("psykisk_helse_rus", "Psykisk helse og rus"),
    ("arbeid_inkludering", "Arbeid og inkludering"),
    ("integrering", "Integrering"),
    ("kultur_fritid", "Kultur og fritid"),
    ("folkehelse", "Folkehelse"),
    ("miljo_klima", "Miljø og klima"),
    ("bolig_naermiljo", "Bolig og nærmiljø"),
]

TARGET_GROUPS: list[tuple[str, str]] = [
    ("barn", "Barn"),
    ("ungdom", "Ungdom"),
    ("unge_voksne", "Unge voksne"),
    ("familier", "Familier"),
    ("eldre", "Eldre"),
    ("personer_med_demens", "Personer med demens"),
    ("personer_med_funksjonsnedsettelse", "Personer med funksjonsnedsettelse"),
    ("innvandrere", "Innvandrere"),
    ("langtidsledige", "Langtidsledige"),
    ("rusavhengige", "Rusavhengige"),
    ("parorende", "Pårørende"),
    ("alle", "Alle"),
]

# The same terms in nynorsk and English, by code (what the interface shows in those
# languages; docs/decisions/0019). A code missing here shows its bokmål name.
NAMES_NN: dict[str, str] = {
    "oppvekst_utdanning": "Oppvekst og utdanning",
    "barnevern": "Barnevern",
    "helse_omsorg": "Helse og omsorg",
    "psykisk_helse_rus": "Psykisk helse og rus",
    "arbeid_inkludering": "Arbeid og inkludering",
    "integrering": "Integrering",
    "kultur_fritid": "Kultur og fritid",
    "folkehelse": "Folkehelse",
    "miljo_klima": "Miljø og klima",
    "bolig_naermiljo": "Bustad og nærmiljø",
    "barn": "Born",
    "ungdom": "Ungdom",
    "unge_voksne": "Unge vaksne",
    "familier": "Familiar",
    "eldre": "Eldre",
    "personer_med_demens": "Personar med demens",
    "personer_med_funksjonsnedsettelse": "Personar med funksjonsnedsetjing",
    "innvandrere": "Innvandrarar",
    "langtidsledige": "Langtidsledige",
    "rusavhengige": "Rusavhengige",
    "parorende": "Pårørande",
    "alle": "Alle",
}

NAMES_EN: dict[str, str] = {
    "oppvekst_utdanning": "Childhood and education",
    "barnevern": "Child welfare",
    "helse_omsorg": "Health and care",
    "psykisk_helse_rus": "Mental health and substance use",
    "arbeid_inkludering": "Work and inclusion",
    "integrering": "Integration",
    "kultur_fritid": "Culture and leisure",
    "folkehelse": "Public health",
    "miljo_klima": "Environment and climate",
    "bolig_naermiljo": "Housing and neighbourhood",
    "barn": "Children",
    "ungdom": "Young people",
    "unge_voksne": "Young adults",
    "familier": "Families",
    "eldre": "Older people",
    "personer_med_demens": "People with dementia",
    "personer_med_funksjonsnedsettelse": "People with disabilities",
    "innvandrere": "Immigrants",
    "langtidsledige": "Long-term unemployed people",
    "rusavhengige": "People with substance use problems",
    "parorende": "Relatives and carers",
    "alle": "Everyone",
}
