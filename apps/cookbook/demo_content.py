"""The cookbook's demo content: chapters and recipes in Norwegian bokmål, as plain data.

The shape is agreed in briefs/demo-schema.md; apps/cookbook/demo.py turns it into pages.
Facts come from shared/domain/legal-facts.md; every sentence is our own wording. Amounts are
NOK excluding VAT. Facts that could not be confirmed are said to be unconfirmed.
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


def _step(title: str, text: str, tip: str = "", pitfall: str = "") -> dict:
    return {"title": title, "text": _t(text), "tip": _t(tip), "pitfall": _t(pitfall)}


# Sources the examples point to (all listed in shared/domain/legal-facts.md, section A).
VEIER_TIL_SAMARBEID_URL = "https://www.regjeringen.no/no/dokumenter/veier-til-samarbeid/id2540583/"
VEILEDER_2019_URL = "https://www.anskaffelser.no/nyhet/2019/03/ny-veileder-kjop-av-tjenester-fra-sosiale-entreprenorer"
BAERUM_SE_URL = (
    "https://www.baerum.kommune.no/om-barum-kommune/organisasjon/innovasjon-i-barum/"
    "sosiale-entreprenorer/"
)
BAERUM_FUND_URL = (
    "https://tanketanken.no/okt-samarbeid-og-bedre-losninger-med-nytt-innovasjonsfond/"
)
BAERUM_FERD_URL = "https://tanketanken.no/kan-sosialt-entreprenorskap-skape-innovasjon-i-kommunen/"
BAERUM_TWO_KINDS_URL = (
    "https://tanketanken.no/kommunal-innovasjon-og-sosialt-entreprenorskap-to-sider-av-samme-sak/"
)
FERD_LIER_URL = (
    "https://ferd.no/press-release/ny-finansieringsmodell-styrker-kommunens-forebyggende-arbeid/"
)
POBEL_URL = "https://www.aleris.no/Vi-tilbyr/barnevern-rus-psykisk-omsorg-bpa/Pobelprosjektet/"
SOCENTRAL_URL = "https://ethos-magazine.com/incubating-social-innovation/"
KOMPASS_URL = "https://www.sparebankstiftelsen.no/no/skaper-arbeidsplasser-for-ungdom"
STARTOFF_URL = "https://www.anskaffelser.no/nb/innovasjon/startoff"
DFO_TILSKUDD_URL = "https://dfo.no/fagomrader/tilskudd-fra-staten/tilskudd-eller-anskaffelse"
NAV_TILSKUDD_URL = "https://tilskudd.dfo.no/ordning/DT-0131"
AKERSHUS_URL = "https://www.regionalforvaltning.no/Startside/Velkommen.aspx?Ordning_Id=4506"
NOU_2024_1_URL = "http://www.regjeringen.no/no/dokumenter/nou-2024-1/id3023595/?ch=2"
MEDARBEIDERNE_URL = "https://ferd.no/en/fse-projects/medarbeiderne/"
PCP_URL = (
    "https://anskaffelser.no/avtaler-og-regelverk/anskaffelsesprosedyrer/kommersielle-anskaffelser"
)


# ---------------------------------------------------------------------------------------------
# Step lists that later revisions replace are kept apart, so each version is written once.
# ---------------------------------------------------------------------------------------------

_KONTAKT_STEPS_V1 = [
    _step(
        "Takk ja til et møte – på åpne vilkår",
        """Svar vennlig og foreslå et kort møte der entreprenøren får presentere seg. Si tydelig
        at møtet er for å bli kjent, og at kommunen ikke forplikter seg til noe.""",
        tip="""Be om en kort beskrivelse på forhånd: hvem de hjelper, hva tjenesten går ut på,
        hvilke resultater de har sett, og hva den koster.""",
    ),
    _step(
        "Lytt etter behovet, ikke bare etter tilbudet",
        """Bruk møtet til å finne ut om tilbudet svarer på et behov dere faktisk har. Fortell
        gjerne om utfordringene dere står i, men ikke gå i detalj om en konkret anskaffelse
        dere planlegger.""",
        pitfall="""Å dele opplysninger om en kommende konkurranse som andre leverandører ikke
        får. Det kan gi entreprenøren et forsprang som ikke er rettferdig.""",
    ),
    _step(
        "Skriv et kort notat",
        """Noter hvem som var til stede, hva som ble presentert, og hva dere svarte. Notatet
        viser senere at møtet var åpent og ryddig. Det hjelper også kolleger som får en
        lignende henvendelse.""",
    ),
    _step(
        "Vurder: kjøpe, gi tilskudd eller bare holde kontakten?",
        """Vil kommunen betale for en tjeneste som den selv får nytte av, er det en
        anskaffelse. Regn ut samlet forventet verdi for hele avtaleperioden, uten
        merverdiavgift:

        - Under den nedre terskelverdien gjelder ikke anskaffelsesregelverket. Den er
          500 000 kroner fra 1. juli 2026 (100 000 kroner før det).
        - Fra den nedre terskelverdien gjelder del I, og dere må føre protokoll.
        - Fra 1,3 millioner kroner skal anskaffelsen kunngjøres i Doffin.""",
        pitfall="""Å kalle betalingen et tilskudd for å slippe konkurranse. Det er innholdet
        i avtalen som avgjør, ikke hva den heter.""",
    ),
    _step(
        "Gi et ærlig svar",
        """Fortell entreprenøren hva som skjer videre: at dere ikke har behov nå, at dere vil
        invitere flere til dialog, eller at dere planlegger en konkurranse som de kan delta i.
        Vis til Doffin og til Meglertjenesten, der kommunen legger ut behov åpent.""",
        tip="""Et tydelig nei eller «ikke nå» er mer verdt for en liten virksomhet enn et
        vagt kanskje.""",
    ),
    _step(
        "Hold døren åpen for andre",
        """Har møtet gitt dere en idé, så inviter også andre aktører før dere går videre. Da
        blir konkurransen bedre, og entreprenøren som tok kontakt, stiller på like vilkår som
        de andre.""",
    ),
]

_KONTAKT_STEPS_V2 = [
    {
        **_KONTAKT_STEPS_V1[0],
        "pitfall": _t(
            """Å love et oppdrag eller en prøveperiode i møtet. Et muntlig løfte kan bli en
            avtale, og uten riktig prosess kan den bli en ulovlig direkteanskaffelse."""
        ),
    },
    *_KONTAKT_STEPS_V1[1:],
]

_MARKEDSDIALOG_STEPS_V1 = [
    _step(
        "Kunngjør dialogen åpent",
        """Inviter bredt: for eksempel med en veiledende kunngjøring i Doffin, på kommunens
        nettside og i Meglertjenesten. Beskriv behovet, hvordan dialogen skal foregå, og
        fristen for å melde seg.""",
        pitfall="Å invitere bare dem dere kjenner fra før.",
    ),
    _step(
        "Velg form: fellesmøte, samtaler eller skriftlige innspill",
        """Et felles informasjonsmøte gir alle det samme grunnlaget. Samtaler med én og én
        leverandør gir mer innsikt, men da må alle få tilbud om samme type samtale og like
        lang tid.""",
        tip="""Sosiale entreprenører har ofte få ansatte og lite tid. Tilby digitale møter og
        korte skriftlige svar.""",
    ),
    _step(
        "Still åpne spørsmål",
        """Spør hva som er mulig, ikke hvem som er best. Spør for eksempel hvordan
        leverandøren ville målt om tjenesten virker.""",
    ),
    _step(
        "Beskytt forretningshemmeligheter",
        """Det en leverandør forteller om egne løsninger og priser, skal ikke deles med
        konkurrentene. Bestem på forhånd hvordan dere tar vare på innspillene.""",
    ),
    _step(
        "Gi alle den samme informasjonen",
        """Skriv en oppsummering av informasjonen kommunen ga, og gjør den tilgjengelig for
        alle – også for dem som ikke deltok. Legg den gjerne ved konkurransegrunnlaget.""",
        pitfall="""At én leverandør vet mer om anskaffelsen enn de andre. Et slikt forsprang
        svekker konkurransen og kan skape problemer når dere skal velge leverandør.""",
    ),
    _step(
        "Sett strek når konkurransen kunngjøres",
        """Fra kunngjøringen går all kontakt gjennom de formelle kanalene i konkurransen.
        Råd fra leverandørene kan ikke lenger brukes.""",
        pitfall="Å fortsette uformelle samtaler med én leverandør etter kunngjøringen.",
    ),
]

_MARKEDSDIALOG_STEPS_V2 = [
    *_MARKEDSDIALOG_STEPS_V1[:2],
    _step(
        "Still åpne spørsmål",
        """Spør hva som er mulig, ikke hvem som er best. Gode spørsmål er for eksempel:

        - Hvordan ville dere målt om tjenesten virker?
        - Hva gjør det vanskelig for små leverandører å delta i en konkurranse som denne?
        - Hvor lang avtale trenger dere for å kunne komme i gang?
        - Finnes det krav som utelukker virksomheter der mange ansatte står utenfor
          arbeidslivet?""",
        tip="""Send spørsmålene ut på forhånd. Da får også små virksomheter tid til å
        forberede seg.""",
    ),
    *_MARKEDSDIALOG_STEPS_V1[3:],
]

_TILSKUDD_STEP_4_V1 = _step(
    "Vurder reglene om offentlig støtte",
    """Penger til en virksomhet som driver økonomisk aktivitet, kan være offentlig støtte
    etter EØS-avtalen. Det gjelder når seks vilkår er oppfylt samtidig: økonomisk fordel,
    offentlige midler, mottakeren er et foretak, støtten er selektiv, den kan vri
    konkurransen, og den kan påvirke handelen mellom EØS-landene.

    Små beløp kan ofte gis som bagatellstøtte. Etter de gjeldende reglene kan et foretak få
    inntil 200 000 euro i bagatellstøtte over tre regnskapsår.""",
    tip="Spør kommuneadvokaten eller KS Advokatene hvis dere er i tvil.",
)

_TILSKUDD_STEP_4_V2 = _step(
    "Vurder reglene om offentlig støtte",
    """Penger til en virksomhet som driver økonomisk aktivitet, kan være offentlig støtte
    etter EØS-avtalen. Det gjelder når seks vilkår er oppfylt samtidig: økonomisk fordel,
    offentlige midler, mottakeren er et foretak, støtten er selektiv, den kan vri
    konkurransen, og den kan påvirke handelen mellom EØS-landene.

    Små beløp kan ofte gis som bagatellstøtte. Den gamle grensen på 200 000 euro over tre
    regnskapsår gjaldt ut 2023. EU har vedtatt en ny grense på 300 000 euro over tre år.
    KS har meldt at vanlig bagatellstøtte ble satt på pause her i landet til de nye reglene
    var tatt inn i EØS-avtalen. Sjekk hva som gjelder på tildelingsdagen før dere tildeler.""",
    tip="Spør kommuneadvokaten eller KS Advokatene hvis dere er i tvil.",
)

_TILSKUDD_STEPS_V1 = [
    _step(
        "Beskriv hva pengene skal brukes til",
        """Skriv ned hva entreprenøren skal gjøre, for hvem, og hva kommunen venter å få
        tilbake. Vær konkret: antall deltakere, timer, rapporter og resultater.""",
    ),
    _step(
        "Still de avgjørende spørsmålene",
        """Jo flere ja, jo mer peker det mot en anskaffelse:

        - Får kommunen en tjeneste som den ellers måtte levert selv eller kjøpt?
        - Styrer kommunen i detalj hva som skal leveres, når og hvordan?
        - Er beløpet regnet ut som en pris for en bestemt leveranse?""",
        pitfall="""Å la merkelappen avgjøre. Et «tilskudd» med detaljerte krav til leveransen
        er ofte en anskaffelse i realiteten.""",
    ),
    _step(
        "Er det et tilskudd: sett klare vilkår uten å styre leveransen",
        """Et tilskudd støtter entreprenørens egen aktivitet. Kommunen kan øremerke pengene og
        sette vilkår om formål og rapportering uten at det blir en anskaffelse, så lenge
        kommunen ikke får en motytelse. Følg kommunens egne regler for tilskudd, og behandle
        søkerne likt.""",
    ),
    _TILSKUDD_STEP_4_V1,
    _step(
        "Er det en anskaffelse: regn ut verdien og velg prosess",
        """Regn ut samlet verdi uten merverdiavgift for hele perioden, og følg reglene for
        den verdien. Oppskriftene om kjøp under den nedre terskelverdien, kjøp etter del I og
        konkurranse over nasjonal terskelverdi viser veien videre.""",
    ),
    _step(
        "Skriv ned vurderingen",
        """Lag et kort notat om hvorfor dere valgte tilskudd eller anskaffelse. Blir valget
        utfordret senere, er notatet det beste beviset på at dere vurderte saken grundig.""",
    ),
]

_TILSKUDD_STEPS_V2 = [*_TILSKUDD_STEPS_V1[:3], _TILSKUDD_STEP_4_V2, *_TILSKUDD_STEPS_V1[4:]]

_DEL_I_STEPS_V1 = [
    _step(
        "Bekreft at dere er i del I",
        """Regn ut samlet verdi for hele avtaleperioden, uten merverdiavgift. Ligger den
        mellom den nedre terskelverdien (500 000 kroner fra 1. juli 2026, 100 000 kroner før
        det) og den nasjonale terskelverdien på 1,3 millioner kroner,
        gjelder bare del I i anskaffelsesforskriften. For helse- og sosialtjenester gjelder
        del I helt opp til 7,8 millioner kroner.""",
        pitfall="""Å dele opp én anskaffelse i flere mindre for å holde seg under en
        terskelverdi. Det er ikke lov.""",
    ),
    _step(
        "Legg opp en konkurranse som står i forhold til verdien",
        """Det finnes ingen fast prosedyre i del I. Dere kan for eksempel be noen
        leverandører om tilbud, eller legge ut en enkel kunngjøring. Velg en form som gir
        reell konkurranse uten å bli tung for små leverandører.""",
        tip="""En kunngjøring i Doffin er frivillig her, men gjør det lettere for sosiale
        entreprenører dere ikke kjenner, å finne oppdraget.""",
    ),
    _step(
        "Still krav som er nødvendige – og ikke flere",
        """Krav til omsetning, referanser og lang erfaring kan stenge ute nye og små aktører.
        Still bare krav som trengs for oppdraget. Dere kan også legge vekt på sosiale
        forhold, innovasjon og universell utforming.""",
        pitfall="""Å kopiere kvalifikasjonskrav fra en stor konkurranse. Krav om mange års
        drift kan utelukke gode, nye leverandører uten at kommunen vinner noe på det.""",
    ),
    _step(
        "Velg leverandør og begrunn valget",
        """Vurder tilbudene etter kriteriene dere oppga på forhånd. Gi alle som leverte
        tilbud, beskjed om resultatet med en kort begrunnelse.""",
    ),
    _step(
        "Skriv anskaffelsesprotokoll",
        """Fra den nedre terskelverdien skal dere føre protokoll. Den skal vise hva dere kjøpte,
        verdien, hvem som ble spurt eller svarte, og hvorfor dere valgte som dere gjorde.""",
        tip="Skriv protokollen underveis, ikke i etterkant.",
    ),
]

_DEL_I_STEPS_V2 = [
    *_DEL_I_STEPS_V1[:3],
    _step(
        "Ta hensyn til klima og miljø",
        """Fra 1. januar 2024 skal klima- og miljøhensyn som hovedregel vektes med minst
        30 prosent, eller sikres med krav som gir samme virkning. Finn ut hvordan regelen
        slår inn for tjenesten dere kjøper – for eksempel transport, mat eller materiell.""",
    ),
    *_DEL_I_STEPS_V1[3:],
]

_IDEELLE_STEPS_V1 = [
    _step(
        "Avklar tjenestetypen og regn ut verdien",
        """Sjekk at tjenesten faktisk er en helse- eller sosialtjeneste, og regn ut samlet
        verdi uten merverdiavgift for hele avtaleperioden.""",
        pitfall="""Å blande helse- og sosialtjenester med andre særlige tjenester. Helse- og
        sosialtjenester følger del I helt opp til 7,8 millioner kroner og kapittel 30 over
        det. Andre særlige tjenester følger del II allerede fra 1,3 millioner kroner, og
        fortsatt del II over EØS-terskelverdien, da med kunngjøring i hele EØS.""",
    ),
    _step(
        "Under 7,8 millioner: bestem dere, og si det tydelig",
        """Under terskelverdien kan kommunen invitere bare ideelle organisasjoner. Skriv i
        konkurransegrunnlaget at konkurransen er forbeholdt ideelle, og hvordan leverandørene
        skal vise at de er det. Ellers gjelder prinsippene i del I: konkurranse,
        likebehandling, forutberegnelighet, etterprøvbarhet og forholdsmessighet.

        Har kontrakten klar grenseoverskridende interesse, altså at leverandører i andre
        EØS-land kan tenkes å ville ha den, gjelder EØS-avtalens regler om fri bevegelighet
        også under terskelverdien. Da må dere kunne begrunne at det er lov å invitere bare
        ideelle.""",
        tip="""NOU 2024:1 drøfter hvordan ideelle velferdsaktører kan defineres og
        registreres. Den kan være til hjelp når dere formulerer kravene.""",
    ),
    _step(
        "Over 7,8 millioner: reserver etter § 30-2a",
        """Over terskelverdien følger anskaffelsen kapittel 30 i forskriften, og den skal
        kunngjøres i hele EØS. Etter § 30-2a kan kommunen reservere konkurransen for ideelle
        organisasjoner. Kunngjøringen må si at konkurransen er reservert, og vise til
        § 30-2a. Høyesterett kom i HR-2025-2425-A (8. desember 2025) til at regelen er
        gyldig.""",
        pitfall="""Å reservere uten å si det i kunngjøringen og vise til § 30-2a.""",
    ),
    _step(
        "Sjekk det nyeste regelverket",
        """Regjeringen har varslet en endring i anskaffelsesforskriften som skal gjøre det
        lettere å reservere helse- og sosialtjenester for ideelle. Sjekk Lovdata før dere
        bruker regelen.""",
    ),
    _step(
        "Skriv ned begrunnelsen",
        """Skriv hvorfor dere reserverer, hvilket grunnlag dere bruker, og hvordan dere har
        vurdert vilkårene. Legg vurderingen ved anskaffelsesprotokollen.""",
    ),
    _step(
        "Vurder andre veier",
        """Kan tjenesten leveres av virksomheter som har som hovedformål å få folk i arbeid,
        kan en reservert kontrakt etter § 30-3 være et alternativ. Gjelder oppdraget
        utøvelse av offentlig myndighet, kan andre unntak være aktuelle – spør en jurist.""",
    ),
]

_IDEELLE_STEPS_V2 = [
    *_IDEELLE_STEPS_V1[:3],
    _step(
        "Sjekk det nyeste regelverket",
        """Reservasjonen for ideelle over terskelverdien står i forskriftens § 30-2a, som kom
        inn i 2020. Høyesterett kom i HR-2025-2425-A (8. desember 2025) til at regelen er
        gyldig. Les gjeldende ordlyd på Lovdata før dere bruker den.""",
    ),
    *_IDEELLE_STEPS_V1[4:],
]


# ---------------------------------------------------------------------------------------------
# Chapter 1: Forstå og møt hverandre
# ---------------------------------------------------------------------------------------------

START_MED_BEHOVET = {
    "slug": "start-med-behovet",
    "title": "Start med behovet – ikke med løsningen",
    "summary": _t(
        """Beskriv hva innbyggerne trenger før dere snakker om hvem som skal levere. Et godt
        beskrevet behov gjør det lettere å finne riktig samarbeidspartner og riktig vei i
        regelverket."""
    ),
    "situation": _t(
        """Oppskriften passer når dere ser et problem som ingen tjeneste eier alene. Frafall i
        videregående skole er et typisk eksempel. Årsakene kan ligge i hjemmet, i helsen, i
        økonomien eller i fritiden – ikke bare i skolen. Når ansvaret er delt på mange, blir
        behovet lett liggende mellom flere stoler.

        Den passer også når en sosial entreprenør har kommet med en god idé, og dere vil finne
        ut om den svarer på noe dere faktisk trenger. Da er det fristende å hoppe rett til
        løsningen. Ta heller en runde på behovet først. Det sparer tid senere."""
    ),
    "phase": "behov",
    "sectors": ["oppvekst_utdanning", "arbeid_inkludering", "psykisk_helse_rus", "folkehelse"],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """En tjenesteleder som eier prosessen, fagfolk fra tjenestene som berøres, og
            gjerne en innovasjonsrådgiver. Ta med brukere eller pårørende når det er mulig."""
        ),
        "budget": _t(
            """Mest arbeidstid. Sett gjerne av litt penger til å hente inn innsikt, for
            eksempel intervjuer eller verksteder med brukere."""
        ),
        "time": "Fire til åtte uker for en første behovsbeskrivelse.",
        "prerequisites": "En leder som gir mandat til å arbeide på tvers av tjenestene.",
    },
    "steps": [
        _step(
            "Beskriv problemet slik innbyggeren opplever det",
            """Skriv hva som skjer med dem det gjelder, ikke hva kommunen mangler. «Elever
            slutter i videregående uten å ha noe annet å gå til» sier mer enn «vi trenger et
            nytt tiltak for ungdom».""",
            tip="""Snakk med noen som har opplevd problemet før dere skriver. Ungdom,
            foreldre og lærere ser ofte ulike årsaker.""",
            pitfall="""Å skrive løsningen inn i behovet, for eksempel «vi trenger en app».
            Da stenger dere ute andre gode svar.""",
        ),
        _step(
            "Finn ut hvem som berøres, og hvem som betaler",
            """Lag en enkel oversikt over tjenestene som møter de samme menneskene: skole,
            NAV, helsetjeneste, barnevern og fritid. Noter hvem som bærer kostnadene i dag,
            og hvem som ville spart mest om problemet ble mindre.""",
            tip="""Gevinsten havner ofte i en annen tjeneste enn den som betaler. Få det fram
            tidlig, så blir det lettere å dele på kostnadene senere.""",
        ),
        _step(
            "Gi behovet en eier",
            """Et behov uten eier blir ikke fulgt opp. Avklar hvem som har ansvaret for
            arbeidet videre, og hvem som kan ta beslutninger om penger og folk. Når flere
            tjenester deler behovet, bør en leder over dem gi mandatet.""",
            pitfall="""Å la en arbeidsgruppe uten mandat eie behovet. Gruppen kan analysere,
            men ikke bestemme.""",
        ),
        _step(
            "Dvel ved behovet før dere velger retning",
            """Bruk tid på å forstå hvorfor problemet oppstår, før dere diskuterer tiltak.
            Denne fasen kan føles treg og frustrerende for alle, også for sosiale
            entreprenører som er ivrige etter å komme i gang. Likevel er det her dere finner
            ut hva som faktisk må løses.""",
            tip="""Si tydelig til samarbeidspartnerne at dere er i en utforskende fase, og
            hva som skjer etterpå.""",
        ),
        _step(
            "Bestem hva som skal bli bedre, og hvordan dere ser det",
            """Formuler ett til tre mål som kan observeres, for eksempel at færre elever
            avbryter skoleåret, eller at flere er i jobb eller utdanning et år senere. Finn
            tallene dere har i dag, slik at dere har noe å sammenligne med.""",
        ),
        _step(
            "Del behovet åpent",
            """Når behovet er beskrevet, kan dere dele det bredt – for eksempel i
            Meglertjenesten på Kokeboka eller på et åpent møte. Da får alle leverandører den
            samme informasjonen samtidig, og dere står sterkere når dere senere skal velge
            samarbeidsform.""",
            pitfall="""Å sende behovet bare til den ene entreprenøren dere kjenner fra før.
            Det kan gi et forsprang som skaper problemer i en senere anskaffelse.""",
        ),
    ],
    "legal_rules": ["loa-4", "markedsdialog"],
    "examples": [
        {
            "title": "Gamingkontakten: et behov uten én eier",
            "text": _t(
                """Gamingkontakten tilbyr digitale støttekontakter som møter isolerte gamere
                mellom 11 og 23 år inne i spillene. Tilbudet berører både helse- og
                omsorgstjenesten og arbeidet mot skolefravær – et eksempel på et behov som
                ikke har én naturlig eier i kommunen."""
            ),
            "source_url": "",
        },
        {
            "title": "Kjør for livet: tilbake til skole og arbeid",
            "text": _t(
                """Kjør for livet er et lagbasert program som hjelper ungdom som har falt ut
                av skolen, eller står i fare for det, tilbake til skole eller jobb. Tiltaket
                er omtalt i inspirasjonsheftet «Veier til samarbeid» fra 2017."""
            ),
            "source_url": VEIER_TIL_SAMARBEID_URL,
        },
    ],
    "related": ["kommunen-som-megler", "markedsdialog-for-anskaffelsen", "male-sosiale-resultater"],
}

KOMMUNEN_SOM_MEGLER = {
    "slug": "kommunen-som-megler",
    "title": "Kommunen som megler mellom egne tjenester og entreprenører",
    "summary": _t(
        """En liten enhet i kommunen kan koble tjenester som har et behov, med sosiale
        entreprenører som kan ha et svar – og passe på at samarbeidet følger regelverket."""
    ),
    "situation": _t(
        """En stor kommune er krevende å finne fram i for en liten virksomhet. Tjenestene vet
        på sin side ofte lite om hvilke sosiale entreprenører som finnes. En meglerfunksjon
        bygger bro: den kjenner både kommunens behov og miljøet av entreprenører, og hjelper
        partene å møtes på ryddige vilkår.

        Bærum kommune har beskrevet hvordan kommunen i en tidlig fase må være forberedt på å
        være formidler og megler mellom egne tjenester og sosiale entreprenører. Oppskriften
        bygger på slike erfaringer."""
    ),
    "phase": "behov",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """En eller to personer med mandat fra kommunedirektøren, gjerne i en strategi-
            eller utviklingsenhet, og med god kontakt med innkjøp og jus."""
        ),
        "budget": _t(
            """En del av en stilling, og gjerne en egen pott til utprøving (se oppskriften om
            innovasjonsfond)."""
        ),
        "time": "Løpende arbeid. Regn med et halvt år før ordningen har satt seg.",
        "prerequisites": _t(
            """Politisk eller administrativ forankring av at kommunen vil samarbeide med
            sosiale entreprenører."""
        ),
    },
    "steps": [
        _step(
            "Gi meglerrollen et tydelig mandat",
            """Skriv ned hva megleren skal gjøre: samle behov fra tjenestene, ha oversikt over
            sosiale entreprenører, arrangere møter og følge samarbeidene over tid. Avklar
            også hva megleren ikke skal gjøre, for eksempel å velge leverandør på vegne av
            tjenestene.""",
            pitfall="""At megleren blir den som kjøper inn. Beslutningen om å kjøpe ligger
            hos tjenesten, og den må følge reglene for offentlige anskaffelser.""",
        ),
        _step(
            "Samle behov fra tjenestene",
            """Be tjenestene beskrive behov, ikke ønskede løsninger. Hjelp dem med
            formuleringene, og se etter behov som går igjen i flere tjenester. Det er ofte
            behovene som faller mellom flere stoler, der en megler gjør størst nytte.""",
            tip="""Legg behovene ut i Meglertjenesten på Kokeboka, slik at alle entreprenører
            ser det samme.""",
        ),
        _step(
            "Bli kjent med entreprenørene – åpent for alle",
            """Inviter til åpne møter der alle interesserte kan presentere seg. Noter hva de
            tilbyr, hvem de hjelper, og hvor langt de har kommet. Noen er profesjonelle
            leverandører som svarer på utlysninger. Andre er små oppstartsvirksomheter som
            trenger å utvikle og teste ideen sammen med en kommune.""",
            tip="""Vær nysgjerrig og fordomsfri. Erfaringen er at dialogen fungerer best når
            begge sider er åpne om hva de ikke vet.""",
            pitfall="""At de samme to–tre aktørene får all oppmerksomheten. Likebehandling
            gjelder også før en konkurranse.""",
        ),
        _step(
            "Koble partene, og avklar samarbeidsformen tidlig",
            """Når et behov og et tilbud ser ut til å passe sammen, setter megleren partene i
            kontakt. Avklar tidlig om dere snakker om dialog, en betalt utprøving, et
            tilskudd eller en anskaffelse. Formen avgjør hvilke regler som gjelder.""",
        ),
        _step(
            "Følg samarbeidet, og del det dere lærer",
            """Før en enkel logg over hvert samarbeid: hvem som møttes, hva som ble avtalt,
            og hvor langt dere har kommet. Del erfaringene internt og i eksempelbanken, også
            når noe ikke fungerte.""",
            tip="""Noen ganger må kommunen tørre å satse på noe ukjent – både på egne ansatte
            med nye ideer og på entreprenører som vil vokse sammen med kommunen. Megleren
            kan gjøre risikoen synlig og håndterbar.""",
        ),
    ],
    "legal_rules": ["loa-4", "markedsdialog", "tilskudd-eller-anskaffelse"],
    "examples": [
        {
            "title": "Bærum kommune og Ferd Sosiale Entreprenører",
            "text": _t(
                """Bærum kommune inngikk en toårig samarbeidsavtale med Ferd Sosiale
                Entreprenører for å finne tre til fem sosiale entreprenører som kunne prøve
                ut tjenester i kommunen. Det første møtet var med oppvekstsektoren, og i
                februar 2018 var avtalen i gang, med blant andre Minos som prøvde ut et
                verktøy på fire skoler."""
            ),
            "source_url": BAERUM_FERD_URL,
        },
        {
            "title": "SoCentral og BOOST Refugee i Oslo",
            "text": _t(
                """Inkubatoren SoCentral på Sentralen i Oslo ble startet i 2012 og drev
                programmet «BOOST Refugee» for Oslo kommune. Det viser at en aktør utenfor
                kommunen også kan ta deler av meglerrollen."""
            ),
            "source_url": SOCENTRAL_URL,
        },
    ],
    "related": ["start-med-behovet", "entreprenoren-tar-kontakt", "soke-kommunalt-innovasjonsfond"],
}

ENTREPRENOREN_TAR_KONTAKT = {
    "slug": "entreprenoren-tar-kontakt",
    "title": "En sosial entreprenør tar kontakt – slik svarer dere lovlig",
    "summary": _t(
        """Det er lov å møte en entreprenør som vil presentere seg. Det viktige er hva som
        skjer etterpå: vil kommunen kjøpe noe, må den følge anskaffelsesreglene for den
        verdien kjøpet har."""
    ),
    "situation": _t(
        """En sosial entreprenør sender en e-post eller ringer rektor, enhetslederen eller
        ordføreren og vil vise fram tilbudet sitt. Mange blir usikre: Kan vi i det hele tatt
        møte dem? Og hva gjør vi hvis vi liker det vi ser?

        Svaret er at dere kan lytte, lære og stille spørsmål. Å bli kjent med markedet er både
        lovlig og lurt. Men et møte er ikke en avtale. Vil kommunen betale for en tjeneste, må
        den regne ut verdien og følge reglene som gjelder for den."""
    ),
    "phase": "dialog",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """Den som ble kontaktet, nærmeste leder og – før noe blir kjøpt – innkjøpere i
            kommunen."""
        ),
        "budget": "Ingen for selve møtet.",
        "time": "Et møte på en time, og en uke eller to til avklaring etterpå.",
        "prerequisites": "Kjennskap til kommunens innkjøpsrutiner og terskelverdiene.",
    },
    "steps": _KONTAKT_STEPS_V1,
    "legal_rules": [
        "loa-2",
        "loa-4",
        "foa-5-4",
        "foa-7-1",
        "markedsdialog",
        "tilskudd-eller-anskaffelse",
    ],
    "examples": [
        {
            "title": "To slags sosiale entreprenører i Bærum",
            "text": _t(
                """Bærum kommune har beskrevet to typer samarbeidspartnere: profesjonelle
                aktører som svarer på offentlige utlysninger, som Pøbelprosjektet, og små
                oppstartsvirksomheter som trenger hjelp til å utvikle og teste konseptet
                sammen med kommunen, som Young Happy Minds. De to trenger ulike veier inn."""
            ),
            "source_url": BAERUM_TWO_KINDS_URL,
        },
    ],
    "related": [
        "markedsdialog-for-anskaffelsen",
        "kjop-under-100000",
        "tilskudd-eller-anskaffelse",
        "slik-moter-du-kommunen",
    ],
    "revisions": [
        {
            "change_note": "La til en fallgruve i steg 1: ikke lov bort oppdrag i møtet.",
            "steps": _KONTAKT_STEPS_V2,
        },
    ],
}

SLIK_MOTER_DU_KOMMUNEN = {
    "slug": "slik-moter-du-kommunen",
    "title": "Slik finner du fram i kommunen som sosial entreprenør",
    "summary": _t(
        """Kommunen kan virke uoversiktlig utenfra. Oppskriften viser hvem du bør snakke med,
        hvordan kommunen tar beslutninger, og hvilke regler den må følge når den kjøper."""
    ),
    "situation": _t(
        """Du har en tjeneste som du vet virker, og tror kommunen kan ha nytte av den. Men
        hvem bestemmer? Og hvorfor sier kommunen at den ikke «bare kan kjøpe»?

        Oppskriften passer for deg som skal kontakte en kommune for første gang, eller som har
        hatt gode møter uten at noe skjedde etterpå."""
    ),
    "phase": "dialog",
    "sectors": [],
    "audience": "entreprenor",
    "ingredients": {
        "who": "Daglig leder eller den som har ansvar for salg og samarbeid.",
        "budget": "Egen arbeidstid. Veien fram til en avtale kan være lang.",
        "time": "Fra noen uker til over et år, avhengig av verdi og samarbeidsform.",
        "prerequisites": _t(
            """En kort og tydelig beskrivelse av hvem du hjelper, hva du gjør, hva det koster,
            og hvilke resultater du har."""
        ),
    },
    "steps": [
        _step(
            "Finn den som eier problemet",
            """Kontakt tjenesten som merker problemet i hverdagen – for eksempel en skole, et
            NAV-kontor eller hjemmetjenesten – og lederen med budsjettansvar. Spør også om
            kommunen har en innovasjonsrådgiver eller noen som arbeider med sosialt
            entreprenørskap.""",
            tip="""Sjekk om kommunen har lagt ut behov i Meglertjenesten. Da vet du at noen
            allerede leter etter svar.""",
        ),
        _step(
            "Snakk om behovet før du snakker om produktet",
            """Spør hva tjenesten sliter med, og lytt. Kommunen tenker i behov, målgrupper og
            ansvar. Vis hvordan tilbudet ditt passer inn, og vær ærlig om det du ikke vet
            ennå.""",
        ),
        _step(
            "Forstå hvorfor kommunen må følge regler når den kjøper",
            """Kommunen bruker fellesskapets penger og må behandle alle leverandører likt.
            Dette er hovedreglene (beløp uten merverdiavgift):

            - Under den nedre terskelverdien (500 000 kroner fra 1. juli 2026, 100 000
              kroner før det): ingen krav etter anskaffelsesregelverket, men kommunen bør
              sammenligne tilbud.
            - Fra den nedre terskelverdien til 1,3 millioner kroner: krav om konkurranse
              og likebehandling, og kommunen fører protokoll.
            - Fra 1,3 millioner kroner: kunngjøring i Doffin og en mer formell konkurranse.""",
            pitfall="""Å tro at et godt møte betyr at kommunen kan gi deg oppdraget direkte.
            Er verdien høy nok, må kommunen åpne for konkurranse.""",
        ),
        _step(
            "Følg med på kunngjøringer",
            """Offentlige anskaffelser over den nasjonale terskelverdien kunngjøres i Doffin.
            Sett opp et søk for ditt fagområde, og følg med på kommunens egne nettsider.""",
            tip="""Er oppdraget for stort for deg alene, kan du samarbeide med andre eller
            være underleverandør.""",
        ),
        _step(
            "Vis at du er en seriøs leverandør",
            """Ha orden på organisasjonsnummer, regnskap, skatteattest og forsikringer.
            Beskriv hvordan du måler resultater. Er minst 30 prosent av de ansatte personer
            med funksjonsnedsettelse eller vanskeligstilte, og er hovedformålet å få dem i
            arbeid, kan du delta i reserverte konkurranser.""",
        ),
        _step(
            "Spør om andre veier enn kjøp",
            """Noen ganger passer en utprøving, et tilskudd eller et kommunalt
            innovasjonsfond bedre enn en anskaffelse. Både staten og fylkeskommuner har hatt
            tilskuddsordninger for sosiale entreprenører.""",
            pitfall="""Å søke tilskudd for noe som egentlig er en tjeneste kommunen bestiller.
            Det kan bli underkjent som en ulovlig direkteanskaffelse.""",
        ),
    ],
    "legal_rules": ["loa-2", "loa-4", "foa-5-1", "foa-8-8", "tilskudd-eller-anskaffelse"],
    "examples": [
        {
            "title": "NAVs tilskudd til sosialt entreprenørskap",
            "text": _t(
                """NAV forvalter en statlig tilskuddsordning for sosiale entreprenører som
                arbeider mot fattigdom og sosial utestengning. Blant vilkårene er at
                virksomheten selv definerer seg som sosial entreprenør, har en ny løsning på
                et sosialt problem, har en levedyktig forretningsmodell og har vedtekter som
                ikke åpner for utbytte."""
            ),
            "source_url": NAV_TILSKUDD_URL,
        },
        {
            "title": "Akershus fylkeskommune: sosialt entreprenørskap og arbeidsinkludering",
            "text": _t(
                """I 2024 lyste Akershus fylkeskommune ut midler til sosialt entreprenørskap og
                arbeidsinkludering. Aksjeselskaper, stiftelser og organisasjoner med lønnede
                ansatte og vedtekter uten utbytte kunne søke, og kommuner eller NAV-kontorer
                kunne være samarbeidspartnere."""
            ),
            "source_url": AKERSHUS_URL,
        },
    ],
    "related": [
        "entreprenoren-tar-kontakt",
        "reserverte-kontrakter-arbeidsinkludering",
        "tilskudd-eller-anskaffelse",
        "kjop-etter-del-i",
    ],
}

# ---------------------------------------------------------------------------------------------
# Chapter 2: Dialog før du bestemmer deg
# ---------------------------------------------------------------------------------------------

MARKEDSDIALOG = {
    "slug": "markedsdialog-for-anskaffelsen",
    "title": "Markedsdialog før anskaffelsen",
    "summary": _t(
        """Snakk med leverandørene før dere lyser ut. God markedsdialog gir et bedre
        konkurransegrunnlag – så lenge alle får den samme informasjonen og ingen får et
        forsprang."""
    ),
    "situation": _t(
        """Dere vet hva som skal bli bedre, men ikke hva markedet kan tilby, hva det koster,
        eller om sosiale entreprenører kan levere. Dialog før konkurransen hjelper dere å
        stille de riktige kravene og å lage en konkurranse som også små aktører kan delta i.

        Dialogen må være åpen og behandle alle likt. Når konkurransen er kunngjort, er tiden
        for råd fra leverandørene over.

        Anskaffelser.no viser til §§ 9-3 og 12-2 i anskaffelsesforskriften for reglene om
        dialog med markedet. Prinsippene i denne oppskriften gjelder for begge."""
    ),
    "phase": "dialog",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """Prosjektleder fra tjenesten, innkjøper og gjerne en representant for brukerne
            eller de pårørende."""
        ),
        "budget": "Arbeidstid, møterom og eventuelt servering.",
        "time": "Fire til ti uker fra invitasjon til oppsummering.",
        "prerequisites": _t(
            """En behovsbeskrivelse (se «Start med behovet») og et grovt anslag på verdien av
            anskaffelsen."""
        ),
    },
    "steps": _MARKEDSDIALOG_STEPS_V1,
    "legal_rules": ["markedsdialog", "loa-4", "foa-5-4"],
    "examples": [
        {
            "title": "Veileder fra 2019 om å slippe sosiale entreprenører inn",
            "text": _t(
                """I 2019 kom en veileder for offentlige oppdragsgivere som møter sosiale
                entreprenører. Den ble laget på initiativ fra Ferd Sosiale Entreprenører,
                sammen med blant andre LUP, Difi, Innovasjon Norge, KS, Velferdsetaten i
                Oslo, Bærum kommune og SoCentral, og viser handlingsrommet i regelverket."""
            ),
            "source_url": VEILEDER_2019_URL,
        },
    ],
    "related": [
        "start-med-behovet",
        "entreprenoren-tar-kontakt",
        "tilbudskonkurranse-over-nasjonal-terskel",
        "innovasjonspartnerskap",
    ],
    "revisions": [
        {
            "change_note": "Omskrev steg 3 med konkrete eksempler på spørsmål og et nytt tips.",
            "steps": _MARKEDSDIALOG_STEPS_V2,
        },
    ],
}

TILSKUDD_ELLER_ANSKAFFELSE = {
    "slug": "tilskudd-eller-anskaffelse",
    "title": "Tilskudd eller anskaffelse?",
    "summary": _t(
        """Kommunen kan støtte en sosial entreprenørs egen virksomhet med tilskudd, eller
        kjøpe en tjeneste. Det er innholdet i avtalen, ikke navnet, som avgjør hvilke regler
        som gjelder."""
    ),
    "situation": _t(
        """Dere vil bidra med penger til en sosial entreprenør, og noen foreslår å kalle det
        et tilskudd. Det kan være riktig – men bare hvis kommunen ikke får en tjeneste
        tilbake som den selv har direkte økonomisk nytte av.

        Er avtalen gjensidig bebyrdende, altså at kommunen får en ytelse og betaler for den,
        er det en anskaffelse. Da gjelder anskaffelsesreglene fra den nedre terskelverdien
        (500 000 kroner fra 1. juli 2026, 100 000 kroner før det). Blir en
        anskaffelse gjort som et tilskudd uten konkurranse, kan det være en ulovlig
        direkteanskaffelse. Klagenemnda for offentlige anskaffelser (KOFA) kan da ilegge et
        gebyr."""
    ),
    "phase": "avtale",
    "sectors": [],
    "audience": "begge",
    "ingredients": {
        "who": _t(
            """Tjenesteleder, innkjøper og jurist. Ta med økonomiavdelingen hvis kommunen har
            egne regler for tilskudd."""
        ),
        "budget": "Avhenger av saken.",
        "time": "En til to uker for vurderingen.",
        "prerequisites": _t(
            """Et utkast til hva pengene skal brukes til, og hva kommunen venter å få
            tilbake."""
        ),
    },
    "steps": _TILSKUDD_STEPS_V1,
    "legal_rules": ["tilskudd-eller-anskaffelse", "offentlig-stotte", "bagatellstotte", "loa-2"],
    "examples": [
        {
            "title": "DFØ: Tilskudd eller anskaffelse?",
            "text": _t(
                """Direktoratet for forvaltning og økonomistyring (DFØ) har en veiledning om
                grensen mellom tilskudd og anskaffelse. Sterk styring og detaljerte krav til
                hva som skal leveres, trekker i retning av anskaffelse."""
            ),
            "source_url": DFO_TILSKUDD_URL,
        },
    ],
    "related": [
        "entreprenoren-tar-kontakt",
        "soke-kommunalt-innovasjonsfond",
        "kjop-etter-del-i",
        "effektkontrakt",
    ],
    "revisions": [
        {
            "change_note": _t(
                """Oppdatert steg 4 om bagatellstøtte: ny EU-grense og pausen KS har meldt
                om i Norge."""
            ),
            "steps": _TILSKUDD_STEPS_V2,
        },
    ],
}

# ---------------------------------------------------------------------------------------------
# Chapter 3: Kjøp og avtaler
# ---------------------------------------------------------------------------------------------

_UNDER_100K_SITUATION_V1 = _t(
    """Dere vil prøve et lite tilbud: et kurs, noen verksteder, et årsabonnement eller en kort
    utprøving. Når samlet verdi er under 100 000 kroner uten merverdiavgift, gjelder ikke
    anskaffelsesloven og anskaffelsesforskriften. Dere trenger verken konkurranse eller
    protokoll etter regelverket.

    Kommunens egne innkjøpsregler kan likevel stille krav, og verdien må være regnet ut
    ærlig."""
)

_UNDER_100K_SITUATION_V2 = _t(
    f"""{_UNDER_100K_SITUATION_V1}

    Regjeringen har foreslått å heve grensen fra 100 000 til 300 000 kroner i Prop. 147 L
    (2024–2025). Dette er bare et forslag. Inntil det er vedtatt og satt i kraft, gjelder
    100 000 kroner."""
)

_UNDER_100K_SITUATION_V3 = _t(
    """Dere vil prøve et lite tilbud: et kurs, noen verksteder, et årsabonnement eller en kort
    utprøving. Når samlet verdi er under den nedre terskelverdien, gjelder ikke
    anskaffelsesloven og anskaffelsesforskriften. Dere trenger verken konkurranse eller
    protokoll etter regelverket.

    Stortinget vedtok i februar 2026 å heve den nedre terskelverdien fra 100 000 til
    500 000 kroner uten merverdiavgift fra 1. juli 2026 (Innst. 38 L (2025–2026)). Regjeringen
    hadde foreslått 300 000 kroner. For kjøp før 1. juli 2026 gjaldt 100 000 kroner.

    Kommunens egne innkjøpsregler kan likevel stille krav, og verdien må være regnet ut
    ærlig."""
)

KJOP_UNDER_100000 = {
    "slug": "kjop-under-100000",
    "title": "Kjøp under den nedre terskelverdien",
    "summary": _t(
        """Under den nedre terskelverdien – 500 000 kroner fra 1. juli 2026, 100 000 kroner
        før det – gjelder ikke anskaffelsesregelverket. Det gjør det enkelt å
        kjøpe en liten tjeneste fra en sosial entreprenør – så lenge verdien er regnet ut
        riktig."""
    ),
    "situation": _UNDER_100K_SITUATION_V1,
    "phase": "avtale",
    "sectors": [],
    "audience": "begge",
    "ingredients": {
        "who": "En tjenesteleder med budsjettmyndighet.",
        "budget": _t(
            """Under 500 000 kroner uten merverdiavgift fra 1. juli 2026 (100 000 kroner
            før det), samlet for hele avtalen."""
        ),
        "time": "Noen dager.",
        "prerequisites": _t(
            """Kjennskap til kommunens egne innkjøpsregler og til rammeavtalene kommunen
            har."""
        ),
    },
    "steps": [
        _step(
            "Regn ut hele verdien",
            """Legg sammen alt dere venter å betale i hele perioden, uten merverdiavgift.
            Tenk gjennom om dere egentlig vil fortsette etter en prøveperiode – da er det den
            samlede verdien som teller.""",
            pitfall="""Å dele opp et kjøp i flere små for å holde seg under grensen. Det er
            ikke lov.""",
        ),
        _step(
            "Sjekk rammeavtaler og interne regler",
            """Har kommunen en rammeavtale som dekker tjenesten, kan dere være forpliktet til
            å bruke den. Mange kommuner har også egne regler, for eksempel om å hente inn
            flere tilbud.""",
        ),
        _step(
            "Sammenlign når det er mulig",
            """Loven krever det ikke, men det er god praksis å sammenligne to eller flere
            tilbud. Det gir ofte bedre pris og gjør valget lettere å forklare.""",
            tip="""Finnes det bare én aktør som tilbyr dette, skriv det ned med en kort
            begrunnelse.""",
        ),
        _step(
            "Lag en enkel skriftlig avtale",
            """Beskriv hva som skal leveres, når, prisen, kontaktpersoner og hvordan avtalen
            avsluttes. Avtal også hvordan dere skal se om tiltaket virket.""",
            tip="Bruk kommunens standardmal for små kjøp hvis den finnes.",
        ),
        _step(
            "Følg opp og evaluer",
            """Sett av tid til en kort evaluering sammen med entreprenøren. Vil dere fortsette
            eller utvide, er det en ny anskaffelse som må vurderes ut fra den nye
            verdien.""",
        ),
    ],
    "legal_rules": ["loa-2", "foa-5-4", "prop-147-l"],
    "examples": [
        {
            "title": "BUA: en fast årsavgift",
            "text": _t(
                """BUA låner ut sports- og fritidsutstyr over hele landet. Kommuner som er med,
                betaler en årsavgift. I «Veier til samarbeid» er avgiften oppgitt til 5 000
                kroner i året og omtalt som et kjøp under terskelverdien."""
            ),
            "source_url": VEIER_TIL_SAMARBEID_URL,
        },
    ],
    "related": [
        "entreprenoren-tar-kontakt",
        "kjop-etter-del-i",
        "betalt-pilot-med-oppstartsbedrift",
    ],
    "revisions": [
        {
            "change_note": "La til omtale av forslaget om ny nedre grense i Prop. 147 L.",
            "set": {"situation": _UNDER_100K_SITUATION_V2},
        },
        {
            "change_note": _t(
                """Stortinget vedtok ny nedre terskelverdi på 500 000 kroner fra 1. juli 2026
                (Innst. 38 L (2025–2026))."""
            ),
            "set": {"situation": _UNDER_100K_SITUATION_V3},
        },
    ],
}

KJOP_ETTER_DEL_I = {
    "slug": "kjop-etter-del-i",
    "title": "Kjøp fra den nedre terskelverdien opp til 1,3 millioner (del I)",
    "summary": _t(
        """I dette beløpsintervallet gjelder bare del I i anskaffelsesforskriften. Dere velger
        fritt hvordan dere gjennomfører anskaffelsen, men må sikre konkurranse og
        likebehandling og føre protokoll."""
    ),
    "situation": _t(
        """Mange samarbeid med sosiale entreprenører havner her: et årsprogram for en skole,
        en oppfølgingstjeneste for en gruppe ungdom eller en utvidet utprøving. Reglene er
        fleksible. Det gir rom for å lage en konkurranse som passer for små virksomheter.

        Den nasjonale terskelverdien har vært 1,3 millioner kroner siden 6. april 2018. For
        helse- og sosialtjenester gjelder bare del I helt opp til EØS-terskelverdien for slike
        tjenester, som er 7,8 millioner kroner."""
    ),
    "phase": "avtale",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": "Tjenesteleder og innkjøper.",
        "budget": _t(
            """Fra 500 000 kroner (100 000 kroner før 1. juli 2026) til 1,3 millioner kroner
            uten merverdiavgift (helse- og sosialtjenester: opp til 7,8 millioner kroner)."""
        ),
        "time": "Fire til åtte uker.",
        "prerequisites": "En behovsbeskrivelse og en beregnet verdi for hele avtaleperioden.",
    },
    "steps": _DEL_I_STEPS_V1,
    "legal_rules": ["foa-5-1", "loa-4", "loa-5", "foa-7-1", "foa-7-9", "foa-5-4"],
    "examples": [
        {
            "title": "Veileder for kjøp fra sosiale entreprenører (2019)",
            "text": _t(
                """Veilederen «Veileder for offentlige oppdragsgivere i møte med en sosial
                entreprenør» kom i mars 2019. Bak den sto Ferd Sosiale Entreprenører sammen
                med blant andre LUP, Difi, Innovasjon Norge, KS, Velferdsetaten i Oslo, Bærum
                kommune og SoCentral. Den beskriver handlingsrommet når det offentlige vil
                kjøpe fra sosiale entreprenører."""
            ),
            "source_url": VEILEDER_2019_URL,
        },
    ],
    "related": [
        "kjop-under-100000",
        "tilbudskonkurranse-over-nasjonal-terskel",
        "reserverte-kontrakter-arbeidsinkludering",
        "reservere-for-ideelle",
    ],
    "revisions": [
        {
            "change_note": "La til steg om klima- og miljøhensyn (gjelder fra 1. januar 2024).",
            "steps": _DEL_I_STEPS_V2,
        },
    ],
}

_OVER_NASJONAL_SITUATION_V1 = _t(
    """Når et samarbeid skal bli fast eller omfatter mange brukere, passerer verdien ofte
    1,3 millioner kroner. Da gjelder del II i anskaffelsesforskriften i tillegg til del I.
    Over EØS-terskelverdien gjelder del III, med strengere regler for prosedyren.

    EØS-terskelverdien for varer og tjenester er 2,2 millioner kroner for kommuner og
    fylkeskommuner. For bygge- og anleggskontrakter er den 56 millioner kroner. Helse- og
    sosialtjenester har egne regler."""
)

_OVER_NASJONAL_SITUATION_V2 = _t(
    """Når et samarbeid skal bli fast eller omfatter mange brukere, passerer verdien ofte
    1,3 millioner kroner. Da gjelder del II i anskaffelsesforskriften i tillegg til del I.
    Over EØS-terskelverdien gjelder del III, med strengere regler for prosedyren.

    EØS-terskelverdiene per 14. mars 2024 (uten merverdiavgift):

    - Varer og tjenester, kommuner og fylkeskommuner: 2 300 000 kroner
    - Varer og tjenester, statlige myndigheter: 1 490 000 kroner
    - Bygge- og anleggskontrakter: 57 800 000 kroner
    - Helse- og sosialtjenester og andre særlige tjenester: 7 800 000 kroner (oppgitt å
      gjelde fra 23. mars 2022)

    Helse- og sosialtjenester følger kapittel 30 over sin terskelverdi. Andre særlige
    tjenester følger del II også over sin EØS-terskelverdi, men må da kunngjøres i hele
    EØS. EU har fastsatt nye terskelverdier i euro fra 1. januar 2026. I Norge gjelder
    verdiene over til departementet endrer anskaffelsesforskriften § 5-3; Regelverket viser
    beløpet som gjelder på datoen dere spør om."""
)

TILBUDSKONKURRANSE = {
    "slug": "tilbudskonkurranse-over-nasjonal-terskel",
    "title": "Konkurranse over nasjonal terskelverdi",
    "summary": _t(
        """Fra 1,3 millioner kroner skal anskaffelsen kunngjøres i Doffin. Opp til
        EØS-terskelverdien bruker dere tilbudskonkurranse, og dere kan forhandle med
        leverandørene."""
    ),
    "situation": _OVER_NASJONAL_SITUATION_V1,
    "phase": "avtale",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """Innkjøper som leder prosessen, tjenesteleder og en faggruppe som vurderer
            tilbudene – gjerne med en brukerrepresentant."""
        ),
        "budget": "Fra 1,3 millioner kroner uten merverdiavgift.",
        "time": "Tre til seks måneder fra kunngjøring til signert kontrakt.",
        "prerequisites": "Gjennomført markedsdialog, behovsbeskrivelse og beregnet verdi.",
    },
    "steps": [
        _step(
            "Finn ut hvilken del av forskriften som gjelder",
            """Regn ut samlet verdi for hele avtaleperioden. Mellom 1,3 millioner kroner og
            EØS-terskelverdien gjelder del I og II. Over EØS-terskelverdien gjelder del I og
            III.""",
            tip="""Terskelverdiene endres med jevne mellomrom. Sjekk Regelverket på Kokeboka
            for datoen dere kunngjør.""",
        ),
        _step(
            "Velg åpen eller begrenset tilbudskonkurranse",
            """I en åpen tilbudskonkurranse kan alle levere tilbud. I en begrenset
            konkurranse velger dere først ut hvem som får levere. Dere kan forhandle i
            begge.""",
            tip="""Skriv i konkurransegrunnlaget om dere vil forhandle, så leverandørene vet
            hva de kan vente seg.""",
            pitfall="""Strenge utvelgelseskrav som i praksis stenger ute sosiale
            entreprenører, uten at oppdraget krever det.""",
        ),
        _step(
            "Kunngjør i Doffin",
            """Kunngjør konkurransen i Doffin med et konkurransegrunnlag som beskriver
            behovet, kravene, tildelingskriteriene og hvordan de vektes. Gi en rimelig frist
            for å levere tilbud.""",
            tip="""Beskriv resultatene dere vil oppnå, heller enn hvordan arbeidet skal
            gjøres. Det åpner for nye løsninger.""",
        ),
        _step(
            "Bruk sosiale hensyn og innovasjon bevisst",
            """Anskaffelsesloven gir rom for krav og kriterier om arbeidsforhold, sosiale
            forhold, innovasjon og universell utforming. Vurder også om konkurransen kan
            reserveres for virksomheter som har som hovedformål å få folk i arbeid.""",
        ),
        _step(
            "Vurder tilbudene, forhandle og tildel",
            """Vurder tilbudene etter kriteriene dere oppga. Forhandler dere, må alle
            tilbyderne få den samme muligheten. Send en begrunnet tildelingsbeslutning til
            alle som leverte tilbud.""",
        ),
        _step(
            "Kom i gang, og følg opp",
            """Hold et oppstartsmøte, avtal rapportering og planlegg når dere evaluerer.
            Husk anskaffelsesprotokollen.""",
        ),
    ],
    "legal_rules": [
        "foa-5-1",
        "foa-5-3",
        "foa-8-3",
        "foa-13-1",
        "foa-13-2",
        "loa-5",
        "foa-7-1",
    ],
    "examples": [
        {
            "title": "Pøbelprosjektet: en profesjonell leverandør",
            "text": _t(
                """Pøbelprosjektet kombinerer motivasjonskurs og oppfølging for å få unge som
                står utenfor skole og arbeid, over i jobb eller utdanning. Virksomheten har
                levert til NAV og har vært eid av Aleris siden slutten av 2016. Bærum kommune
                nevner Pøbelprosjektet som en profesjonell aktør som svarer på offentlige
                utlysninger."""
            ),
            "source_url": POBEL_URL,
        },
    ],
    "related": [
        "markedsdialog-for-anskaffelsen",
        "kjop-etter-del-i",
        "reserverte-kontrakter-arbeidsinkludering",
        "innovasjonspartnerskap",
    ],
    "revisions": [
        {
            "change_note": "Oppdatert terskelverdier fra 14. mars 2024.",
            "set": {"situation": _OVER_NASJONAL_SITUATION_V2},
        },
    ],
}

RESERVERTE_KONTRAKTER = {
    "slug": "reserverte-kontrakter-arbeidsinkludering",
    "title": "Reserverte kontrakter for virksomheter som inkluderer i arbeid",
    "summary": _t(
        """Kommunen kan begrense en konkurranse til virksomheter som har som hovedformål å få
        personer med funksjonsnedsettelse eller vanskeligstilte i arbeid. Minst 30 prosent
        av de ansatte må tilhøre disse gruppene."""
    ),
    "situation": _t(
        """Dere skal kjøpe en tjeneste som arbeidsinkluderende virksomheter kan levere – for
        eksempel renhold, innsamling, flytting eller kantinedrift – og vil bruke kjøpet til å
        skape arbeidsplasser for folk som står utenfor. Med en reservert kontrakt konkurrerer
        slike virksomheter bare med hverandre.

        Regelen står i § 8-8 (del II), § 16-9 (del III) og § 30-3 (helse- og sosialtjenester)
        i anskaffelsesforskriften. Den kan også brukes for anskaffelser etter del I. Regelen
        har gjeldt siden 1. januar 2017."""
    ),
    "phase": "avtale",
    "sectors": ["arbeid_inkludering", "integrering", "psykisk_helse_rus"],
    "audience": "begge",
    "ingredients": {
        "who": _t(
            """Innkjøper, tjenesteleder og gjerne NAV eller kommunens fagmiljø for
            arbeidsinkludering."""
        ),
        "budget": "Som for andre anskaffelser av samme verdi.",
        "time": _t(
            """Som en vanlig konkurranse, pluss noen uker til å kartlegge aktuelle
            leverandører."""
        ),
        "prerequisites": _t(
            """Kunnskap om hvilke arbeidsinkluderende virksomheter som finnes i regionen."""
        ),
    },
    "steps": [
        _step(
            "Kartlegg leverandørene",
            """Finn ut hvilke virksomheter i regionen som har arbeidsinkludering som
            hovedformål og kan levere det dere trenger. Er det bare én mulig leverandør,
            blir det ingen reell konkurranse.""",
            tip="""Bruk markedsdialog, og spør NAV. De kjenner ofte virksomhetene i
            området.""",
        ),
        _step(
            "Vurder om oppdraget egner seg",
            """Reservasjon passer best der oppgavene gir meningsfylt arbeid og opplæring, og
            der kvaliteten kan sikres med vanlige krav i kontrakten.""",
        ),
        _step(
            "Si tydelig i kunngjøringen at konkurransen er reservert",
            """Det må gå klart fram at konkurransen er reservert, og på hvilket grunnlag.
            Vis til riktig bestemmelse ut fra verdien: § 8-8 i del II, § 16-9 i del III
            eller § 30-3 for helse- og sosialtjenester.""",
            pitfall="""Å reservere uten å si det tydelig i kunngjøringen. Da vet ikke
            markedet hvem som kan delta.""",
        ),
        _step(
            "Krev dokumentasjon på minst 30 prosent",
            """Be leverandørene vise at minst 30 prosent av de ansatte er personer med
            funksjonsnedsettelse eller vanskeligstilte, og at hovedformålet er å få dem i
            arbeid. Avtal hvordan dette skal dokumenteres gjennom hele kontraktsperioden.""",
        ),
        _step(
            "Gjennomfør konkurransen som vanlig",
            """Utover reservasjonen gjelder de vanlige reglene for verdien: kunngjøring,
            krav, tildelingskriterier og protokoll.""",
            pitfall="""Å tro at reservasjon betyr at dere kan tildele direkte. Det er fortsatt
            en konkurranse, bare mellom en avgrenset gruppe leverandører.""",
        ),
        _step(
            "Følg opp inkluderingen",
            """Be om rapport om hvor mange som er i arbeid og opplæring, og hvor mange som
            går videre til ordinært arbeid. Det viser hva kjøpet har betydd, og gir grunnlag
            for neste anskaffelse.""",
        ),
    ],
    "legal_rules": ["foa-8-8", "foa-16-9", "foa-30-3", "loa-5", "loa-4"],
    "examples": [
        {
            "title": "Medarbeiderne AS",
            "text": _t(
                """Medarbeiderne AS er et ideelt aksjeselskap som bare ansetter personer med
                rusbakgrunn. Virksomheten samler inn pant, glass, metall og elektronikkavfall
                og tilbyr flytting og rydding – tjenester som kan egne seg for en reservert
                konkurranse."""
            ),
            "source_url": MEDARBEIDERNE_URL,
        },
        {
            "title": "Kompass & Co",
            "text": _t(
                """Kompass & Co gir unge arbeidstrening innen mat, hagearbeid, en
                gatekjøkkenbil og overskuddsmat i Bærum."""
            ),
            "source_url": KOMPASS_URL,
        },
    ],
    "related": [
        "kjop-etter-del-i",
        "tilbudskonkurranse-over-nasjonal-terskel",
        "reservere-for-ideelle",
        "markedsdialog-for-anskaffelsen",
    ],
}

_IDEELLE_SITUATION_V1 = _t(
    """Kommunen skal kjøpe en helse- eller sosialtjeneste og vil at ideelle organisasjoner skal
    levere den. Spørsmålet er om kommunen kan holde kommersielle leverandører utenfor.

    Svaret avhenger av verdien. Under 7,8 millioner kroner uten merverdiavgift gjelder bare
    del I for slike tjenester, og da kan kommunen velge å invitere bare ideelle (med et
    forbehold om kontrakten har klar grenseoverskridende interesse). Over terskelverdien
    kan kommunen reservere konkurransen for ideelle etter forskriftens § 30-2a, og
    kunngjøringen må vise til den."""
)

RESERVERE_FOR_IDEELLE = {
    "slug": "reservere-for-ideelle",
    "title": "Reservere helse- og sosialtjenester for ideelle",
    "summary": _t(
        """Under EØS-terskelverdien for helse- og sosialtjenester kan kommunen invitere bare
        ideelle organisasjoner. Over terskelen kan konkurransen reserveres for ideelle etter
        forskriftens § 30-2a, som Høyesterett har slått fast er gyldig."""
    ),
    "situation": _IDEELLE_SITUATION_V1,
    "phase": "avtale",
    "sectors": ["helse_omsorg", "barnevern", "psykisk_helse_rus"],
    "audience": "kommune",
    "ingredients": {
        "who": "Innkjøper, jurist og tjenesteleder.",
        "budget": _t(
            """Ofte store kontrakter. Det avgjørende er om verdien er under eller over 7,8
            millioner kroner."""
        ),
        "time": "To til seks måneder.",
        "prerequisites": "En klar beskrivelse av hva dere mener med en ideell leverandør.",
    },
    "steps": _IDEELLE_STEPS_V1,
    "legal_rules": [
        "ideell-under-terskel",
        "ideell-over-terskel",
        "foa-kap-30",
        "foa-5-3",
        "foa-30-3",
        "loa-4",
    ],
    "examples": [
        {
            "title": "NOU 2024:1 om ideelle velferdsaktører",
            "text": _t(
                """NOU 2024:1 drøfter hvordan ideelle velferdsaktører kan defineres og
                registreres. Utredningen skriver at retten til å reservere kontrakter for
                ideelle nå er avklart."""
            ),
            "source_url": NOU_2024_1_URL,
        },
    ],
    "related": [
        "kjop-etter-del-i",
        "reserverte-kontrakter-arbeidsinkludering",
        "tilbudskonkurranse-over-nasjonal-terskel",
    ],
    "revisions": [
        {
            "change_note": _t(
                """Steg 4 viser nå til § 30-2a og Høyesteretts dom i HR-2025-2425-A."""
            ),
            "steps": _IDEELLE_STEPS_V2,
        },
        {
            "change_note": "La til merknad om fra når terskelverdien på 7,8 millioner gjelder.",
            "set": {
                "situation": _t(
                    f"""{_IDEELLE_SITUATION_V1}

                    Terskelverdien på 7,8 millioner kroner er oppgitt å gjelde fra 23. mars
                    2022; se tabellen over terskelverdier for status på kontrollen."""
                )
            },
        },
    ],
}

# ---------------------------------------------------------------------------------------------
# Chapter 4: Prøv ut, utvikle og finansier
# ---------------------------------------------------------------------------------------------

BETALT_PILOT = {
    "slug": "betalt-pilot-med-oppstartsbedrift",
    "title": "Betalt pilot med en oppstartsbedrift",
    "summary": _t(
        """En avgrenset, betalt utprøving lar kommunen teste en ny løsning i praksis og gir
        entreprenøren en referanse. Piloten er en anskaffelse som følger reglene for
        verdien."""
    ),
    "situation": _t(
        """En liten virksomhet har en løsning som virker lovende, men som ikke er prøvd i
        stor skala. Tjenesten vil teste den med ekte brukere før den bestemmer seg. En betalt
        pilot gir forpliktelse på begge sider: entreprenøren får betalt for arbeidet, og
        kommunen får et grunnlag for å vurdere om løsningen bør tas i bruk.

        Piloten er et kjøp. Regn ut verdien og følg reglene for den. Et senere kjøp i full
        skala er en ny anskaffelse."""
    ),
    "phase": "utproving",
    "sectors": ["helse_omsorg", "oppvekst_utdanning"],
    "audience": "begge",
    "ingredients": {
        "who": _t(
            """En tjenesteleder som eier piloten, ansatte som skal bruke løsningen,
            entreprenøren og en innkjøper."""
        ),
        "budget": _t(
            """Avhenger av omfanget. Mange piloter ligger under den nedre terskelverdien
            (500 000 kroner fra 1. juli 2026) eller innenfor del I."""
        ),
        "time": "Tre til tolv måneder.",
        "prerequisites": _t(
            """Et beskrevet behov og en plan for hvordan dere skal måle om løsningen
            virker."""
        ),
    },
    "steps": [
        _step(
            "Avgrens piloten",
            """Bestem hvor, hvor lenge, for hvilke brukere og hva som skal testes. En liten
            pilot med klare rammer gir tydeligere svar enn en stor og uklar.""",
        ),
        _step(
            "Velg riktig vei i regelverket",
            """Regn ut hva piloten koster til sammen. Under den nedre terskelverdien (500 000
            kroner fra 1. juli 2026, 100 000 kroner før det) kan dere kjøpe direkte. Fra den
            nedre terskelverdien gjelder del I, og dere må sikre konkurranse og føre
            protokoll. Skal dere utvikle noe som ikke finnes, kan en førkommersiell
            anskaffelse eller et innovasjonspartnerskap passe bedre.""",
            pitfall="""Å love at en vellykket pilot automatisk gir en stor kontrakt. Et senere
            kjøp må følge anskaffelsesreglene for sin verdi.""",
        ),
        _step(
            "Skriv en pilotavtale",
            """Avtalen bør si hva som skal leveres, pris, varighet, hvem som eier data og
            resultater, hvordan personvernet ivaretas, og hvordan piloten avsluttes. Avklar
            også hva som skjer hvis løsningen ikke virker.""",
            tip="""Behandler løsningen personopplysninger, trenger dere en
            databehandleravtale og ofte en vurdering av personvernkonsekvensene.""",
        ),
        _step(
            "Ta med de ansatte og brukerne fra start",
            """De som skal bruke løsningen, må være med fra begynnelsen. Sett av tid til
            opplæring, og gi dem en enkel måte å si fra om hva som virker og hva som ikke
            gjør det.""",
        ),
        _step(
            "Mål før, underveis og etterpå",
            """Bruk målene dere satte da dere beskrev behovet. Samle både tall og erfaringer
            fra brukere og ansatte.""",
        ),
        _step(
            "Avslutt, og bestem veien videre",
            """Skriv en kort sluttrapport sammen med entreprenøren. Bestem så om dere skal
            avslutte, justere eller gå videre. Vil dere ta løsningen i bruk, kreves en ny
            anskaffelse.""",
        ),
    ],
    "legal_rules": ["loa-2", "loa-4", "foa-5-4", "foa-7-1", "foa-2-5"],
    "examples": [
        {
            "title": "Trondheim kommune og JodaCare",
            "text": _t(
                """JodaCare AS har laget et verktøy for kommunikasjon mellom sykehjem eller
                hjemmetjeneste og pårørende til personer med demens. Løsningen ble prøvd ut i
                en betalt pilot i Trondheim kommune, omtalt i kapitlet om samarbeidsformer i
                «Veier til samarbeid»."""
            ),
            "source_url": VEIER_TIL_SAMARBEID_URL,
        },
        {
            "title": "StartOff: offentlige oppdragsgivere og oppstartsbedrifter",
            "text": _t(
                """StartOff var en seksmåneders prosess der offentlige virksomheter arbeidet
                med oppstartsbedrifter. Ordningen gikk fra 2020 til 2024 og ble avsluttet i
                statsbudsjettet for 2024, etter 21 prosjekter."""
            ),
            "source_url": STARTOFF_URL,
        },
    ],
    "related": [
        "start-med-behovet",
        "forkommersiell-anskaffelse",
        "skalere-vellykket-pilot",
        "male-sosiale-resultater",
    ],
}

INNOVASJONSPARTNERSKAP = {
    "slug": "innovasjonspartnerskap",
    "title": "Innovasjonspartnerskap: utvikle det som ikke finnes",
    "summary": _t(
        """Når ingen løsning i markedet dekker behovet, kan kommunen utvikle en ny sammen med
        én eller flere leverandører – og kjøpe den uten ny konkurranse hvis målene nås."""
    ),
    "situation": _t(
        """Dere har et tydelig behov, markedsdialogen viser at ingen har en ferdig løsning,
        og dere vil både utvikle og kjøpe den. Innovasjonspartnerskap er en prosedyre i
        anskaffelsesforskriften (§ 13-1 tredje ledd), og reglene i del III skal følges. Den
        passer for større anskaffelser der dere vet hva resultatet skal oppnå, men ikke
        hvordan.

        For små sosiale entreprenører kan prosessen være krevende. Vurder om de kan delta
        sammen med andre, eller om en enklere utprøving passer bedre."""
    ),
    "phase": "utproving",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """Prosjektleder, innkjøper med erfaring fra forhandlinger, jurist og fagfolk fra
            tjenesten."""
        ),
        "budget": "Utvikling og kjøp sett under ett – ofte over EØS-terskelverdien.",
        "time": "Ofte ett til flere år.",
        "prerequisites": _t(
            """Dokumentasjon på at løsningen ikke finnes i markedet, forankring hos ledelsen
            og en plan for å ta løsningen i bruk."""
        ),
    },
    "steps": [
        _step(
            "Vis at løsningen ikke finnes",
            """Gjennomfør markedsdialog, og dokumenter at ingen løsning i markedet dekker
            behovet. Innovasjonspartnerskap er bare tillatt når det gjelder ekte
            nyutvikling.""",
            pitfall="Å bruke prosedyren til å kjøpe noe som i praksis allerede finnes.",
        ),
        _step(
            "Beskriv behovet, ytelsesmålene og kostnadsrammen",
            """Beskriv hva løsningen skal oppnå, sett målbare ytelseskrav og en øvre ramme
            for hva den ferdige løsningen kan koste. Det er disse som avgjør om dere kan
            kjøpe løsningen uten ny konkurranse til slutt.""",
        ),
        _step(
            "Del utviklingen i faser",
            """Planlegg faser med delmål, for eksempel konsept, prototyp og utprøving. Etter
            hver fase kan dere avslutte partnerskapet. Skriv dette inn i
            konkurransegrunnlaget og kontrakten.""",
        ),
        _step(
            "Kunngjør, velg ut og forhandle",
            """Kunngjør konkurransen, velg ut leverandører og forhandle om tilbudene. Dere
            kan inngå partnerskap med én eller flere leverandører.""",
            tip="""Flere partnere holder konkurransen levende under utviklingen, men krever
            mer oppfølging.""",
        ),
        _step(
            "Følg utviklingen tett",
            """Hold faste møter, test med brukere i hver fase og vurder delmålene ærlig. Det
            er bedre å stoppe tidlig enn å fortsette med noe som ikke virker.""",
        ),
        _step(
            "Kjøp løsningen når målene er nådd",
            """Når løsningen når de avtalte ytelsesmålene innenfor kostnadsrammen, kan dere
            kjøpe den uten en ny konkurranse.""",
        ),
    ],
    "legal_rules": ["foa-innovasjonspartnerskap", "foa-13-1", "foa-5-3", "markedsdialog"],
    "examples": [],
    "related": [
        "markedsdialog-for-anskaffelsen",
        "forkommersiell-anskaffelse",
        "betalt-pilot-med-oppstartsbedrift",
        "skalere-vellykket-pilot",
    ],
}

FORKOMMERSIELL = {
    "slug": "forkommersiell-anskaffelse",
    "title": "Førkommersiell anskaffelse og unntaket for forskning og utvikling",
    "summary": _t(
        """Kjøp av forsknings- og utviklingstjenester kan være unntatt fra
        anskaffelsesregelverket. Da må hovedinnholdet være FoU, og kommunen kan ikke både
        betale hele kostnaden og beholde hele utbyttet."""
    ),
    "situation": _t(
        """Dere trenger en løsning som ikke finnes, og det er usikkert om den lar seg lage. I
        stedet for å kjøpe en ferdig tjeneste betaler dere for at flere leverandører utvikler
        og tester ideer i konkurranse med hverandre. Det kalles en førkommersiell
        anskaffelse.

        Unntaket i § 2-5 i anskaffelsesforskriften gjelder når to vilkår er oppfylt:
        hovedelementet i kontrakten er forskning og utvikling, og kommunen enten ikke betaler
        hele kostnaden eller ikke får hele utbyttet. Kjøpet av den ferdige løsningen etterpå
        er en egen anskaffelse som følger de vanlige reglene."""
    ),
    "phase": "utproving",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": "Prosjektleder, innkjøper, jurist og gjerne en forskningspartner.",
        "budget": _t(
            """Utviklingsmidler. Forskningsrådet har finansiert forprosjekter og
            hovedprosjekter for førkommersielle anskaffelser."""
        ),
        "time": "Ett til tre år.",
        "prerequisites": _t(
            """Et behov som krever ny kunnskap, og en plan for hvordan resultatene skal
            brukes."""
        ),
    },
    "steps": [
        _step(
            "Sjekk at det faktisk er forskning og utvikling",
            """Hovedinnholdet må være forskning og utvikling, ikke levering av en ferdig
            tjeneste. Beskriv hvilke spørsmål som skal besvares, og hva som er nytt.""",
        ),
        _step(
            "Del på kostnader eller rettigheter",
            """Avtal at leverandørene beholder rettigheter til resultatene, eller at kommunen
            ikke betaler hele kostnaden. Ellers er vilkårene for unntaket ikke oppfylt.""",
            pitfall="""At kommunen både betaler alt og tar alle rettighetene. Da gjelder ikke
            unntaket, og det blir en vanlig anskaffelse.""",
        ),
        _step(
            "Legg opp konkurransen i faser",
            """Følg gjerne EUs metode for førkommersielle anskaffelser: flere leverandører
            konkurrerer gjennom faser som idé, prototyp og test, og de beste går videre. Å
            følge denne metoden gir normalt ikke ulovlig offentlig støtte.""",
        ),
        _step(
            "Vær åpen og likebehandlende",
            """Selv om regelverket ikke gjelder, bør dere kunngjøre muligheten åpent og velge
            leverandører på saklig grunnlag. Det gir bedre løsninger og mer tillit.""",
        ),
        _step(
            "Planlegg kjøpet av den ferdige løsningen",
            """Kjøpet av løsningen etterpå er en ny anskaffelse. Planlegg den allerede nå,
            slik at resultatene faktisk blir tatt i bruk.""",
            pitfall="""Å tro at vinneren av utviklingsfasen automatisk får kontrakten om
            drift. Det senere kjøpet må ut i konkurranse.""",
        ),
    ],
    "legal_rules": ["foa-2-5", "offentlig-stotte", "markedsdialog"],
    "examples": [
        {
            "title": "Veiledning om førkommersielle anskaffelser",
            "text": _t(
                """Anskaffelser.no, som drives av DFØ, har veiledning om førkommersielle
                anskaffelser, unntaket for forsknings- og utviklingskontrakter og
                innovasjonspartnerskap."""
            ),
            "source_url": PCP_URL,
        },
    ],
    "related": [
        "innovasjonspartnerskap",
        "betalt-pilot-med-oppstartsbedrift",
        "tilskudd-eller-anskaffelse",
    ],
}

_FOND_SUMMARY_V1 = _t(
    """Et internt forsknings- og innovasjonsfond kan gi tjenestene penger til å prøve ut
    samarbeid med sosiale entreprenører. Det er tjenesten som søker, ikke entreprenøren."""
)

INNOVASJONSFOND = {
    "slug": "soke-kommunalt-innovasjonsfond",
    "title": "Søk midler fra kommunens innovasjonsfond",
    "summary": _FOND_SUMMARY_V1,
    "situation": _t(
        """Kommunen har et fond, eller vurderer å opprette et, som skal gjøre det lettere for
        tjenestene å ta risiko. Bærum kommune er et eksempel. Rådmannen foreslo i
        handlingsprogrammet for 2017–2020 å sette av 10 millioner kroner i året til et
        forsknings- og innovasjonsfond. Fondet skulle gi tjenestene intern «risikokapital»,
        samfinansiere forskningsprogrammer og utvikle samarbeidet med sosiale entreprenører.
        2 millioner kroner i året ble satt av til samarbeid med sosiale entreprenører.

        Oppskriften passer for tjenester som vil søke, og for dem som forvalter et slikt
        fond."""
    ),
    "phase": "utproving",
    "sectors": [],
    "audience": "kommune",
    "ingredients": {
        "who": _t(
            """En tjenesteleder som søker, sammen med den sosiale entreprenøren som skal være
            med, og den som forvalter fondet."""
        ),
        "budget": _t(
            """Etter fondets rammer. I Bærum var 2 millioner kroner i året satt av til
            samarbeid med sosiale entreprenører."""
        ),
        "time": "Noen dager til å skrive søknaden. I Bærum vurderes søknadene fortløpende.",
        "prerequisites": "Et beskrevet behov og en idé til et samarbeid som kan prøves ut.",
    },
    "steps": [
        _step(
            "Sjekk hvem som kan søke",
            """I Bærums ordning er det kommunens egne tjenester som søker, ikke
            entreprenørene. Entreprenøren er samarbeidspartner i prosjektet tjenesten søker
            om.""",
            pitfall="At entreprenøren søker alene. Da faller søknaden utenfor ordningen.",
        ),
        _step(
            "Beskriv behovet, samarbeidet og hva dere vil lære",
            """Forklar hvilket behov prosjektet svarer på, hva dere vil prøve ut, hvem som er
            med, og hvordan dere skal se om det virker. Legg ved et budsjett med tydelige
            poster.""",
        ),
        _step(
            "Send søknaden når prosjektet er klart",
            """I Bærum vurderer strategi- og utviklingsenheten søknadene fortløpende, uten en
            fast frist. Andre fond kan ha utlysninger med frist – sjekk vilkårene.""",
        ),
        _step(
            "Planlegg kjøpet fra entreprenøren riktig",
            """Fondet finansierer tjenestens prosjekt. Når tjenesten betaler entreprenøren
            for en leveranse, er det en anskaffelse som følger de vanlige reglene for
            verdien.""",
            pitfall="""Å tro at pengene fra fondet er et tilskudd til entreprenøren. Fondet er
            internt, og kjøpet fra entreprenøren må følge anskaffelsesreglene.""",
        ),
        _step(
            "Før prosjektregnskap fra første dag",
            """I Bærum gis midlene som et tilsagn og overføres ved årsslutt mot
            prosjektregnskap. Før regnskapet løpende, så slipper dere hastverk i
            desember.""",
        ),
        _step(
            "Rapporter, og del det dere lærte",
            """Skriv en kort sluttrapport om hva dere lærte, også om det ikke gikk som
            planlagt. Del den i eksempelbanken, slik at andre tjenester og kommuner kan
            bygge videre.""",
        ),
    ],
    "legal_rules": ["tilskudd-eller-anskaffelse", "loa-2", "loa-4", "foa-5-4"],
    "examples": [
        {
            "title": "Bærum kommune: penger til samarbeid med sosiale entreprenører",
            "text": _t(
                """Av Bærums forsknings- og innovasjonsfond går 2 millioner kroner i året til
                samarbeid med sosiale entreprenører. Tjenestene søker, strategi- og
                utviklingsenheten vurderer søknadene fortløpende, og pengene overføres ved
                årsslutt mot prosjektregnskap."""
            ),
            "source_url": BAERUM_SE_URL,
        },
        {
            "title": "Bærum kommune: et fond i tre deler",
            "text": _t(
                """Fondet som rådmannen foreslo for 2017–2020, hadde tre deler: intern
                risikokapital som tjenestene kan søke om, samfinansiering av
                forskningsprogrammer og utvikling av samarbeidet med sosiale
                entreprenører."""
            ),
            "source_url": BAERUM_FUND_URL,
        },
    ],
    "related": [
        "kommunen-som-megler",
        "betalt-pilot-med-oppstartsbedrift",
        "tilskudd-eller-anskaffelse",
    ],
    "revisions": [
        {
            "change_note": _t(
                """Presisert i sammendraget at kjøp fra entreprenøren fortsatt følger
                anskaffelsesreglene."""
            ),
            "set": {
                "summary": _t(
                    f"""{_FOND_SUMMARY_V1} Når tjenesten kjøper fra entreprenøren, gjelder
                    anskaffelsesreglene som vanlig."""
                )
            },
        },
    ],
}

EFFEKTKONTRAKT = {
    "slug": "effektkontrakt",
    "title": "Effektkontrakt: betal for resultater",
    "summary": _t(
        """I en effektkontrakt betaler kommunen for oppnådde resultater, ikke for aktiviteter.
        En investor kan bære risikoen i starten, slik Ferd Sosiale Entreprenører gjorde i
        Lier."""
    ),
    "situation": _t(
        """Dere har et forebyggende tiltak som kan spare kommunen for kostnader senere, men
        det er usikkert om det virker, og budsjettet til forebygging er stramt. En
        effektkontrakt flytter risikoen: en investor finansierer tiltaket, og kommunen
        betaler bare når avtalte mål er nådd.

        Norges første effektkontrakt på det sosiale området ble inngått mellom Lier kommune,
        Trygg av natur og Ferd Sosiale Entreprenører. Ferd finansierte piloten fram til de
        avtalte målene var nådd. Deretter skulle kommunen ta over og betale tilbake en del av
        beløpet."""
    ),
    "phase": "avtale",
    "sectors": ["oppvekst_utdanning", "folkehelse"],
    "audience": "begge",
    "ingredients": {
        "who": _t(
            """Tjenesteleder, økonomi, innkjøper, jurist, den sosiale entreprenøren og en
            investor."""
        ),
        "budget": _t(
            """Investoren legger ut for tiltaket. Kommunen betaler senere ut fra oppnådde
            resultater."""
        ),
        "time": "Flere måneder til å utforme avtalen, og ofte flere år for selve tiltaket.",
        "prerequisites": _t(
            """Et tiltak med et visst kunnskapsgrunnlag, og data som gjør resultatene
            målbare."""
        ),
    },
    "steps": [
        _step(
            "Velg et tiltak der resultatene kan måles",
            """En effektkontrakt krever mål som kan observeres, og som kommunen er villig til
            å betale for – for eksempel mindre fravær eller flere som fullfører skolen.
            Avklar hvilke data som finnes, og hvem som skal måle.""",
        ),
        _step(
            "Bestem målene og betalingen",
            """Beskriv hvert mål, hvordan det måles, og hva kommunen betaler når målet er
            nådd. Avtal også hva som skjer hvis målene ikke nås.""",
        ),
        _step(
            "Avklar rollene og risikoen",
            """Entreprenøren leverer tiltaket, investoren finansierer det i starten, og
            kommunen betaler for resultatene og tar eventuelt over driften. Skriv ned hvem
            som bærer hvilken risiko.""",
        ),
        _step(
            "Følg anskaffelsesreglene",
            """Å betale for resultater er å betale for en tjeneste. Regn ut samlet verdi for
            hele perioden – også det kommunen kan komme til å betale tilbake – og velg
            prosedyre ut fra den.""",
            pitfall="""Å tro at investorens penger gjør at kommunen slipper
            anskaffelsesreglene. Kommunen kjøper fortsatt en tjeneste.""",
        ),
        _step(
            "Sørg for uavhengig måling",
            """Avtal hvem som måler, hvor ofte, og hvordan tallene kontrolleres. En uavhengig
            evaluering gjør resultatene mer troverdige for alle parter.""",
        ),
        _step(
            "Planlegg overtakelsen",
            """Bestem på forhånd hvordan kommunen tar over tiltaket når målene er nådd, og
            hvordan det skal finansieres i budsjettet.""",
            tip="""I Lier var det avtalt at kommunen skulle ta over når målene var nådd. Bygg
            inn en tilsvarende plan fra start.""",
        ),
    ],
    "legal_rules": [
        "tilskudd-eller-anskaffelse",
        "foa-5-4",
        "loa-4",
        "foa-5-1",
        "offentlig-stotte",
    ],
    "examples": [
        {
            "title": "Lier kommune, Trygg av natur og Ferd",
            "text": _t(
                """Trygg av natur bruker naturen som arena for mestring, blant annet med
                naturdager for elever på 8. trinn i Lier. Ferd Sosiale Entreprenører
                finansierte tiltaket som mellomfinansiering fram til de avtalte målene var nådd.
                Deretter skulle kommunen ta over og betale tilbake en del."""
            ),
            "source_url": FERD_LIER_URL,
        },
    ],
    "related": ["male-sosiale-resultater", "tilskudd-eller-anskaffelse", "skalere-vellykket-pilot"],
}

# ---------------------------------------------------------------------------------------------
# Chapter 5: Skaler og mål
# ---------------------------------------------------------------------------------------------

SKALERE = {
    "slug": "skalere-vellykket-pilot",
    "title": "Fra vellykket pilot til fast drift",
    "summary": _t(
        """Når en pilot har virket, vil mange helst fortsette med samme leverandør. Men et
        større kjøp er en ny anskaffelse, og muligheten til å kjøpe uten konkurranse er
        snever."""
    ),
    "situation": _t(
        """Piloten ga gode resultater, brukerne er fornøyde, og tjenesten vil ta løsningen i
        bruk i hele kommunen. Entreprenøren har lagt ned mye arbeid og håper å få fortsette.

        Her må kommunen være ærlig, både overfor seg selv og overfor entreprenøren: en pilot
        gir ingen rett til et senere oppdrag. Over EØS-terskelverdien kan kommunen bare kjøpe
        uten konkurranse i tilfellene som er listet opp i § 13-4 i anskaffelsesforskriften,
        for eksempel når bare én leverandør kan levere av tekniske grunner eller fordi den
        har eksklusive rettigheter. Et godt sosialt formål er ikke i seg selv et slikt
        grunnlag."""
    ),
    "phase": "skalering",
    "sectors": [],
    "audience": "begge",
    "ingredients": {
        "who": "Tjenesteleder, innkjøper, økonomi og entreprenøren.",
        "budget": "Full drift – ofte over nasjonal terskelverdi eller EØS-terskelverdien.",
        "time": "Seks til tolv måneder fra beslutning til ny kontrakt.",
        "prerequisites": "En evaluering av piloten med resultater og kostnader.",
    },
    "steps": [
        _step(
            "Evaluer piloten ærlig",
            """Sammenlign resultatene med målene dere satte. Ta med tall, brukernes
            erfaringer og hva det kostet. Del evalueringen med entreprenøren.""",
        ),
        _step(
            "Regn ut verdien av den nye avtalen",
            """Regn ut samlet verdi for hele den nye avtaleperioden i full skala. Den
            avgjør hvilke regler som gjelder.""",
            pitfall="""Å forlenge pilotavtalen bit for bit i stedet for å lyse ut. Å dele opp
            for å unngå reglene er ikke lov.""",
        ),
        _step(
            "Sjekk om et unntak gjelder – men regn med konkurranse",
            """Unntakene i § 13-4 er snevre. Tekniske grunner eller eksklusive rettigheter må
            være reelle og dokumenterte. I de fleste tilfeller må det nye kjøpet ut i
            konkurranse.""",
            tip="""Ble løsningen utviklet i et innovasjonspartnerskap, kan dere kjøpe den uten
            ny konkurranse når ytelsesmålene og kostnadsrammen er nådd.""",
        ),
        _step(
            "Bruk erfaringene fra piloten i konkurransen",
            """Beskriv kravene ut fra det dere lærte: hvilke resultater som betyr noe, og hva
            som skal til for å levere dem. Beskriv funksjon og resultat, ikke
            pilotleverandørens løsning.""",
            pitfall="""Å skrive kravene slik at bare pilotleverandøren kan oppfylle dem.""",
        ),
        _step(
            "Gjør det mulig for små leverandører å delta",
            """Del opp i mindre kontrakter der det passer, still krav som står i forhold til
            oppdraget, og vurder reserverte kontrakter eller samarbeid mellom
            leverandører.""",
        ),
        _step(
            "Planlegg overgangen",
            """Sørg for at brukerne ikke mister tilbudet mens konkurransen pågår. Planlegg
            hvordan piloten avsluttes, og hvordan en eventuell ny leverandør tar over.""",
        ),
    ],
    "legal_rules": ["foa-13-4", "foa-13-3", "foa-5-4", "foa-innovasjonspartnerskap", "foa-5-1"],
    "examples": [
        {
            "title": "Kjør for livet: løpende avtaler",
            "text": _t(
                """I «Veier til samarbeid» er Kjør for livet omtalt som eksempel på en sosial
                entreprenør som har løpende avtaler med det offentlige."""
            ),
            "source_url": VEIER_TIL_SAMARBEID_URL,
        },
    ],
    "related": [
        "betalt-pilot-med-oppstartsbedrift",
        "tilbudskonkurranse-over-nasjonal-terskel",
        "innovasjonspartnerskap",
        "male-sosiale-resultater",
    ],
}

MALE_RESULTATER = {
    "slug": "male-sosiale-resultater",
    "title": "Mål de sosiale resultatene",
    "summary": _t(
        """Uten gode målinger er det vanskelig å vite om et samarbeid virker, og vanskelig å
        begrunne at det skal fortsette. Mål få ting, mål dem godt, og la brukerne bidra."""
    ),
    "situation": _t(
        """Alle samarbeid med sosiale entreprenører skal gjøre noe bedre for innbyggerne.
        Oppskriften passer når dere planlegger en pilot, skriver en kontrakt eller vurderer å
        videreføre et tiltak, og trenger å vite om det faktisk gjør en forskjell.

        Gode målinger gjør også neste anskaffelse bedre: dere vet hvilke resultater som er
        realistiske, og hva dere bør be om."""
    ),
    "phase": "skalering",
    "sectors": [],
    "audience": "begge",
    "ingredients": {
        "who": _t(
            """Tjenesteleder, entreprenøren, en analytiker eller forsker og representanter for
            brukerne."""
        ),
        "budget": _t(
            """Sett gjerne av en fast andel av prosjektbudsjettet til måling og evaluering,
            for eksempel 5–10 prosent."""
        ),
        "time": "Planlegg før oppstart, og mål gjennom hele perioden.",
        "prerequisites": "Et beskrevet behov med mål.",
    },
    "steps": [
        _step(
            "Velg få og tydelige mål",
            """Velg to til fire resultater som betyr noe for brukerne, for eksempel fullført
            skoleår, overgang til jobb eller bedre trivsel.""",
            pitfall="""Å måle bare aktivitet, som antall kurs eller møter. Det sier lite om
            hva som er blitt bedre.""",
        ),
        _step(
            "Finn utgangspunktet",
            """Mål situasjonen før tiltaket starter, eller finn tall for en gruppe det er
            rimelig å sammenligne med. Uten et utgangspunkt er det vanskelig å si hva
            tiltaket har betydd.""",
        ),
        _step(
            "La brukerne bidra",
            """Spør brukerne hva som er viktig for dem, og hvordan de merker forskjell. Barn
            og unge har ofte erfaringer som voksne ikke ser.""",
        ),
        _step(
            "Avtal hvem som måler, og hvordan",
            """Skriv inn i avtalen hvem som samler inn data, hvor ofte, og hvordan
            personvernet blir ivaretatt. Bruk helst data som kommunen allerede har.""",
            pitfall="""Å kreve rapportering av en liten virksomhet som koster mer enn den
            gir.""",
        ),
        _step(
            "Regn på gevinstene – med forsiktighet",
            """Se på hvilke kostnader tiltaket kan redusere, og i hvilken tjeneste. Vær åpen
            om usikkerheten. Gevinster som kommer i andre tjenester eller mange år fram i
            tid, bør presenteres som anslag.""",
        ),
        _step(
            "Bruk og del resultatene",
            """Legg resultatene fram for dem som tar beslutninger, og del dem i
            eksempelbanken. Også tiltak som ikke virket, gir kunnskap som andre har nytte
            av.""",
        ),
    ],
    "legal_rules": ["loa-5"],
    "examples": [
        {
            "title": "Forandringsfabrikken og Barnevernsproffene",
            "text": _t(
                """Forandringsfabrikken samler erfaringer fra barn og unge for å gjøre
                barnevernet og skolen bedre. Barnevernsproffene er nevnt i forordet til
                «Veier til samarbeid»."""
            ),
            "source_url": VEIER_TIL_SAMARBEID_URL,
        },
    ],
    "related": ["start-med-behovet", "effektkontrakt", "skalere-vellykket-pilot"],
}


CHAPTERS: list[dict] = [
    {
        "slug": "forsta-og-mote",
        "title": "Forstå og møt hverandre",
        "intro": _t(
            """Godt samarbeid begynner med et tydelig behov og et åpent møte. Her finner du
            oppskrifter for å beskrive behovet, ta imot en henvendelse og bygge bro mellom
            kommunen og entreprenørene."""
        ),
        "recipes": [
            START_MED_BEHOVET,
            KOMMUNEN_SOM_MEGLER,
            ENTREPRENOREN_TAR_KONTAKT,
            SLIK_MOTER_DU_KOMMUNEN,
        ],
    },
    {
        "slug": "dialog-for-beslutning",
        "title": "Dialog før du bestemmer deg",
        "intro": _t(
            """Før kommunen velger samarbeidsform, lønner det seg å snakke med markedet og å
            avklare om det skal være et tilskudd eller en anskaffelse."""
        ),
        "recipes": [MARKEDSDIALOG, TILSKUDD_ELLER_ANSKAFFELSE],
    },
    {
        "slug": "kjop-og-avtaler",
        "title": "Kjøp og avtaler",
        "intro": _t(
            """Verdien av kjøpet avgjør hvilke regler som gjelder. Oppskriftene går fra små
            kjøp under den nedre terskelverdien til konkurranser over terskelverdiene, og
            viser hvordan kommunen kan reservere kontrakter."""
        ),
        "recipes": [
            KJOP_UNDER_100000,
            KJOP_ETTER_DEL_I,
            TILBUDSKONKURRANSE,
            RESERVERTE_KONTRAKTER,
            RESERVERE_FOR_IDEELLE,
        ],
    },
    {
        "slug": "prov-ut-og-finansier",
        "title": "Prøv ut, utvikle og finansier",
        "intro": _t(
            """Nye løsninger må prøves før de tas i bruk. Her er oppskrifter for betalte
            piloter, utvikling sammen med leverandører, innovasjonsfond og
            effektkontrakter."""
        ),
        "recipes": [
            BETALT_PILOT,
            INNOVASJONSPARTNERSKAP,
            FORKOMMERSIELL,
            INNOVASJONSFOND,
            EFFEKTKONTRAKT,
        ],
    },
    {
        "slug": "skaler-og-mal",
        "title": "Skaler og mål",
        "intro": _t(
            """Når noe virker, skal flere få glede av det. Oppskriftene viser hvordan en pilot
            blir fast drift, og hvordan dere måler om samarbeidet gjør en forskjell."""
        ),
        "recipes": [SKALERE, MALE_RESULTATER],
    },
]
