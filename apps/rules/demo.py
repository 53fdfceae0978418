"""Seeds the agreed legal rules and threshold rows (see docs: rule codes shared by the apps).

Rows are matched on `code` (rules) and on (key, valid_from, pending) (thresholds) and
updated in place, so running the seed again changes nothing. An end date an editor has
set on a row the seed leaves open is kept: closing a row is how a new value takes over.
"""

import datetime

from django.db import models, transaction

from .models import LegalRule, Threshold

LOA = "Anskaffelsesloven"
FOA = "Anskaffelsesforskriften"
STATE_AID = "Regler om offentlig støtte"

URL_LOA = "https://lovdata.no/dokument/NL/lov/2016-06-17-73"
URL_FOA = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974"
URL_NFD_GUIDE = (
    "https://www.regjeringen.no/no/dokumenter/veileder-offentlige-anskaffelser/id2581234/"
)
URL_NFD_IDEELLE = (
    "https://www.regjeringen.no/no/dokumenter/veiledning-om-hvordan-oppdragsgiver-kan-vurdere-"
    "om-det-er-adgang-til-a-reservere-konkurranser-om-anskaffelser-av-helse--og-sosialtjenester-"
    "for-ideelle-leverandorer/id2582864/"
)
URL_KS_IDEELLE = (
    "https://www.ks.no/ks-advokatene/nyheter/"
    "mulig-a-reservere-konkurranser-for-ideelle-aktorer--pa-visse-vilkar/"
)
URL_THRESHOLDS_ANSKAFFELSER = (
    "https://anskaffelser.no/avtaler-og-regelverk/terskelverdier-offentlige-anskaffelser"
)
URL_THRESHOLDS_REGJERINGEN = "https://www.regjeringen.no/no/aktuelt/terskelverdier/id3030686/"
URL_THRESHOLDS_KS = "https://www.ks.no/ks-advokatene/nyheter/nye-eos-terskelverdier-for-2024-2026/"
URL_NATIONAL_2018 = "https://prosjektanskaffelser.no/nye-terskelverdier-gjeldende-fra-06-04-2018/"
URL_PCP = (
    "https://anskaffelser.no/avtaler-og-regelverk/anskaffelsesprosedyrer/kommersielle-anskaffelser"
)
URL_GRANT = "https://dfo.no/fagomrader/tilskudd-fra-staten/tilskudd-eller-anskaffelse"
URL_STATE_AID = "https://www.regjeringen.no/no/dokumenter/veileder-om-offentlig-stotte/id2632758/"
URL_DE_MINIMIS = "https://www.ks.no/ks-advokatene/nyheter/bagatellstotte-pa-pause/"
URL_PROP_147 = "https://www.regjeringen.no/no/dokumenter/prop.-147-l-20242025/id3100598/"

START_2017 = datetime.date(2017, 1, 1)

RULES: list[dict] = [
    {
        "code": "loa-2",
        "citation": "LOA § 2",
        "title": "Virkeområde og nedre terskelverdi",
        "law": LOA,
        "source_url": URL_LOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Anskaffelsesloven gjelder når staten, kommunene, fylkeskommunene og "
            "offentligrettslige organer kjøper varer, tjenester eller bygge- og anleggsarbeider. "
            "Et kjøp som er anslått til under 100 000 kroner uten merverdiavgift, faller utenfor "
            "både loven og forskriften. Det er likevel god praksis å be om og sammenligne flere "
            "tilbud også da."
        ),
    },
    {
        "code": "loa-4",
        "citation": "LOA § 4",
        "title": "Grunnleggende prinsipper",
        "law": LOA,
        "source_url": URL_LOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Alle kjøp som loven gjelder for, skal så langt det går bygge på konkurranse. "
            "Leverandørene skal behandles likt, og oppdragsgiveren skal være forutsigbar. "
            "Det som gjøres og grunnene for det, skal kunne etterprøves i ettertid, og kravene "
            "skal stå i rimelig forhold til det som kjøpes."
        ),
    },
    {
        "code": "loa-5",
        "citation": "LOA § 5",
        "title": "Samfunnsansvar",
        "law": LOA,
        "source_url": URL_LOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Stat, fylkeskommuner og kommuner skal legge opp innkjøpene sine slik at de gir "
            "mindre skade på miljøet og fremmer klimavennlige løsninger, blant annet ved å se på "
            "kostnadene over hele levetiden. De skal også ha rutiner som fremmer respekt for "
            "grunnleggende menneskerettigheter. Oppdragsgiveren kan stille krav og bruke "
            "kriterier om miljø, innovasjon, arbeidsforhold, sosiale forhold og universell "
            "utforming."
        ),
    },
    {
        "code": "foa-5-1",
        "citation": "FOA § 5-1",
        "title": "Hvilke deler av forskriften som gjelder",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Forskriften er delt i flere deler, og det er den anslåtte verdien av kjøpet som "
            "avgjør hvilke av dem du må følge. Del I gjelder alle kjøp fra 100 000 kroner. "
            "Fra den nasjonale terskelverdien kommer del II i tillegg, og fra EØS-terskelverdien "
            "gjelder del III i stedet for del II. Helse- og sosialtjenester og andre særlige "
            "tjenester har egne regler."
        ),
    },
    {
        "code": "foa-5-3",
        "citation": "FOA § 5-3",
        "title": "EØS-terskelverdier",
        "law": FOA,
        "source_url": URL_THRESHOLDS_REGJERINGEN,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Her står beløpene der de strengeste prosedyrereglene og kunngjøring i hele EØS "
            "begynner å gjelde. Beløpene er forskjellige for statlige oppdragsgivere, for "
            "kommuner og andre oppdragsgivere, for bygge- og anleggsarbeider og for helse- og "
            "sosialtjenester. De blir justert med noen års mellomrom, så se tabellen over "
            "terskelverdier for beløpet som gjaldt på en bestemt dato."
        ),
    },
    {
        "code": "foa-5-4",
        "citation": "FOA § 5-4",
        "title": "Beregning av anskaffelsens verdi",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": False,
        "verification_note": (
            "Regelen om at løpende avtaler regnes over inntil fire år, er hentet fra "
            "veiledning (NMBU) og ikke lest i forskriftsteksten. Les FOA § 5-4 på Lovdata og "
            "juster sammendraget før raden merkes som verifisert."
        ),
        "summary": (
            "Verdien er det samlede beløpet oppdragsgiveren regner med å betale for hele "
            "kontrakten, uten merverdiavgift og med eventuelle opsjoner og forlengelser. For "
            "løpende avtaler regnes verdien normalt over inntil fire år. Det er ikke lov å dele "
            "opp et kjøp for å havne under en terskelverdi."
        ),
    },
    {
        "code": "foa-7-1",
        "citation": "FOA §§ 7-1, 10-5, 25-5, 30-1",
        "title": "Plikt til anskaffelsesprotokoll",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Fra 100 000 kroner uten merverdiavgift skal oppdragsgiveren føre protokoll over "
            "anskaffelsen. Protokollen viser de viktigste opplysningene og beslutningene fra "
            "start til slutt, slik at andre kan kontrollere hva som ble gjort. Hvilken paragraf "
            "som gjelder, kommer an på hvilken del av forskriften kjøpet følger."
        ),
    },
    {
        "code": "foa-7-9",
        "citation": "FOA § 7-9",
        "title": "Klima- og miljøhensyn (minst 30 % vekt)",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": datetime.date(2024, 1, 1),
        "verified": True,
        "summary": (
            "Fra 1. januar 2024 skal klima- og miljøhensyn som hovedregel telle minst 30 prosent "
            "når tilbudene vurderes. Oppdragsgiveren kan i stedet stille klima- og miljøkrav "
            "til selve leveransen."
        ),
    },
    {
        "code": "foa-8-3",
        "citation": "FOA § 8-3",
        "title": "Tilbudskonkurranse (del II)",
        "law": FOA,
        "source_url": URL_THRESHOLDS_ANSKAFFELSER,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Mellom den nasjonale terskelverdien og EØS-terskelverdien kunngjøres kjøpet i "
            "Doffin og gjennomføres som tilbudskonkurranse. Den kan være åpen, slik at alle "
            "interesserte kan levere tilbud, eller begrenset, slik at bare leverandører som "
            "er valgt ut etter en kvalifisering, blir invitert. I en tilbudskonkurranse er det "
            "lov å forhandle med leverandørene."
        ),
    },
    {
        "code": "foa-8-8",
        "citation": "FOA § 8-8",
        "title": "Reserverte kontrakter (del II)",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Oppdragsgiveren kan forbeholde en konkurranse for virksomheter og programmer som "
            "først og fremst skal få personer med funksjonsnedsettelse eller andre vanskeligstilte "
            "i arbeid. Minst 30 prosent av de ansatte må høre til disse gruppene. Regelen passer "
            "for arbeids- og inkluderingsbedrifter og andre arbeidsintegrerende sosiale "
            "entreprenører, og kan også brukes under den nasjonale terskelverdien."
        ),
    },
    {
        "code": "foa-16-9",
        "citation": "FOA § 16-9",
        "title": "Reserverte kontrakter (del III)",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Også over EØS-terskelverdien kan en konkurranse forbeholdes virksomheter som har "
            "arbeidsinkludering av personer med funksjonsnedsettelse eller andre vanskeligstilte "
            "som hovedformål. Kravet er det samme som i del II: minst 30 prosent av de ansatte må "
            "tilhøre disse gruppene."
        ),
    },
    {
        "code": "foa-30-3",
        "citation": "FOA § 30-3",
        "title": "Reserverte kontrakter for helse- og sosialtjenester",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Når en kommune kjøper helse- og sosialtjenester eller andre særlige tjenester over "
            "EØS-terskelverdien, kan den også forbeholde konkurransen for arbeidsintegrerende "
            "virksomheter. Minst 30 prosent av de ansatte må ha funksjonsnedsettelse eller være "
            "vanskeligstilte."
        ),
    },
    {
        "code": "foa-kap-30",
        "citation": "FOA kapittel 30",
        "title": "Helse- og sosialtjenester og andre særlige tjenester",
        "law": FOA,
        "source_url": URL_NFD_GUIDE,
        "valid_from": START_2017,
        "verified": False,
        "verification_note": (
            "Nummereringen av delen er uklar: departementet kaller den del IV, mens tabellen på "
            "anskaffelser.no kaller den del VI. Kontroller også at oppdragsgiveren fritt kan "
            "utforme prosedyren over terskelverdien."
        ),
        "summary": (
            "Kjøp av helse- og sosialtjenester og andre særlige tjenester over EØS-terskelverdien "
            "følger et enklere regelsett enn andre kjøp av samme størrelse. Konkurransen skal "
            "kunngjøres i hele EØS, men oppdragsgiveren kan i stor grad selv legge opp "
            "prosedyren, så lenge de grunnleggende prinsippene følges. Under terskelverdien "
            "gjelder bare loven og forskriftens del I."
        ),
    },
    {
        "code": "foa-13-1",
        "citation": "FOA § 13-1",
        "title": "Valg av prosedyre over EØS-terskel",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Over EØS-terskelverdien kan oppdragsgiveren alltid velge åpen eller begrenset "
            "anbudskonkurranse. Konkurranse med forhandling og konkurransepreget dialog kan bare "
            "brukes når vilkårene i § 13-2 er oppfylt. Innovasjonspartnerskap i tredje ledd er en "
            "egen prosedyre for å utvikle og så kjøpe noe som ikke finnes i markedet."
        ),
    },
    {
        "code": "foa-13-2",
        "citation": "FOA § 13-2",
        "title": "Vilkår for konkurranse med forhandling og konkurransepreget dialog",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Over EØS-terskelverdien er forhandling og dialog bare tillatt i bestemte situasjoner: "
            "når behovet ikke kan dekkes uten å tilpasse løsninger som finnes, når kjøpet gjelder "
            "design eller nyskapende løsninger, når oppdraget er sammensatt, eller når "
            "oppdragsgiveren ikke kan beskrive kravene presist nok på forhånd."
        ),
    },
    {
        "code": "foa-13-3",
        "citation": "FOA § 13-3",
        "title": "Konkurranse med forhandling uten forutgående kunngjøring",
        "law": FOA,
        "source_url": URL_NFD_GUIDE,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "I noen få tilfeller kan oppdragsgiveren forhandle med én eller flere leverandører "
            "uten først å kunngjøre konkurransen, for eksempel når en kunngjort konkurranse ikke "
            "ga noen egnede tilbud. Unntakene er snevre, og oppdragsgiveren må kunne vise hvorfor "
            "vilkårene er oppfylt."
        ),
    },
    {
        "code": "foa-13-4",
        "citation": "FOA § 13-4",
        "title": "Anskaffelser uten konkurranse",
        "law": FOA,
        "source_url": URL_NFD_GUIDE,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Over EØS-terskelverdien kan en kontrakt bare gis direkte til én leverandør i de "
            "tilfellene forskriften lister opp, for eksempel når bare én leverandør kan levere av "
            "tekniske grunner eller fordi noen har enerett. At en sosial entreprenør har et "
            "særegent samfunnsoppdrag, er ikke i seg selv et slikt grunnlag."
        ),
    },
    {
        "code": "foa-innovasjonspartnerskap",
        "citation": "FOA § 13-1 (3)",
        "title": "Innovasjonspartnerskap",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Innovasjonspartnerskap passer når oppdragsgiveren trenger en løsning som ikke finnes "
            "i markedet i dag, og reglene i del III gjelder. Oppdragsgiveren forhandler fram "
            "avtale med én eller flere partnere, og utviklingen skjer i faser med delmål. Etter "
            "hver fase kan samarbeidet avsluttes. Når løsningen når de avtalte ytelsesmålene "
            "innenfor makskostnaden, kan den kjøpes uten en ny konkurranse."
        ),
    },
    {
        "code": "foa-2-5",
        "citation": "FOA § 2-5",
        "title": "Unntak for forsknings- og utviklingstjenester (førkommersielle anskaffelser)",
        "law": FOA,
        "source_url": URL_PCP,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Kjøp av forsknings- og utviklingstjenester er unntatt fra regelverket når "
            "forskning og utvikling er hovedinnholdet, og oppdragsgiveren enten ikke betaler hele "
            "kostnaden eller ikke beholder hele nytten selv. Dette er grunnlaget for "
            "førkommersielle anskaffelser. Å kjøpe den ferdige løsningen etterpå er en ny "
            "anskaffelse som følger de vanlige reglene."
        ),
    },
    {
        "code": "markedsdialog",
        "citation": "FOA §§ 9-3 og 12-2",
        "title": "Dialog med markedet før konkurransen",
        "law": FOA,
        "source_url": URL_FOA,
        "valid_from": START_2017,
        "verified": False,
        "verification_note": (
            "anskaffelser.no viser til FOA § 9-3 og § 12-2. Kontroller på Lovdata hvilken av "
            "paragrafene som hører til del II og hvilken til del III, og rett sitatet."
        ),
        "summary": (
            "Oppdragsgiveren kan snakke med leverandører før konkurransen, for eksempel for å "
            "finne ut hvilke løsninger som finnes og hva de koster. Alle må behandles likt, ingen "
            "må få et urimelig forsprang, og forretningshemmeligheter skal beskyttes. Når "
            "konkurransen er kunngjort, kan oppdragsgiveren ikke lenger hente råd fra "
            "leverandørene på denne måten."
        ),
    },
    {
        "code": "ideell-under-terskel",
        "citation": "FOA del I og kap. 30; NFD-veiledning (2017)",
        "title": "Konkurranse bare for ideelle under terskelverdien",
        "law": FOA,
        "source_url": URL_NFD_IDEELLE,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Under EØS-terskelverdien for helse- og sosialtjenester gjelder bare loven og "
            "forskriftens del I. Oppdragsgiveren bestemmer da selv hvilke leverandører som "
            "inviteres, og kan velge å invitere bare ideelle organisasjoner. De grunnleggende "
            "prinsippene om blant annet likebehandling og etterprøvbarhet gjelder fortsatt."
        ),
    },
    {
        "code": "ideell-over-terskel",
        "citation": "FOA (endring om reservasjon for ideelle)",
        "title": "Reservasjon for ideelle over terskelverdien",
        "law": FOA,
        "source_url": URL_KS_IDEELLE,
        "valid_from": START_2017,
        "verified": False,
        "verification_note": (
            "En forskriftsendring som åpner for å reservere helse- og sosialtjenester for ideelle, "
            "ble kunngjort 19. februar (2020 eller 2021). Paragrafnummeret og datoen endringen "
            "trådte i kraft er ikke bekreftet; finn dem på Lovdata og rett sitat og startdato."
        ),
        "summary": (
            "Over terskelverdien kan en konkurranse om helse- og sosialtjenester bare forbeholdes "
            "ideelle leverandører når vilkårene som er utviklet i EU-domstolens praksis, er "
            "oppfylt. Det må vurderes konkret i hver anskaffelse. ESA har stilt spørsmål ved om "
            "ordningen passer med EØS-avtalen, så oppdragsgiveren bør regne med en viss risiko "
            "for erstatningskrav."
        ),
    },
    {
        "code": "tilskudd-eller-anskaffelse",
        "citation": "LOA § 2 (gjensidig bebyrdende avtale)",
        "title": "Tilskudd eller anskaffelse?",
        "law": LOA,
        "source_url": URL_GRANT,
        "valid_from": START_2017,
        "verified": True,
        "summary": (
            "Det er innholdet i avtalen, ikke navnet på den, som avgjør om pengene er et "
            "tilskudd eller betaling for et kjøp. Får kommunen en ytelse den selv har direkte "
            "økonomisk interesse av, og betaler for den, er avtalen gjensidig bebyrdende og "
            "dermed en anskaffelse. Sterk styring og detaljerte krav til leveransen peker mot "
            "kjøp. Et «tilskudd» som egentlig er et kjøp, er en ulovlig direkteanskaffelse som "
            "KOFA kan ilegge gebyr for."
        ),
    },
    {
        "code": "offentlig-stotte",
        "citation": "EØS-avtalen art. 61 (1)",
        "title": "Offentlig støtte",
        "law": STATE_AID,
        "source_url": URL_STATE_AID,
        "valid_from": datetime.date(1994, 1, 1),
        "verified": True,
        "summary": (
            "Penger eller andre fordeler fra det offentlige til en virksomhet som driver "
            "økonomisk aktivitet, kan være ulovlig støtte. Det er bare tilfellet når alle seks "
            "vilkårene er oppfylt: det gis en økonomisk fordel, med offentlige midler, til et "
            "foretak, på en selektiv måte, slik at konkurransen kan vris og handelen i EØS kan "
            "påvirkes. En sosial entreprenør kan også være et foretak i denne forstand."
        ),
    },
    {
        "code": "bagatellstotte",
        "citation": "Forordning om bagatellmessig støtte",
        "title": "Bagatellstøtte (de minimis)",
        "law": STATE_AID,
        "source_url": URL_DE_MINIMIS,
        "valid_from": datetime.date(2024, 1, 1),
        "verified": False,
        "verification_note": (
            "Startdatoen 1.1.2024 er datoen i EU. Kontroller når regelen ble gjort gjeldende i "
            "Norge, forordningsnumrene (EU) 2023/2831 og 2023/2832 og ordlyden om perioden på "
            "tre år."
        ),
        "summary": (
            "Små støttebeløp regnes ikke som ulovlig offentlig støtte. Etter den nye EU-regelen "
            "kan ett foretak få til sammen 300 000 euro over tre år, og for tjenester av allmenn "
            "økonomisk betydning er grensen 750 000 euro. Tidligere var grensen 200 000 euro. "
            "Ordinær bagatellstøtte var satt på pause i Norge en periode mens den nye regelen ble "
            "tatt inn i EØS-avtalen."
        ),
    },
    {
        "code": "prop-147-l",
        "citation": "Prop. 147 L (2024–2025)",
        "title": "Forslag: ny nedre terskel og endringer i anskaffelsesloven",
        "law": LOA,
        "source_url": URL_PROP_147,
        "valid_from": None,
        "pending": True,
        "verified": False,
        "verification_note": (
            "Stortingets vedtak (Innst. 38 L (2025–2026)), endelig ordlyd og dato for "
            "ikrafttredelse er ikke bekreftet. Når loven trer i kraft: sett startdato, fjern "
            "merket «foreslått» og oppdater reglene og terskelverdiene som endres."
        ),
        "summary": (
            "Regjeringen har lagt fram første del av en revidert anskaffelseslov. Forslaget "
            "hever den nedre terskelverdien fra 100 000 til 300 000 kroner, tar bort de "
            "grunnleggende prinsippene for nasjonale anskaffelser, samler samfunnshensynene i "
            "loven og krever at oppdragsgivere har en anskaffelsesstrategi. Forslaget gjelder "
            "ikke før det er vedtatt og satt i kraft; til da gjelder dagens regler."
        ),
    },
]

UNCONFIRMED_START = (
    "Startdatoen er ikke bekreftet. Finn endringsforskriften til FOA § 5-3 på Lovdata og "
    "kontroller datoen beløpet gjaldt fra, og at forrige rad slutter dagen før."
)

THRESHOLDS: list[dict] = [
    {
        "key": Threshold.Key.LOWER_LIMIT,
        "amount": 100_000,
        "valid_from": START_2017,
        "verified": True,
        "citation": "LOA § 2",
        "source_url": URL_LOA,
    },
    {
        "key": Threshold.Key.LOWER_LIMIT,
        "amount": 300_000,
        "valid_from": None,
        "pending": True,
        "verified": False,
        "citation": "Prop. 147 L (2024–2025)",
        "source_url": URL_PROP_147,
        "verification_note": (
            "Foreslått i Prop. 147 L (2024–2025); vedtak og ikrafttredelse er ikke bekreftet. "
            "Når endringen trer i kraft: sett startdato, fjern «foreslått» og avslutt raden for "
            "100 000 kroner dagen før."
        ),
    },
    {
        "key": Threshold.Key.PROTOCOL,
        "amount": 100_000,
        "valid_from": START_2017,
        "verified": True,
        "citation": "FOA §§ 7-1, 10-5, 25-5, 30-1",
        "source_url": URL_FOA,
    },
    {
        "key": Threshold.Key.NATIONAL,
        "amount": 1_100_000,
        "valid_from": START_2017,
        "valid_to": datetime.date(2018, 4, 5),
        "verified": True,
        "citation": "FOA § 5-1",
        "source_url": URL_FOA,
    },
    {
        "key": Threshold.Key.NATIONAL,
        "amount": 1_300_000,
        "valid_from": datetime.date(2018, 4, 6),
        "verified": True,
        "citation": "FOA § 5-1 (FOR-2018-04-04-533)",
        "source_url": URL_NATIONAL_2018,
    },
    {
        "key": Threshold.Key.EEA_GOODS_SERVICES_OTHER,
        "amount": 2_050_000,
        "valid_from": datetime.date(2020, 2, 12),
        "valid_to": datetime.date(2021, 12, 31),
        "verified": False,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_ANSKAFFELSER,
        "verification_note": UNCONFIRMED_START + " Kildene nevner både 12. og 13. februar 2020.",
    },
    {
        "key": Threshold.Key.EEA_GOODS_SERVICES_OTHER,
        "amount": 2_200_000,
        "valid_from": datetime.date(2022, 1, 1),
        "valid_to": datetime.date(2024, 3, 13),
        "verified": False,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_ANSKAFFELSER,
        "verification_note": UNCONFIRMED_START,
    },
    {
        "key": Threshold.Key.EEA_GOODS_SERVICES_OTHER,
        "amount": 2_300_000,
        "valid_from": datetime.date(2024, 3, 14),
        "verified": True,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_KS,
    },
    {
        "key": Threshold.Key.EEA_GOODS_SERVICES_STATE,
        "amount": 1_490_000,
        "valid_from": datetime.date(2024, 3, 14),
        "verified": True,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_REGJERINGEN,
    },
    {
        "key": Threshold.Key.EEA_WORKS,
        "amount": 56_000_000,
        "valid_from": datetime.date(2022, 1, 1),
        "valid_to": datetime.date(2024, 3, 13),
        "verified": False,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_ANSKAFFELSER,
        "verification_note": UNCONFIRMED_START,
    },
    {
        "key": Threshold.Key.EEA_WORKS,
        "amount": 57_800_000,
        "valid_from": datetime.date(2024, 3, 14),
        "verified": True,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_KS,
    },
    {
        "key": Threshold.Key.EEA_HEALTH_SOCIAL,
        "amount": 6_300_000,
        "valid_from": START_2017,
        "valid_to": datetime.date(2017, 12, 31),
        "verified": True,
        "citation": "FOA § 5-3",
        "source_url": URL_NFD_IDEELLE,
    },
    {
        "key": Threshold.Key.EEA_HEALTH_SOCIAL,
        "amount": 6_950_000,
        "valid_from": datetime.date(2018, 1, 1),
        "valid_to": datetime.date(2020, 2, 11),
        "verified": False,
        "citation": "FOA § 5-3",
        "source_url": URL_NFD_GUIDE,
        "verification_note": UNCONFIRMED_START,
    },
    {
        "key": Threshold.Key.EEA_HEALTH_SOCIAL,
        "amount": 7_200_000,
        "valid_from": datetime.date(2020, 2, 12),
        "valid_to": datetime.date(2024, 3, 13),
        "verified": False,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_ANSKAFFELSER,
        "verification_note": UNCONFIRMED_START + " Kildene nevner både 12. og 13. februar 2020.",
    },
    {
        "key": Threshold.Key.EEA_HEALTH_SOCIAL,
        "amount": 7_800_000,
        "valid_from": datetime.date(2024, 3, 14),
        "verified": False,
        "citation": "FOA § 5-3",
        "source_url": URL_THRESHOLDS_ANSKAFFELSER,
        "verification_note": (
            "Beløpet 7 800 000 kroner er bekreftet, men ikke datoen det gjaldt fra. Startdatoen "
            "er satt lik de andre EØS-terskelverdiene (14.3.2024); kontroller den på Lovdata."
        ),
    },
]

ROW_DEFAULTS = {
    "valid_to": None,
    "pending": False,
    "verification_note": "",
    "law": "",
}


def load() -> None:
    with transaction.atomic():
        for spec in RULES:
            values = {**ROW_DEFAULTS, **spec}
            code = values.pop("code")
            _upsert(LegalRule, lookup={"code": code}, values=values)
        threshold_defaults = {k: v for k, v in ROW_DEFAULTS.items() if k != "law"}
        for spec in THRESHOLDS:
            values = {**threshold_defaults, **spec}
            lookup = {
                "key": values.pop("key"),
                "valid_from": values.pop("valid_from"),
                "pending": values.pop("pending"),
            }
            _upsert(Threshold, lookup=lookup, values=values)


def _upsert(model: type[models.Model], *, lookup: dict, values: dict) -> None:
    """update_or_create that writes (and leaves a revision) only when something differs."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        row = model(**lookup, **values)
        row.full_clean()
        row.save()
        row.save_revision(log_action="wagtail.create", clean=False)
        return
    changes = {name: value for name, value in values.items() if getattr(row, name) != value}
    if values.get("valid_to") is None and row.valid_to is not None:
        # An editor has ended this row so that a newer value can take over.
        changes.pop("valid_to", None)
    if not changes:
        return
    for name, value in changes.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    row.save_revision(log_action=True, clean=False)
