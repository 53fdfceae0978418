"""The demo book's nynorsk versions: the cookbook's front page, every chapter introduction and
five recipes, written in nynorsk in our own words (not word for word from the bokmål).

Keys are the bokmål pages' slugs. Only the text is here: tags, legal rules, examples and
related recipes come with the translation copy (apps/cookbook/demo.py, load_nynorsk). Same
plain-text form as demo_content.py.
"""

from .demo_content import _step, _t

INDEX_INTRO = _t(
    """Oppskrifter for kommunar og sosiale entreprenørar som vil arbeide saman: frå behovet
    er kjent til løysinga er teken i bruk."""
)

CHAPTERS: dict[str, dict] = {
    "forsta-og-mote": {
        "title": "Forstå og møt kvarandre",
        "intro": _t(
            """Godt samarbeid byrjar med eit klart behov og eit ope møte. Her finn du
            oppskrifter på å skildre behovet, svare på ein førespurnad og byggje bru mellom
            kommunen og entreprenørane."""
        ),
    },
    "dialog-for-beslutning": {
        "title": "Dialog før de bestemmer dykk",
        "intro": _t(
            """Før kommunen vel korleis de skal samarbeide, løner det seg å snakke med
            marknaden og å finne ut om det skal vere eit tilskot eller ei anskaffing."""
        ),
    },
    "kjop-og-avtaler": {
        "title": "Kjøp og avtalar",
        "intro": _t(
            """Kor mykje kjøpet er verdt, avgjer kva reglar som gjeld. Oppskriftene går frå
            små kjøp under den nedre terskelverdien til konkurransar over terskelverdiane, og
            viser korleis kommunen kan reservere kontraktar."""
        ),
    },
    "prov-ut-og-finansier": {
        "title": "Prøv ut, utvikle og finansier",
        "intro": _t(
            """Nye løysingar må prøvast før dei blir tekne i bruk. Her er oppskrifter på
            betalte pilotar, utvikling saman med leverandørar, innovasjonsfond og
            effektkontraktar."""
        ),
    },
    "skaler-og-mal": {
        "title": "Skaler og mål",
        "intro": _t(
            """Når noko verkar, skal fleire få nytte av det. Oppskriftene viser korleis ein
            pilot blir fast drift, og korleis de måler om samarbeidet gjer ein skilnad."""
        ),
    },
}

RECIPES: dict[str, dict] = {
    "start-med-behovet": {
        "title": "Byrj med behovet – ikkje med løysinga",
        "summary": _t(
            """Skriv ned kva innbyggjarane treng før de snakkar om kven som skal levere. Eit
            godt skildra behov gjer det lettare å finne rett samarbeidspartnar og rett veg i
            regelverket."""
        ),
        "situation": _t(
            """Oppskrifta passar når de ser eit problem som inga teneste eig åleine. Fråfall i
            vidaregåande skule er eit typisk døme: årsakene kan liggje heime, i helsa, i
            økonomien eller på fritida – ikkje berre på skulen. Når ansvaret er delt på mange,
            blir behovet fort liggjande mellom fleire stolar.

            Ho passar òg når ein sosial entreprenør har kome med ein god idé, og de vil finne
            ut om han svarar på noko de faktisk treng. Då er det freistande å hoppe rett til
            løysinga. Ta heller ein runde på behovet først; det sparer tid seinare."""
        ),
        "ingredients": {
            "who": _t(
                """Ein tenesteleiar som eig prosessen, fagfolk frå tenestene det gjeld, og
                gjerne ein innovasjonsrådgjevar. Ta med brukarar eller pårørande når det
                let seg gjere."""
            ),
            "budget": _t(
                """Mest arbeidstid. Set gjerne av litt pengar til å hente inn innsikt, til
                dømes intervju eller verkstader med brukarar."""
            ),
            "time": "Fire til åtte veker for ei første skildring av behovet.",
            "prerequisites": "Ein leiar som gir mandat til å arbeide på tvers av tenestene.",
        },
        "steps": [
            _step(
                "Skildre problemet slik innbyggjaren opplever det",
                """Skriv kva som skjer med dei det gjeld, ikkje kva kommunen manglar. «Elevar
                som sluttar i andre klasse, har ofte hatt lang skulevegring» seier meir enn
                «vi manglar eit lågterskeltilbod».""",
                pitfall="Å skildre ei løysing og kalle ho eit behov.",
            ),
            _step(
                "Hent inn innsikt frå fleire kantar",
                """Snakk med brukarar, pårørande og dei tilsette som møter dei kvar dag. Sjå
                på tal de alt har, til dømes fråfall, sjukefråvær eller ventetider.""",
                tip="""Sosiale entreprenørar kjenner ofte målgruppa godt. Å spørje dei om
                behovet er lov, så lenge de ikkje lovar nokon ein kontrakt.""",
            ),
            _step(
                "Finn ut kven som eig delar av problemet",
                """Teikn opp kva tenester som møter dei same menneska: skule, NAV, helse,
                barnevern og kultur. Då ser de kven som må vere med vidare, og kvar pengane
                kan kome frå.""",
            ),
            _step(
                "Skriv kva som skal vere betre",
                """Set ord på kva ein god skilnad vil vere, og korleis de kan sjå han. Det
                gjer det lettare å velje samarbeidsform og å måle resultata seinare.""",
            ),
            _step(
                "Del behovet ope",
                """Legg behovet ut i Meglartenesta eller på kommunen sine nettsider, slik at
                fleire kan kome med innspel. Då får alle same sjanse, og de får fleire
                idear.""",
                pitfall="Å snakke berre med den eine aktøren som tok kontakt først.",
            ),
        ],
    },
    "entreprenoren-tar-kontakt": {
        "title": "Ein sosial entreprenør tek kontakt – slik svarar de lovleg",
        "summary": _t(
            """Det er lov å møte ein entreprenør som vil presentere seg. Det som tel, er kva
            som skjer etterpå: vil kommunen kjøpe noko, må han følgje reglane for anskaffing
            som gjeld for verdien av kjøpet."""
        ),
        "situation": _t(
            """Ein sosial entreprenør sender ein e-post eller ringjer rektor, einingsleiaren
            eller ordføraren og vil vise fram tilbodet sitt. Mange blir usikre: Kan vi i det
            heile møte dei? Og kva gjer vi om vi likar det vi ser?

            Svaret er at de kan lytte, lære og stille spørsmål. Å bli kjend med marknaden er
            både lovleg og lurt. Men eit møte er ikkje ein avtale. Vil kommunen betale for ei
            teneste, må han rekne ut verdien og følgje reglane som gjeld for han."""
        ),
        "ingredients": {
            "who": "Den som fekk førespurnaden, gjerne saman med ein innkjøpar.",
            "budget": "Berre arbeidstid.",
            "time": "Eitt møte og eit kort notat.",
            "prerequisites": "Kjennskap til kva kommunen treng på området.",
        },
        "steps": [
            _step(
                "Sei ja til eit møte – på opne vilkår",
                """Svar venleg og føreslå eit kort møte der entreprenøren får presentere seg.
                Sei tydeleg at møtet er for å bli kjende, og at kommunen ikkje bind seg til
                noko.""",
                tip="""Be om ei kort skildring på førehand: kven dei hjelper, kva tenesta
                går ut på, kva resultat dei har sett, og kva ho kostar.""",
            ),
            _step(
                "Lytt etter behovet, ikkje berre etter tilbodet",
                """Bruk møtet til å finne ut om tilbodet svarar på eit behov de faktisk har.
                Fortel gjerne om utfordringane dykkar, men gå ikkje i detalj om ei konkret
                anskaffing de planlegg.""",
                pitfall="""Å dele opplysningar om ein komande konkurranse som andre
                leverandørar ikkje får. Det kan gi eit forsprang som ikkje er rettferdig.""",
            ),
            _step(
                "Skriv eit kort notat",
                """Noter kven som var med, kva som vart presentert, og kva de svara. Notatet
                viser seinare at møtet var ope og ryddig, og hjelper kollegaer som får ein
                liknande førespurnad.""",
            ),
            _step(
                "Vurder: kjøpe, gi tilskot eller berre halde kontakten?",
                """Vil kommunen betale for ei teneste han sjølv får nytte av, er det ei
                anskaffing. Rekn ut samla verdi for heile avtaleperioden, utan
                meirverdiavgift:

                - Under den nedre terskelverdien gjeld ikkje regelverket for offentlege
                  anskaffingar. Han er 500 000 kroner frå 1. juli 2026 (100 000 kroner før
                  det).
                - Frå den nedre terskelverdien gjeld del I, og de må føre protokoll.
                - Frå 1,3 millionar kroner skal anskaffinga kunngjerast i Doffin.""",
                pitfall="""Å kalle betalinga eit tilskot for å sleppe konkurranse. Det er
                innhaldet i avtalen som avgjer, ikkje kva han heiter.""",
            ),
            _step(
                "Gi eit ærleg svar",
                """Fortel entreprenøren kva som skjer vidare: at de ikkje har behov no, at de
                vil invitere fleire til dialog, eller at de planlegg ein konkurranse dei kan
                vere med i.""",
                tip="""Eit klart nei eller «ikkje no» er meir verd for ei lita verksemd enn
                eit vagt kanskje.""",
            ),
        ],
    },
    "markedsdialog-for-anskaffelsen": {
        "title": "Marknadsdialog før anskaffinga",
        "summary": _t(
            """Snakk med marknaden før de lyser ut: då får de vite kva som finst, kva det
            kostar, og korleis små verksemder kan vere med. Alle skal få same
            informasjon."""
        ),
        "situation": _t(
            """De veit kva behov de har, men ikkje kva marknaden kan tilby, eller om sosiale
            entreprenørar kan levere. Ein open dialog før konkurransen gir betre
            konkurransegrunnlag og fleire tilbydarar.

            Dialogen må vere open for alle som er interesserte, og ingen må få eit forsprang
            når konkurransen startar."""
        ),
        "ingredients": {
            "who": "Tenesteleiaren som eig behovet, og ein innkjøpar.",
            "budget": "Arbeidstid, og eventuelt leige av lokale til eit ope møte.",
            "time": "Fire til seks veker før kunngjeringa av konkurransen.",
            "prerequisites": "Eit skildra behov (sjå «Byrj med behovet»).",
        },
        "steps": [
            _step(
                "Kunngjer dialogen ope",
                """Inviter breitt, til dømes med ei rettleiande kunngjering i Doffin, på
                nettsidene til kommunen og i Meglartenesta. Skriv kva behovet er, korleis
                dialogen skal gå føre seg, og fristen for å melde seg.""",
                pitfall="Å invitere berre dei de kjenner frå før.",
            ),
            _step(
                "Vel form: fellesmøte, samtalar eller skriftlege innspel",
                """Eit felles informasjonsmøte gir alle det same grunnlaget. Samtalar med
                éin og éin leverandør gir meir innsikt, men då må alle få tilbod om same
                slags samtale og like lang tid.""",
                tip="""Sosiale entreprenørar har ofte få tilsette og lite tid. Tilby digitale
                møte og korte skriftlege svar.""",
            ),
            _step(
                "Still opne spørsmål",
                """Spør kva som er mogleg, ikkje kven som er best. Spør til dømes korleis
                leverandøren ville målt om tenesta verkar, og kva som gjer det vanskeleg for
                små leverandørar å vere med.""",
            ),
            _step(
                "Ta vare på forretningsløyndommar",
                """Det ein leverandør fortel om eigne løysingar og prisar, skal ikkje
                delast med konkurrentane. Bestem på førehand korleis de tek vare på
                innspela.""",
            ),
            _step(
                "Gi alle same informasjon",
                """Skriv eit samandrag av det kommunen fortalde, og gjer det tilgjengeleg for
                alle – òg for dei som ikkje var med. Legg det gjerne ved
                konkurransegrunnlaget.""",
                pitfall="At éin leverandør veit meir om anskaffinga enn dei andre.",
            ),
            _step(
                "Set strek når konkurransen blir kunngjord",
                """Frå kunngjeringa går all kontakt gjennom dei formelle kanalane i
                konkurransen.""",
                pitfall="Å halde fram med uformelle samtalar med éin leverandør.",
            ),
        ],
    },
    "tilskudd-eller-anskaffelse": {
        "title": "Tilskot eller anskaffing?",
        "summary": _t(
            """Kommunen kan støtte verksemda til ein sosial entreprenør med tilskot, eller
            kjøpe ei teneste. Det er innhaldet i avtalen, ikkje namnet, som avgjer kva reglar
            som gjeld."""
        ),
        "situation": _t(
            """De vil gi pengar til ein sosial entreprenør, og nokon føreslår å kalle det eit
            tilskot. Det kan vere rett – men berre om kommunen ikkje får ei teneste tilbake
            som han sjølv har direkte økonomisk nytte av.

            Får kommunen ei yting og betaler for henne, er avtalen gjensidig bebyrdande, og
            då er det ei anskaffing. Då gjeld reglane for anskaffingar frå den nedre
            terskelverdien (500 000 kroner frå 1. juli 2026, 100 000 kroner før det).
            Blir ei anskaffing gjord som eit tilskot utan konkurranse, kan det vere ei
            ulovleg direkte anskaffing, og Klagenemnda for offentlege anskaffingar (KOFA) kan
            gi gebyr."""
        ),
        "ingredients": {
            "who": _t(
                """Tenesteleiar, innkjøpar og jurist. Ta med økonomiavdelinga om kommunen har
                eigne reglar for tilskot."""
            ),
            "budget": "Kjem an på saka.",
            "time": "Ei til to veker for vurderinga.",
            "prerequisites": _t(
                """Eit utkast til kva pengane skal brukast til, og kva kommunen ventar å få
                tilbake."""
            ),
        },
        "steps": [
            _step(
                "Skriv kva pengane skal brukast til",
                """Skriv ned kva entreprenøren skal gjere, for kven, og kva kommunen ventar å
                få tilbake. Ver konkret: tal på deltakarar, timar, rapportar og
                resultat.""",
            ),
            _step(
                "Still dei avgjerande spørsmåla",
                """Dess fleire ja, dess meir peikar det mot ei anskaffing:

                - Får kommunen ei teneste som han elles måtte levert sjølv eller kjøpt?
                - Styrer kommunen i detalj kva som skal leverast, når og korleis?
                - Er summen rekna ut som ein pris for ei bestemd leveranse?""",
                pitfall="""Å la merkelappen avgjere. Eit «tilskot» med detaljerte krav til
                leveransen er ofte ei anskaffing i røynda.""",
            ),
            _step(
                "Er det eit tilskot: set klare vilkår utan å styre leveransen",
                """Eit tilskot støttar den eigne aktiviteten til entreprenøren. Kommunen kan
                øyremerkje pengane og setje vilkår om formål og rapportering, så lenge han
                ikkje får noko att. Følg dei eigne reglane kommunen har for tilskot, og
                handsam søkjarane likt.""",
            ),
            _step(
                "Vurder reglane om offentleg støtte",
                """Pengar til ei verksemd som driv økonomisk aktivitet, kan vere offentleg
                støtte etter EØS-avtalen. Små summar kan ofte givast som bagatellstøtte;
                sjekk kva grense som gjeld i Noreg før de tildeler.""",
                tip="Spør kommuneadvokaten eller KS Advokatane om de er i tvil.",
            ),
            _step(
                "Er det ei anskaffing: rekn ut verdien og vel prosess",
                """Rekn ut samla verdi utan meirverdiavgift for heile perioden, og følg
                reglane for den verdien. Oppskriftene om kjøp under den nedre terskelverdien,
                kjøp etter del I og konkurranse over nasjonal terskelverdi viser vegen
                vidare.""",
            ),
            _step(
                "Skriv ned vurderinga",
                """Lag eit kort notat om kvifor de valde tilskot eller anskaffing. Blir valet
                utfordra seinare, er notatet det beste provet på at de vurderte saka
                grundig.""",
            ),
        ],
    },
    "kjop-under-100000": {
        "title": "Kjøp under den nedre terskelverdien",
        "summary": _t(
            """Under den nedre terskelverdien – 500 000 kroner frå 1. juli 2026, 100 000
            kroner før det – gjeld ikkje regelverket for offentlege anskaffingar. Då er det
            enkelt å kjøpe ei lita teneste frå ein sosial entreprenør – så lenge verdien er
            rekna ut rett."""
        ),
        "situation": _t(
            """De vil prøve eit lite tilbod: eit kurs, nokre verkstader, eit årsabonnement eller
            ei kort utprøving. Når samla verdi er under den nedre terskelverdien, gjeld ikkje
            anskaffingslova og anskaffingsforskrifta. De treng verken konkurranse eller
            protokoll etter regelverket.

            Stortinget vedtok i februar 2026 å heve den nedre terskelverdien frå 100 000 til
            500 000 kroner utan meirverdiavgift frå 1. juli 2026 (Innst. 38 L (2025–2026)).
            Regjeringa hadde føreslått 300 000 kroner. For kjøp før 1. juli 2026 galdt
            100 000 kroner.

            Dei eigne innkjøpsreglane til kommunen kan likevel stille krav, og verdien må
            vere ærleg rekna ut."""
        ),
        "ingredients": {
            "who": "Ein tenesteleiar med budsjettmynde.",
            "budget": _t(
                """Under 500 000 kroner utan meirverdiavgift frå 1. juli 2026 (100 000 kroner
                før det), samla for heile avtalen."""
            ),
            "time": "Nokre dagar.",
            "prerequisites": _t(
                """Kjennskap til dei eigne innkjøpsreglane i kommunen og til rammeavtalane
                kommunen har."""
            ),
        },
        "steps": [
            _step(
                "Rekn ut heile verdien",
                """Legg saman alt de ventar å betale i heile perioden, utan meirverdiavgift.
                Tenk gjennom om de eigentleg vil halde fram etter ein prøveperiode – då er
                det den samla verdien som tel.""",
                pitfall="""Å dele opp eit kjøp i fleire små for å halde seg under grensa. Det
                er ikkje lov.""",
            ),
            _step(
                "Sjekk rammeavtalar og interne reglar",
                """Har kommunen ein rammeavtale som dekkjer tenesta, kan de vere plikta til å
                bruke han. Mange kommunar har òg eigne reglar, til dømes om å hente inn
                fleire tilbod.""",
            ),
            _step(
                "Samanlikn når det går",
                """Lova krev det ikkje, men det er god praksis å samanlikne to eller fleire
                tilbod. Det gir ofte betre pris og gjer valet lettare å forklare.""",
                tip="""Finst det berre éin aktør som tilbyr dette, skriv det ned med ei kort
                grunngjeving.""",
            ),
            _step(
                "Lag ein enkel skriftleg avtale",
                """Skriv kva som skal leverast, når, prisen, kontaktpersonar og korleis
                avtalen blir avslutta. Avtal òg korleis de skal sjå om tiltaket verka.""",
            ),
            _step(
                "Følg opp og evaluer",
                """Set av tid til ei kort evaluering saman med entreprenøren. Vil de halde
                fram eller utvide, er det ei ny anskaffing som må vurderast ut frå den nye
                verdien.""",
            ),
        ],
    },
}
