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
