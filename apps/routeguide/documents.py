"""Downloadable templates written for Kokeboka, prefilled from a route-guide answer.

Four documents follow the step plan: a needs description (behovsbeskrivelse), a protocol
for a direct award (anskaffelsesprotokoll), a collaboration agreement between a
municipality and a social entrepreneur (samarbeidsavtale) and a grant letter
(tilskuddsbrev). The texts are our own wording of the rules in apps/rules/data; what the
answer knows (date, value, kind of purchase, the rules that apply, the thresholds used and
the cited rules) is filled in, and the rest is left as fields in square brackets for the
reader to complete in their word processor.

The documents are written in bokmål or nynorsk (the reader's interface language; English
readers get bokmål, since the documents are Norwegian public documents). Building one is
bounded work: one answer (three queries) and a document of fixed size, so the download is
cheap and the page cache can keep it like any anonymous page.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.shared import Pt

from apps.core.templatetags.kokeboka import nok

from .answer import Answer
from .vocabulary import Authority, Overlay, Provider, Purpose, Regime, Service

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BLANK = "[…]"


def document_language(interface_language: str | None) -> str:
    """The document's language: nynorsk for a nynorsk reader, bokmål for everyone else."""
    return "nn" if interface_language == "nn" else "nb"


# --------------------------------------------------------------------------------------
# Words that appear in every document, per language.

WORDS = {
    "nb": {
        "intro": (
            "Mal fra Kokeboka. Feltene i hakeparentes fyller du ut selv; det som står ellers, "
            "er fylt ut fra veiviserens svar. Malen er veiledning, ikke juridisk rådgivning: "
            "les gjennom og tilpass den til saken."
        ),
        "facts": "Fakta fra veiviseren",
        "answer_date": "Svaret gjelder reglene per",
        "made": "Malen er laget",
        "value": "Anslått verdi (ekskl. mva.)",
        "value_annual": "kr %(annual)s per år i %(years)s år, til sammen kr %(total)s",
        "value_total": "kr %(total)s",
        "value_missing": "Ikke oppgitt – anslå verdien først",
        "kind": "Type anskaffelse",
        "purpose": "Hva dere vil gjøre",
        "provider": "Hvem dere vil samarbeide med",
        "authority": "Hvem som kjøper",
        "regime": "Regelverk etter veiviserens svar",
        "regime_none": "Ikke avklart",
        "link": "Veiviserens svar",
        "thresholds": "Terskelverdier som ble brukt",
        "threshold_head": ("Terskelverdi", "Beløp (kr ekskl. mva.)", "Gjelder fra", "Kilde"),
        "no_thresholds": "Svaret brukte ingen terskelverdier.",
        "rules": "Regler svaret bygger på",
        "not_verified": "ikke kontrollert mot kilden",
        "warnings": "Sjekk dette før dere bruker malen",
        "sign": "Underskrift",
        "place_date": "Sted og dato: " + BLANK,
        "name_role": "Navn og rolle: " + BLANK,
    },
    "nn": {
        "intro": (
            "Mal frå Kokeboka. Felta i hakeparentes fyller du ut sjølv; det som står elles, "
            "er fylt ut frå svaret til vegvisaren. Malen er rettleiing, ikkje juridisk "
            "rådgiving: les gjennom og tilpass han til saka."
        ),
        "facts": "Fakta frå vegvisaren",
        "answer_date": "Svaret gjeld reglane per",
        "made": "Malen er laga",
        "value": "Anslått verdi (ekskl. mva.)",
        "value_annual": "kr %(annual)s per år i %(years)s år, til saman kr %(total)s",
        "value_total": "kr %(total)s",
        "value_missing": "Ikkje oppgitt – anslå verdien først",
        "kind": "Type innkjøp",
        "purpose": "Kva de vil gjere",
        "provider": "Kven de vil samarbeide med",
        "authority": "Kven som kjøper",
        "regime": "Regelverk etter svaret til vegvisaren",
        "regime_none": "Ikkje avklart",
        "link": "Svaret til vegvisaren",
        "thresholds": "Terskelverdiar som vart brukte",
        "threshold_head": ("Terskelverdi", "Beløp (kr ekskl. mva.)", "Gjeld frå", "Kjelde"),
        "no_thresholds": "Svaret brukte ingen terskelverdiar.",
        "rules": "Reglar svaret byggjer på",
        "not_verified": "ikkje kontrollert mot kjelda",
        "warnings": "Sjekk dette før de brukar malen",
        "sign": "Underskrift",
        "place_date": "Stad og dato: " + BLANK,
        "name_role": "Namn og rolle: " + BLANK,
    },
}


@dataclass(frozen=True)
class Section:
    """A heading with guidance paragraphs, each followed by a field to fill in."""

    heading: str
    paragraphs: tuple[str, ...]
    fill: bool = True


@dataclass(frozen=True)
class TemplateKind:
    slug: str
    label: object  # lazy UI label for the link on the answer page
    titles: dict[str, str]
    build: Callable[[Answer, str], list[Section]]

    def title(self, language: str) -> str:
        return self.titles[document_language(language)]

    def filename(self, answer: Answer) -> str:
        return f"{self.slug}-{answer.situation.on.isoformat()}.docx"


# --------------------------------------------------------------------------------------
# The four documents. Each builder returns the sections for one language; what depends on
# the answer (the regime, the duties) chooses sentences, never amounts: amounts come from
# the rule rows in the fact table.


def _regime(answer: Answer) -> str:
    return answer.regime or ""


def _needs_description(answer: Answer, lang: str) -> list[Section]:
    regime = _regime(answer)
    if lang == "nn":
        value_note = (
            "Rekn med heile kontraktsperioden, også opsjonar og forlengingar. Skriv korleis "
            "de kom fram til talet. Ein kontrakt skal ikkje delast opp for å kome under ein "
            "terskelverdi."
        )
        sections = [
            Section(
                "1. Bakgrunn",
                ("Kvifor treng de dette no? Kven gjeld det, og kor mange?",),
            ),
            Section(
                "2. Behovet",
                (
                    "Skildre kva som skal løysast og kva resultat de ønskjer, ikkje korleis det "
                    "skal gjerast. Då får fleire leverandørar, også sosiale entreprenørar, "
                    "høve til å foreslå løysingar.",
                ),
            ),
            Section(
                "3. Brukarane",
                ("Korleis har brukarane og dei tilsette som skal bruke tenesta, vore med?",),
            ),
            Section(
                "4. Slik er det i dag",
                ("Kva blir gjort i dag, og kva er prøvd før? Kva kostar det å la vere?",),
            ),
            Section(
                "5. Mål og korleis de måler dei",
                ("Kva skal vere annleis etterpå, og kva tal eller teikn viser det?",),
            ),
            Section(
                "6. Marknaden",
                (
                    "Kven kan levere? Har de snakka med marknaden? Ein dialog før konkurransen "
                    "er lovleg når alle blir behandla likt og ingen får eit urimeleg forsprang.",
                ),
            ),
            Section("7. Anslått verdi", (value_note,)),
            Section("8. Tidsplan", ("Når skal tenesta starte, og kva må vere klart før det?",)),
        ]
    else:
        value_note = (
            "Regn med hele kontraktsperioden, også opsjoner og forlengelser. Skriv hvordan "
            "dere kom fram til tallet. En kontrakt skal ikke deles opp for å komme under en "
            "terskelverdi."
        )
        sections = [
            Section(
                "1. Bakgrunn",
                ("Hvorfor trenger dere dette nå? Hvem gjelder det, og hvor mange?",),
            ),
            Section(
                "2. Behovet",
                (
                    "Beskriv hva som skal løses og hvilket resultat dere ønsker, ikke hvordan "
                    "det skal gjøres. Da får flere leverandører, også sosiale entreprenører, "
                    "mulighet til å foreslå løsninger.",
                ),
            ),
            Section(
                "3. Brukerne",
                ("Hvordan har brukerne og de ansatte som skal bruke tjenesten, vært med?",),
            ),
            Section(
                "4. Slik er det i dag",
                ("Hva gjøres i dag, og hva er prøvd før? Hva koster det å la være?",),
            ),
            Section(
                "5. Mål og hvordan dere måler dem",
                ("Hva skal være annerledes etterpå, og hvilke tall eller tegn viser det?",),
            ),
            Section(
                "6. Markedet",
                (
                    "Hvem kan levere? Har dere snakket med markedet? En dialog før "
                    "konkurransen er lovlig når alle behandles likt og ingen får et urimelig "
                    "forsprang.",
                ),
            ),
            Section("7. Anslått verdi", (value_note,)),
            Section("8. Tidsplan", ("Når skal tjenesten starte, og hva må være klart før det?",)),
        ]
    if regime == Regime.NOT_PROCUREMENT:
        extra = (
            "Veiviseren har vurdert dette som et tilskudd. Beskriv hva mottakeren selv skal "
            "gjøre; beskriver dere en tjeneste dere skal få levert, er det et kjøp."
            if lang == "nb"
            else "Vegvisaren har vurdert dette som eit tilskot. Skildre kva mottakaren sjølv "
            "skal gjere; skildrar de ei teneste de skal få levert, er det eit kjøp."
        )
        sections[1] = Section(sections[1].heading, (*sections[1].paragraphs, extra))
    return sections


_NOTICE_REGIMES = frozenset({Regime.DEL_II, Regime.DEL_II_EEA, Regime.DEL_III, Regime.CH30})


def _direct_award_protocol(answer: Answer, lang: str) -> list[Section]:
    regime = _regime(answer)
    nb = lang == "nb"
    if regime in _NOTICE_REGIMES:
        basis = (
            "Veiviserens svar gir plikt til å kunngjøre konkurransen. En direkte anskaffelse "
            "uten kunngjøring er da bare lovlig i unntakene forskriften nevner. Skriv hvilket "
            "unntak dere bruker og hvorfor vilkårene er oppfylt; er dere i tvil, kunngjør."
            if nb
            else "Svaret til vegvisaren gir plikt til å kunngjere konkurransen. Eit direkte "
            "innkjøp utan kunngjering er då berre lovleg i unntaka forskrifta nemner. Skriv "
            "kva unntak de brukar og kvifor vilkåra er oppfylte; er de i tvil, kunngjer."
        )
    elif regime == Regime.OUTSIDE:
        basis = (
            "Under minstegrensen gjelder ikke anskaffelsesreglene, og protokoll er ikke "
            "påkrevd. En kort protokoll gjør det likevel lett å vise hvorfor dere valgte "
            "som dere gjorde."
            if nb
            else "Under minstegrensa gjeld ikkje innkjøpsreglane, og protokoll er ikkje "
            "påkravd. Ein kort protokoll gjer det likevel lett å vise kvifor de valde som "
            "de gjorde."
        )
    else:
        basis = (
            "Ingen fast prosedyre gjelder. Skriv hvordan dere sørget for konkurranse der det "
            "var rimelig, for eksempel hvor mange leverandører dere spurte, og hvorfor det "
            "var nok å spørre én hvis dere gjorde det."
            if nb
            else "Ingen fast prosedyre gjeld. Skriv korleis de sørgde for konkurranse der det "
            "var rimeleg, til dømes kor mange leverandørar de spurde, og kvifor det var nok "
            "å spørje éin dersom de gjorde det."
        )
    if nb:
        return [
            Section("1. Hva som kjøpes", ("Kort beskrivelse av tjenesten, varen eller arbeidet.",)),
            Section(
                "2. Anslått verdi",
                ("Hele kontraktsperioden, opsjoner medregnet. Hvordan er verdien beregnet?",),
            ),
            Section("3. Hvorfor denne framgangsmåten", (basis,)),
            Section(
                "4. Leverandører som ble kontaktet",
                ("Navn, organisasjonsnummer, dato og svar for hver leverandør.",),
            ),
            Section(
                "5. Valgt leverandør",
                ("Navn, organisasjonsnummer, pris og hvorfor dere valgte denne.",),
            ),
            Section(
                "6. Andre viktige beslutninger",
                ("Dato, beslutning og hvem som tok den, for hver viktig beslutning.",),
            ),
            Section(
                "7. Habilitet",
                ("Er det vurdert om noen som deltok i avgjørelsen, var inhabile? Resultat:",),
            ),
        ]
    return [
        Section("1. Kva som blir kjøpt", ("Kort skildring av tenesta, vara eller arbeidet.",)),
        Section(
            "2. Anslått verdi",
            ("Heile kontraktsperioden, opsjonar medrekna. Korleis er verdien rekna ut?",),
        ),
        Section("3. Kvifor denne framgangsmåten", (basis,)),
        Section(
            "4. Leverandørar som vart kontakta",
            ("Namn, organisasjonsnummer, dato og svar for kvar leverandør.",),
        ),
        Section(
            "5. Vald leverandør",
            ("Namn, organisasjonsnummer, pris og kvifor de valde denne.",),
        ),
        Section(
            "6. Andre viktige avgjerder",
            ("Dato, avgjerd og kven som tok ho, for kvar viktig avgjerd.",),
        ),
        Section(
            "7. Habilitet",
            ("Er det vurdert om nokon som var med på avgjerda, var inhabile? Resultat:",),
        ),
    ]


def _collaboration_agreement(answer: Answer, lang: str) -> list[Section]:
    regime = _regime(answer)
    nb = lang == "nb"
    if regime == Regime.EXEMPT_RD:
        results = (
            "Avtal skriftlig, før arbeidet starter, hvordan resultater og kostnader deles: "
            "unntaket for forskning og utvikling forutsetter at kommunen ikke betaler alt "
            "og får alt."
            if nb
            else "Avtal skriftleg, før arbeidet startar, korleis resultat og kostnader blir "
            "delte: unntaket for forsking og utvikling føreset at kommunen ikkje betaler alt "
            "og får alt."
        )
    else:
        results = (
            "Hvem eier det som blir laget (metoder, materiell, data), og hvem kan bruke det videre?"
            if nb
            else "Kven eig det som blir laga (metodar, materiell, data), og kven kan bruke det "
            "vidare?"
        )
    if regime == Regime.NOT_PROCUREMENT:
        money = (
            "Kommunen gir et tilskudd og får ingenting levert tilbake. Beskriv tilskuddet og "
            "vilkårene i et eget tilskuddsbrev."
            if nb
            else "Kommunen gir eit tilskot og får ikkje noko levert tilbake. Skildre tilskotet "
            "og vilkåra i eit eige tilskotsbrev."
        )
    else:
        money = (
            "Når kommunen betaler for en tjeneste den får, er avtalen en kontrakt etter "
            "anskaffelsesreglene: følg framgangsmåten i veiviserens svar før dere signerer. "
            "Skriv pris, betalingsplan og fakturering."
            if nb
            else "Når kommunen betaler for ei teneste han får, er avtalen ein kontrakt etter "
            "innkjøpsreglane: følg framgangsmåten i svaret til vegvisaren før de signerer. "
            "Skriv pris, betalingsplan og fakturering."
        )
    if nb:
        return [
            Section(
                "1. Partene",
                (
                    "Kommunen (navn, organisasjonsnummer) og den sosiale entreprenøren (navn, "
                    "organisasjonsnummer), med hver sin kontaktperson.",
                ),
            ),
            Section("2. Formål", ("Hva skal samarbeidet oppnå, og for hvem?",)),
            Section(
                "3. Hva hver part gjør",
                ("Kommunens oppgaver og ansvar:", "Entreprenørens oppgaver og ansvar:"),
            ),
            Section("4. Varighet", ("Start, slutt og eventuelle opsjoner på forlengelse.",)),
            Section("5. Økonomi", (money,)),
            Section(
                "6. Resultater og rapportering",
                ("Hvilke tall eller resultater rapporteres, hvor ofte og til hvem?",),
            ),
            Section("7. Rettigheter til resultater", (results,)),
            Section(
                "8. Personvern og taushetsplikt",
                (
                    "Behandler entreprenøren personopplysninger for kommunen, trengs en "
                    "databehandleravtale. Hvem har taushetsplikt, og hvordan ivaretas den?",
                ),
            ),
            Section(
                "9. Samarbeidsmøter",
                ("Hvor ofte møtes partene, og hvem deltar?",),
            ),
            Section(
                "10. Endringer, mislighold og oppsigelse",
                (
                    "Endringer avtales skriftlig. Skriv hva som skjer hvis en part ikke "
                    "oppfyller avtalen, og oppsigelsesfristen.",
                ),
            ),
            Section(
                "11. Tvister",
                ("Partene forsøker først å løse uenighet ved forhandling. Verneting:",),
            ),
        ]
    return [
        Section(
            "1. Partane",
            (
                "Kommunen (namn, organisasjonsnummer) og den sosiale entreprenøren (namn, "
                "organisasjonsnummer), med kvar sin kontaktperson.",
            ),
        ),
        Section("2. Føremål", ("Kva skal samarbeidet oppnå, og for kven?",)),
        Section(
            "3. Kva kvar part gjer",
            ("Oppgåvene og ansvaret til kommunen:", "Oppgåvene og ansvaret til entreprenøren:"),
        ),
        Section("4. Varigheit", ("Start, slutt og eventuelle opsjonar på forlenging.",)),
        Section("5. Økonomi", (money,)),
        Section(
            "6. Resultat og rapportering",
            ("Kva tal eller resultat blir rapporterte, kor ofte og til kven?",),
        ),
        Section("7. Rettar til resultat", (results,)),
        Section(
            "8. Personvern og teieplikt",
            (
                "Behandlar entreprenøren personopplysningar for kommunen, trengst ein "
                "databehandlaravtale. Kven har teieplikt, og korleis blir ho teken vare på?",
            ),
        ),
        Section("9. Samarbeidsmøte", ("Kor ofte møtest partane, og kven er med?",)),
        Section(
            "10. Endringar, mishald og oppseiing",
            (
                "Endringar blir avtalte skriftleg. Skriv kva som skjer dersom ein part ikkje "
                "oppfyller avtalen, og oppseiingsfristen.",
            ),
        ),
        Section(
            "11. Tvistar",
            ("Partane prøver først å løyse usemje ved forhandling. Verneting:",),
        ),
    ]


def _grant_letter(answer: Answer, lang: str) -> list[Section]:
    nb = lang == "nb"
    state_aid = Overlay.STATE_AID_CHECK in answer.overlay_codes
    if nb:
        sections = [
            Section(
                "Vedtak",
                (
                    "[Kommunen] gir [mottaker, organisasjonsnummer] et tilskudd på kr [beløp] "
                    "til [formål].",
                ),
                fill=False,
            ),
            Section("Formål", ("Hva skal tilskuddet brukes til, og hva skal det oppnå?",)),
            Section(
                "Vilkår",
                (
                    "Tilskuddet skal brukes til formålet i dette brevet. Mottakeren skal ikke "
                    "levere noe til kommunen i retur; krever kommunen en tjeneste eller et "
                    "produkt tilbake, er det et kjøp, og da gjelder anskaffelsesreglene.",
                    "Andre vilkår:",
                ),
            ),
            Section("Utbetaling", ("Når og hvordan betales tilskuddet ut?",)),
            Section(
                "Rapportering",
                ("Hva skal rapporten inneholde (bruk av pengene, resultater), og frist:",),
            ),
            Section(
                "Kontroll og tilbakebetaling",
                (
                    "Kommunen kan kontrollere at pengene brukes etter formålet. Penger som ikke "
                    "er brukt, eller som er brukt i strid med vilkårene, kan kreves tilbake.",
                ),
            ),
            Section(
                "Klage",
                (
                    "Er tildelingen et enkeltvedtak etter forvaltningsloven, skal brevet si at "
                    "mottakeren kan klage, at klagefristen er tre uker fra brevet er mottatt, og "
                    "hvor klagen sendes.",
                ),
            ),
            Section(
                "Aksept",
                ("Mottakeren bekrefter vilkårene ved å signere og sende brevet tilbake innen:",),
            ),
        ]
        if state_aid:
            sections.insert(
                3,
                Section(
                    "Offentlig støtte",
                    (
                        "Driver mottakeren økonomisk aktivitet i et marked, kan tilskuddet være "
                        "offentlig støtte. Skriv hvilket grunnlag tilskuddet gis etter (for "
                        "eksempel reglene om bagatellmessig støtte) og hva mottakeren har fått "
                        "av slik støtte før.",
                    ),
                ),
            )
        return sections
    sections = [
        Section(
            "Vedtak",
            (
                "[Kommunen] gir [mottakar, organisasjonsnummer] eit tilskot på kr [beløp] til "
                "[føremål].",
            ),
            fill=False,
        ),
        Section("Føremål", ("Kva skal tilskotet brukast til, og kva skal det oppnå?",)),
        Section(
            "Vilkår",
            (
                "Tilskotet skal brukast til føremålet i dette brevet. Mottakaren skal ikkje "
                "levere noko til kommunen i retur; krev kommunen ei teneste eller eit produkt "
                "tilbake, er det eit kjøp, og då gjeld innkjøpsreglane.",
                "Andre vilkår:",
            ),
        ),
        Section("Utbetaling", ("Når og korleis blir tilskotet betalt ut?",)),
        Section(
            "Rapportering",
            ("Kva skal rapporten innehalde (bruk av pengane, resultat), og frist:",),
        ),
        Section(
            "Kontroll og tilbakebetaling",
            (
                "Kommunen kan kontrollere at pengane blir brukte etter føremålet. Pengar som "
                "ikkje er brukte, eller som er brukte i strid med vilkåra, kan krevjast tilbake.",
            ),
        ),
        Section(
            "Klage",
            (
                "Er tildelinga eit enkeltvedtak etter forvaltningslova, skal brevet seie at "
                "mottakaren kan klage, at klagefristen er tre veker frå brevet er motteke, og "
                "kvar klaga skal sendast.",
            ),
        ),
        Section(
            "Aksept",
            ("Mottakaren stadfestar vilkåra ved å signere og sende brevet tilbake innan:",),
        ),
    ]
    if state_aid:
        sections.insert(
            3,
            Section(
                "Offentleg støtte",
                (
                    "Driv mottakaren økonomisk aktivitet i ein marknad, kan tilskotet vere "
                    "offentleg støtte. Skriv kva grunnlag tilskotet blir gitt etter (til dømes "
                    "reglane om bagatellmessig støtte) og kva mottakaren har fått av slik støtte "
                    "før.",
                ),
            ),
        )
    return sections


TEMPLATES: dict[str, TemplateKind] = {
    kind.slug: kind
    for kind in (
        TemplateKind(
            "behovsbeskrivelse",
            _("Needs description"),
            {"nb": "Behovsbeskrivelse", "nn": "Behovsskildring"},
            _needs_description,
        ),
        TemplateKind(
            "anskaffelsesprotokoll",
            _("Protocol for a direct award"),
            {
                "nb": "Anskaffelsesprotokoll for direkte anskaffelse",
                "nn": "Innkjøpsprotokoll for direkte innkjøp",
            },
            _direct_award_protocol,
        ),
        TemplateKind(
            "samarbeidsavtale",
            _("Collaboration agreement"),
            {
                "nb": "Samarbeidsavtale mellom kommune og sosial entreprenør",
                "nn": "Samarbeidsavtale mellom kommune og sosial entreprenør",
            },
            _collaboration_agreement,
        ),
        TemplateKind(
            "tilskuddsbrev",
            _("Grant letter"),
            {"nb": "Tilskuddsbrev", "nn": "Tilskotsbrev"},
            _grant_letter,
        ),
    )
}


# --------------------------------------------------------------------------------------
# The fact table and the document


def _value_text(answer: Answer, words: dict) -> str:
    situation = answer.situation
    if situation.total_value is None:
        return words["value_missing"]
    if situation.value_is_annual:
        return words["value_annual"] % {
            "annual": nok(situation.annual_value),
            "years": situation.years,
            "total": nok(situation.total_value),
        }
    return words["value_total"] % {"total": nok(situation.total_value)}


def fact_rows(answer: Answer, *, language: str, answer_url: str, today: datetime.date):
    """(label, value) pairs of what the answer knows, in the document's language."""
    lang = document_language(language)
    words = WORDS[lang]
    situation = answer.situation
    with translation.override(lang):
        return [
            (words["answer_date"], date_format(situation.on, "DATE_FORMAT")),
            (words["purpose"], str(Purpose(situation.purpose).label)),
            (words["value"], _value_text(answer, words)),
            (words["kind"], str(Service(situation.service).label)),
            (words["provider"], str(Provider(situation.provider).label)),
            (words["authority"], str(Authority(situation.authority).label)),
            (
                words["regime"],
                str(Regime(answer.regime).label) if answer.regime else words["regime_none"],
            ),
            (words["link"], answer_url),
            (words["made"], date_format(today, "DATE_FORMAT")),
        ]


def build_docx(
    kind: TemplateKind,
    answer: Answer,
    *,
    language: str,
    answer_url: str,
    today: datetime.date,
) -> bytes:
    """The document as .docx bytes."""
    lang = document_language(language)
    words = WORDS[lang]
    document = Document()
    document.core_properties.title = kind.title(lang)
    document.core_properties.language = "nn-NO" if lang == "nn" else "nb-NO"
    document.core_properties.author = "Kokeboka"
    document.styles["Normal"].font.size = Pt(11)

    document.add_heading(kind.title(lang), level=0)
    document.add_paragraph(words["intro"])

    document.add_heading(words["facts"], level=1)
    facts = fact_rows(answer, language=lang, answer_url=answer_url, today=today)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in facts:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value

    if answer.warnings:
        document.add_heading(words["warnings"], level=2)
        with translation.override(lang):
            for notice in answer.warnings:
                document.add_paragraph(
                    f"{notice.label}: {notice.statement.render()}", style="List Bullet"
                )

    for section in kind.build(answer, lang):
        document.add_heading(section.heading, level=1)
        for text in section.paragraphs:
            document.add_paragraph(text)
            if section.fill:
                document.add_paragraph(BLANK)

    document.add_heading(words["thresholds"], level=1)
    if answer.thresholds:
        rows = document.add_table(rows=1, cols=4)
        rows.style = "Table Grid"
        for cell, text in zip(rows.rows[0].cells, words["threshold_head"], strict=True):
            cell.text = text
        with translation.override(lang):
            for row in answer.thresholds:
                cells = rows.add_row().cells
                cells[0].text = capfirst(str(row.name))
                cells[1].text = nok(row.amount)
                cells[2].text = date_format(row.valid_from, "DATE_FORMAT") if row.valid_from else ""
                source = row.citation + (f" ({row.source_url})" if row.source_url else "")
                if not row.verified:
                    source += f" – {words['not_verified']}"
                cells[3].text = source
    else:
        document.add_paragraph(words["no_thresholds"])

    if answer.citations:
        document.add_heading(words["rules"], level=1)
        for rule in answer.citations:
            text = f"{rule.citation} – {rule.title}"
            if rule.url:
                text += f" ({rule.url})"
            if not rule.verified:
                text += f" – {words['not_verified']}"
            document.add_paragraph(text, style="List Bullet")

    document.add_heading(words["sign"], level=1)
    document.add_paragraph(words["place_date"])
    document.add_paragraph(words["name_role"])

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
