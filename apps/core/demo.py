"""The site's two fixed information pages: the accessibility statement and the privacy page,
in bokmål with their English text, and their nynorsk versions.

`load(home=)` creates and publishes each page if it is missing, and publishes one that
exists but is not live. Pages an editor has changed are left as they are.
`load_nynorsk(home=, locale=)` publishes the nynorsk versions that are missing.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from .models import StandardPage

CONTACT_EMAIL = "post@kokeboka.no"
_MAILTO = f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


ACCESSIBILITY = {
    "slug": "tilgjengelighetserklaering",
    "title": "Tilgjengelighetserklæring",
    "seo_description": (
        "Slik arbeider Kokeboka med universell utforming: kravene vi følger, hvordan vi "
        "tester, kjente begrensninger og hvordan du sier fra."
    ),
    "intro": (
        "Kokeboka skal kunne brukes av alle. Her forteller vi hvilke krav vi følger, hvordan "
        "vi tester, hva vi vet at ikke fungerer godt nok ennå, og hvordan du kan si fra."
    ),
    "sections": [
        (
            "Kravene vi følger",
            _p(
                "Kokeboka skal oppfylle suksesskriteriene i WCAG 2.1 på nivå A og AA. Det er "
                "kravet i forskrift om universell utforming av informasjons- og "
                "kommunikasjonsteknologiske (IKT-)løsninger, som gjelder for nettsteder i "
                "Norge.",
                "Vi bruker Designsystemet, det felles designsystemet for offentlige "
                "virksomheter, og skriver i klarspråk. Alle sider fungerer også uten "
                "JavaScript.",
            ),
        ),
        (
            "Slik tester vi",
            _ul(
                "Automatiske tester med verktøyet axe sjekker alle sidetypene i Kokeboka mot "
                "WCAG 2.0 og 2.1 på nivå A og AA. Testene er en del av testsamlingen som "
                "kjøres når koden endres.",
                "Vi tester med tastatur: alt skal kunne brukes uten mus, fokus skal være "
                "synlig, og rekkefølgen skal være logisk.",
                "Vi sjekker at overskrifter kommer i riktig rekkefølge, at hver side har én "
                "hovedoverskrift, og at alle skjemafelt har en ledetekst.",
            )
            + _p(
                "Automatiske tester finner bare en del av feilene. Derfor er tilbakemeldinger "
                "fra deg som bruker Kokeboka, viktige for oss."
            ),
        ),
        (
            "Kjente begrensninger",
            _ul(
                "Innhold som medlemmer skriver, som tips, erfaringer og kommentarer, kan mangle "
                "alternativ tekst til bilder eller ha uklare lenketekster. Redaktørene ser over "
                "bidragene før de publiseres, men kan ikke garantere at alt blir rettet.",
                "Videoer ligger hos YouTube eller Vimeo og lastes først når du selv velger å "
                "spille av. Avspilleren er laget av videotjenesten, og vi kan ikke garantere at "
                "den oppfyller alle krav. Til videoene gir vi en tekstversjon, og en lenke til "
                "undertekster når de finnes.",
                "Utskriftsutgaven av kokeboka (PDF) lages automatisk og er ikke fullt testet "
                "med skjermleser. Alt innholdet finnes også som vanlige nettsider.",
            ),
        ),
        (
            "Si fra om noe ikke fungerer",
            _p(
                f"Finner du noe som ikke fungerer, vil vi gjerne vite det. Skriv til {_MAILTO}. "
                "Fortell hvilken side det gjelder, hva du prøvde å gjøre, og gjerne hvilken "
                "nettleser eller hvilket hjelpemiddel du brukte. Vi svarer så raskt vi kan.",
            ),
        ),
        (
            "Klage til tilsynet",
            _p(
                "Er du ikke fornøyd med svaret, eller får du ikke svar, kan du melde fra til "
                "Tilsynet for universell utforming av ikt. Tilsynet følger med på at "
                "nettsteder oppfyller kravene til universell utforming. Les mer på "
                '<a href="https://www.uutilsynet.no/">uutilsynet.no</a>.',
            ),
        ),
    ],
}

PRIVACY = {
    "slug": "personvern",
    "title": "Personvernerklæring",
    "seo_description": (
        "Hvilke opplysninger Kokeboka lagrer om deg, hvorfor, hvilke informasjonskapsler vi "
        "bruker, og hvordan du laster ned og sletter opplysningene dine."
    ),
    "intro": (
        "Her forklarer vi hvilke opplysninger Kokeboka lagrer om deg, hvorfor vi gjør det, og "
        "hvordan du kan se, laste ned og slette dem."
    ),
    "sections": [
        (
            "Kort fortalt",
            _ul(
                "Du kan lese alt i Kokeboka uten å logge inn og uten å bli sporet.",
                "Vi lagrer bare det som trengs for at kontoen, bidragene og påmeldingene "
                "skal fungere.",
                "Vi bruker ingen verktøy for analyse, sporing eller reklame, og vi selger ikke "
                "opplysninger til noen.",
            ),
        ),
        (
            "Konto",
            _p(
                "Når du oppretter en konto, lagrer vi navn, e-postadresse og når du bekreftet "
                "adressen, organisasjonene du hører til og rollene dine der, invitasjoner og "
                "forespørsler om å bli med, og navnet på enheten du bruker til tofaktor-"
                "innlogging. Passordet lagres bare i en form som ikke kan leses tilbake. Vi "
                "trenger opplysningene for at du skal kunne logge inn, og for å vise hvem som "
                "står bak et bidrag.",
                "For å stoppe innbruddsforsøk lagrer vi mislykkede innlogginger med "
                "IP-adresse og nettlesernavn i en kort periode.",
                "Vi fører en logg over viktige endringer i innholdet, slik at redaktørene kan "
                "se hvem som gjorde hva. Når kontoen din slettes, fjernes koblingen mellom deg "
                "og loggen.",
            ),
        ),
        (
            "Bidrag",
            _p(
                "Tips, erfaringer, forslag og kommentarer som du sender inn, lagres "
                "sammen med navnet ditt. Redaktørene ser over bidrag før de publiseres. Når et "
                "bidrag er publisert, kan navnet ditt vises sammen med det.",
            ),
        ),
        (
            "Påmelding til dialogmøter",
            _p(
                "Melder du deg på et dialogmøte, lagrer vi navn, e-postadresse, organisasjon og "
                "det du ellers fyller ut i skjemaet. Arrangøren bruker opplysningene til å "
                "planlegge møtet, holde venteliste og sende deg praktisk informasjon. "
                "Arrangøren kan hente ut en deltakerliste. Vi sletter opplysningene når de ikke "
                "lenger trengs for møtet og oppfølgingen av det.",
            ),
        ),
        (
            "Informasjonskapsler",
            _p("Kokeboka bruker bare informasjonskapsler som trengs for at nettstedet skal virke:")
            + _ul(
                "Språkvalg (kokeboka_language): husker om du har valgt bokmål, nynorsk eller "
                "engelsk. Den settes bare hvis du velger språk, og varer i ett år.",
                "Innlogging (sessionid): settes når du logger inn, og holder deg innlogget.",
                "Sikkerhet (csrftoken): settes når du bruker et skjema, og beskytter mot "
                "falske innsendinger.",
            )
            + _p(
                "Vi bruker ingen informasjonskapsler for analyse, sporing eller reklame. Derfor "
                "spør vi ikke om samtykke til informasjonskapsler."
            ),
        ),
        (
            "Video",
            _p(
                "Videoer fra YouTube og Vimeo lastes ikke før du klikker for å spille av. Før "
                "det får ikke videotjenesten vite at du har besøkt siden. Når du klikker, "
                "henter nettleseren videoen fra tjenesten, som da får vite IP-adressen din. "
                "YouTube-videoer spilles av fra youtube-nocookie.com, og Vimeo blir bedt om å "
                "ikke spore avspillingen. Videotjenestens egne personvernregler gjelder.",
            ),
        ),
        (
            "Last ned og slett opplysningene dine",
            _p(
                "Når du er logget inn, kan du fra kontosiden din laste ned en kopi av "
                "opplysningene vi har om deg, i et maskinlesbart format (JSON). Der kan du også "
                "slette kontoen din. Da fjerner vi navn, e-postadresse, medlemskap og "
                "påmeldinger. Bidrag du har publisert, blir stående, men vises som fra "
                "«tidligere medlem».",
                f"Får du det ikke til, eller har du spørsmål, kan du skrive til {_MAILTO}.",
            ),
        ),
        (
            "Grunnlaget for behandlingen og rettighetene dine",
            _p(
                "Opplysningene om kontoen, bidragene og påmeldingene behandler vi for å levere "
                "tjenesten du har bedt om (personvernforordningen artikkel 6 nr. 1 bokstav b). "
                "Loggen over mislykkede innlogginger fører vi for å beskytte kontoene "
                "(bokstav f, berettiget interesse).",
                "Du har rett til innsyn, retting, sletting og til å få utlevert opplysningene "
                "dine. Mener du at vi behandler opplysningene feil, kan du klage til "
                'Datatilsynet (<a href="https://www.datatilsynet.no/">datatilsynet.no</a>).',
            ),
        ),
        (
            "Kontakt",
            _p(f"Spørsmål om personvern i Kokeboka kan du sende til {_MAILTO}."),
        ),
    ],
}

ACCESSIBILITY_NN = {
    "title": "Tilgjengeerklæring",
    "seo_description": (
        "Slik arbeider Kokeboka med universell utforming: krava vi følgjer, korleis vi "
        "testar, kjende avgrensingar og korleis du seier frå."
    ),
    "intro": (
        "Alle skal kunne bruke Kokeboka. Her fortel vi kva krav vi følgjer, korleis vi testar, "
        "kva vi veit ikkje fungerer godt nok enno, og korleis du kan seie frå."
    ),
    "sections": [
        (
            "Krava vi følgjer",
            _p(
                "Kokeboka skal oppfylle suksesskriteria i WCAG 2.1 på nivå A og AA. Det er "
                "kravet i forskrift om universell utforming av informasjons- og "
                "kommunikasjonsteknologiske (IKT-)løysingar, som gjeld for nettstader i Noreg.",
                "Vi bruker Designsystemet, det felles designsystemet for offentlege verksemder, "
                "og skriv i klarspråk. Alle sidene fungerer òg utan JavaScript. Sidene finst "
                "på bokmål, nynorsk og engelsk; der ein tekst berre finst på bokmål, er han "
                "merkt slik at skjermlesaren les han rett.",
            ),
        ),
        (
            "Slik testar vi",
            _ul(
                "Automatiske testar med verktøyet axe sjekkar alle sidetypane i Kokeboka mot "
                "WCAG 2.0 og 2.1 på nivå A og AA. Testane er ein del av testsamlinga som blir "
                "køyrd når koden blir endra.",
                "Vi testar med tastatur: alt skal kunne brukast utan mus, fokus skal vere "
                "synleg, og rekkjefølgja skal vere logisk.",
                "Vi sjekkar at overskrifter kjem i rett rekkjefølgje, at kvar side har éi "
                "hovudoverskrift, og at alle skjemafelt har ein leietekst.",
            )
            + _p(
                "Automatiske testar finn berre ein del av feila. Difor er tilbakemeldingar frå "
                "deg som bruker Kokeboka, viktige for oss."
            ),
        ),
        (
            "Kjende avgrensingar",
            _ul(
                "Innhald som medlemmer skriv, som tips, erfaringar og kommentarar, kan mangle "
                "alternativ tekst til bilete eller ha uklare lenkjetekstar. Redaktørane ser "
                "over bidraga før dei blir publiserte, men kan ikkje garantere at alt blir "
                "retta.",
                "Videoar ligg hos YouTube eller Vimeo og blir først lasta når du sjølv vel å "
                "spele dei av. Avspelaren er laga av videotenesta, og vi kan ikkje garantere at "
                "han oppfyller alle krav. Til videoane gir vi ein tekstversjon, og ei lenkje "
                "til undertekstar når dei finst.",
                "Utskriftsutgåva av kokeboka (PDF) blir laga automatisk, er berre på bokmål og "
                "er ikkje fullt testa med skjermlesar. Alt innhaldet finst òg som vanlege "
                "nettsider.",
            ),
        ),
        (
            "Sei frå om noko ikkje fungerer",
            _p(
                f"Finn du noko som ikkje fungerer, vil vi gjerne vite det. Skriv til {_MAILTO}. "
                "Fortel kva side det gjeld, kva du prøvde å gjere, og gjerne kva nettlesar "
                "eller hjelpemiddel du brukte. Vi svarer så fort vi kan.",
            ),
        ),
        (
            "Klage til tilsynet",
            _p(
                "Er du ikkje nøgd med svaret, eller får du ikkje svar, kan du melde frå til "
                "Tilsynet for universell utforming av ikt. Tilsynet følgjer med på at "
                "nettstader oppfyller krava til universell utforming. Les meir på "
                '<a href="https://www.uutilsynet.no/">uutilsynet.no</a>.',
            ),
        ),
    ],
}

PRIVACY_NN = {
    "title": "Personvernerklæring",
    "seo_description": (
        "Kva opplysningar Kokeboka lagrar om deg, kvifor, kva informasjonskapslar vi bruker, "
        "og korleis du lastar ned og slettar opplysningane dine."
    ),
    "intro": (
        "Her forklarer vi kva opplysningar Kokeboka lagrar om deg, kvifor vi gjer det, og "
        "korleis du kan sjå, laste ned og slette dei."
    ),
    "sections": [
        (
            "Kort fortalt",
            _ul(
                "Du kan lese alt i Kokeboka utan å logge inn og utan å bli spora.",
                "Vi lagrar berre det som trengst for at kontoen, bidraga og påmeldingane skal "
                "fungere.",
                "Vi bruker ingen verktøy for analyse, sporing eller reklame, og vi sel ikkje "
                "opplysningar til nokon.",
            ),
        ),
        (
            "Konto",
            _p(
                "Når du opprettar ein konto, lagrar vi namn, e-postadresse og når du stadfesta "
                "adressa, organisasjonane du høyrer til og rollene dine der, invitasjonar og "
                "førespurnader om å bli med, og namnet på eininga du bruker til tofaktor-"
                "innlogging. Passordet blir berre lagra i ei form som ikkje kan lesast tilbake. "
                "Vi treng opplysningane for at du skal kunne logge inn, og for å vise kven som "
                "står bak eit bidrag.",
                "For å stoppe innbrotsforsøk lagrar vi mislukka innloggingar med IP-adresse og "
                "nettlesarnamn i ein kort periode.",
                "Vi fører ein logg over viktige endringar i innhaldet, slik at redaktørane kan "
                "sjå kven som gjorde kva. Når kontoen din blir sletta, blir koplinga mellom deg "
                "og loggen fjerna.",
            ),
        ),
        (
            "Bidrag",
            _p(
                "Tips, erfaringar, forslag og kommentarar som du sender inn, blir lagra saman "
                "med namnet ditt. Redaktørane ser over bidrag før dei blir publiserte. Når eit "
                "bidrag er publisert, kan namnet ditt visast saman med det.",
            ),
        ),
        (
            "Påmelding til dialogmøte",
            _p(
                "Melder du deg på eit dialogmøte, lagrar vi namn, e-postadresse, organisasjon og "
                "det du elles fyller ut i skjemaet. Arrangøren bruker opplysningane til å "
                "planleggje møtet, halde venteliste og sende deg praktisk informasjon. "
                "Arrangøren kan hente ut ei deltakarliste. Vi slettar opplysningane når dei "
                "ikkje lenger trengst for møtet og oppfølginga av det.",
            ),
        ),
        (
            "Informasjonskapslar",
            _p(
                "Kokeboka bruker berre informasjonskapslar som trengst for at nettstaden skal "
                "verke:"
            )
            + _ul(
                "Språkval (kokeboka_language): hugsar om du har valt bokmål, nynorsk eller "
                "engelsk. Han blir berre sett om du vel språk, og varer i eitt år.",
                "Innlogging (sessionid): blir sett når du loggar inn, og held deg innlogga.",
                "Tryggleik (csrftoken): blir sett når du bruker eit skjema, og vernar mot "
                "falske innsendingar.",
            )
            + _p(
                "Vi bruker ingen informasjonskapslar for analyse, sporing eller reklame. Difor "
                "spør vi ikkje om samtykke til informasjonskapslar."
            ),
        ),
        (
            "Video",
            _p(
                "Videoar frå YouTube og Vimeo blir ikkje lasta før du klikkar for å spele av. "
                "Før det får ikkje videotenesta vite at du har vitja sida. Når du klikkar, hentar "
                "nettlesaren videoen frå tenesta, som då får vite IP-adressa di. YouTube-videoar "
                "blir spela av frå youtube-nocookie.com, og Vimeo blir beden om å ikkje spore "
                "avspelinga. Personvernreglane til videotenesta gjeld.",
            ),
        ),
        (
            "Last ned og slett opplysningane dine",
            _p(
                "Når du er logga inn, kan du frå kontosida di laste ned ein kopi av "
                "opplysningane vi har om deg, i eit maskinlesbart format (JSON). Der kan du òg "
                "slette kontoen din. Då fjernar vi namn, e-postadresse, medlemskap og "
                "påmeldingar. Bidrag du har publisert, blir ståande, men blir viste som frå "
                "«tidlegare medlem».",
                f"Får du det ikkje til, eller har du spørsmål, kan du skrive til {_MAILTO}.",
            ),
        ),
        (
            "Grunnlaget for behandlinga og rettane dine",
            _p(
                "Opplysningane om kontoen, bidraga og påmeldingane behandlar vi for å levere "
                "tenesta du har bede om (personvernforordninga artikkel 6 nr. 1 bokstav b). "
                "Loggen over mislukka innloggingar fører vi for å verne kontoane (bokstav f, "
                "berettiga interesse).",
                "Du har rett til innsyn, retting, sletting og til å få utlevert opplysningane "
                "dine. Meiner du at vi behandlar opplysningane feil, kan du klage til "
                'Datatilsynet (<a href="https://www.datatilsynet.no/">datatilsynet.no</a>).',
            ),
        ),
        (
            "Kontakt",
            _p(f"Spørsmål om personvern i Kokeboka kan du sende til {_MAILTO}."),
        ),
    ],
}

ACCESSIBILITY_EN = {
    "title": "Accessibility statement",
    "intro": (
        "Kokeboka is meant for everyone. This page says which requirements we follow, how we "
        "test, what we know does not work well enough yet, and how to tell us about a problem."
    ),
    "sections": [
        (
            "The requirements we follow",
            _p(
                "Kokeboka aims to meet the success criteria of WCAG 2.1 at levels A and AA. "
                "That is what the Norwegian regulations on universal design of information and "
                "communication technology (ICT) require of websites in Norway.",
                "We use Designsystemet, the shared design system for Norwegian public bodies, "
                "and write in plain language. Every page also works without JavaScript. The "
                "interface is in Norwegian bokmål, Norwegian nynorsk and English. Most of the "
                "content is written in Norwegian; where you read Norwegian text in English "
                "mode, it is marked as Norwegian so that screen readers pronounce it "
                "correctly.",
            ),
        ),
        (
            "How we test",
            _ul(
                "Automated tests with the axe tool check every page type against WCAG 2.0 and "
                "2.1 at levels A and AA. They are part of the test suite that runs whenever "
                "the code changes.",
                "We test with the keyboard: everything must work without a mouse, focus must "
                "be visible, and the order must make sense.",
                "We check that headings come in the right order, that every page has one main "
                "heading, and that every form field has a label.",
            )
            + _p(
                "Automated tests find only some of the problems, so what you tell us as a "
                "user matters a great deal."
            ),
        ),
        (
            "Known limitations",
            _ul(
                "Content written by members, such as tips, experiences and comments, may lack "
                "text alternatives for images or have unclear link texts. The editors review "
                "contributions before they are published but cannot promise that everything "
                "is corrected.",
                "Videos are hosted by YouTube or Vimeo and load only when you choose to play "
                "them. The player is made by the video service, and we cannot promise that it "
                "meets every requirement. Each video has a transcript, and a link to captions "
                "where they exist.",
                "The printed edition of the cookbook (PDF) is generated automatically, is in "
                "bokmål only and has not been fully tested with screen readers. All of its "
                "content is also available as ordinary web pages.",
            ),
        ),
        (
            "Tell us when something does not work",
            _p(
                f"If something does not work for you, we want to know. Write to {_MAILTO}. "
                "Tell us which page it was, what you were trying to do and, if you can, which "
                "browser or assistive technology you used. We answer as soon as we can.",
            ),
        ),
        (
            "Complaints to the supervisory authority",
            _p(
                "If you are not satisfied with our answer, or get no answer, you can report it "
                "to the Norwegian Authority for Universal Design of ICT (Tilsynet for universell "
                "utforming av ikt), which checks that websites meet the requirements. Read more "
                'at <a href="https://www.uutilsynet.no/">uutilsynet.no</a>.',
            ),
        ),
    ],
}

PRIVACY_EN = {
    "title": "Privacy statement",
    "intro": (
        "This page explains what Kokeboka stores about you, why, and how you can see, download "
        "and delete it."
    ),
    "sections": [
        (
            "In short",
            _ul(
                "You can read all of Kokeboka without logging in and without being tracked.",
                "We store only what your account, your contributions and your registrations "
                "need in order to work.",
                "We use no analytics, tracking or advertising tools, and we sell no data to "
                "anyone.",
            ),
        ),
        (
            "Your account",
            _p(
                "When you create an account we store your name, your email address and when "
                "you confirmed it, the organisations you belong to and your roles in them, "
                "invitations and requests to join, and the name of the device you use for "
                "two-factor login. Your password is stored only in a form that cannot be read "
                "back. We need this so that you can log in, and to show who is behind a "
                "contribution.",
                "To stop break-in attempts we keep failed logins, with the IP address and "
                "browser name, for a short period.",
                "We keep a log of important changes to the content so that the editors can see "
                "who did what. When your account is deleted, the link between you and the log "
                "is removed.",
            ),
        ),
        (
            "Contributions",
            _p(
                "Tips, experiences, suggestions and comments you send are stored with your "
                "name. The editors review contributions before they are published. Once a "
                "contribution is published, your name may be shown with it.",
            ),
        ),
        (
            "Registering for dialogue meetings",
            _p(
                "When you register for a dialogue meeting we store your name, email address, "
                "organisation and whatever else you fill in on the form. The organiser uses it "
                "to plan the meeting, keep a waiting list and send you practical information, "
                "and can download a list of attendees. We delete the data when it is no longer "
                "needed for the meeting and its follow-up.",
            ),
        ),
        (
            "Cookies",
            _p("Kokeboka uses only the cookies the site needs in order to work:")
            + _ul(
                "Language (kokeboka_language): remembers whether you chose bokmål, nynorsk or "
                "English. It is set only if you choose a language, and lasts one year.",
                "Login (sessionid): set when you log in, and keeps you logged in.",
                "Security (csrftoken): set when you use a form, and protects against forged "
                "submissions.",
            )
            + _p(
                "We use no cookies for analytics, tracking or advertising, which is why we do "
                "not ask for your consent to cookies."
            ),
        ),
        (
            "Video",
            _p(
                "Videos from YouTube and Vimeo are not loaded until you click to play them. "
                "Until then the video service does not learn that you visited the page. When "
                "you click, your browser fetches the video from the service, which then learns "
                "your IP address. YouTube videos are played from youtube-nocookie.com, and "
                "Vimeo is asked not to track the playback. The video service's own privacy "
                "rules apply.",
            ),
        ),
        (
            "Download and delete your data",
            _p(
                "When you are logged in, your account page lets you download a copy of the data "
                "we hold about you in a machine-readable format (JSON), and delete your "
                "account. We then remove your name, email address, memberships and "
                "registrations. Contributions you have published remain, shown as from a "
                "«former member».",
                f"If that does not work, or you have questions, write to {_MAILTO}.",
            ),
        ),
        (
            "Legal basis and your rights",
            _p(
                "We process the data about your account, contributions and registrations to "
                "provide the service you asked for (GDPR article 6(1)(b)). We keep the log of "
                "failed logins to protect the accounts (article 6(1)(f), legitimate "
                "interest).",
                "You have the right of access, rectification and erasure, and to receive your "
                "data. If you think we process your data wrongly, you can complain to the "
                "Norwegian Data Protection Authority (Datatilsynet, "
                '<a href="https://www.datatilsynet.no/">datatilsynet.no</a>).',
            ),
        ),
        (
            "Contact",
            _p(f"Questions about privacy in Kokeboka can be sent to {_MAILTO}."),
        ),
    ],
}

PAGES = [ACCESSIBILITY, PRIVACY]
NYNORSK = {ACCESSIBILITY["slug"]: ACCESSIBILITY_NN, PRIVACY["slug"]: PRIVACY_NN}
ENGLISH = {ACCESSIBILITY["slug"]: ACCESSIBILITY_EN, PRIVACY["slug"]: PRIVACY_EN}


def _body(sections: list[tuple[str, str]]) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = []
    for heading, html in sections:
        body.append(("heading", heading))
        body.append(("paragraph", RichText(html)))
    return body


def _set_english(page: StandardPage, spec: dict) -> None:
    page.title_en = spec["title"]
    page.intro_en = spec["intro"]
    page.body_en = _body(spec["sections"])


def _ensure_page(*, home: Page, spec: dict) -> None:
    english = ENGLISH[spec["slug"]]
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, StandardPage):
            return
        # Publish a page that was created but never published; give a page from before the
        # English text its English text (unless an editor has a draft waiting); leave any
        # other page alone.
        if not page.title_en and not page.has_unpublished_changes:
            _set_english(page, english)
            page.save_revision().publish()
        elif not page.live:
            page.save_revision().publish()
        return
    page = StandardPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        search_description=spec["seo_description"],
        body=_body(spec["sections"]),
        live=False,
    )
    _set_english(page, english)
    home.add_child(instance=page)
    page.save_revision().publish()


def load(*, home: Page) -> None:
    """Creates and publishes the accessibility statement and the privacy page under `home`
    if they are missing. Safe to run again."""
    with transaction.atomic():
        for spec in PAGES:
            _ensure_page(home=home, spec=spec)


def load_nynorsk(*, home: Page, locale) -> None:
    """Publishes the nynorsk version of each fixed page that has none, once the home page
    has its nynorsk version (apps/home/management/commands/load_demo.py makes it; without
    it nothing is done). A version that exists is left as it is."""
    if home.get_translation_or_none(locale) is None:
        return
    with transaction.atomic():
        for spec in PAGES:
            page = home.get_children().filter(slug=spec["slug"]).first()
            if page is None or page.get_translation_or_none(locale) is not None:
                continue
            nynorsk = NYNORSK[spec["slug"]]
            translated = page.specific.copy_for_translation(locale).specific
            translated.title = nynorsk["title"]
            translated.intro = nynorsk["intro"]
            translated.search_description = nynorsk["seo_description"]
            translated.body = _body(nynorsk["sections"])
            translated.save_revision().publish()
