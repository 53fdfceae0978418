# ruff: noqa: E501 - demo text reads better unwrapped
"""Demo content for the fund: the innovation fund of the invented Fjordvik kommune (fiktiv),
one open call with rolling assessment, one closed call with submitted applications for
apps.grants to assess, and the fund's people.

Honest content (docs/decisions/0021-honest-demo-content.md): the fund, its applicants and
their partners are invented and named «(fiktiv)», so that no amount or grant decision is put
on a real municipality or entrepreneur. The fund is modelled on the kind of internal fund
Bærum kommune set up (its real facts, with sources, are an example in Eksempelbanken)."""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from apps.accounts.demo import HOME, demo_organisation, ensure_person
from apps.accounts.models import MembershipRole, Organisation
from apps.core.models import Sector

from .models import (
    Application,
    ApplicationPartner,
    BudgetLine,
    Call,
    Criterion,
    EligibilityAnswer,
    EligibilityQuestion,
    Fund,
    Milestone,
    RequiredAttachment,
)
from .services import application_transition

OSLO = ZoneInfo("Europe/Oslo")
FUND_SLUG = "fjordvik-innovasjonsfond"
FUND_NAME = "Innovasjonsfondet i Fjordvik kommune (fiktivt)"
OPEN_CALL_SLUG = "sosiale-entreprenorer-lopende"
CLOSED_CALL_SLUG = "sosiale-entreprenorer-host-2026"
MODEL_SOURCE = (
    "https://www.baerum.kommune.no/om-barum-kommune/organisasjon/innovasjon-i-barum/"
    "sosiale-entreprenorer/"
)

FUND_DESCRIPTION = (
    "Dette er et oppdiktet fond i demoen: Fjordvik kommune finnes ikke, og beløpene, søknadene "
    "og vedtakene er eksempler. Fondet viser hvordan en kommune kan bruke egne midler til "
    "forskning og innovasjon: det gir kommunens tjenester risikovilje til å prøve noe nytt, det "
    "kan gå inn som egenandel i forskningsprogrammer, og en del av det brukes til å utvikle "
    "samarbeidet med sosiale entreprenører.\n\n"
    "Det er tjenestene i kommunen som søker, ikke entreprenørene selv. Pengene tildeles og "
    "overføres ved årets slutt mot et eget prosjektnummer i regnskapet. Å kjøpe tjenester fra en "
    "sosial entreprenør følger fortsatt reglene for offentlige anskaffelser.\n\n"
    "Modellen er hentet fra Bærum kommune, som har et slikt fond med egne midler til samarbeid "
    f"med sosiale entreprenører: {MODEL_SOURCE}"
)

CALL_TEXT = (
    "Et oppdiktet eksempel på en utlysning. Av fondet går 2 millioner kroner i året til "
    "samarbeid med sosiale entreprenører. Kommunale tjenester kan søke om midler til å prøve ut "
    "en ny løsning sammen med en sosial entreprenør.\n\n"
    "Søknadene behandles fortløpende av enheten for strategi og utvikling. Beskriv behovet før "
    "løsningen: hvem har behovet, hva er prøvd før, og hva skal til for at tjenesten kan ta løsningen "
    "i bruk etter forsøket."
)

CRITERIA = [
    (
        "Behovet er godt beskrevet",
        "Søknaden viser hvem som har behovet og hvorfor dagens tilbud ikke dekker det.",
        3,
    ),
    (
        "Samarbeid med sosial entreprenør",
        "Entreprenøren har en tydelig rolle, og tjenesten tar ansvar for sin del.",
        2,
    ),
    (
        "Mulighet for varig bruk",
        "Søknaden sier hvordan løsningen kan videreføres hvis forsøket lykkes.",
        2,
    ),
    ("Gjennomførbarhet", "Plan, milepæler og budsjett henger sammen.", 1),
]
QUESTIONS = [
    ("Er søkeren en tjeneste i Fjordvik kommune?", "yes"),
    ("Deltar en sosial entreprenør i prosjektet?", "yes"),
    ("Er prosjektet allerede fullfinansiert fra andre kilder?", "no"),
]
REQUIRED = [("Prosjektplan", "Plan med milepæler og ansvar, høyst fem sider.")]

# title, partner (demo_organisation key), sector code, summary, need, fund amounts by year, co-funding
APPLICATIONS = [
    (
        "Arbeidstrening for unge i kantinen",
        "Kafé Mestring SA (fiktiv)",
        "arbeid_inkludering",
        "Unge som står utenfor skole og arbeid får arbeidstrening i en kommunal kantine, med oppfølging fra entreprenøren.",
        "Flere unge i kommunen har falt ut av videregående skole og har ingen fast kontakt med arbeidslivet.",
        [(2027, 250_000)],
        60_000,
    ),
    (
        "Trivsel i ungdomsskolen",
        "Trivselsverkstedet (fiktiv)",
        "psykisk_helse_rus",
        "Et kurs i trivsel og psykisk helse prøves ut på to ungdomsskoler, med måling av trivsel før og etter.",
        "Elevundersøkelsen viser at en del elever sjelden har det bra på skolen, og helsesykepleierne har lange ventelister.",
        [(2027, 180_000)],
        40_000,
    ),
    (
        "Tilbake til skolen med motor og verksted",
        "Motor og mestring (fiktiv)",
        "oppvekst_utdanning",
        "Et lagbasert opplegg med bil og verksted skal få elever med høyt fravær tilbake til skolen.",
        "Noen elever har så høyt fravær at de står i fare for å ikke fullføre grunnskolen.",
        [(2027, 300_000), (2028, 100_000)],
        90_000,
    ),
    (
        "Lek i skolegården",
        "Friminuttlaget (fiktiv)",
        "oppvekst_utdanning",
        "Elever læres opp til å lede lek i friminuttene på tre barneskoler.",
        "For mange barn går alene i friminuttene, og lærerne har ikke tid til å organisere lek.",
        [(2027, 120_000)],
        30_000,
    ),
    (
        "Barn og unge som rådgivere i barnevernet",
        "Erfaringsrådet Ung (fiktiv)",
        "barnevern",
        "Barn med erfaring fra barnevernet gir råd om hvordan tjenesten kan møte dem bedre.",
        "Barnevernet får sjelden høre direkte fra barna hva som hjelper og hva som ikke gjør det.",
        [(2027, 200_000)],
        50_000,
    ),
]


def _aware(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=OSLO)


def _people(kommune: Organisation):
    manager = ensure_person(
        email="fondsforvalter@demo.kokeboka.no",
        first_name="Hanne",
        last_name="Lie",
        memberships=((kommune, MembershipRole.FUND_MANAGER),),
    )
    ensure_person(
        email="fagvurderer1@demo.kokeboka.no",
        first_name="Ole",
        last_name="Berg",
        memberships=((kommune, MembershipRole.REVIEWER),),
    )
    ensure_person(
        email="fagvurderer2@demo.kokeboka.no",
        first_name="Ingrid",
        last_name="Moe",
        memberships=((kommune, MembershipRole.REVIEWER),),
    )
    applicant = ensure_person(
        email="soker@demo.kokeboka.no",
        first_name="Kari",
        last_name="Haugen",
        memberships=((kommune, MembershipRole.MEMBER),),
    )
    return manager, applicant


def _call(fund: Fund, *, slug: str, title: str, opens_at, deadline) -> Call:
    call, created = Call.objects.get_or_create(
        fund=fund,
        slug=slug,
        defaults={
            "title": title,
            "text": CALL_TEXT,
            "eligible_applicants": ["own_services"],
            "partner_requirement": Call.PartnerRequirement.MUNICIPAL_AND_ENTREPRENEUR,
            "budget": 2_000_000,
            "min_amount": 0,
            "max_amount": 0,
            "cofunding_percent": 0,
            "opens_at": opens_at,
            "deadline": deadline,
            "published": True,
        },
    )
    if created:
        for order, (name, description, weight) in enumerate(CRITERIA, start=1):
            Criterion.objects.create(
                call=call, name=name, description=description, weight=weight, order=order
            )
        for order, (text, answer) in enumerate(QUESTIONS, start=1):
            EligibilityQuestion.objects.create(
                call=call, text=text, required_answer=answer, order=order
            )
        for name, description in REQUIRED:
            RequiredAttachment.objects.create(call=call, name=name, description=description)
    return call


def _application(call: Call, kommune: Organisation, applicant, row, *, submitted_at=None):
    title, partner_key, sector_code, summary, need, fund_lines, cofunding = row
    application = Application.objects.filter(call=call, title=title).first()
    if application is not None:
        return application
    partner = demo_organisation(partner_key)
    application = Application.objects.create(
        call=call,
        organisation=kommune,
        created_by=applicant,
        title=title,
        summary=summary,
        description=summary
        + " Tjenesten og entreprenøren møtes hver måned for å justere opplegget underveis.",
        need_text=need,
        sector=Sector.objects.filter(code=sector_code).first(),
    )
    ApplicationPartner.objects.create(
        application=application,
        organisation=partner,
        name=partner.name,
        kind="social_entrepreneur",
        role="Leverer opplegget og følger opp deltakerne",
    )
    for year, amount in fund_lines:
        BudgetLine.objects.create(
            application=application,
            cost_type=BudgetLine.CostType.SERVICES,
            year=year,
            amount=amount,
            source=BudgetLine.Source.FUND,
        )
    BudgetLine.objects.create(
        application=application,
        cost_type=BudgetLine.CostType.PERSONNEL,
        year=fund_lines[0][0],
        amount=cofunding,
        source=BudgetLine.Source.COFUNDING,
    )
    total = sum(amount for _year, amount in fund_lines)
    Milestone.objects.create(
        application=application,
        title="Oppstart og rekruttering av deltakere",
        due_date=datetime.date(fund_lines[0][0], 3, 1),
        amount=total // 2,
    )
    Milestone.objects.create(
        application=application,
        title="Sluttrapport med resultater",
        due_date=datetime.date(fund_lines[-1][0], 12, 1),
        amount=total - total // 2,
    )
    for question in call.eligibility_questions.all():
        EligibilityAnswer.objects.create(
            application=application, question=question, answer=question.required_answer or "no"
        )
    application.amount_requested = total
    application.save(update_fields=["amount_requested"])
    if submitted_at is not None:
        application_transition(
            application=application,
            to_status=Application.Status.SUBMITTED,
            actor=applicant,
            at=submitted_at,
        )
    return application


@transaction.atomic
def load() -> None:
    """Adds the demo rows (idempotent)."""
    kommune = demo_organisation(HOME)
    _manager, applicant = _people(kommune)
    fund, _ = Fund.objects.get_or_create(
        slug=FUND_SLUG,
        defaults={
            "organisation": kommune,
            "name": FUND_NAME,
            "description": FUND_DESCRIPTION,
        },
    )
    open_call = _call(
        fund,
        slug=OPEN_CALL_SLUG,
        title="Samarbeid med sosiale entreprenører (løpende behandling)",
        opens_at=_aware(2026, 11, 1, 9, 0),
        deadline=None,
    )
    closed_call = _call(
        fund,
        slug=CLOSED_CALL_SLUG,
        title="Samarbeid med sosiale entreprenører, høsten 2026",
        opens_at=_aware(2026, 8, 17, 9, 0),
        deadline=_aware(2026, 10, 15, 12, 0),
    )
    for day, row in enumerate(APPLICATIONS, start=1):
        _application(
            closed_call, kommune, applicant, row, submitted_at=_aware(2026, 10, day, 14, 30)
        )
    _application(
        open_call,
        kommune,
        applicant,
        (
            "Overskuddsmat til seniorsentrene",
            "Kafé Mestring SA (fiktiv)",
            "helse_omsorg",
            "Et utkast: mat som ellers ville blitt kastet, lages til måltider på to seniorsentre.",
            "Mange eldre spiser for lite og alene, samtidig som butikkene kaster mat som kunne vært brukt.",
            [(2027, 150_000)],
            40_000,
        ),
    )
