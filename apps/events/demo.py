"""Demo meetings: the June 2016 dialogue meeting at the ministry, where the cookbook began,
and an upcoming meeting open for registration.

Idempotent: a meeting is found by slug and left alone when it exists. Run after the
cookbook demo so that input can point at its recipes (missing recipes are skipped).
The 2016 date, host, participants and purpose come from the ministry's own account of the
meeting; the times of day, the programme and the input are written for the demo and say so.
"""

from __future__ import annotations

import datetime
import logging
import textwrap

from django.db import transaction

from apps.cookbook.models import ChapterPage, RecipePage

from . import services
from .formatting import OSLO
from .models import (
    AgendaItem,
    Event,
    EventStatus,
    Input,
    InputKind,
    InputPhase,
    InputStatus,
    Registration,
    RegistrationStatus,
    Role,
    Speaker,
)

logger = logging.getLogger(__name__)

PAST_SLUG = "dialogmote-kokebok-juni-2016"
UPCOMING_SLUG = "dialogmote-fra-pilot-til-drift-2027"
# Vimeo's own public sample video stands in for the 2016 recording, which we do not host.
DEMO_VIDEO_URL = "https://vimeo.com/76979871"


def _t(text: str) -> str:
    """Indented triple-quoted text to paragraphs separated by blank lines."""
    paragraphs = textwrap.dedent(text).strip().split("\n\n")
    return "\n\n".join(" ".join(part.split()) for part in paragraphs)


def _oslo(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=OSLO)


PAST = {
    "title": "Dialogmøte: Vi lager kokebok om sosialt entreprenørskap",
    "summary": (
        "Kommuner, sosiale entreprenører, forskere, organisasjoner og staten møttes i "
        "Kommunal- og moderniseringsdepartementet for å hente fram gode råd og eksempler "
        "tidlig i arbeidet med kokeboka."
    ),
    "description": _t(
        """Tirsdag 14. juni 2016 var Kommunal- og moderniseringsdepartementet vertskap for et
        dialogmøte om sosialt entreprenørskap. Kommuner, sosiale entreprenører, forskere,
        organisasjoner og statlige myndigheter diskuterte hva som skal til for at offentlig
        sektor oftere bruker sosiale entreprenører når samfunnsutfordringer skal løses.

        Mange av de vanskeligste utfordringene følger ikke grensene mellom sektorene. Når
        ungdom faller fra i videregående skole, kan årsakene ligge langt utenfor skolen, og
        et problem uten en tydelig eier havner lett mellom flere stoler. Frivillige
        organisasjoner og sosiale entreprenører har noen ganger verktøy som passer bedre for
        den enkelte enn det etatene selv har.

        Departementet hadde tidligere laget et inspirasjonshefte om frivillighet i
        kommunene. Nå var målet en kokebok: den skulle både inspirere og gi konkrete råd, om
        hvilke lover og regler som gjelder og om hvordan man går fram i praksis. Siden
        kommunene og entreprenørene selv er ekspertene, ble møtet brukt til å løfte fram
        rådene og eksemplene deres tidlig.

        Om demonstrasjonen: Dato, vertskap, deltakergrupper og formål er hentet fra
        departementets omtale av møtet. Klokkeslett, kapasitet, programmet og innspillene
        under er laget for å vise hvordan dialogmøter fungerer i Kokeboka."""
    ),
    "start": _oslo(2016, 6, 14, 10),
    "end": _oslo(2016, 6, 14, 14),
    "registration_deadline": _oslo(2016, 6, 10, 12),
    "place_name": "Kommunal- og moderniseringsdepartementet",
    "place_address": "Oslo",
    "capacity": 60,
    "accessibility_info": _t(
        """Eksempeltekst: Møtelokalet har trinnfri adkomst og teleslynge. Si fra ved
        påmelding om du trenger tolk eller andre tilpasninger."""
    ),
    "video_transcript": _t(
        """Om videoen: Dette er en offentlig eksempelvideo fra Vimeo som vi bruker for å vise
        hvordan opptak fra et dialogmøte vises i Kokeboka. Avspilleren lastes først når du
        velger å spille av. Videoen er ikke et opptak fra dialogmøtet i 2016, og den handler
        ikke om sosialt entreprenørskap.

        Opptaket av innledningene fra dialogmøtet ble lagt ut på den opprinnelige
        Kokebokloggen hos regjeringen.no. Innledningene handlet blant annet om hvorfor
        offentlig sektor bør bruke sosiale entreprenører mer når utfordringer går på tvers
        av sektorene, og om at kommunene og entreprenørene er ekspertene som kokeboka skal
        bygge på."""
    ),
    "agenda": [
        (datetime.time(10, 0), "Velkommen: hvorfor en kokebok?", "Departementet"),
        (datetime.time(10, 30), "Utfordringer uten en tydelig eier", "Innledere fra kommuner"),
        (datetime.time(11, 15), "Slik jobber sosiale entreprenører med det offentlige", ""),
        (datetime.time(12, 0), "Lunsj", ""),
        (datetime.time(12, 45), "Gruppearbeid: gode råd og eksempler til kokeboka", ""),
        (datetime.time(13, 30), "Oppsummering og veien videre", "Departementet"),
    ],
    "speakers": [
        ("Kommunal- og moderniseringsdepartementet", "Vertskap"),
    ],
}

PAST_INPUTS = [
    {
        "kind": InputKind.ADVICE,
        "title": "Bruk tid på behovet før dere velger løsning",
        "text": _t(
            """Det lønner seg å bli værende i behovet lenger enn det føles komfortabelt.
            Både kommunen og entreprenøren må utforske hva som egentlig er problemet for
            innbyggeren før noen foreslår en løsning. Fasen kan være frustrerende, men den
            gjør samarbeidet bedre."""
        ),
        "author_name": "En innovasjonsrådgiver i en kommune",
        "recipe": "start-med-behovet",
        "phase": InputPhase.DURING,
        "status": InputStatus.CONVERTED,
        "became": "Ble et tips i oppskriften «Start med behovet – ikke med løsningen».",
    },
    {
        "kind": InputKind.ADVICE,
        "title": "Gi utfordringer uten eier en ansvarlig",
        "text": _t(
            """Når en ungdom faller fra i videregående, ligger årsakene ofte utenfor skolen.
            Pek ut én i kommunen som har ansvar for å samle tjenestene og være kontaktpunkt
            for entreprenøren, ellers faller saken mellom flere stoler."""
        ),
        "author_name": "En forsker",
        "recipe": "kommunen-som-megler",
        "phase": InputPhase.DURING,
        "status": InputStatus.CONVERTED,
        "became": (
            "Ble et tips i oppskriften «Kommunen som megler mellom egne tjenester og "
            "entreprenører»."
        ),
    },
    {
        "kind": InputKind.EXAMPLE,
        "title": "To slags samarbeid: profesjonell leverandør og oppstart som tester",
        "text": _t(
            """Noen sosiale entreprenører er erfarne leverandører som svarer på offentlige
            utlysninger. Andre er små oppstartsvirksomheter som trenger å utvikle og prøve ut
            konseptet sitt sammen med kommunen. Kommunen bør møte dem på ulike måter."""
        ),
        "author_name": "En sosial entreprenør",
        "recipe": "entreprenoren-tar-kontakt",
        "phase": InputPhase.AFTER,
        "status": InputStatus.CONVERTED,
        "became": (
            "Ble eksempelet «To slags sosiale entreprenører i Bærum» i oppskriften "
            "«En sosial entreprenør tar kontakt – slik svarer dere lovlig»."
        ),
    },
    {
        "kind": InputKind.ADVICE,
        "title": "Ta med regelverket tidlig",
        "text": _t(
            """Mange i kommunene er usikre på om de i det hele tatt kan kjøpe fra en sosial
            entreprenør. Kokeboka bør forklare tidlig hvilke regler som gjelder ved kjøp og
            tilskudd, med lenker til kildene."""
        ),
        "author_name": "En innkjøpsrådgiver",
        "chapter": "kjop-og-avtaler",
        "phase": InputPhase.BEFORE,
        "status": InputStatus.ACCEPTED,
    },
    {
        "kind": InputKind.ADVICE,
        "title": "Åpen og nysgjerrig dialog på begge sider av bordet",
        "text": _t(
            """Møt hverandre uten fordommer. Entreprenøren må forstå hvordan kommunen er
            organisert, og kommunen må være nysgjerrig på hva entreprenøren kan bidra med."""
        ),
        "author_name": "",
        "topic": "Dialog mellom kommune og entreprenør",
        "phase": InputPhase.DURING,
        "status": InputStatus.NEW,
    },
    {
        "kind": InputKind.EXAMPLE,
        "title": "Inspirasjonsheftet om frivillighet som forbilde",
        "text": _t(
            """Heftet om frivillighet i kommunene blandet tips og råd med konkrete eksempler
            på samarbeid. Samme form kan fungere for kokeboka."""
        ),
        "author_name": "En frivillig organisasjon",
        "topic": "Kokebokas form",
        "phase": InputPhase.BEFORE,
        "status": InputStatus.ACCEPTED,
    },
]

UPCOMING = {
    "title": "Dialogmøte 2027 (eksempel): Fra vellykket pilot til fast drift",
    "summary": (
        "Et eksempel på et dialogmøte i demoen: Hvordan går en kommune fra en vellykket pilot "
        "med en sosial entreprenør til et fast tilbud? Ta med erfaringene dine, så lager vi "
        "nye råd til kokeboka sammen."
    ),
    "description": _t(
        """Mange samarbeid mellom kommuner og sosiale entreprenører starter som en pilot. Det
        vanskelige kommer etterpå: Hvem betaler når prosjektpengene er brukt opp, og hvordan
        kjøper kommunen videre på en lovlig måte?

        På dette dialogmøtet deler kommuner, sosiale entreprenører, forskere,
        organisasjoner og statlige aktører erfaringer. Rådene og eksemplene som kommer fram,
        blir vurdert av redaksjonen og kan bli nye tips og eksempler i kokeboka.

        Du kan sende innspill allerede nå, under møtet og i etterkant."""
    ),
    "start": _oslo(2027, 9, 14, 9),
    "end": _oslo(2027, 9, 14, 15),
    "registration_deadline": _oslo(2027, 9, 7, 23, 59),
    "place_name": "Møtesenter i Oslo sentrum",
    "place_address": "Oslo",
    "capacity": 40,
    "accessibility_info": _t(
        """Lokalet har trinnfri adkomst, teleslynge og et stille rom. Skriv i påmeldingen om
        du trenger tegnspråktolk eller annen tilrettelegging, så ordner vi det."""
    ),
    "agenda": [
        (datetime.time(9, 0), "Kaffe og velkommen", ""),
        (datetime.time(9, 30), "Fra pilot til drift: hva sier regelverket?", "Redaksjonen"),
        (datetime.time(10, 30), "Erfaringer fra en kommune og en entreprenør", ""),
        (datetime.time(11, 30), "Lunsj", ""),
        (datetime.time(12, 15), "Verksted: råd og eksempler til kokeboka", ""),
        (datetime.time(14, 15), "Oppsummering", "Redaksjonen"),
    ],
    "speakers": [
        ("Redaksjonen i Kokeboka", "Møteleder"),
    ],
}

UPCOMING_REGISTRATIONS = [
    ("Ingrid Haugen", "kommune", "Eksempel kommune"),
    ("Jonas Berg", "entreprenor", "Eksempel AS"),
    ("Amina Khalid", "forsker", "Et forskningsinstitutt"),
    ("Per Olav Nilsen", "organisasjon", "En frivillig organisasjon"),
    ("Sofie Lund", "stat", "Et direktorat"),
    ("Maria Dahl", "kommune", "Eksempel kommune"),
    ("Ahmed Yusuf", "entreprenor", "Eksempel SA"),
]


def _event(data: dict, *, slug: str, video: bool) -> tuple[Event, bool]:
    existing = Event.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    event = Event(
        slug=slug,
        status=EventStatus.PUBLISHED,
        video_url=DEMO_VIDEO_URL if video else "",
        video_transcript=data.get("video_transcript", ""),
        **{
            key: value
            for key, value in data.items()
            if key not in ("agenda", "speakers", "video_transcript")
        },
    )
    event.agenda_items = [
        AgendaItem(time=time, title=title, speaker=speaker, sort_order=position)
        for position, (time, title, speaker) in enumerate(data["agenda"])
    ]
    event.speakers = [
        Speaker(name=name, role=role, sort_order=position)
        for position, (name, role) in enumerate(data["speakers"])
    ]
    event.full_clean()
    event.save()
    return event, True


def _inputs(event: Event) -> None:
    recipes = {recipe.slug: recipe for recipe in RecipePage.objects.all()}
    chapters = {chapter.slug: chapter for chapter in ChapterPage.objects.all()}
    for position, data in enumerate(PAST_INPUTS):
        recipe = recipes.get(data.get("recipe", ""))
        chapter = chapters.get(data.get("chapter", ""))
        for kind, slug, found in (
            ("recipe", data.get("recipe"), recipe),
            ("chapter", data.get("chapter"), chapter),
        ):
            if slug and found is None:
                logger.warning("Demo input %r names unknown %s %r.", data["title"], kind, slug)
        url = recipe.url if recipe is not None and recipe.live else ""
        becomes_tip = data["status"] == InputStatus.CONVERTED and bool(url)
        item = Input.objects.create(
            event=event,
            kind=data["kind"],
            title=data["title"],
            text=data["text"],
            author_name=data["author_name"],
            recipe=recipe,
            chapter=chapter,
            topic=data.get("topic", ""),
            phase=data["phase"],
            status=InputStatus.NEW if becomes_tip else data["status"],
            converted_to_description="" if becomes_tip else data.get("became", ""),
            converted_to_url="",
            created_at=event.start + datetime.timedelta(minutes=10 * position),
        )
        if becomes_tip:
            # Through the same service an editor uses, so the tip really exists on the recipe.
            services.input_convert_to_tip(item=item, reviewer=None)


def _registrations(event: Event) -> None:
    signed_up = event.registration_deadline - datetime.timedelta(days=60)
    for position, (name, role, organisation) in enumerate(UPCOMING_REGISTRATIONS):
        local_part = name.lower().replace(" ", ".")
        for letter, plain in (("å", "a"), ("ø", "o"), ("æ", "ae")):
            local_part = local_part.replace(letter, plain)
        at = signed_up + datetime.timedelta(days=position)
        Registration.objects.create(
            event=event,
            name=name,
            email=f"{local_part}@example.no",
            organisation=organisation,
            role=Role(role),
            status=RegistrationStatus.CONFIRMED,
            created_at=at,
            confirmed_at=at,
        )


def load() -> None:
    """Creates the two demo meetings with their input and registrations, once."""
    with transaction.atomic():
        past, created = _event(PAST, slug=PAST_SLUG, video=True)
        if created:
            _inputs(past)
        upcoming, created = _event(UPCOMING, slug=UPCOMING_SLUG, video=False)
        if created:
            _registrations(upcoming)
        if upcoming.organisation_id is None:
            # The coming meeting is organised by the demo's invented home municipality (its
            # brokers run it), never by a real one (docs/decisions/0021-honest-demo-content.md).
            from apps.accounts.demo import HOME
            from apps.accounts.models import Organisation

            upcoming.organisation = Organisation.objects.filter(municipality__code=HOME).first()
            upcoming.save(update_fields=["organisation"])
