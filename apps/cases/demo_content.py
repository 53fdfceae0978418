"""The demo examples: real collaborations from shared/domain/legal-facts.md (A1–A5), told in
our own words. Only facts from those notes; what they do not confirm is left out or named
in `unconfirmed_note`. An example is included only where the municipality is stated or
clearly implied.

Text fields are plain text: blank lines separate paragraphs, lines starting with "- " make
a bullet list. `recipes` are cookbook slugs; those missing from the book are skipped.
"""

VEIER_TIL_SAMARBEID = {
    "title": "«Veier til samarbeid – sosiale entreprenører som samarbeidspartnere i offentlig "
    "sektor» (KMD og KS, 2017)",
    "url": "https://www.regjeringen.no/no/dokumenter/veier-til-samarbeid/id2540583/",
}
FERD_ANNUAL_REPORTS = {"title": "Ferd Sosiale Entreprenører, årsrapporter 2011–2020", "url": ""}

INDEX = {
    "slug": "eksempler",
    "title": "Eksempler",
    "intro": (
        "Ekte samarbeid mellom kommuner og sosiale entreprenører: hvem som var med, hvordan "
        "de samarbeidet, hva det ga og hva andre kan lære. Der kildene ikke bekrefter en "
        "detalj, sier vi fra."
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
            "Trondheim kommune tok verktøyet i bruk som en betalt pilot. Kommunen betalte "
            "altså for utprøvingen, i stedet for å få den gratis eller kjøpe en ferdig "
            "tjeneste.\n\n"
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
        "unconfirmed_note": (
            "Når piloten startet og sluttet, hva den kostet og hva den ga av resultater, står "
            "ikke i kildene vi har sjekket."
        ),
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
        "form": "",
        "sectors": ["helse_omsorg"],
        "target_groups": ["personer_med_demens", "eldre"],
        "story": (
            "Noen AS arbeider med demensomsorg. Selskapet og Steinkjer kommune samarbeidet, og "
            "de gjorde en felles gjennomgang.\n\n"
            "Eksempelet er med i kapitlet om samarbeidsformer i «Veier til samarbeid» (2017)."
        ),
        "lessons": "",
        "unconfirmed_note": (
            "Hva Noen AS leverte, hva gjennomgangen gjaldt, hvilken avtaleform partene brukte "
            "og når samarbeidet pågikk, "
            "er ikke bekreftet i kildene vi har sjekket."
        ),
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
            "Norge. Ferd Sosiale Entreprenører stod for mellomfinansieringen: Ferd betaler for "
            "utprøvingen til målene partene har avtalt, er nådd. Så overtar kommunen tilbudet og "
            "betaler tilbake en del av det Ferd har lagt ut."
        ),
        "lessons": (
            "- I en effektkontrakt bærer en investor risikoen mens tiltaket prøves ut; kommunen "
            "betaler når resultatene er der.\n"
            "- Målene må være avtalt før start, fordi de avgjør når kommunen tar over."
        ),
        "unconfirmed_note": (
            "Årstall, beløp og hvilke mål som ble avtalt, står ikke i kilden vi har sjekket."
        ),
        "sources": [
            {
                "title": "Ferd: «Ny finansieringsmodell styrker kommunens forebyggende arbeid»",
                "url": "https://ferd.no/press-release/"
                "ny-finansieringsmodell-styrker-kommunens-forebyggende-arbeid/",
            }
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
            "mot et prosjektregnskap."
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
        "unconfirmed_note": (
            "Beløpet på 10 millioner kroner var et forslag i handlingsprogrammet. Om ordningen "
            "fortsatt gjelder i dag, er ikke bekreftet."
        ),
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
            "Det første møtet var med sektoren for oppvekst, 8. september."
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
            "å finne dem som passer til et behov."
        ),
        "unconfirmed_note": (
            "Året avtalen ble inngått er ikke bekreftet (trolig 2016 eller 2017), og vi vet "
            "ikke hvilke entreprenører som ble med."
        ),
        "sources": [
            {
                "title": "Tanketanken: «Kan sosialt entreprenørskap skape innovasjon i kommunen?»",
                "url": "https://tanketanken.no/kan-sosialt-entreprenorskap-skape-innovasjon-i-kommunen/",
            }
        ],
        "recipes": ["kommunen-som-megler", "start-med-behovet"],
    },
    {
        "slug": "baerum-kompass-og-co",
        "title": "Kompass & Co: arbeidstrening for unge med overskuddsmat i Bærum",
        "summary": (
            "Kompass & Co gir unge arbeidstrening gjennom mat, hagearbeid og en street "
            "food-bil, og lager mat av overskuddsvarer i Bærum."
        ),
        "municipality": "3201",
        "entrepreneur": "Kompass & Co",
        "form": "",
        "sectors": ["arbeid_inkludering", "miljo_klima"],
        "target_groups": ["ungdom", "unge_voksne"],
        "story": (
            "Kompass & Co er en sosial entreprenør som gir unge arbeidstrening. Arbeidet "
            "foregår på kjøkkenet, i hagen og i en street food-bil, og i Bærum bruker de mat "
            "som ellers ville blitt kastet."
        ),
        "lessons": "",
        "unconfirmed_note": (
            "Hvordan samarbeidet med Bærum kommune er avtalt og finansiert, og når det startet, "
            "er ikke bekreftet i kildene vi har sjekket."
        ),
        "sources": [FERD_ANNUAL_REPORTS],
        "recipes": [],
    },
    {
        "slug": "pobelprosjektet-baerum",
        "title": "Pøbelprosjektet: fra utenforskap til jobb eller skole, også i Bærum",
        "summary": (
            "Pøbelprosjektet gir unge som står utenfor skole og arbeid et motivasjonskurs og "
            "oppfølging mot jobb eller utdanning. Tiltaket leveres til NAV, og Bærum er ett "
            "av stedene det drives."
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
            "Eddi Eidsvåg fra Pøbelprosjektet ble Ashoka-fellow i 2013. Siden slutten av "
            "2016 har Pøbelprosjektet vært eid av Aleris, som oppgir Bærum blant stedene "
            "tiltaket finnes."
        ),
        "lessons": (
            "- En sosial entreprenør kan bli leverandør til det offentlige og drive tiltaket "
            "mange steder."
        ),
        "unconfirmed_note": (
            "Hvordan NAV kjøper tiltaket i Bærum – avtaleform, periode og antall plasser – er "
            "ikke bekreftet i kildene vi har sjekket."
        ),
        "sources": [
            {
                "title": "Aleris: Pøbelprosjektet",
                "url": "https://www.aleris.no/Vi-tilbyr/barnevern-rus-psykisk-omsorg-bpa/"
                "Pobelprosjektet/",
            }
        ],
        "recipes": [],
    },
    {
        "slug": "young-happy-minds-baerum",
        "title": "Young Happy Minds: kurs i trivsel for unge (Bærum, avtale ikke bekreftet)",
        "summary": (
            "Young Happy Minds er et kurs over ti uker som bruker positiv psykologi for å "
            "styrke trivselen til unge. Programmet er nevnt i forbindelse med Bærum, men en "
            "avtale eller pilot med kommunen er ikke bekreftet."
        ),
        "municipality": "3201",
        "entrepreneur": "Young Happy Minds",
        "entrepreneur_url": "https://younghappyminds.com/",
        "form": "",
        "sectors": ["psykisk_helse_rus", "oppvekst_utdanning"],
        "target_groups": ["ungdom"],
        "story": (
            "Young Happy Minds er et program for psykisk helse og trivsel blant unge, bygget på "
            "positiv psykologi. Kurset går over ti uker. Programmet har en norsk medgründer."
        ),
        "outcomes": [
            {"name": "Kursets lengde", "value": "10", "unit": "uker", "note": ""},
        ],
        "lessons": "",
        "unconfirmed_note": (
            "Vi har ikke funnet en kilde som bekrefter at Bærum kommune har hatt en avtale "
            "eller en pilot med Young Happy Minds. Periode og avtaleform er derfor ukjent."
        ),
        "sources": [
            {
                "title": "Young Happy Minds: «My Young Happy Minds – why» (2016)",
                "url": "https://younghappyminds.com/single-post/2016/11/28/"
                "my-young-happy-minds-why-tone-mari-bjøreng",
            }
        ],
        "recipes": [],
    },
    {
        "slug": "stavanger-bymisjonen-tillitsperson",
        "title": (
            "Bymisjonen i Stavanger: en tillitsperson som hjelper folk gjennom velferdssystemet"
        ),
        "summary": (
            "En tillitsperson fra Bymisjonen i Stavanger hjelper mennesker med å finne fram i "
            "velferdssystemet."
        ),
        "municipality": "1103",
        "entrepreneur": "Bymisjonen Stavanger",
        "form": "",
        "sectors": ["arbeid_inkludering"],
        "target_groups": [],
        "story": (
            "I tiltaket «Tillitsperson» får mennesker som trenger hjelp fra velferdssystemet, "
            "en person de kan stole på, som hjelper dem å finne fram.\n\n"
            "Tiltaket er nevnt i forordet til «Veier til samarbeid» (2017)."
        ),
        "lessons": "",
        "unconfirmed_note": (
            "Hvordan Stavanger kommune eller NAV samarbeider med Bymisjonen om tiltaket, og i "
            "hvilken periode, er ikke bekreftet i kildene vi har sjekket."
        ),
        "sources": [VEIER_TIL_SAMARBEID],
        "recipes": [],
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
        "unconfirmed_note": (
            "Innholdet i programmet, avtaleformen og perioden er ikke bekreftet i kildene vi "
            "har sjekket."
        ),
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
        "slug": "sandefjord-cafe-vintage",
        "title": "Vintage Baby og Café Vintage: kjøkken og arbeidstrening for kvinner i Sandefjord",
        "summary": (
            "Vintage Baby og Café Vintage i Sandefjord gir kvinner med minoritetsbakgrunn "
            "opplæring på kjøkkenet og trening i å være på en arbeidsplass."
        ),
        "municipality": "3907",
        "entrepreneur": "Vintage Baby / Café Vintage",
        "form": "",
        "sectors": ["integrering", "arbeid_inkludering"],
        "target_groups": ["innvandrere"],
        "story": (
            "I kafeen og på kjøkkenet får kvinner med minoritetsbakgrunn opplæring og "
            "erfaring fra en ekte arbeidsplass, som et steg mot arbeid."
        ),
        "lessons": "",
        "unconfirmed_note": (
            "Hvordan Sandefjord kommune eller NAV er med i samarbeidet, og når det startet, er "
            "ikke bekreftet i kildene vi har sjekket."
        ),
        "sources": [FERD_ANNUAL_REPORTS],
        "recipes": [],
    },
    {
        "slug": "bergen-papillon",
        "title": "Papillon: trygge fellesskap for unge i Bergen",
        "summary": (
            "Papillon i Bergen skaper trygge fellesskap for unge med flerkulturell bakgrunn."
        ),
        "municipality": "4601",
        "entrepreneur": "Papillon",
        "form": "",
        "sectors": ["integrering"],
        "target_groups": ["ungdom", "innvandrere"],
        "story": ("Papillon lager trygge fellesskap for unge med flerkulturell bakgrunn i Bergen."),
        "lessons": "",
        "unconfirmed_note": (
            "Hvordan Bergen kommune er med i samarbeidet, avtaleformen og perioden, er ikke "
            "bekreftet i kildene vi har sjekket."
        ),
        "sources": [{"title": "Impact Hub Bergen", "url": "https://bergen.impacthub.net/"}],
        "recipes": [],
    },
    {
        "slug": "oslo-hovseterhjemmet-generasjonsmote-m",
        "title": "Hovseterhjemmet i Oslo og Generasjonsmøte M",
        "summary": (
            "Regjeringens kokebok for samarbeid med sosiale entreprenører ble lansert på "
            "sykehjemmet Hovseterhjemmet i Oslo, sammen med den sosiale entreprenøren "
            "Generasjonsmøte M."
        ),
        "municipality": "0301",
        "entrepreneur": "Generasjonsmøte M",
        "form": "",
        "sectors": ["helse_omsorg"],
        "target_groups": ["eldre"],
        "story": (
            "I februar 2017 kom kokeboka som KMD hadde lovet, som heftet «Veier til samarbeid». "
            "KS var med og utviklet heftet. Det ble lansert på Hovseterhjemmet, et sykehjem i "
            "Oslo, sammen med Generasjonsmøte M."
        ),
        "lessons": "",
        "unconfirmed_note": (
            "Hva Generasjonsmøte M gjør på sykehjemmet, og hvordan samarbeidet med Oslo "
            "kommune er avtalt, er ikke bekreftet i kildene vi har sjekket."
        ),
        "sources": [
            VEIER_TIL_SAMARBEID,
            {
                "title": "KS: «Inspirasjonshefte for innovative samarbeid mellom offentlig "
                "sektor og sosiale entreprenører»",
                "url": "",
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
        "slug": "oslo-toyen-unlimited",
        "title": "Tøyen Unlimited: inkubator i nabolaget under Områdeløft Tøyen",
        "summary": (
            "Tøyen Unlimited er en inkubator for sosiale entreprenører i nabolaget på Tøyen i "
            "Oslo, knyttet til Områdeløft Tøyen."
        ),
        "municipality": "0301",
        "entrepreneur": "Tøyen Unlimited",
        "form": "",
        "sectors": ["bolig_naermiljo"],
        "target_groups": [],
        "story": (
            "Tøyen Unlimited hjelper folk i nabolaget med å starte og utvikle sosiale "
            "virksomheter. Inkubatoren er knyttet til Områdeløft Tøyen, Oslo kommunes satsing for "
            "å løfte bydelen."
        ),
        "lessons": "",
        "unconfirmed_note": (
            "Hvordan inkubatoren er avtalt og finansiert gjennom områdeløftet, og i hvilken "
            "periode, er ikke bekreftet; vi har ikke en kilde som beskriver avtalen."
        ),
        "sources": [],
        "recipes": [],
    },
]
