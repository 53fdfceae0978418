"""The agreed rule and threshold rows (docs: rule codes shared by the apps), for tests.

`rule_data_on(date)` builds the engine's RuleData in memory (no database), and
`seed_rule_rows()` writes the same rows to the database, so the engine tests and the
selector tests use one table.
"""

import datetime

from apps.routeguide.engine import RuleData, RuleRow, ThresholdRow

D = datetime.date
LOVDATA_LOA = "https://lovdata.no/dokument/NL/lov/2016-06-17-73"
LOVDATA_FOA = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974"
THRESHOLDS_2024 = "https://www.regjeringen.no/no/aktuelt/terskelverdier/id3030686/"
THRESHOLDS_KS = "https://www.ks.no/ks-advokatene/nyheter/nye-eos-terskelverdier-for-2024-2026/"
START = D(2017, 1, 1)

# (code, citation, title, valid_from, verified, pending, source_url)
RULES = [
    ("loa-2", "LOA § 2", "Virkeområde og nedre terskelverdi", START, True, False, LOVDATA_LOA),
    ("loa-4", "LOA § 4", "Grunnleggende prinsipper", START, True, False, LOVDATA_LOA),
    ("loa-5", "LOA § 5", "Samfunnsansvar", START, True, False, LOVDATA_LOA),
    (
        "foa-5-1",
        "FOA § 5-1",
        "Hvilke deler av forskriften som gjelder",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    ("foa-5-3", "FOA § 5-3", "EØS-terskelverdier", START, True, False, LOVDATA_FOA),
    ("foa-5-4", "FOA § 5-4", "Beregning av anskaffelsens verdi", START, False, False, LOVDATA_FOA),
    (
        "foa-7-1",
        "FOA §§ 7-1, 10-5, 25-5, 30-1",
        "Plikt til anskaffelsesprotokoll",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "foa-7-9",
        "FOA § 7-9",
        "Klima- og miljøhensyn (minst 30 % vekt)",
        D(2024, 1, 1),
        True,
        False,
        LOVDATA_FOA,
    ),
    ("foa-8-3", "FOA § 8-3", "Tilbudskonkurranse (del II)", START, True, False, LOVDATA_FOA),
    ("foa-8-8", "FOA § 8-8", "Reserverte kontrakter (del II)", START, True, False, LOVDATA_FOA),
    ("foa-16-9", "FOA § 16-9", "Reserverte kontrakter (del III)", START, True, False, LOVDATA_FOA),
    (
        "foa-30-3",
        "FOA § 30-3",
        "Reserverte kontrakter for helse- og sosialtjenester",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "foa-kap-30",
        "FOA kapittel 30",
        "Helse- og sosialtjenester og andre særlige tjenester",
        START,
        False,
        False,
        LOVDATA_FOA,
    ),
    (
        "foa-13-1",
        "FOA § 13-1",
        "Valg av prosedyre over EØS-terskel",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "foa-13-2",
        "FOA § 13-2",
        "Vilkår for konkurranse med forhandling og konkurransepreget dialog",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "foa-13-3",
        "FOA § 13-3",
        "Konkurranse med forhandling uten forutgående kunngjøring",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    ("foa-13-4", "FOA § 13-4", "Anskaffelser uten konkurranse", START, True, False, LOVDATA_FOA),
    (
        "foa-innovasjonspartnerskap",
        "FOA § 13-1 (3)",
        "Innovasjonspartnerskap",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "foa-2-5",
        "FOA § 2-5",
        "Unntak for forsknings- og utviklingstjenester (førkommersielle anskaffelser)",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "markedsdialog",
        "FOA §§ 9-3 og 12-2",
        "Dialog med markedet før konkurransen",
        START,
        False,
        False,
        LOVDATA_FOA,
    ),
    (
        "ideell-under-terskel",
        "FOA del I og kap. 30; NFD-veiledning (2017)",
        "Konkurranse bare for ideelle under terskelverdien",
        START,
        True,
        False,
        LOVDATA_FOA,
    ),
    (
        "ideell-over-terskel",
        "FOA (endring om reservasjon for ideelle)",
        "Reservasjon for ideelle over terskelverdien",
        START,
        False,
        False,
        LOVDATA_FOA,
    ),
    (
        "tilskudd-eller-anskaffelse",
        "LOA § 2 (gjensidig bebyrdende avtale)",
        "Tilskudd eller anskaffelse?",
        START,
        True,
        False,
        LOVDATA_LOA,
    ),
    (
        "offentlig-stotte",
        "EØS-avtalen art. 61 (1)",
        "Offentlig støtte",
        D(1994, 1, 1),
        True,
        False,
        "https://lovdata.no/dokument/NL/lov/1992-11-27-109",
    ),
    (
        "bagatellstotte",
        "Forordning om bagatellmessig støtte",
        "Bagatellstøtte (de minimis)",
        D(2024, 1, 1),
        False,
        False,
        "https://www.ks.no/ks-advokatene/nyheter/bagatellstotte-pa-pause/",
    ),
    (
        "prop-147-l",
        "Prop. 147 L (2024–2025)",
        "Forslag: ny nedre terskel og endringer i anskaffelsesloven",
        None,
        False,
        True,
        "https://www.regjeringen.no/no/dokumenter/prop.-147-l-20242025/id3100598/",
    ),
]

# (key, amount, valid_from, valid_to, verified, pending, citation, source_url)
THRESHOLDS = [
    ("lower_limit", 100_000, START, None, True, False, "LOA § 2", LOVDATA_LOA),
    (
        "lower_limit",
        300_000,
        None,
        None,
        False,
        True,
        "Prop. 147 L (2024–2025)",
        "https://www.regjeringen.no/no/dokumenter/prop.-147-l-20242025/id3100598/",
    ),
    ("protocol", 100_000, START, None, True, False, "FOA §§ 7-1, 10-5, 25-5, 30-1", LOVDATA_FOA),
    ("national", 1_100_000, START, D(2018, 4, 5), True, False, "FOA § 5-1", LOVDATA_FOA),
    (
        "national",
        1_300_000,
        D(2018, 4, 6),
        None,
        True,
        False,
        "FOA § 5-1 (FOR-2018-04-04-533)",
        LOVDATA_FOA,
    ),
    (
        "eea_goods_services_other",
        2_050_000,
        D(2020, 2, 12),
        D(2021, 12, 31),
        False,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    (
        "eea_goods_services_other",
        2_200_000,
        D(2022, 1, 1),
        D(2024, 3, 13),
        False,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    (
        "eea_goods_services_other",
        2_300_000,
        D(2024, 3, 14),
        None,
        True,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    (
        "eea_goods_services_state",
        1_490_000,
        D(2024, 3, 14),
        None,
        True,
        False,
        "FOA § 5-3",
        THRESHOLDS_2024,
    ),
    (
        "eea_works",
        56_000_000,
        D(2022, 1, 1),
        D(2024, 3, 13),
        False,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    ("eea_works", 57_800_000, D(2024, 3, 14), None, True, False, "FOA § 5-3", THRESHOLDS_KS),
    (
        "eea_health_social",
        6_300_000,
        START,
        D(2017, 12, 31),
        True,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    (
        "eea_health_social",
        6_950_000,
        D(2018, 1, 1),
        D(2020, 2, 11),
        False,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    (
        "eea_health_social",
        7_200_000,
        D(2020, 2, 12),
        D(2024, 3, 13),
        False,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
    (
        "eea_health_social",
        7_800_000,
        D(2024, 3, 14),
        None,
        False,
        False,
        "FOA § 5-3",
        THRESHOLDS_KS,
    ),
]


def _in_force(valid_from, valid_to, on) -> bool:
    return valid_from is not None and valid_from <= on and (valid_to is None or valid_to >= on)


def rule_data_on(on: datetime.date, *, with_pending: bool = True) -> RuleData:
    rules = {
        code: RuleRow(
            code=code,
            citation=citation,
            title=title,
            url=url,
            verified=verified,
            pending=pending,
            page_url=f"/regelverk/#{code}",
        )
        for code, citation, title, valid_from, verified, pending, url in RULES
        if pending or _in_force(valid_from, None, on)
    }
    thresholds, proposed = {}, {}
    for key, amount, valid_from, valid_to, verified, pending, citation, url in THRESHOLDS:
        row = ThresholdRow(
            key=key,
            amount=amount,
            valid_from=valid_from,
            citation=citation,
            source_url=url,
            verified=verified,
            pending=pending,
        )
        if pending:
            proposed[key] = row
        elif _in_force(valid_from, valid_to, on):
            thresholds[key] = row
    return RuleData(
        thresholds=thresholds, rules=rules, pending_thresholds=proposed if with_pending else {}
    )


def seed_rule_rows() -> None:
    """Writes exactly the rows above to the database."""
    from apps.rules.models import LegalRule, Threshold

    LegalRule.objects.bulk_create(
        LegalRule(
            code=code,
            citation=citation,
            title=title,
            summary=f"Sammendrag av {citation}.",
            source_url=url,
            valid_from=valid_from,
            verified=verified,
            pending=pending,
        )
        for code, citation, title, valid_from, verified, pending, url in RULES
    )
    Threshold.objects.bulk_create(
        Threshold(
            key=key,
            amount=amount,
            valid_from=valid_from,
            valid_to=valid_to,
            verified=verified,
            pending=pending,
            citation=citation,
            source_url=url,
        )
        for key, amount, valid_from, valid_to, verified, pending, citation, url in THRESHOLDS
    )
