"""The demo examples: real collaborations between a named municipality and an entrepreneur,
from shared/domain/legal-facts.md (A1–A5) and the public sources each example lists, told in
our own words. Only facts a listed source states; what no source confirms is left out of the
published text (the open questions are listed for editors in
docs/decisions/0021-honest-demo-content.md), and `unconfirmed_note` stays empty. An example
is included only where a source shows the municipality taking part; those that did not
(WITHDRAWN_SLUGS) were taken out, and the loader unpublishes them where an older demo made
them.

Text fields are plain text: blank lines separate paragraphs, lines starting with "- " make
a bullet list. `recipes` are cookbook slugs; those missing from the book are skipped.
"""

VEIER_TIL_SAMARBEID = {
    "title": "«Veier til samarbeid – sosiale entreprenører som samarbeidspartnere i offentlig "
    "sektor» (KMD og KS, 2017)",
    "url": "https://www.regjeringen.no/no/dokumenter/veier-til-samarbeid/id2540583/",
}
TANKETANKEN_TWO_KINDS = {
    "title": "Tanketanken: «Kommunal innovasjon og sosialt entreprenørskap – to sider av "
    "samme sak» (Christian Skattum, Bærum kommune)",
    "url": "https://tanketanken.no/kommunal-innovasjon-og-sosialt-entreprenorskap-to-sider-av-samme-sak/",
}

# How the intro of an earlier demo began (it promised only real collaborations).
OLD_INTRO_START = "Ekte samarbeid mellom kommuner"

INDEX = {
    "slug": "eksempler",
    "title": "Eksempler",
    "intro": (
        "Samarbeid mellom kommuner og sosiale entreprenører: hvem som var med, hvordan de "
        "samarbeidet, hva det ga og hva andre kan lære. Hvert virkelig eksempel viser kildene "
        "sine. Eksempler merket «fiktivt eksempel» er oppdiktet demoinnhold som viser hvordan "
        "et samarbeid i Kokeboka blir et eksempel."
    ),
}

CASES: list[dict] = [
    {
        "slug": "trondheim-jodacare-betalt-pilot",
        "title": "Trondheim kommune og JodaCare: betalt pilot i omsorgen for personer med demens",
        "summary": (
            "Trondheim kommune betalte selskapet JodaCare for å prøve ut et verktøy "
            "som gjør det enklere for sykehjem og hjemmetjeneste å holde kontakten med "
            "pårørende til personer med demens."
        ),
        "municipality": "5001",
        "entrepreneur": "JodaCare AS",
        "form": "pilot",
        "sectors": ["helse_omsorg"],
        "target_groups": ["personer_med_demens", "parorende", "eldre"],
        "story": (
            "JodaCare har laget et kommunikasjonsverktøy mellom de ansatte på sykehjem og i "
            "hjemmetjenesten og de pårørende til personer med demens.\n\n"
            "Trondheim kommune inngikk en pilotavtale med JodaCare og betalte for at løsningen "
            "ble prøvd ut på to institusjoner i omtrent et halvt år. JodaCare fikk forbedre "
            "løsningen ut fra det brukerne sa, og kommunen lærte hva slike digitale løsninger "
            "er gode og mindre gode til.\n\n"
            "Vil kommunen bruke en slik løsning over lengre tid, må den kjøpe den gjennom en "
            "vanlig anskaffelse.\n\n"
            "Samarbeidet er et av eksemplene i kapitlet om samarbeidsformer i heftet «Veier til "
            "samarbeid», som kom i 2017 som regjeringens kokebok for samarbeid med sosiale "
            "entreprenører."
        ),
        "lessons": (
            "- En betalt pilot er en egen samarbeidsform: kommunen betaler for å prøve "
            "løsningen i vanlig drift, og entreprenøren slipper å bære hele utprøvingen selv.\n"
            "- Heftet stiller den betalte piloten ved siden av kjøp under terskelverdien og "
            "løpende avtaler, som andre veier inn i samarbeid."
        ),
        "unconfirmed_note": "",
        "sources": [VEIER_TIL_SAMARBEID],
        "recipes": ["betalt-pilot-med-oppstartsbedrift", "skalere-vellykket-pilot"],
    },
    {
        "slug": "steinkjer-noen-demensomsorg",
        "title": "Steinkjer kommune og Noen AS: samarbeid om demensomsorg",
        "summary": (
            "Steinkjer kommune og selskapet Noen AS samarbeidet om omsorgen for personer med "
            "demens, blant annet med en felles gjennomgang."
        ),
        "municipality": "5006",
        "entrepreneur": "Noen AS",
        "form": "samarbeidsavtale",
        "sectors": ["helse_omsorg"],
        "target_groups": ["personer_med_demens", "eldre"],
        "story": (
            "Noen AS arbeider med demensomsorg. Steinkjer kommune og selskapet inngikk en avtale "
            "om å gå gjennom arbeidet begge gjør med personer med demens, for å finne områder "
            "der de kan samarbeide.\n\n"
            "Konkrete prosjekter som kommer ut av gjennomgangen, kan siden formaliseres som en "
            "anskaffelse, et forsknings- og utviklingssamarbeid eller en felles søknad om "
            "eksterne midler.\n\n"
            "Eksempelet er med i kapitlet om samarbeidsformer i «Veier til samarbeid» (2017)."
        ),
        "lessons": (
            "- En felles gjennomgang kan komme før valget av samarbeidsform: først finner "
            "partene ut hva de kan gjøre sammen, så velger de riktig vei inn."
        ),
        "unconfirmed_note": "",
        "sources": [VEIER_TIL_SAMARBEID],
        "recipes": ["male-sosiale-resultater", "start-med-behovet"],
    },
    {
        "slug": "lier-trygg-av-natur-effektkontrakt",
        "title": (
            "Lier kommune og Trygg av natur: den første effektkontrakten på det sosiale feltet"
        ),
        "summary": (
            "Ferd Sosiale Entreprenører finansierte Trygg av naturs forebyggende arbeid i Lier "
            "til avtalte mål var nådd. Deretter tar kommunen over og betaler tilbake en del."
        ),
        "municipality": "3312",
        "entrepreneur": "Trygg av natur",
        "form": "effektkontrakt",
        "sectors": ["oppvekst_utdanning", "folkehelse"],
        "target_groups": ["ungdom"],
        "story": (
            "Trygg av natur bruker naturen som en arena for mestring. I Lier har "
            "tilbudet blant annet omfattet Naturskolen og en naturdag for elever på 8. trinn.\n\n"
            "Samarbeidet med Lier kommune ble den første effektkontrakten i sosial sektor i "
            "Norge. Partene brukte 2019 på å utvikle en modell alle kunne stå bak, og endte med "
            "en blanding av mellomfinansiering og effektkontrakt. Ferd Sosiale Entreprenører "
            "betaler for utprøvingen til målene partene har avtalt, er nådd. Så overtar kommunen "
            "tilbudet og betaler tilbake en del av det Ferd har lagt ut. Kommunal Rapport "
            "omtalte det som at Lier fikk tre millioner kroner fra private til tiltaket."
        ),
        "lessons": (
            "- I en effektkontrakt bærer en investor risikoen mens tiltaket prøves ut; kommunen "
            "betaler når resultatene er der.\n"
            "- Målene må være avtalt før start, fordi de avgjør når kommunen tar over."
        ),
        "unconfirmed_note": "",
        "sources": [
            {
                "title": "Ferd: «Ny finansieringsmodell styrker kommunens forebyggende arbeid»",
                "url": "https://ferd.no/press-release/"
                "ny-finansieringsmodell-styrker-kommunens-forebyggende-arbeid/",
            },
            {
                "title": "Kommunal Rapport: «Lier får penger fra private for å hindre frafall»",
                "url": "https://www.kommunal-rapport.no/oppvekst/"
                "lier-far-penger-fra-private-for-a-hindre-frafall/10577!/",
            },
        ],
        "recipes": ["effektkontrakt", "male-sosiale-resultater"],
    },
    {
        "slug": "baerum-fond-for-sosiale-entreprenorer",
        "title": "Bærum kommune: eget fond for samarbeid med sosiale entreprenører",
        "summary": (
            "Bærum fikk et forsknings- og innovasjonsfond med handlingsprogrammet for "
            "2017–2020. Av fondet går 2 millioner kroner i året til samarbeid med sosiale "
            "entreprenører, og det er kommunens egne tjenester som søker."
        ),
        "municipality": "3201",
        "entrepreneur": "",
        "form": "innovasjonsfond",
        "start_year": 2017,
        "sectors": [],
        "target_groups": [],
        "story": (
            "I handlingsprogrammet for 2017–2020 foreslo rådmannen et forsknings- og "
            "innovasjonsfond på 10 millioner kroner i året. Fondet har tre deler: intern "
            "«risikokapital» som kommunale tjenester kan søke på, medfinansiering av "
            "forskningsprogrammer, og utvikling av samarbeid med sosiale entreprenører.\n\n"
            "Til samarbeid med sosiale entreprenører går 2 millioner kroner i året. Det er "
            "tjenestene, ikke entreprenørene, som søker. Enheten for strategi og utvikling "
            "vurderer søknadene fortløpende, og pengene blir lovet og overført ved årets slutt "
            "mot et prosjektregnskap. Kommunens nettsider beskriver ordningen på denne måten."
        ),
        "outcomes": [
            {
                "name": "Foreslått forsknings- og innovasjonsfond",
                "value": "10000000",
                "unit": "kr per år",
                "note": "Rådmannens forslag i handlingsprogrammet 2017–2020",
            },
            {
                "name": "Avsatt til samarbeid med sosiale entreprenører",
                "value": "2000000",
                "unit": "kr per år",
                "note": "Tjenestene søker; utbetales ved årets slutt mot prosjektregnskap",
            },
        ],
        "lessons": (
            "- Fondet er internt. Når en tjeneste kjøper noe av en entreprenør, gjelder "
            "reglene for offentlige anskaffelser like fullt.\n"
            "- Pengene følger tjenesten som har behovet, ikke entreprenøren."
        ),
        "unconfirmed_note": "",
        "sources": [
            {
                "title": "Tanketanken: «Økt samarbeid og bedre løsninger med nytt innovasjonsfond»",
                "url": "https://tanketanken.no/okt-samarbeid-og-bedre-losninger-med-nytt-innovasjonsfond/",
            },
            {
                "title": "Bærum kommune: Sosiale entreprenører",
                "url": "https://www.baerum.kommune.no/om-barum-kommune/organisasjon/"
                "innovasjon-i-barum/sosiale-entreprenorer/",
            },
        ],
        "recipes": ["soke-kommunalt-innovasjonsfond", "tilskudd-eller-anskaffelse"],
    },
    {
        "slug": "baerum-ferd-samarbeidsavtale",
        "title": "Bærum kommune og Ferd Sosiale Entreprenører: toårig samarbeidsavtale",
        "summary": (
            "Bærum inngikk en avtale for to år med Ferd Sosiale Entreprenører om å finne tre "
            "til fem sosiale entreprenører som kunne prøve ut tjenester i kommunen."
        ),
        "municipality": "3201",
        "entrepreneur": "Ferd Sosiale Entreprenører",
        "entrepreneur_url": "https://ferd.no/",
        "form": "samarbeidsavtale",
        "sectors": ["oppvekst_utdanning"],
        "target_groups": [],
        "story": (
            "Ferd Sosiale Entreprenører er den delen av Ferd som investerer i sosiale "
            "entreprenører. Avtalen skulle hjelpe Bærum med å finne entreprenører som har "
            "løsninger kommunens tjenester kan prøve ut.\n\n"
            "Det første møtet var med sektoren for oppvekst. I februar 2018 var avtalen i gang, "
            "og en av entreprenørene, Minos, hadde fått en avtale om å prøve ut verktøyet Okei "
            "på fire skoler i kommunen.\n\n"
            "Etter et år ble erfaringene oppsummert på bloggen Tanketanken: å teste og prøve "
            "ut krevde mye både av entreprenørene og av tjenestene, og når utprøvingen ikke "
            "ble fulgt av et kjøp, ble entreprenørene frustrerte."
        ),
        "outcomes": [
            {"name": "Avtaleperiode", "value": "2", "unit": "år", "note": ""},
            {
                "name": "Sosiale entreprenører som skulle prøve ut tjenester",
                "value": None,
                "unit": "",
                "note": "Målet var tre til fem",
            },
        ],
        "lessons": (
            "- En partner som kjenner miljøet av sosiale entreprenører, kan hjelpe kommunen med "
            "å finne dem som passer til et behov.\n"
            "- Avtal tydelig på forhånd hva som skjer etter en utprøving, så entreprenøren vet "
            "hva den kan vente seg."
        ),
        "unconfirmed_note": "",
        "sources": [
            {
                "title": "Tanketanken: «Kan sosialt entreprenørskap skape innovasjon i kommunen?»",
                "url": "https://tanketanken.no/kan-sosialt-entreprenorskap-skape-innovasjon-i-kommunen/",
            },
            {
                "title": "Tanketanken: «Kommune og sosiale entreprenører – sant?»",
                "url": "https://tanketanken.no/kommune-sosiale-entreprenorer-sant/",
            },
            {
                "title": "Minos: «Bærum samarbeider med sosiale entreprenører» (21.02.2018)",
                "url": "https://www.minos.no/aktuelt/baerum-samarbeider-med-sosiale-entreprenoerer/",
            },
        ],
        "recipes": ["kommunen-som-megler", "start-med-behovet"],
    },
    {
        "slug": "oslo-socentral-boost-refugee",
        "title": "SoCentral og Oslo kommune: BOOST Refugee",
        "summary": (
            "Inkubatoren SoCentral på Sentralen i Oslo drev programmet BOOST Refugee for Oslo "
            "kommune."
        ),
        "municipality": "0301",
        "entrepreneur": "SoCentral",
        "form": "",
        "sectors": ["integrering"],
        "target_groups": ["innvandrere"],
        "story": (
            "SoCentral ble startet i 2012 av Thomas Berman, Cathrine Skar og Håkon Iversen som "
            "et fellesskap og en inkubator for sosial innovasjon på Sentralen i Oslo.\n\n"
            "For Oslo kommune drev SoCentral programmet BOOST Refugee, rettet mot flyktninger."
        ),
        "lessons": "",
        "unconfirmed_note": "",
        "sources": [
            {
                "title": "Ethos: «Incubating social innovation»",
                "url": "https://ethos-magazine.com/incubating-social-innovation/",
            },
            {
                "title": "Social Innovation Community: Social entrepreneurship hub, Oslo",
                "url": "https://www.siceurope.eu/countries/norway/social-entrepreneurship-hub-oslo",
            },
        ],
        "recipes": [],
    },
    {
        "slug": "veileder-kjop-fra-sosiale-entreprenorer",
        "title": "Bærum kommune i arbeidsgruppen bak veilederen for kjøp fra sosiale entreprenører",
        "summary": (
            "Bærum kommune laget en veileder for offentlige oppdragsgivere sammen med Ferd "
            "Sosiale Entreprenører, SoCentral og blant andre KS, Difi og Velferdsetaten i Oslo "
            "kommune. Den kom i mars 2019."
        ),
        "municipality": "3201",
        "entrepreneur": "Ferd Sosiale Entreprenører og SoCentral",
        "form": "",
        "sectors": [],
        "target_groups": [],
        "story": (
            "«Veileder for offentlige oppdragsgivere i møte med en sosial entreprenør – Hvordan "
            "slippe sosiale entreprenører inn i en offentlig anskaffelsesprosess» ble publisert "
            "21. mars 2019. Den viser hvilket handlingsrom regelverket gir når det offentlige vil "
            "kjøpe tjenester fra sosiale entreprenører.\n\n"
            "Ferd Sosiale Entreprenører tok initiativet. I arbeidsgruppen satt blant andre "
            "Bærum kommune, Velferdsetaten i Oslo kommune, SoCentral, KS, Difi, Innovasjon Norge "
            "og Leverandørutviklingsprogrammet."
        ),
        "lessons": "",
        "unconfirmed_note": "",
        "sources": [
            {
                "title": "Anskaffelser.no: «Ny veileder: kjøp av tjenester fra sosiale "
                "entreprenører» (2019)",
                "url": "https://www.anskaffelser.no/nyhet/2019/03/"
                "ny-veileder-kjop-av-tjenester-fra-sosiale-entreprenorer",
            }
        ],
        "recipes": [
            "kjop-under-100000",
            "reserverte-kontrakter-arbeidsinkludering",
            "tilskudd-eller-anskaffelse",
        ],
    },
    {
        "slug": "pobelprosjektet-baerum",
        "title": "Bærum kommune og Pøbelprosjektet: en erfaren leverandør til det offentlige",
        "summary": (
            "Bærum kommune har beskrevet Pøbelprosjektet som en av de sosiale entreprenørene "
            "kommunen samarbeider med: en profesjonell aktør som svarer på offentlige "
            "utlysninger."
        ),
        "municipality": "3201",
        "entrepreneur": "Pøbelprosjektet",
        "entrepreneur_url": (
            "https://www.aleris.no/Vi-tilbyr/barnevern-rus-psykisk-omsorg-bpa/Pobelprosjektet/"
        ),
        "form": "",
        "sectors": ["arbeid_inkludering"],
        "target_groups": ["ungdom", "unge_voksne"],
        "story": (
            "Pøbelprosjektet begynner med et motivasjonskurs og følger deltakerne videre til de "
            "er i jobb eller utdanning. Tiltaket er en leverandør til NAV.\n\n"
            "Direktøren for strategi og utvikling i Bærum kommune har skrevet at kommunen "
            "samarbeider med sosiale entreprenører av to slag, og brukte Pøbelprosjektet som "
            "eksempel på den profesjonelle aktøren som konkurrerer om offentlige oppdrag.\n\n"
            "Eddi Eidsvåg fra Pøbelprosjektet ble Ashoka-fellow i 2013. Siden slutten av "
            "2016 har Pøbelprosjektet vært eid av Aleris, som oppgir Bærum blant stedene "
            "tiltaket finnes."
        ),
        "lessons": (
            "- En sosial entreprenør kan bli leverandør til det offentlige og konkurrere om "
            "oppdrag på lik linje med andre."
        ),
        "unconfirmed_note": "",
        "sources": [
            TANKETANKEN_TWO_KINDS,
            {
                "title": "Aleris: Pøbelprosjektet",
                "url": "https://www.aleris.no/Vi-tilbyr/barnevern-rus-psykisk-omsorg-bpa/"
                "Pobelprosjektet/",
            },
        ],
        "recipes": ["entreprenoren-tar-kontakt"],
    },
    {
        "slug": "young-happy-minds-baerum",
        "title": "Bærum kommune og Young Happy Minds: en oppstart som prøver ut konseptet sitt",
        "summary": (
            "Bærum kommune har beskrevet Young Happy Minds som en liten oppstartsvirksomhet "
            "som trenger hjelp til å utvikle og teste konseptet sitt sammen med kommunen."
        ),
        "municipality": "3201",
        "entrepreneur": "Young Happy Minds",
        "entrepreneur_url": "https://younghappyminds.com/",
        "form": "",
        "sectors": ["psykisk_helse_rus", "oppvekst_utdanning"],
        "target_groups": ["ungdom"],
        "story": (
            "Young Happy Minds er et program for psykisk helse og trivsel blant unge, bygget på "
            "positiv psykologi. Kurset går over ti uker, og programmet har en norsk "
            "medgründer.\n\n"
            "Direktøren for strategi og utvikling i Bærum kommune har brukt Young Happy Minds "
            "som eksempel på den andre typen samarbeid kommunen har: en ung virksomhet som "
            "utvikler og tester konseptet sitt sammen med kommunen, til forskjell fra en "
            "erfaren leverandør."
        ),
        "outcomes": [
            {"name": "Kursets lengde", "value": "10", "unit": "uker", "note": ""},
        ],
        "lessons": (
            "- En oppstart trenger et annet samarbeid enn en erfaren leverandør: tid til å "
            "prøve, lære og justere sammen med tjenesten."
        ),
        "unconfirmed_note": "",
        "sources": [
            TANKETANKEN_TWO_KINDS,
            {
                "title": "Young Happy Minds: «My Young Happy Minds – why» (2016)",
                "url": "https://younghappyminds.com/single-post/2016/11/28/"
                "my-young-happy-minds-why-tone-mari-bjøreng",
            },
        ],
        "recipes": ["entreprenoren-tar-kontakt"],
    },
    {
        "slug": "baerum-minos-okei-skoler",
        "title": "Bærum kommune og Minos: utprøving av Okei på fire skoler",
        "summary": (
            "Gjennom samarbeidsavtalen med Ferd Sosiale Entreprenører fikk Minos en avtale med "
            "Bærum kommune om å prøve ut systemet Okei på to ungdomsskoler og to barneskoler "
            "fra februar 2018."
        ),
        "municipality": "3201",
        "entrepreneur": "Minos",
        "entrepreneur_url": "https://www.minos.no/",
        "form": "pilot",
        "start_year": 2018,
        "sectors": ["oppvekst_utdanning"],
        "target_groups": ["barn", "ungdom"],
        "story": (
            "Minos var en av de sosiale entreprenørene som fikk prøve seg i Bærum gjennom "
            "avtalen kommunen hadde med Ferd Sosiale Entreprenører.\n\n"
            "To ungdomsskoler og to barneskoler tok i bruk Okei fra februar 2018. Skolene skulle "
            "gi tilbakemeldinger underveis, og utprøvingen skulle vise om kommunen burde inngå "
            "en lengre avtale for alle skolene."
        ),
        "lessons": (
            "- En avgrenset utprøving på noen få enheter gir grunnlag for å avgjøre om kommunen "
            "skal kjøpe mer."
        ),
        "unconfirmed_note": "",
        "sources": [
            {
                "title": "Minos: «Bærum samarbeider med sosiale entreprenører» (21.02.2018)",
                "url": "https://www.minos.no/aktuelt/baerum-samarbeider-med-sosiale-entreprenoerer/",
            }
        ],
        "recipes": ["betalt-pilot-med-oppstartsbedrift", "skalere-vellykket-pilot"],
    },
    {
        "slug": "eidsberg-intempo-bravo",
        "title": "Eidsberg kommune og Intempo: Bravo-leken i barnehagene",
        "summary": (
            "Sparebankstiftelsen finansierte et treårig program der ni barnehager og en "
            "helsestasjon i Eidsberg kommune (nå Indre Østfold) fikk bruke Intempos språklek "
            "Bravo."
        ),
        "municipality": "3118",
        "entrepreneur": "Intempo",
        "form": "",
        "sectors": ["oppvekst_utdanning"],
        "target_groups": ["barn"],
        "story": (
            "Intempo har laget Bravo-leken, en språklek for de minste barnehagebarna som skal "
            "forebygge lese- og skrivevansker og gi et godt grunnlag for læring senere.\n\n"
            "Veien inn i kommunen gikk gjennom en virksomhetsleder for barnehagene i Eidsberg, "
            "som fikk i stand et møte med styrerne, de pedagogiske lederne, helsesøster og "
            "familiesenteret.\n\n"
            "Sparebankstiftelsen Østfold Akershus finansierte deretter et program over tre år, "
            "i samarbeid med Ferd Sosiale Entreprenører, som gjorde Bravo-leken tilgjengelig for "
            "ni barnehager og en helsestasjon i kommunen. Eidsberg ble en del av Indre Østfold "
            "kommune i 2020."
        ),
        "lessons": (
            "- Én nytenkende leder i tjenesten kan åpne døren til alle som må være med.\n"
            "- En stiftelse kan betale utprøvingen, slik at kommunen kan prøve før den kjøper."
        ),
        "unconfirmed_note": "",
        "sources": [
            VEIER_TIL_SAMARBEID,
            {
                "title": "Sparebankstiftelsen Østfold Akershus: samarbeidsavtale med Ferd "
                "Sosiale Entreprenører",
                "url": "https://www.osthusgaver.no/sparebankstiftelsen-ostfold-akershus-"
                "inngar-samarbeidsavtale-med-ferd-sosiale-entreprenorer/",
            },
        ],
        "recipes": [],
    },
]

# Examples an earlier demo published without a source showing the municipality taking part;
# the loader unpublishes them where they are still live.
WITHDRAWN_SLUGS = (
    "baerum-kompass-og-co",
    "stavanger-bymisjonen-tillitsperson",
    "sandefjord-cafe-vintage",
    "bergen-papillon",
    "oslo-hovseterhjemmet-generasjonsmote-m",
    "oslo-toyen-unlimited",
)
