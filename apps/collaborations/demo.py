# ruff: noqa: E501 - demo text reads better unwrapped
"""Demo collaborations (runs after the accounts, cases and broker demos): six collaborations
in different stages for Bærum and other municipalities, with log entries, and one finished
collaboration published as an example in Eksempelbanken (consented to by the entrepreneur and
published by an editor, as on the site). The finished one is with an
invented organisation, so that no figures are put in the mouth of a real entrepreneur.

Idempotent: a collaboration is matched on its title."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import MembershipRole, Organisation, OrganisationType

from .models import Collaboration, Introduction, LogEntry, LogKind, StageChange
from .stages import ORDER, Stage

INVENTED_ENTREPRENEUR = (
    "Kafé Mestring SA",
    "Et oppdiktet demo-arbeidsintegreringsselskap som driver kafé med arbeidstrening for unge voksne.",
)

# (title, kommunenummer, entrepreneur name, stage, days in stage, form, sectors, target
#  groups, summary, outcome, lessons, [(kind, days ago, text, value, unit)])
COLLABORATIONS = [
    (
        "Arbeidstrening med overskuddsmat for unge i Bærum",
        "3201",
        "Kompass & Co",
        Stage.UTPROVING,
        34,
        "pilot",
        ["arbeid_inkludering", "miljo_klima"],
        ["ungdom", "unge_voksne"],
        "Unge utenfor skole og arbeid får arbeidstrening på kjøkken og gatekjøkken som lager mat av overskuddsvarer.",
        "",
        "",
        [
            (
                LogKind.MEETING,
                120,
                "Første møte med NAV, oppfølgingstjenesten og entreprenøren. Alle beskrev behovet med egne ord før vi snakket om løsninger.",
                None,
                "",
            ),
            (
                LogKind.NOTE,
                95,
                "Vi ble enige om å prøve med seks ungdommer i tre måneder og å måle oppmøte hver uke.",
                None,
                "",
            ),
            (
                LogKind.MEETING,
                34,
                "Oppstartsmøte for utprøvingen. Veilederne fra NAV møter ungdommene på kjøkkenet første dag.",
                None,
                "",
            ),
        ],
    ),
    (
        "Motivasjonskurs for unge som har falt ut av videregående",
        "3201",
        "Pøbelprosjektet",
        Stage.DIALOG,
        6,
        "",
        ["oppvekst_utdanning", "arbeid_inkludering"],
        ["ungdom"],
        "",
        "",
        "",
        [
            (
                LogKind.MEETING,
                3,
                "Bli kjent-møte. Skolen og NAV forteller om ungdommene de ikke når i dag; entreprenøren forteller hvordan kurset er bygd opp.",
                None,
                "",
            ),
        ],
    ),
    (
        "Kafé med arbeidstrening for unge voksne",
        "3201",
        INVENTED_ENTREPRENEUR[0],
        Stage.AVSLUTTET,
        20,
        "kjop_under_terskel",
        ["arbeid_inkludering"],
        ["unge_voksne", "langtidsledige"],
        "Bærum kjøpte arbeidstreningsplasser i en kafé drevet av en sosial entreprenør for unge voksne som hadde stått lenge utenfor arbeidslivet.",
        "Av tolv deltakere var sju i jobb eller utdanning et halvt år etter. Kommunen har tatt inn arbeidstrening i kafé som et fast tilbud i neste års budsjett.\n\nDeltakerne sa at det viktigste var å ha et sted å møte opp hver dag, med kolleger som regnet med dem.",
        "Bruk tid på behovet før dere snakker om løsning. Avtal hvordan dere måler resultater før oppstart, ikke etterpå. Et kjøp under terskelverdien var nok for en utprøving av denne størrelsen.",
        [
            (
                LogKind.MEETING,
                500,
                "Dialogmøte med tjenesteleder og daglig leder i kafeen.",
                None,
                "",
            ),
            (LogKind.NOTE, 430, "Avtale om kjøp av tolv plasser signert.", None, ""),
            (
                LogKind.OUTCOME,
                60,
                "Deltakere i jobb eller utdanning et halvt år etter",
                Decimal("7"),
                "deltakere",
            ),
            (
                LogKind.OUTCOME,
                60,
                "Deltakere som fullførte arbeidstreningen",
                Decimal("10"),
                "deltakere",
            ),
        ],
    ),
    (
        "Digital kontakt mellom sykehjem og pårørende",
        "5001",
        "JodaCare AS",
        Stage.DRIFT,
        210,
        "konkurranse",
        ["helse_omsorg"],
        ["personer_med_demens", "parorende", "eldre"],
        "Et kommunikasjonsverktøy mellom sykehjem og pårørende til personer med demens er tatt i bruk etter utprøving.",
        "",
        "",
        [
            (
                LogKind.NOTE,
                400,
                "Utprøving på to sykehjem avsluttet. Ansatte bruker mindre tid i telefonen.",
                None,
                "",
            ),
            (LogKind.MEETING, 210, "Oppstartsmøte for drift på alle sykehjem.", None, ""),
        ],
    ),
    (
        "Naturen som læringsarena for 8. trinn",
        "3312",
        "Trygg av natur",
        Stage.AVTALE,
        15,
        "tilskudd",
        ["oppvekst_utdanning", "folkehelse"],
        ["ungdom"],
        "Naturdager for 8. trinn skal gi elevene mestring utenfor klasserommet.",
        "",
        "",
        [
            (
                LogKind.MEETING,
                80,
                "Møte med rektorene på ungdomsskolene om hvordan naturdagene passer inn i læreplanen.",
                None,
                "",
            ),
            (
                LogKind.NOTE,
                15,
                "Veiviseren ble brukt for å avklare om dette er et tilskudd eller et kjøp.",
                None,
                "",
            ),
        ],
    ),
    (
        "Felles gjennomgang av demensomsorgen",
        "5006",
        "Noen AS",
        Stage.UTFORSKING,
        48,
        "",
        ["helse_omsorg"],
        ["personer_med_demens", "parorende"],
        "Kommunen og entreprenøren går gjennom demensomsorgen sammen med pårørende.",
        "",
        "",
        [
            (
                LogKind.MEETING,
                48,
                "Arbeidsmøte med pårørende, hjemmetjenesten og dagtilbudet.",
                None,
                "",
            ),
        ],
    ),
]


def _entrepreneur(name: str) -> Organisation:
    from apps.accounts.services import organisation_create

    org = Organisation.objects.filter(name=name).order_by("pk").first()
    if org is not None:
        return org
    return organisation_create(
        actor=None,
        name=name,
        type=OrganisationType.SOSIAL_ENTREPRENOR,
        legal_form="SA",
        work_integration=True,
        description=f"<p>{INVENTED_ENTREPRENEUR[1]}</p>",
        external_key=f"demo:collab:{name}",
    )


# Collaboration title -> words in the titles of the broker demo's need and offer it grew from.
ORIGINS = {
    "Arbeidstrening med overskuddsmat for unge i Bærum": ("Mat kastes", "overskuddsmat"),
    "Motivasjonskurs for unge som har falt ut av videregående": (
        "faller ut av videregående",
        "Motivasjonskurs",
    ),
    "Kafé med arbeidstrening for unge voksne": ("Unge voksne på sosialhjelp", ""),
    "Digital kontakt mellom sykehjem og pårørende": ("sykehjemmet", "pårørende"),
    "Naturen som læringsarena for 8. trinn": ("mistrives i klasserommet", "Naturdager"),
    "Felles gjennomgang av demensomsorgen": ("demens", "demensomsorgen"),
}


def _need_and_offer(title: str, municipality_org: Organisation, entrepreneur: Organisation):
    """The broker demo's need of the municipality and offer of the entrepreneur that the
    collaboration grew from, when the broker demo has them."""
    from apps.broker.models import Need, Offer

    need_words, offer_words = ORIGINS.get(title, ("", ""))
    need = offer = None
    if need_words:
        need = (
            Need.objects.filter(organisation=municipality_org, title__icontains=need_words)
            .order_by("pk")
            .first()
        )
    if offer_words:
        offer = (
            Offer.objects.filter(profile__organisation=entrepreneur, title__icontains=offer_words)
            .order_by("pk")
            .first()
        )
    return need, offer


def _people(baerum: Organisation):
    from apps.accounts.demo import demo_organisation, ensure_person

    broker = ensure_person(
        email="megler@demo.kokeboka.no",
        first_name="Marte",
        last_name="Megler",
        memberships=((baerum, MembershipRole.BROKER),),
    )
    ensure_person(
        email="radgiver@demo.kokeboka.no",
        first_name="Rune",
        last_name="Rådgiver",
        memberships=((baerum, MembershipRole.MEMBER),),
    )
    ensure_person(
        email="entreprenor@demo.kokeboka.no",
        first_name="Eva",
        last_name="Entreprenør",
        memberships=((demo_organisation("Pøbelprosjektet"), MembershipRole.ADMIN),),
    )
    return broker


def _path_to(stage: str) -> list[str]:
    """The stages a demo collaboration passed through, ending in `stage`."""
    if stage == Stage.AVSLUTTET:
        return [Stage.DIALOG, Stage.UTFORSKING, Stage.UTPROVING, Stage.AVSLUTTET]
    return list(ORDER[: ORDER.index(stage) + 1])


@transaction.atomic
def load() -> None:
    from apps.accounts.demo import demo_organisation
    from apps.core.models import Sector, TargetGroup

    baerum = demo_organisation("3201")
    broker = _people(baerum)
    now = timezone.now()
    for (
        title,
        code,
        entrepreneur_name,
        stage,
        days_in_stage,
        form,
        sectors,
        target_groups,
        summary,
        outcome,
        lessons,
        log,
    ) in COLLABORATIONS:
        if Collaboration.objects.filter(title=title).exists():
            continue
        municipality_org = demo_organisation(code)
        entrepreneur = _entrepreneur(entrepreneur_name)
        need, offer = _need_and_offer(title, municipality_org, entrepreneur)
        oldest = max([days for _kind, days, *_rest in log] + [days_in_stage]) + 10
        started = now - datetime.timedelta(days=oldest)
        in_stage_since = now - datetime.timedelta(days=days_in_stage)
        collaboration = Collaboration.objects.create(
            need=need,
            offer=offer,
            municipality_org=municipality_org,
            entrepreneur_org=entrepreneur,
            title=title,
            stage=stage,
            stage_changed_at=in_stage_since,
            summary=summary,
            outcome=outcome,
            lessons=lessons,
            collaboration_form=form,
            created_by=broker if municipality_org == baerum else None,
        )
        Collaboration.objects.filter(pk=collaboration.pk).update(created_at=started)
        collaboration.sectors.set(Sector.objects.filter(code__in=sectors))
        collaboration.target_groups.set(TargetGroup.objects.filter(code__in=target_groups))
        introduced = Introduction.objects.filter(need=need, offer=offer).exists()
        if need is not None and offer is not None and not introduced:
            Introduction.objects.create(
                need=need,
                offer=offer,
                collaboration=collaboration,
                introduced_by=broker if municipality_org == baerum else None,
                message="Dere beskriver samme utfordring fra hver deres side. Ta et første møte og snakk om behovet før dere snakker om løsninger.",
            )
        path = _path_to(stage)
        step = (in_stage_since - started) / max(len(path) - 1, 1)
        previous = ""
        for position, to_stage in enumerate(path):
            StageChange.objects.create(
                collaboration=collaboration,
                from_stage=previous,
                to_stage=to_stage,
                changed_by=broker if municipality_org == baerum else None,
                changed_at=started + step * position,
            )
            previous = to_stage
        for kind, days_ago, text, value, unit in log:
            LogEntry.objects.create(
                collaboration=collaboration,
                kind=kind,
                date=timezone.localdate() - datetime.timedelta(days=days_ago),
                text=text,
                value=value,
                unit=unit,
                author=broker if municipality_org == baerum else None,
            )
    from apps.accounts.demo import verify_demo_organisations

    verify_demo_organisations()  # the entrepreneurs made above, by the demo staff person
    _publish_finished_example(broker)


def _publish_finished_example(broker) -> None:
    from apps.accounts.models import User
    from apps.cases.selectors import case_index

    from .services import collaboration_publish_example, example_consent_give

    if case_index() is None:
        return
    for collaboration in Collaboration.objects.filter(
        stage=Stage.AVSLUTTET, case__isnull=True, title=COLLABORATIONS[2][0]
    ):
        # As it happens on the site: the entrepreneur consents, the broker sends it to the
        # editors, and an editor publishes the draft (here the demo loader, as in the admin).
        entrepreneur = (
            User.objects.filter(memberships__organisation=collaboration.entrepreneur_org)
            .order_by("pk")
            .first()
        )
        example_consent_give(
            collaboration=collaboration, actor=entrepreneur, version=collaboration.version
        )
        case = collaboration_publish_example(collaboration=collaboration, actor=broker)
        case.get_latest_revision().publish(user=None, skip_permission_checks=True)
