# ruff: noqa: E501 - demo text reads better unwrapped
"""Demo content for the broker service: entrepreneur profiles with offers, needs, and three
demo people (a broker and an adviser in the invented Fjordvik kommune, an entrepreneur in an
invented company).

The named social entrepreneurs come from apps.accounts.demo (the checked facts); their
profiles and offers only restate what those facts say. The other entrepreneurs are
invented and named «… (fiktiv)». Every need belongs to one of the invented municipalities of
apps.accounts.demo, so no budget, figure or plan is put on a real municipality
(docs/decisions/0021-honest-demo-content.md). Offer keys and texts stay as they are: the
matching evaluation (apps/matching/evaluation) ranks them."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from apps.accounts.demo import HOME
from apps.accounts.models import MembershipRole, Organisation, OrganisationType

from .models import (
    PROFILE_LIFETIME_DAYS,
    EntrepreneurProfile,
    Need,
    Offer,
    ReviewStatus,
)

# Named entrepreneurs (from apps.accounts.demo): name -> (summary, areas, offers)
# offer: (key suffix, title, description, sectors, target groups, maturity, national)
NAMED: dict[str, tuple[str, list[str], list[tuple]]] = {
    "Pøbelprosjektet": (
        "Hjelper unge som står utenfor skole og arbeid med motivasjonskurs og tett oppfølging videre til jobb eller utdanning.",
        ["3201"],
        [
            (
                "kurs",
                "Motivasjonskurs for unge utenfor skole og arbeid",
                "Et kurs som bygger motivasjon og selvtillit, fulgt av oppfølging til den unge er i jobb eller utdanning.",
                ["arbeid_inkludering", "oppvekst_utdanning"],
                ["ungdom", "unge_voksne"],
                "established",
                False,
            ),
            (
                "oppfolging",
                "Oppfølging inn i arbeid",
                "Tett oppfølging av unge i overgangen fra kurs til arbeidsplass, sammen med arbeidsgiver.",
                ["arbeid_inkludering"],
                ["unge_voksne"],
                "established",
                False,
            ),
        ],
    ),
    "Young Happy Minds": (
        "Et kurs over ti uker i positiv psykologi som skal styrke trivselen til unge.",
        [],
        [
            (
                "kurs",
                "Trivselskurs i positiv psykologi",
                "Ti ukers kurs der unge lærer grep fra positiv psykologi for å ta vare på egen psykisk helse.",
                ["psykisk_helse_rus", "oppvekst_utdanning"],
                ["ungdom"],
                "established",
                False,
            )
        ],
    ),
    "Kjør for livet": (
        "Et lagbasert program som hjelper unge som har falt ut, tilbake til skole eller arbeid.",
        [],
        [
            (
                "program",
                "Lagbasert program for unge som har falt ut",
                "Unge deltar i et forpliktende lag med voksne trenere, og målet er skole eller arbeid etterpå.",
                ["arbeid_inkludering", "oppvekst_utdanning"],
                ["ungdom"],
                "established",
                False,
            )
        ],
    ),
    "Trivselsleder": (
        "Lærer opp elever til å lede lek i skolegården, slik at flere har noen å være sammen med.",
        [],
        [
            (
                "lek",
                "Elever leder lek i friminuttene",
                "Elever får opplæring i å organisere lek og aktiviteter, så færre går alene i friminuttet.",
                ["oppvekst_utdanning", "folkehelse"],
                ["barn"],
                "scaled",
                False,
            )
        ],
    ),
    "Forandringsfabrikken": (
        "Samler erfaringene til barn og unge for å gjøre barnevern og skole bedre.",
        [],
        [
            (
                "rad",
                "Råd fra barn og unge til tjenestene",
                "Barn og unge med erfaring fra barnevern og skole gir konkrete råd til ansatte og ledere.",
                ["barnevern", "oppvekst_utdanning"],
                ["barn", "ungdom"],
                "established",
                False,
            )
        ],
    ),
    "Unicus": (
        "En bedrift der alle de ansatte har Aspergers syndrom.",
        [],
        [
            (
                "konsulent",
                "Konsulenttjenester med ansatte som har Aspergers syndrom",
                "Oppdrag innen test og kvalitetssikring, utført av ansatte med Aspergers syndrom.",
                ["arbeid_inkludering"],
                ["personer_med_funksjonsnedsettelse"],
                "established",
                False,
            )
        ],
    ),
    "Intempo": (
        "Språkleken Bravo skal forebygge lese- og skrivevansker i barnehagen.",
        [],
        [
            (
                "bravo",
                "Språklek i barnehagen",
                "En strukturert språklek for barnehagebarn som skal forebygge lese- og skrivevansker senere.",
                ["oppvekst_utdanning"],
                ["barn"],
                "tested",
                False,
            )
        ],
    ),
    "Medarbeiderne AS": (
        "Et ideelt aksjeselskap som bare ansetter folk med rusbakgrunn.",
        [],
        [
            (
                "gjenvinning",
                "Innsamling av pant, glass, metall og EE-avfall",
                "Arbeidsplasser for folk med rusbakgrunn gjennom innsamling og sortering av gjenvinnbart avfall.",
                ["arbeid_inkludering", "miljo_klima", "psykisk_helse_rus"],
                ["rusavhengige"],
                "established",
                False,
            ),
            (
                "flytting",
                "Flytting og rydding",
                "Flytte- og ryddeoppdrag utført av ansatte med rusbakgrunn.",
                ["arbeid_inkludering"],
                ["rusavhengige"],
                "established",
                False,
            ),
        ],
    ),
    "Gamingkontakten": (
        "Digitale støttekontakter som møter isolerte gamere mellom 11 og 23 år inne i spillene.",
        [],
        [
            (
                "stotte",
                "Digital støttekontakt i spill",
                "En voksen støttekontakt møter den unge der den er, inne i spillet, og bygger tillit over tid.",
                ["psykisk_helse_rus", "kultur_fritid"],
                ["barn", "ungdom"],
                "tested",
                False,
            )
        ],
    ),
    "JodaCare AS": (
        "Et kommunikasjonsverktøy mellom sykehjem eller hjemmetjeneste og pårørende til personer med demens.",
        ["5001"],
        [
            (
                "parorende",
                "Kontakt mellom omsorgstjeneste og pårørende",
                "Pårørende til personer med demens får jevnlig og samlet informasjon fra sykehjem eller hjemmetjeneste.",
                ["helse_omsorg"],
                ["parorende", "personer_med_demens"],
                "tested",
                False,
            )
        ],
    ),
    "Noen AS": (
        "Samarbeider med kommuner om demensomsorg.",
        ["5006"],
        [
            (
                "demens",
                "Gjennomgang av demensomsorgen",
                "En felles gjennomgang av demensomsorgen sammen med kommunens ansatte, pårørende og brukere.",
                ["helse_omsorg"],
                ["personer_med_demens", "parorende"],
                "tested",
                False,
            )
        ],
    ),
    "BUA": (
        "Utlån av sports- og fritidsutstyr over hele landet; kommunene betaler en årlig avgift.",
        [],
        [
            (
                "utlan",
                "Gratis utlån av fritidsutstyr",
                "Barn, unge og familier låner sports- og friluftsutstyr gratis, slik at flere kan være med.",
                ["kultur_fritid", "folkehelse"],
                ["barn", "ungdom", "familier"],
                "scaled",
                True,
            )
        ],
    ),
    "Trygg av natur": (
        "Bruker naturen som mestringsarena, blant annet med naturdager for 8. trinn.",
        ["3312"],
        [
            (
                "naturdager",
                "Naturdager for ungdomsskolen",
                "Elever på 8. trinn får dager ute i naturen med oppgaver som bygger mestring og samhold.",
                ["oppvekst_utdanning", "folkehelse"],
                ["ungdom"],
                "tested",
                False,
            )
        ],
    ),
    "Kompass & Co": (
        "Arbeidstrening for unge med mat, hagearbeid, gatekjøkken og overskuddsmat.",
        ["3201"],
        [
            (
                "mat",
                "Arbeidstrening med mat og overskuddsmat",
                "Unge trener på arbeid i kjøkken og gatekjøkken, med mat som ellers ville blitt kastet.",
                ["arbeid_inkludering", "miljo_klima"],
                ["ungdom", "unge_voksne"],
                "established",
                False,
            ),
            (
                "hage",
                "Arbeidstrening i hage",
                "Praktisk arbeid i hage gir unge rutiner, erfaring og en referanse.",
                ["arbeid_inkludering"],
                ["unge_voksne"],
                "tested",
                False,
            ),
        ],
    ),
    "Vintage Baby / Café Vintage": (
        "Kjøkken- og arbeidstrening for kvinner med minoritetsbakgrunn.",
        [],
        [
            (
                "kafe",
                "Arbeidstrening på kafé for kvinner med minoritetsbakgrunn",
                "Kvinner får praksis i kjøkken og servering og hjelp videre mot jobb.",
                ["arbeid_inkludering", "integrering"],
                ["innvandrere"],
                "established",
                False,
            )
        ],
    ),
    "Folkelig": (
        "Vil redusere sosial ulikhet i helse gjennom matglede og sosiale møteplasser for barn og unge.",
        [],
        [
            (
                "matglede",
                "Matglede og møteplasser for barn og unge",
                "Barn og unge lager mat sammen og får en trygg møteplass etter skolen.",
                ["folkehelse", "kultur_fritid"],
                ["barn", "ungdom", "familier"],
                "tested",
                False,
            )
        ],
    ),
    "Papillon": (
        "Trygge fellesskap for unge med flerkulturell bakgrunn.",
        [],
        [
            (
                "fellesskap",
                "Fellesskap for unge med flerkulturell bakgrunn",
                "Faste samlinger der unge finner venner, voksne å snakke med og veien inn i fritidslivet.",
                ["integrering", "kultur_fritid"],
                ["ungdom", "innvandrere"],
                "tested",
                False,
            )
        ],
    ),
    "Ungt Entreprenørskap": (
        "Entreprenørskap i skolen gjennom elev- og ungdomsbedrifter.",
        [],
        [
            (
                "elevbedrift",
                "Elev- og ungdomsbedrifter",
                "Elever starter og driver en bedrift gjennom et skoleår, med veiledning fra næringslivet.",
                ["oppvekst_utdanning"],
                ["ungdom"],
                "scaled",
                True,
            )
        ],
    ),
    "Aball1": (
        "Aktivitetsbasert læring med tall- og bokstavballer i skole og barnehage.",
        [],
        [
            (
                "baller",
                "Læring i bevegelse med tall- og bokstavballer",
                "Barn lærer tall og bokstaver gjennom lek med baller, ute og inne.",
                ["oppvekst_utdanning", "folkehelse"],
                ["barn"],
                "established",
                False,
            )
        ],
    ),
    "PitStop": (
        "Hjelper ideelle organisasjoner å drive samtalestøtte, undervisning og arbeidstrening for unge i risiko.",
        [],
        [
            (
                "stotte",
                "Samtalestøtte og arbeidstrening for unge i risiko",
                "Unge i risiko får noen å snakke med, undervisning og arbeidstrening gjennom lokale ideelle.",
                ["psykisk_helse_rus", "arbeid_inkludering"],
                ["ungdom"],
                "tested",
                False,
            )
        ],
    ),
}

# Invented entrepreneurs (named «… (fiktiv)», not real companies):
# (key, name, legal form, work integration, summary, evidence, areas, national, offers)
INVENTED: list[tuple] = [
    (
        "gronn",
        "Grønn Arbeidstrening SA (fiktiv)",
        "SA",
        True,
        "Et samvirke som gir unge voksne og langtidsledige arbeidstrening i gartneri og parkstell.",
        "Av dem som fullførte et halvt år hos oss i fjor, gikk over halvparten videre til jobb eller skole (egen oppfølging).",
        ["3201", "0301"],
        False,
        [
            (
                "gartneri",
                "Arbeidstrening i gartneri og parkstell",
                "Deltakerne får faste arbeidsoppgaver i gartneri og parker, med en veileder som følger dem opp hver uke.",
                ["arbeid_inkludering", "miljo_klima"],
                ["unge_voksne", "langtidsledige"],
                "established",
                False,
            ),
            (
                "praksis",
                "Praksisplass med veiledning",
                "Korte praksisperioder for personer som skal prøve seg i arbeid etter lang tids fravær.",
                ["arbeid_inkludering"],
                ["langtidsledige"],
                "tested",
                False,
            ),
        ],
    ),
    (
        "kantine",
        "Kantinekollektivet AS (fiktiv)",
        "AS",
        True,
        "Driver kantiner der nyankomne innvandrere får opplæring, norsktrening og lønnet arbeid.",
        "Deltakerne får språkpraksis hver dag; mange har fått fast jobb i serveringsbransjen.",
        ["3301", "0301"],
        False,
        [
            (
                "kantine",
                "Språk- og arbeidspraksis i kantine",
                "Nyankomne lærer norsk på jobb i kantine og catering, med fagbrev som mulig mål.",
                ["arbeid_inkludering", "integrering"],
                ["innvandrere"],
                "established",
                False,
            ),
        ],
    ),
    (
        "turvenn",
        "Turvenn Eldre SA (fiktiv)",
        "SA",
        False,
        "Kobler eldre som bor hjemme med frivillige turvenner, også personer med demens.",
        "Deltakerne forteller om bedre søvn og mindre ensomhet (spørreundersøkelse blant deltakere).",
        ["4601", "3201"],
        False,
        [
            (
                "tur",
                "Faste turvenner for eldre",
                "En frivillig turvenn kommer hver uke og går tur med den eldre, tilpasset form og helse.",
                ["helse_omsorg", "folkehelse"],
                ["eldre", "personer_med_demens"],
                "tested",
                False,
            ),
            (
                "avlastning",
                "Aktivitet som gir pårørende pause",
                "Mens den eldre er ute på tur, får pårørende noen timer fri.",
                ["helse_omsorg"],
                ["parorende", "eldre"],
                "startup",
                False,
            ),
        ],
    ),
    (
        "leksehjelp",
        "Leksehjelp i Nabolaget (fiktiv)",
        "FLI",
        False,
        "Frivillige studenter gir leksehjelp og lesestøtte til barn i nabolag med mange lavinntektsfamilier.",
        "",
        ["4204", "1103"],
        False,
        [
            (
                "lekser",
                "Leksehjelp og lesestund",
                "To kvelder i uka med leksehjelp, lesestund og middag for barn og foreldre.",
                ["oppvekst_utdanning", "folkehelse"],
                ["barn", "familier"],
                "established",
                False,
            ),
        ],
    ),
    (
        "sykkel",
        "Sykkelverkstedet Ung AS (fiktiv)",
        "AS",
        True,
        "Et sykkelverksted der ungdom som har droppet ut av skolen reparerer sykler og får arbeidserfaring.",
        "",
        ["5501", "5001"],
        False,
        [
            (
                "verksted",
                "Arbeidstrening i sykkelverksted",
                "Ungdom lærer å reparere sykler, tar imot kunder og får attest og referanse.",
                ["arbeid_inkludering", "miljo_klima"],
                ["ungdom"],
                "tested",
                False,
            ),
            (
                "fag",
                "Vei til fagbrev",
                "Samarbeid med videregående skole om et løp mot fagbrev for dem som vil videre.",
                ["oppvekst_utdanning", "arbeid_inkludering"],
                ["ungdom", "unge_voksne"],
                "idea",
                False,
            ),
        ],
    ),
    (
        "botrygt",
        "Bo Trygt Sammen (fiktiv)",
        "STI",
        False,
        "Boveiledning for unge voksne som har hatt rusproblemer og skal klare seg i egen bolig.",
        "",
        ["0301", "3301"],
        False,
        [
            (
                "boveiledning",
                "Boveiledning for unge voksne",
                "En fast veileder hjelper med økonomi, naboer og hverdagsrutiner det første året i egen bolig.",
                ["bolig_naermiljo", "psykisk_helse_rus"],
                ["unge_voksne", "rusavhengige"],
                "tested",
                False,
            ),
        ],
    ),
    (
        "familiekjokken",
        "Familiekjøkkenet SA (fiktiv)",
        "SA",
        False,
        "Matkurs og felles middager for familier, med vekt på billig og sunn mat.",
        "",
        ["3403", "5001"],
        False,
        [
            (
                "middag",
                "Felles middag og matkurs for familier",
                "Familier lager mat sammen en kveld i uka og tar med oppskrifter hjem.",
                ["folkehelse", "integrering"],
                ["familier", "innvandrere"],
                "startup",
                False,
            ),
        ],
    ),
    (
        "hverdag",
        "Digital Hverdag AS (fiktiv)",
        "AS",
        False,
        "Opplæring for eldre som vil klare seg selv med bank, helse og kontakt med familie på nett.",
        "",
        ["1508", "4601"],
        False,
        [
            (
                "kurs",
                "Hjelp til digitale hverdagsoppgaver",
                "Små grupper der eldre øver på nettbank, legetimer og videosamtaler med familien.",
                ["helse_omsorg", "folkehelse"],
                ["eldre"],
                "established",
                False,
            ),
        ],
    ),
]

# The invented entrepreneur whose admin is the demo entrepreneur person.
DEMO_ENTREPRENEUR_KEY = "gronn"

# (key, kommune, title, problem, affected, tried, outcome, sectors, groups, no clear owner,
#  budget (min, max), timeframe, status, visibility)
NEEDS: list[tuple] = [
    (
        "fjordvik-frafall",
        "9901",
        "Unge som faller ut av videregående skole",
        "Hvert år slutter mange elever i videregående uten å fullføre. Når de går ut av skolen, følger ingen tjeneste dem tett, og mange blir gående hjemme.",
        "Ungdom mellom 16 og 21 år, foreldrene deres, skolene, oppfølgingstjenesten og NAV.",
        "Oppfølgingstjenesten ringer og kaller inn, men mange møter ikke opp. NAV kommer først inn når de er over 18.",
        "At flere fullfører skolen eller kommer i arbeid, og at ingen blir sittende lenge alene hjemme.",
        ["oppvekst_utdanning", "arbeid_inkludering", "psykisk_helse_rus"],
        ["ungdom"],
        True,
        (300000, 800000),
        "Utprøving skoleåret 2027/28",
        "open",
        "public",
    ),
    (
        "fjordvik-overskuddsmat",
        "9901",
        "Mat kastes mens familier har dårlig råd",
        "Butikker og kantiner kaster mat som kunne vært spist, samtidig som flere familier i kommunen har for lite penger til mat.",
        "Familier med lav inntekt, frivillige lag og matbutikker.",
        "Noen frivillige henter mat i dag, men uten fast ordning og uten sted å lage den.",
        "Mindre matsvinn og flere familier som får sunne måltider.",
        ["miljo_klima", "folkehelse"],
        ["familier"],
        False,
        (None, 250000),
        "",
        "open",
        "public",
    ),
    (
        "fjordvik-ensomhet",
        "9901",
        "Eldre som bor hjemme er ensomme",
        "Mange eldre som bor hjemme har nesten ingen å snakke med i løpet av uka. Hjemmetjenesten har ikke tid til mer enn det praktiske.",
        "Eldre over 75 som bor alene, og hjemmetjenesten.",
        "Besøksvenner gjennom frivilligsentralen, men ventelisten er lang.",
        "At eldre har noen å møte hver uke og kjenner seg mindre alene.",
        ["helse_omsorg", "folkehelse"],
        ["eldre"],
        False,
        (None, None),
        "",
        "in_dialogue",
        "public",
    ),
    (
        "fjordvik-sosialhjelp",
        "9901",
        "Unge voksne på sosialhjelp uten arbeidserfaring",
        "Unge voksne som har gått på sosialhjelp lenge, har ingen erfaring fra arbeidslivet å vise til.",
        "Unge voksne mellom 20 og 30 år og NAV.",
        "",
        "Utkast: vi skal beskrive ønsket resultat sammen med NAV.",
        ["arbeid_inkludering"],
        ["unge_voksne", "langtidsledige"],
        False,
        (None, None),
        "",
        "draft",
        "public",
    ),
    (
        "fjordvik-parorende",
        "9901",
        "Pårørende til personer med demens blir utslitt",
        "Pårørende som har omsorg for en person med demens hjemme, får for lite avlastning og blir selv syke.",
        "Ektefeller og barn av hjemmeboende personer med demens.",
        "Dagsenterplasser, men ikke nok, og ikke på kveldstid.",
        "At pårørende får pusterom og orker å stå i omsorgen lenger.",
        ["helse_omsorg"],
        ["parorende", "personer_med_demens"],
        False,
        (100000, 400000),
        "2027",
        "open",
        "members",
    ),
    (
        "elvdal-parorende",
        "9902",
        "Pårørende vet ikke hva som skjer på sykehjemmet",
        "Pårørende ringer ofte for å høre hvordan det går, og ansatte bruker mye tid på telefon. Viktig informasjon går tapt mellom vaktene.",
        "Pårørende, beboere på sykehjem og ansatte.",
        "Faste pårørendemøter to ganger i året.",
        "At pårørende føler seg trygge og får vite det de trenger, og at ansatte får mer tid til beboerne.",
        ["helse_omsorg"],
        ["parorende", "eldre"],
        False,
        (None, None),
        "",
        "in_dialogue",
        "public",
    ),
    (
        "elvdal-fritid",
        "9902",
        "Barn i familier med lav inntekt deltar lite i fritidsaktiviteter",
        "Barn i familier med dårlig råd blir ofte ikke med på idrett og kultur. De faller utenfor fellesskapet med jevnaldrende.",
        "Barn 6–15 år og foreldrene deres, skoler og idrettslag.",
        "Fritidskort og kontingentstøtte, men mange søker ikke.",
        "At alle barn kan være med på minst én fast aktivitet.",
        ["kultur_fritid", "oppvekst_utdanning", "folkehelse"],
        ["barn", "familier"],
        False,
        (None, 300000),
        "",
        "open",
        "public",
    ),
    (
        "elvdal-bolig",
        "9902",
        "Unge mister kommunal bolig etter kort tid",
        "Unge voksne som får kommunal bolig, mister den ofte igjen etter et år på grunn av husleiegjeld og bråk.",
        "Unge voksne i kommunal bolig, naboer og boligkontoret.",
        "Oppfølging fra NAV, men lite i hverdagen.",
        "At de unge klarer å bo stabilt og blir gode naboer.",
        ["bolig_naermiljo", "psykisk_helse_rus"],
        ["unge_voksne", "rusavhengige"],
        True,
        (None, None),
        "",
        "open",
        "public",
    ),
    (
        "bjorkvik-mistrivsel",
        "9903",
        "Elever som mistrives i klasserommet",
        "En del elever på ungdomstrinnet mistrives i klasserommet og uteblir fra undervisningen.",
        "Elever på 8.–10. trinn og lærerne deres.",
        "Miljøterapeut på skolen og samtaler med helsesykepleier.",
        "At elevene opplever mestring og kommer på skolen.",
        ["oppvekst_utdanning", "folkehelse"],
        ["ungdom"],
        False,
        (None, 150000),
        "Skoleåret 2027/28",
        "open",
        "public",
    ),
    (
        "bjorkvik-nettverk",
        "9903",
        "Unge med flerkulturell bakgrunn uten nettverk",
        "Ungdom som har kommet til Norge de siste årene, har få venner og kjenner ikke fritidstilbudene i bydelen.",
        "Ungdom 13–19 år, bydelens ungdomsklubber og skoler.",
        "Informasjon om fritidstilbud på flere språk.",
        "At ungdommene får venner og finner aktiviteter de blir værende i.",
        ["integrering", "kultur_fritid"],
        ["ungdom", "innvandrere"],
        False,
        (None, None),
        "",
        "open",
        "public",
    ),
    (
        "bjorkvik-rus-arbeid",
        "9903",
        "Tidligere rusavhengige som vil tilbake i arbeid",
        "Personer som har avsluttet rusbehandling vil gjerne i jobb, men arbeidsgivere nøler og de mangler noe å vise til.",
        "Personer med rusbakgrunn, behandlingssteder, NAV og arbeidsgivere.",
        "Arbeidspraksis gjennom NAV, men få tilpassede plasser.",
        "At flere får og beholder arbeid etter behandling.",
        ["psykisk_helse_rus", "arbeid_inkludering"],
        ["rusavhengige"],
        True,
        (200000, 600000),
        "",
        "open",
        "public",
    ),
    (
        "bjorkvik-sommer",
        "9903",
        "Sommeraktiviteter for barn som ikke reiser bort",
        "Mange barn blir værende i byen hele sommeren uten noe å gjøre.",
        "Barn 6–12 år.",
        "Sommeråpne skoler.",
        "Et tilbud hver sommeruke.",
        ["kultur_fritid"],
        ["barn"],
        False,
        (None, None),
        "",
        "closed",
        "public",
    ),
    (
        "elvdal-demens",
        "9902",
        "Personer med demens har for få meningsfulle dager",
        "Hjemmeboende personer med demens sitter mye alene og blir raskere dårligere.",
        "Personer med demens, pårørende og hjemmetjenesten.",
        "Et dagtilbud to dager i uka.",
        "At de får aktivitet og fellesskap flere dager i uka.",
        ["helse_omsorg"],
        ["personer_med_demens", "parorende"],
        False,
        (None, None),
        "",
        "open",
        "public",
    ),
    (
        "fjordvik-kvinner",
        "9901",
        "Kvinner med minoritetsbakgrunn står utenfor arbeidslivet",
        "Mange kvinner som har bodd i Norge i flere år, har aldri hatt lønnet arbeid og snakker lite norsk.",
        "Kvinner 25–55 år med minoritetsbakgrunn og NAV.",
        "Norskkurs, men mange slutter underveis.",
        "At flere kommer i arbeid og kan bruke norsk i hverdagen.",
        ["integrering", "arbeid_inkludering"],
        ["innvandrere"],
        False,
        (None, 500000),
        "",
        "open",
        "public",
    ),
    (
        "elvdal-gaming",
        "9902",
        "Isolert ungdom som bare er på nett",
        "Noen ungdommer går nesten ikke ut og har bare kontakt med andre gjennom spill. Skolen og helsetjenesten når dem ikke.",
        "Ungdom 12–20 år og foreldrene deres.",
        "Hjemmebesøk fra skolehelsetjenesten; de fleste vil ikke snakke.",
        "At ungdommene får tillit til en voksen og tar små steg ut.",
        ["psykisk_helse_rus", "kultur_fritid", "oppvekst_utdanning"],
        ["ungdom"],
        True,
        (None, None),
        "",
        "open",
        "public",
    ),
    (
        "bjorkvik-lesing",
        "9903",
        "Lese- og skrivevansker oppdages for sent",
        "Mange barn får først hjelp med lesing og skriving på mellomtrinnet, når de allerede har tapt mye.",
        "Barn i barnehage og på 1.–4. trinn, foreldre og lærere.",
        "Kartlegging i 2. klasse.",
        "At barn som trenger det, får hjelp allerede i barnehagen og første klasse.",
        ["oppvekst_utdanning"],
        ["barn"],
        False,
        (None, 200000),
        "",
        "open",
        "public",
    ),
    (
        "bjorkvik-psykisk",
        "9903",
        "Unge voksne med psykiske plager står utenfor arbeid",
        "Unge voksne med angst eller depresjon blir gående lenge uten arbeid eller utdanning.",
        "Unge voksne 18–30 år, NAV og psykisk helsetjeneste.",
        "Individuell jobbstøtte for noen få.",
        "At flere kommer i jobb med støtte rundt seg.",
        ["psykisk_helse_rus", "arbeid_inkludering"],
        ["unge_voksne"],
        False,
        (None, None),
        "",
        "in_dialogue",
        "public",
    ),
]


def demo_entrepreneur() -> Organisation:
    """The invented company the demo entrepreneur person runs (made by load())."""
    return Organisation.objects.get(external_key=f"demo:broker:{DEMO_ENTREPRENEUR_KEY}")


def _municipality_org(code: str) -> Organisation:
    return Organisation.objects.get(municipality__code=code)


def _ensure_profile(org, *, summary, evidence, areas, national, reviewer) -> EntrepreneurProfile:
    from apps.cases.models import CasePage
    from apps.core.models import Municipality

    profile = EntrepreneurProfile.objects.filter(organisation=org).first()
    if profile is not None:
        return profile
    profile = EntrepreneurProfile.objects.create(
        organisation=org,
        summary=summary,
        evidence=evidence,
        area_national=national,
        review_status=ReviewStatus.APPROVED,
        reviewed_by=reviewer,
        reviewed_at=timezone.now(),
        renewal_due=timezone.localdate() + datetime.timedelta(days=PROFILE_LIFETIME_DAYS),
    )
    profile.areas.set(Municipality.objects.filter(code__in=areas))
    examples = CasePage.objects.live().filter(entrepreneur_organisation=org)
    profile.examples.set(examples)
    return profile


def _ensure_offers(profile, prefix: str, offers: list[tuple], areas: list[str]) -> None:
    from apps.core.models import Municipality, Sector, TargetGroup

    for suffix, title, description, sectors, groups, maturity, national in offers:
        key = f"demo-{prefix}-{suffix}"
        if Offer.objects.filter(key=key).exists():
            continue
        offer = Offer.objects.create(
            key=key,
            profile=profile,
            title=title,
            description=description,
            maturity=maturity,
            area_national=national,
        )
        offer.sectors.set(Sector.objects.filter(code__in=sectors))
        offer.target_groups.set(TargetGroup.objects.filter(code__in=groups))
        offer.areas.set(Municipality.objects.filter(code__in=areas))


def _ensure_needs(author) -> None:
    from apps.core.models import Sector, TargetGroup

    for (
        key,
        code,
        title,
        problem,
        affected,
        tried,
        outcome,
        sectors,
        groups,
        no_owner,
        (budget_min, budget_max),
        timeframe,
        status,
        visibility,
    ) in NEEDS:
        key = f"demo-{key}"
        if Need.objects.filter(key=key).exists():
            continue
        org = _municipality_org(code)
        need = Need.objects.create(
            key=key,
            organisation=org,
            municipality=org.municipality,
            title=title,
            description=problem,
            affected=affected,
            tried=tried,
            outcome=outcome,
            no_clear_owner=no_owner,
            budget_min=budget_min,
            budget_max=budget_max,
            timeframe=timeframe,
            status=status,
            visibility=visibility,
            created_by=author if code == HOME else None,
        )
        need.sectors.set(Sector.objects.filter(code__in=sectors))
        need.target_groups.set(TargetGroup.objects.filter(code__in=groups))


@transaction.atomic
def load() -> None:
    """Adds the demo rows (idempotent: matched by import key and organisation)."""
    from apps.accounts.demo import ensure_person
    from apps.accounts.services import organisation_create
    from apps.core.services import vocabulary_ensure

    vocabulary_ensure()
    home = _municipality_org(HOME)
    broker = ensure_person(
        email="megler@demo.kokeboka.no",
        first_name="Mari",
        last_name="Megler",
        memberships=((home, MembershipRole.BROKER),),
    )
    adviser = ensure_person(
        email="radgiver@demo.kokeboka.no",
        first_name="Rune",
        last_name="Rådgiver",
        memberships=((home, MembershipRole.MEMBER),),
    )
    for index, (name, (summary, areas, offers)) in enumerate(NAMED.items()):
        org = Organisation.objects.filter(external_key=f"demo:se:{name}").first()
        if org is None:
            continue
        profile = _ensure_profile(
            org, summary=summary, evidence="", areas=areas, national=False, reviewer=broker
        )
        _ensure_offers(profile, f"se{index}", offers, areas)
    for key, name, legal_form, work, summary, evidence, areas, national, offers in INVENTED:
        external_key = f"demo:broker:{key}"
        org = Organisation.objects.filter(external_key=external_key).first()
        if org is None:
            org = organisation_create(
                actor=None,
                name=name,
                type=OrganisationType.SOSIAL_ENTREPRENOR,
                legal_form=legal_form,
                work_integration=work,
                description=f"<p>{summary}</p>",
                external_key=external_key,
            )
        elif org.name != name:  # a demo loaded before the names were marked «(fiktiv)»
            org.name = name
            org.save(update_fields=["name"])
        profile = _ensure_profile(
            org,
            summary=summary,
            evidence=evidence,
            areas=areas,
            national=national,
            reviewer=broker,
        )
        _ensure_offers(profile, key, offers, areas)
    # The demo entrepreneur runs an invented company, never a real one.
    ensure_person(
        email="entreprenor@demo.kokeboka.no",
        first_name="Elin",
        last_name="Entreprenør",
        memberships=((demo_entrepreneur(), MembershipRole.ADMIN),),
    )
    _ensure_needs(adviser)
    from apps.accounts.demo import verify_demo_organisations

    verify_demo_organisations()  # the municipalities and entrepreneurs made above
