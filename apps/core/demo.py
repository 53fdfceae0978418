"""The site's two fixed information pages: the accessibility statement and the privacy page.

`load(home=)` creates and publishes each page if it is missing, and publishes one that
exists but is not live. Pages an editor has changed are left as they are.
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
                "Språkvalg (kokeboka_language): husker om du har valgt bokmål eller engelsk. "
                "Den settes bare hvis du velger språk, og varer i ett år.",
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

PAGES = [ACCESSIBILITY, PRIVACY]


def _body(sections: list[tuple[str, str]]) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = []
    for heading, html in sections:
        body.append(("heading", heading))
        body.append(("paragraph", RichText(html)))
    return body


def _ensure_page(*, home: Page, spec: dict) -> None:
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        page = existing.specific
        # Publish a page that was created but never published; leave any other page alone.
        if isinstance(page, StandardPage) and not page.live:
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
    home.add_child(instance=page)
    page.save_revision().publish()


def load(*, home: Page) -> None:
    """Creates and publishes the accessibility statement and the privacy page under `home`
    if they are missing. Safe to run again."""
    with transaction.atomic():
        for spec in PAGES:
            _ensure_page(home=home, spec=spec)
