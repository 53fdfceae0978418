# ruff: noqa: E501 - demo text reads better unwrapped
"""Demo collaborations (runs after the accounts, cases and broker demos): six collaborations
in different stages, with log entries, and one finished collaboration published as an
example in Eksempelbanken (consented to by the entrepreneur and published by an editor, as on
the site).

Honest content (docs/decisions/0021-honest-demo-content.md): every collaboration is between
an invented municipality and an invented entrepreneur, both named «… (fiktiv)», so no
decision, figure or result is put on a real body; the published example says in its title
and summary that it is invented.

Idempotent: a collaboration is matched on its title."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.demo import HOME
from apps.accounts.models import MembershipRole, Organisation, OrganisationType

from .models import Collaboration, Introduction, LogEntry, LogKind, StageChange
from .stages import ORDER, Stage

# The invented company the demo entrepreneur person runs (apps.broker.demo makes it first).
DEMO_ENTREPRENEUR = "Grønn Arbeidstrening SA (fiktiv)"

INVENTED_ENTREPRENEUR = (
    "Kafé Mestring SA (fiktiv)",
    "Et oppdiktet demo-samvirke som driver kafé med arbeidstrening for unge voksne.",
)
FINISHED_EXAMPLE_TITLE = "Kafé med arbeidstrening for unge voksne (fiktivt eksempel)"

# (title, kommunenummer, entrepreneur name, stage, days in stage, form, sectors, target
#  groups, summary, outcome, lessons, [(kind, days ago, text, value, unit)])
COLLABORATIONS = [
    (
        "Arbeidstrening i parkstell for unge voksne på sosialhjelp",
        HOME,
        "Grønn Arbeidstrening SA (fiktiv)",
        Stage.UTPROVING,
        34,
        "pilot",
        ["arbeid_inkludering", "miljo_klima"],
        ["unge_voksne", "langtidsledige"],
        "Unge voksne som har gått lenge på sosialhjelp, får arbeidstrening i gartneri og parkstell med fast veileder.",
        "",
        "",
        [
            (
                LogKind.MEETING,
                120,
                "Første møte med NAV og entreprenøren. Alle beskrev behovet med egne ord før vi snakket om løsninger.",
                None,
                "",
            ),
            (
                LogKind.NOTE,
                95,
                "Vi ble enige om å prøve med seks deltakere i tre måneder og å måle oppmøte hver uke.",
                None,
                "",
            ),
            (
                LogKind.MEETING,
                34,
                "Oppstartsmøte for utprøvingen. Veilederne fra NAV møter deltakerne i parken første dag.",
                None,
                "",
            ),
        ],
    ),
    (
        "Sykkelverksted for unge som har falt ut av videregående",
        HOME,
        "Sykkelverkstedet Ung AS (fiktiv)",
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
                "Bli kjent-møte. Skolen og NAV forteller om ungdommene de ikke når i dag; entreprenøren forteller hvordan verkstedet tar imot dem.",
                None,
                "",
            ),
        ],
    ),
    (
        FINISHED_EXAMPLE_TITLE,
        HOME,
        INVENTED_ENTREPRENEUR[0],
        Stage.AVSLUTTET,
        20,
        "kjop_under_terskel",
        ["arbeid_inkludering"],
        ["unge_voksne", "langtidsledige"],
        "Et oppdiktet eksempel i demoen: Fjordvik kommune (fiktiv) kjøpte arbeidstreningsplasser i en kafé for unge voksne som hadde stått lenge utenfor arbeidslivet.",
        "Av tolv deltakere var sju i jobb eller utdanning et halvt år etter. Kommunen har tatt inn arbeidstrening i kafé som et fast tilbud i neste års budsjett.\n\nDeltakerne sa at det viktigste var å ha et sted å møte opp hver dag, med kolleger som regnet med dem.\n\nKommunen, kafeen og tallene er oppdiktet for å vise hvordan et samarbeid blir et eksempel.",
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
        "Faste turvenner for eldre som bor alene",
        HOME,
        "Turvenn Eldre SA (fiktiv)",
        Stage.DRIFT,
        210,
        "kjop_under_terskel",
        ["helse_omsorg", "folkehelse"],
        ["eldre"],
        "Eldre som bor alene, får en fast turvenn hver uke etter en utprøving sammen med hjemmetjenesten.",
        "",
        "",
        [
            (
                LogKind.NOTE,
                400,
                "Utprøving i to soner av hjemmetjenesten avsluttet. De eldre ville fortsette.",
                None,
                "",
            ),
            (LogKind.MEETING, 210, "Oppstartsmøte for drift i hele kommunen.", None, ""),
        ],
    ),
    (
        "Leksehjelp og lesestund for barn",
        "9903",
        "Leksehjelp i Nabolaget (fiktiv)",
        Stage.AVTALE,
        15,
        "tilskudd",
        ["oppvekst_utdanning"],
        ["barn", "familier"],
        "Leksehjelp og lesestund to kvelder i uka skal gi barn som strever med lesing, hjelp tidligere.",
        "",
        "",
        [
            (
                LogKind.MEETING,
                80,
                "Møte med rektorene på barneskolene om hvordan lesestundene passer inn i skolens arbeid.",
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
        "Boveiledning for unge i kommunal bolig",
        "9902",
        "Bo Trygt Sammen (fiktiv)",
        Stage.UTFORSKING,
        48,
        "",
        ["bolig_naermiljo", "psykisk_helse_rus"],
        ["unge_voksne"],
        "Kommunen og entreprenøren ser på hvordan unge i kommunal bolig kan få hjelp i hverdagen det første året.",
        "",
        "",
        [
            (
                LogKind.MEETING,
                48,
                "Arbeidsmøte med boligkontoret, NAV og to unge leietakere.",
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
        legal_form="SA" if name == INVENTED_ENTREPRENEUR[0] else "",
        work_integration=name == INVENTED_ENTREPRENEUR[0],
        description=f"<p>{INVENTED_ENTREPRENEUR[1] if name == INVENTED_ENTREPRENEUR[0] else 'En oppdiktet demo-virksomhet.'}</p>",
        external_key=f"demo:collab:{name}",
    )


# Collaboration title -> words in the titles of the broker demo's need and offer it grew from.
ORIGINS = {
    "Arbeidstrening i parkstell for unge voksne på sosialhjelp": (
        "Unge voksne på sosialhjelp",
        "gartneri",
    ),
    "Sykkelverksted for unge som har falt ut av videregående": (
        "faller ut av videregående",
        "sykkelverksted",
    ),
    FINISHED_EXAMPLE_TITLE: ("", ""),
    "Faste turvenner for eldre som bor alene": ("ensomme", "Faste turvenner"),
    "Leksehjelp og lesestund for barn": ("Lese- og skrivevansker", "Leksehjelp"),
    "Boveiledning for unge i kommunal bolig": ("kommunal bolig", "Boveiledning"),
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


def _people(home: Organisation):
    from apps.accounts.demo import ensure_person

    broker = ensure_person(
        email="megler@demo.kokeboka.no",
        first_name="Marte",
        last_name="Megler",
        memberships=((home, MembershipRole.BROKER),),
    )
    ensure_person(
        email="radgiver@demo.kokeboka.no",
        first_name="Rune",
        last_name="Rådgiver",
        memberships=((home, MembershipRole.MEMBER),),
    )
    ensure_person(
        email="entreprenor@demo.kokeboka.no",
        first_name="Eva",
        last_name="Entreprenør",
        memberships=((_entrepreneur(DEMO_ENTREPRENEUR), MembershipRole.ADMIN),),
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

    home = demo_organisation(HOME)
    broker = _people(home)
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
            created_by=broker if municipality_org == home else None,
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
                introduced_by=broker if municipality_org == home else None,
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
                changed_by=broker if municipality_org == home else None,
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
                author=broker if municipality_org == home else None,
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
        stage=Stage.AVSLUTTET, case__isnull=True, title=FINISHED_EXAMPLE_TITLE
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
