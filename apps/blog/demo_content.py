"""Kokebokloggen's demo posts in Norwegian bokmål, as plain data (briefs/demo-schema.md).

apps/blog/demo.py turns them into pages. Facts come from shared/domain/legal-facts.md and the
two seed texts; every sentence is our own wording. Proposed rules are called proposals, and
facts that could not be confirmed are said to be unconfirmed.
"""


def _t(text: str) -> str:
    """Joins a wrapped text block into the schema's plain-text form: a blank line separates
    paragraphs, a line starting with "- " is a bullet item, other lines continue the one above."""
    paragraphs: list[str] = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("- ") or not lines:
                lines.append(line)
            else:
                lines[-1] = f"{lines[-1]} {line}"
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


# Vimeo's own public sample video. It stands in for the 2016 recording, which we do not
# host; the title and transcript say so plainly.
DEMO_VIDEO_URL = "https://vimeo.com/76979871"

POSTS: list[dict] = [
    {
        "slug": "dialogmote-juni-2016-kokebok",
        "title": "Dialogmøte i departementet: nå lager vi en kokebok",
        "date": "2016-06-15",
        "author": "Redaksjonen",
        "intro": _t(
            """Tirsdag 14. juni samlet Kommunal- og moderniseringsdepartementet kommuner,
            sosiale entreprenører, forskere, organisasjoner og statlige myndigheter til
            dialogmøte. Der ble det kjent at departementet skal lage en kokebok om sosialt
            entreprenørskap i kommunene."""
        ),
        "body": _t(
            """Møtet dreide seg om ett spørsmål: Hva skal til for at offentlig sektor i
            større grad tar i bruk sosiale entreprenører når samfunnsutfordringer skal
            løses? Kommunal- og moderniseringsminister Jan Tore Sanner var vert.

            Mange av de vanskeligste utfordringene følger ikke grensene mellom sektorene. Når
            en ungdom slutter i videregående skole, kan årsakene ligge langt utenfor skolen.
            Da må flere tjenester samarbeide på tvers, og et problem uten en tydelig eier
            blir lett liggende mellom flere stoler.

            Her kan sosiale entreprenører og frivillige organisasjoner ha verktøy som passer
            bedre for den enkelte enn det etatene selv har. Derfor bør kommunene interessere
            seg for hva sosialt entreprenørskap kan bidra med.

            Departementet har tidligere laget et inspirasjonshefte om frivillighet i
            kommunene. Nå er målet en kokebok. Den skal både inspirere og gi konkrete råd –
            om lover og regler, om hva man bør tenke på, og om hvordan man går fram i
            praksis. Løftet om en slik kokebok ble første gang gitt på Ferds
            SosEnt-konferanse i 2015.

            Det er kommunene og entreprenørene selv som vet mest om hvordan samarbeid
            lykkes. Derfor ble møtet brukt til å hente fram gode råd og eksempler tidlig i
            arbeidet, slik at kokeboka blir best mulig.

            Vi følger arbeidet her på Kokebokloggen, legger ut nytt underveis og tar gjerne
            imot innspill."""
        ),
        "tags": ["dialogmøte", "kokebok", "sosialt entreprenørskap", "kmd"],
        "video": {
            "url": DEMO_VIDEO_URL,
            "title": "Slik fungerer videoavspilling i Kokebokloggen (demonstrasjonsvideo)",
            "transcript": _t(
                """Om videoen: Dette er en offentlig eksempelvideo fra Vimeo. Vi bruker den i
                demonstrasjonsutgaven av Kokeboka for å vise hvordan video fungerer i
                Kokebokloggen. Avspilleren lastes først når du velger å spille av, og denne
                teksten er tilgjengelig for alle. Videoen er ikke et opptak fra dialogmøtet i
                2016, og den handler ikke om sosialt entreprenørskap.

                Opptaket av innledningene fra dialogmøtet ble lagt ut på den opprinnelige
                Kokebokloggen hos regjeringen.no. Det har vi ikke her.

                Dette handlet innledningene om, oppsummert med våre egne ord:

                - Hvorfor offentlig sektor bør bruke sosiale entreprenører mer når
                  utfordringene går på tvers av sektorene, for eksempel frafall i
                  videregående skole.
                - At utfordringer uten en tydelig eier lett faller mellom flere stoler.
                - At sosiale entreprenører og frivillige noen ganger har bedre verktøy for å
                  finne løsninger tilpasset den enkelte enn det offentlige har.
                - At kokeboka skal inspirere og gi konkrete råd, også om lov- og regelverk.
                - At kommunene og entreprenørene er ekspertene, og at møtet skulle hente fram
                  deres råd og eksempler tidlig."""
            ),
            "captions_url": "",
        },
    },
    {
        "slug": "send-eksempler-og-si-din-mening-om-disposisjonen",
        "title": "Send oss eksempler – og si hva du mener om disposisjonen",
        "date": "2016-08-31",
        "author": "Redaksjonen",
        "intro": _t(
            """Kokeboka skal bygge på erfaringene til kommuner og sosiale entreprenører. Nå
            ber vi om eksempler, og vi legger fram et forslag til hvordan boka kan bygges
            opp."""
        ),
        "body": _t(
            """Vi foreslår at kokeboka får tre typer tekster:

            - Fakta: hva som kjennetegner sosiale entreprenører, hvor du finner dem, det
              grunnleggende om offentlige anskaffelser og noen vanlige myter om
              anskaffelser.
            - Inspirasjon: eksempler fra kommuner og entreprenører – om den første
              kontakten, om hvordan samarbeidet ble formalisert og forankret, og om hvordan
              brukerne ble tatt med.
            - Oppskrifter: konkrete situasjoner med råd. For eksempel: «En sosial entreprenør
              har tatt kontakt med oss – hvordan går vi fram på lovlig vis?» eller «Kan jeg
              snakke med sosiale entreprenører før en anskaffelse, og når må jeg stoppe?»

            Vi tar imot eksempler fram til 15. og 21. september 2016. Fortell oss gjerne om
            samarbeid som har lyktes, og om det som var vanskelig. Hva skulle dere ønske at
            dere visste da dere startet?"""
        ),
        "tags": ["kokebok", "innspill", "disposisjon"],
        "video": None,
    },
    {
        "slug": "veier-til-samarbeid-er-lansert",
        "title": "Kokeboka er klar: «Veier til samarbeid»",
        "date": "2017-02-28",
        "author": "Redaksjonen",
        "intro": _t(
            """Kokeboka om sosialt entreprenørskap er lansert som inspirasjonsheftet «Veier
            til samarbeid – sosiale entreprenører som samarbeidspartnere i offentlig
            sektor»."""
        ),
        "body": _t(
            """Heftet ble lansert på Hovseterhjemmet i Oslo, sammen med den sosiale
            entreprenøren Generasjonsmøte M. KS har vært med på å utvikle det, og beskriver
            heftet som oppskrifter og veiledninger for de kulturelle, organisatoriske og
            juridiske utfordringene i slike samarbeid.

            I forordet trekkes Kjør for livet, Bymisjonen i Stavanger med tiltaket
            «Tillitsperson» og Barnevernsproffene fram. Kapittel 3 handler om
            samarbeidsformer. Der finner du blant annet:

            - en betalt pilot mellom Trondheim kommune og JodaCare, som har laget et verktøy
              for kontakt mellom sykehjem eller hjemmetjeneste og pårørende til personer med
              demens
            - samarbeidet mellom Steinkjer kommune og Noen AS om demensomsorg
            - BUA, der kommunen betaler en årsavgift på 5 000 kroner – et kjøp under
              terskelverdien
            - løpende avtaler med Kjør for livet

            En tidlig prototyp med navnet «Veier til nye samarbeid» ble vist på
            SosEnt-konferansen i 2016.

            Da heftet kom, ble den opprinnelige bloggen hos regjeringen.no stengt. Her i
            Kokeboka fortsetter arbeidet: oppskriftene holdes oppdatert når regelverket
            endres, og nye erfaringer kommer til."""
        ),
        "tags": ["kokebok", "veileder", "inspirasjon", "ks"],
        "video": None,
    },
    {
        "slug": "baerum-innovasjonsfond-og-meglerrolle",
        "title": "Bærum: et fond for å tørre, og en kommune som megler",
        "date": "2017-04-24",
        "author": "Redaksjonen",
        "intro": _t(
            """Bærum kommune har gjort samarbeid med sosiale entreprenører til en del av et
            eget forsknings- og innovasjonsfond. Samtidig tar kommunen rollen som megler
            mellom egne tjenester og entreprenørene."""
        ),
        "body": _t(
            """I handlingsprogrammet for 2017–2020 foreslo rådmannen å sette av 10 millioner
            kroner i året til et forsknings- og innovasjonsfond. Fondet har tre deler:
            intern risikokapital som kommunens tjenester kan søke om, samfinansiering av
            forskningsprogrammer og utvikling av samarbeidet med sosiale entreprenører.

            2 millioner kroner i året går til samarbeid med sosiale entreprenører. Det er
            tjenestene som søker, ikke entreprenørene. Strategi- og utviklingsenheten
            vurderer søknadene fortløpende. Pengene gis som tilsagn og overføres ved
            årsslutt mot prosjektregnskap.

            Christian Skattum, direktør for strategi- og utviklingsenheten, har pekt på tre
            grunner til at kommunen bør samarbeide mer med sosiale entreprenører. Med våre
            ord:

            - De utfordrer kommunen til å tenke nytt.
            - De har en annen kompetanse, ofte bygget på å løse et helt konkret problem for
              enkeltmennesker og samfunnet.
            - De kan skape verdier som letter trykket på de offentlige velferdstjenestene.

            Kommunen samarbeider både med profesjonelle aktører som svarer på offentlige
            utlysninger, som Pøbelprosjektet, og med små oppstartsvirksomheter som trenger å
            utvikle og teste ideen sin sammen med kommunen, som Young Happy Minds. Erfaringen
            så langt er at dialogen må være åpen, nysgjerrig og fordomsfri – fra begge sider
            av bordet.

            Bærum øver på å dvele ved behovene før løsningene velges. Det kan være
            frustrerende for begge parter, men å utforske hverandre gir mye. I denne fasen
            må kommunen være forberedt på å være formidler og megler mellom egne tjenester og
            sosiale entreprenører, og noen ganger tørre å satse på det ukjente. Det gjelder
            både egne ansatte med nye ideer og entreprenører som vil vokse sammen med
            kommunen.

            Kommunen har også inngått en toårig samarbeidsavtale med Ferd Sosiale
            Entreprenører for å finne tre til fem sosiale entreprenører som kan prøve ut
            tjenester i kommunen.

            Husk at fondet er kommunens interne ordning. Når en tjeneste kjøper noe fra en
            sosial entreprenør, gjelder anskaffelsesreglene som vanlig. Se oppskriftene
            «Søk midler fra kommunens innovasjonsfond» og «Kommunen som megler» i
            Kokeboka."""
        ),
        "tags": ["bærum", "innovasjonsfond", "megler", "kommune"],
        "video": None,
    },
    {
        "slug": "prosessverktoy-fra-ks-og-ferd",
        "title": "Nytt prosessverktøy fra KS og Ferd",
        "date": "2017-06-15",
        "author": "Redaksjonen",
        "intro": _t(
            """KS og Ferd Sosiale Entreprenører har laget et prosessmateriell med ti
            arbeidsark om samarbeid med sosiale entreprenører. Det ble lansert på
            Arendalskonferansen 15. juni 2017."""
        ),
        "body": _t(
            """«Veier til samarbeid» ga inspirasjon og eksempler. Det nye materiellet fra KS
            og Ferd Sosiale Entreprenører består av ti arbeidsark og er et praktisk
            supplement til heftet.

            Ferd Sosiale Entreprenører er den delen av Ferd som arbeider med sosiale
            investeringer. Miljøet står også bak SosEnt-konferansen og prisen «Årets Sosiale
            Entreprenør» på 500 000 kroner.

            Slik kan du bruke arbeidsarkene sammen med oppskriftene i Kokeboka:

            - Begynn med behovet. Oppskriften «Start med behovet» hjelper dere å beskrive
              problemet før dere snakker om løsninger.
            - Ta med både tjenesten, innkjøp og entreprenøren når dere jobber, så blir de
              juridiske spørsmålene avklart tidlig.
            - Skriv ned hva dere blir enige om. Det gjør det lettere å velge riktig
              samarbeidsform senere."""
        ),
        "tags": ["ks", "ferd", "verktøy", "prosess"],
        "video": None,
    },
    {
        "slug": "ny-veileder-kjop-fra-sosiale-entreprenorer",
        "title": "Ny veileder: slik kan det offentlige kjøpe fra sosiale entreprenører",
        "date": "2019-03-21",
        "author": "Redaksjonen",
        "intro": _t(
            """En ny veileder viser offentlige oppdragsgivere hvilket handlingsrom de har når
            de vil slippe sosiale entreprenører inn i en anskaffelsesprosess."""
        ),
        "body": _t(
            """Veilederen heter «Veileder for offentlige oppdragsgivere i møte med en sosial
            entreprenør – Hvordan slippe sosiale entreprenører inn i en offentlig
            anskaffelsesprosess». Den er laget på initiativ fra Ferd Sosiale Entreprenører,
            av en gruppe der blant andre Leverandørutviklingsprogrammet (LUP), Difi,
            Innovasjon Norge, KS, Velferdsetaten i Oslo kommune, Bærum kommune og SoCentral
            var med.

            Mange kommuner opplever regelverket som et hinder for samarbeid med sosiale
            entreprenører. Veilederen viser hvilket rom regelverket gir. I Kokeboka har vi
            samlet noen av mulighetene i egne oppskrifter:

            - Kjøp under den nedre terskelverdien er utenfor anskaffelsesregelverket. Den er
              500 000 kroner fra 1. juli 2026 (100 000 kroner før det).
            - Fra den nedre terskelverdien opp til den nasjonale terskelverdien på 1,3
              millioner kroner gjelder del I, og kommunen kan lage en enkel konkurranse.
            - En konkurranse kan reserveres for virksomheter der minst 30 prosent av de
              ansatte er personer med funksjonsnedsettelse eller vanskeligstilte.
            - Dialog med markedet før konkurransen er lov, så lenge alle behandles likt.
            - Helse- og sosialtjenester kan reserveres for ideelle organisasjoner: under
              EØS-terskelverdien ved å invitere bare ideelle (med forbehold om kontrakten
              har klar grenseoverskridende interesse), over den etter forskriftens
              § 30-2a, med henvisning til paragrafen i kunngjøringen.

            Har du brukt veilederen? Del erfaringene dine som et tips på oppskriftene."""
        ),
        "tags": ["veileder", "anskaffelser", "ferd", "regelverk"],
        "video": None,
    },
    {
        "slug": "nye-eos-terskelverdier-14-mars-2024",
        "title": "Nye EØS-terskelverdier fra 14. mars 2024",
        "date": "2024-03-20",
        "author": "Redaksjonen",
        "intro": _t(
            """Fra 14. mars 2024 gjelder nye EØS-terskelverdier i anskaffelsesforskriften.
            For kommuner er grensen for varer og tjenester nå 2,3 millioner kroner."""
        ),
        "body": _t(
            """Dette er de nye verdiene, uten merverdiavgift:

            - Varer og tjenester, kommuner, fylkeskommuner og offentligrettslige organer:
              2 300 000 kroner (var 2 200 000)
            - Varer og tjenester, statlige myndigheter: 1 490 000 kroner
            - Bygge- og anleggskontrakter: 57 800 000 kroner (var 56 000 000)
            - Helse- og sosialtjenester og andre særlige tjenester: 7 800 000 kroner
              (uendret; beløpet er oppgitt å gjelde fra 23. mars 2022).

            Den nasjonale terskelverdien på 1,3 millioner kroner og den nedre grensen på
            100 000 kroner er ikke endret.

            For samarbeid med sosiale entreprenører betyr det at litt flere kommunale kjøp
            havner under EØS-terskelverdien og kan gjøres etter de enklere reglene i del II.
            Vi har oppdatert oppskriftene og tabellen i Regelverket."""
        ),
        "tags": ["terskelverdier", "anskaffelser", "regelverk"],
        "video": None,
    },
    {
        "slug": "ny-anskaffelseslov-pa-vei",
        "title": "Ny anskaffelseslov på vei: dette er foreslått",
        "date": "2026-01-05",
        "author": "Redaksjonen",
        "intro": _t(
            """Regjeringen vil forenkle reglene for offentlige anskaffelser, og Prop. 147 L
            (2024–2025) er første steg. Her er status, og hva forslaget kan bety for
            samarbeid med sosiale entreprenører. Husk: dette er forslag, ikke gjeldende
            rett."""
        ),
        "body": _t(
            """Oppdatert: Stortinget vedtok endringene 5. februar 2026 (Innst. 38 L
            (2025–2026)). Den nedre terskelverdien ble 500 000 kroner, ikke de foreslåtte
            300 000, og gjelder fra 1. juli 2026. Kjøp før den datoen følger grensen på
            100 000 kroner. Se Regelverket for kilder og status på kontrollen.

            Utgangspunktet er NOU 2023:26 «Ny lov om offentlige anskaffelser», som kom 10.
            november 2023 med høringsfrist 10. februar 2024. Utvalget foreslo blant annet å
            heve den nedre grensen til 300 000 kroner, fjerne del II i forskriften, la
            forvaltningsrettslige prinsipper gjelde under EØS-terskelverdiene, forenkle
            reglene for bygg og anlegg opp til 15 millioner kroner og gi tydeligere regler om
            sosiale hensyn. Den andre delen av utredningen, NOU 2024:9, hadde høringsfrist
            31. august 2024.

            Regjeringen la fram Prop. 147 L (2024–2025) 15. mai 2025. Reglene for
            anskaffelser over EØS-terskelverdiene blir stående til EU har revidert sine
            direktiver. Dette er hovedpunktene i forslaget:

            - Den nedre grensen heves fra 100 000 til 300 000 kroner.
            - De grunnleggende prinsippene i anskaffelsesloven § 4 oppheves for nasjonale
              anskaffelser.
            - Bærekraft tas inn i lovens formål.
            - Samfunnshensyn samles i loven: klima, lønns- og arbeidsvilkår og
              samfunnssikkerhet og beredskap.
            - Oppdragsgiverne får plikt til å ha en anskaffelsesstrategi og rutiner.
            - Kravet om å vekte klima og miljø med minst 30 prosent videreføres.

            Stortingets komité holdt høring 11. november 2025, og innstillingen er Innst. 38
            L (2025–2026). Stortinget vedtok endringene 5. februar 2026, med en nedre grense
            på 500 000 kroner i stedet for de foreslåtte 300 000. Den nye grensen gjelder fra
            1. juli 2026.

            Hva betyr det for dere?

            - Fram til 30. juni 2026 gjaldt nedre grense på 100 000 kroner. Fra 1. juli 2026
              er den 500 000 kroner. Den nasjonale terskelverdien er 1,3 millioner kroner.
            - Fra 1. juli 2026 kan flere små kjøp fra sosiale entreprenører gjøres uten
              formelle krav fra anskaffelsesregelverket. Kommunen må likevel ha en strategi
              og gode rutiner for anskaffelser.
            - I Regelverket på Kokeboka står den nye grensen med dato. Veiviseren svarer
              etter grensen som gjaldt på datoen du spør om."""
        ),
        "tags": ["lovendring", "anskaffelser", "terskelverdier", "forslag"],
        "video": None,
    },
    {
        "slug": "nye-eu-terskelverdier-2026",
        "title": "Nye EU-terskelverdier fra 1. januar 2026 – de norske beløpene kommer senere",
        "date": "2026-01-12",
        "author": "Redaksjonen",
        "intro": _t(
            """EU har justert terskelverdiene for offentlige anskaffelser fra 1. januar 2026.
            I Norge gjelder nye verdier først når anskaffelsesforskriften § 5-3 blir endret.
            Til da gjelder kronebeløpene fra 14. mars 2024."""
        ),
        "body": _t(
            """EUs terskelverdier fra 1. januar 2026, i euro og uten merverdiavgift:

            - Bygge- og anleggskontrakter: 5 404 000 euro
            - Varer og tjenester, sentrale statlige myndigheter: 140 000 euro
            - Varer og tjenester, andre oppdragsgivere, blant dem kommunene: 216 000 euro
            - Sosiale tjenester og andre særlige tjenester: 750 000 euro

            Verdiene er fastsatt i tre delegerte kommisjonsforordninger, (EU) 2025/2150 til
            2025/2152.

            I Norge får nye kronebeløp virkning når Nærings- og fiskeridepartementet endrer
            forskriften. I 2020 skjedde det i februar, og i 2024 fra 14. mars.

            Til forskriften er endret, gjelder verdiene fra 14. mars 2024:

            - 2 300 000 kroner for varer og tjenester i kommuner og fylkeskommuner
            - 1 490 000 kroner for varer og tjenester hos statlige myndigheter
            - 57 800 000 kroner for bygge- og anleggskontrakter
            - 7 800 000 kroner for helse- og sosialtjenester og andre særlige tjenester

            Når departementet har fastsatt de nye verdiene, legger redaksjonen dem inn som
            nye, daterte terskelverdier i Regelverket. Da viser Veiviseren riktig grense
            for datoen du spør om, og vi oppdaterer oppskriftene."""
        ),
        "tags": ["terskelverdier", "eu", "regelverk", "anskaffelser"],
        "video": None,
    },
]
