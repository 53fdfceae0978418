"""Demo content for the grants app: runs after the fund demo and assesses its closed call.

Every step goes through the services with the demo people as actors, so the demo leaves
the same status changes and audit events as real use. Idempotent: each step checks
whether it has been done."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import Membership, MembershipRole, User
from apps.fund.models import Application, ApplicationStatus, Call

from . import services
from .models import Outcome, ReportKind, ReviewerAssignment

S = ApplicationStatus

MANAGER_EMAIL = "fondsforvalter@demo.kokeboka.no"
REVIEWER_EMAILS = ("fagvurderer1@demo.kokeboka.no", "fagvurderer2@demo.kokeboka.no")
SITE_URL = ""

# Scores per application (by its place in the call) and reviewer: one list per reviewer,
# one score per criterion in order (repeated when the call has more criteria).
SCORES = [
    ([5, 4, 4, 5], [4, 4, 5, 4]),
    ([4, 3, 4, 4], [3, 3, 3, 3]),  # the second reviewer declares a conflict here
    ([3, 4, 3, 4], [4, 3, 4, 3]),
    ([2, 1, 2, 2], [1, 2, 2, 1]),
]
COMMENTS = [
    "Tydelig behov beskrevet sammen med tjenesten, og en realistisk plan for utprøving.",
    "God forankring i virksomheten, men måling av effekt bør beskrives nærmere.",
    "Partnerskapet med den sosiale entreprenøren er godt begrunnet.",
    "Svak kobling mellom behovet og tiltaket som foreslås.",
]
CONFLICT_NOTE = (
    "Jeg har tidligere vært styremedlem i den sosiale entreprenøren som er partner i prosjektet."
)
DECISIONS = [
    {
        "outcome": Outcome.GRANTED,
        "share": Decimal("1"),
        "conditions": "Midlene overføres ved årsslutt mot prosjektregnskap. Fremdriftsrapport "
        "etter første halvår og sluttrapport med resultatindikatorer.",
        "reasons": "Søknaden scoret høyest på nytte for innbyggerne og gjennomførbarhet.",
    },
    {
        "outcome": Outcome.GRANTED,
        "share": Decimal("0.8"),
        "conditions": "Tilskuddet er redusert fordi utstyrsposten ikke dekkes av fondet. "
        "Fremdriftsrapport innen fristen under.",
        "reasons": "Godt forankret prosjekt; budsjettet er justert.",
    },
    {
        "outcome": Outcome.GRANTED,
        "share": Decimal("1"),
        "conditions": "Sluttrapport med resultatindikatorer når prosjektet er ferdig.",
        "reasons": "Et lovende samarbeid med en sosial entreprenør om et tverrsektorielt behov.",
    },
    {
        "outcome": Outcome.REJECTED,
        "reasons": "Søknaden beskriver en løsning mer enn et behov, og det er uklart hvordan "
        "tjenesten skal ta resultatene i bruk. Dere er velkomne til å søke igjen.",
    },
]
INELIGIBLE_NOTE = "Søknaden mangler den obligatoriske samarbeidspartneren fra kommunen."


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _closed_call(manager: User) -> Call | None:
    """The newest closed call of a fund the demo manager manages."""
    managed = Membership.objects.filter(user=manager, role=MembershipRole.FUND_MANAGER).values(
        "organisation"
    )
    return (
        Call.objects.filter(fund__organisation__in=managed, deadline__lt=timezone.now())
        .order_by("-deadline")
        .first()
    )


def _applicant(application: Application) -> User | None:
    if (
        application.created_by_id
        and Membership.objects.filter(
            user_id=application.created_by_id,
            organisation_id=application.organisation_id,
            role__in=(MembershipRole.MEMBER, MembershipRole.ADMIN),
        ).exists()
    ):
        return application.created_by
    membership = (
        Membership.objects.filter(
            organisation_id=application.organisation_id,
            role__in=(MembershipRole.MEMBER, MembershipRole.ADMIN),
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _assess(application: Application, index: int, manager: User, reviewers: list[User]) -> None:
    criteria = list(application.call.criteria.all())
    for number, reviewer in enumerate(reviewers):
        assignment = ReviewerAssignment.objects.filter(
            application=application, reviewer=reviewer
        ).first()
        if assignment is None:
            if application.status not in (S.ELIGIBLE, S.IN_REVIEW):
                continue
            assignment = services.reviewer_assign(
                application=application, reviewer=reviewer, actor=manager, site_url=SITE_URL
            )
        if assignment.conflict_declared or assignment.completed_at:
            continue
        if index == 1 and number == 1:
            services.conflict_declare(assignment=assignment, actor=reviewer, note=CONFLICT_NOTE)
            continue
        if not criteria or application.status != S.IN_REVIEW:
            continue
        given = SCORES[index % len(SCORES)][number]
        services.scores_save(
            assignment=assignment,
            actor=reviewer,
            scores=[
                services.ScoreInput(
                    criterion_id=criterion.pk,
                    score=given[place % len(given)],
                    comment=COMMENTS[(index + place) % len(COMMENTS)] if place == 0 else "",
                )
                for place, criterion in enumerate(criteria)
            ],
            complete=True,
        )


def _decide(application: Application, index: int, manager: User) -> None:
    if application.status not in (S.ELIGIBLE, S.IN_REVIEW):
        return
    plan = DECISIONS[index]
    amount = 0
    if plan["outcome"] == Outcome.GRANTED:
        requested = application.amount_requested or 200_000
        amount = max(1, int(Decimal(requested) * plan["share"]) // 1000 * 1000)
    services.decision_make(
        application=application,
        actor=manager,
        outcome=plan["outcome"],
        amount=amount,
        conditions=plan.get("conditions", ""),
        reasons=plan.get("reasons", ""),
        site_url=SITE_URL,
    )


def _plan_payments(application: Application, manager: User, account: str) -> None:
    if application.payments.exists() or application.status not in (S.GRANTED, S.IN_PROGRESS):
        return
    decision = application.decision
    total = 0
    for milestone in application.milestones.filter(amount__gt=0).order_by("due_date", "pk"):
        amount = min(milestone.amount, decision.amount - total)
        if amount <= 0:
            break
        services.payment_add(
            application=application,
            actor=manager,
            amount=amount,
            due_date=milestone.due_date,
            project_account=account,
            milestone=milestone,
        )
        total += amount
    if total < decision.amount:
        year_end = datetime.date(timezone.localdate().year, 12, 15)
        services.payment_add(
            application=application,
            actor=manager,
            amount=decision.amount - total,
            due_date=year_end,
            project_account=account,
        )


def _follow_completed(application: Application, manager: User) -> None:
    """The first project: paid, a progress report and a final report with indicators,
    all approved."""
    applicant = _applicant(application)
    if applicant is None:
        return
    _plan_payments(application, manager, "Prosjekt 71024")
    first = application.payments.filter(paid_at__isnull=True).order_by("due_date").first()
    if first is not None and application.status == S.GRANTED:
        services.payment_mark_paid(payment=first, actor=manager)
    application.refresh_from_db()
    today = timezone.localdate()
    progress = application.reports.filter(kind=ReportKind.PROGRESS).first()
    if progress is None and application.status == S.IN_PROGRESS:
        progress = services.report_require(
            application=application,
            actor=manager,
            kind=ReportKind.PROGRESS,
            due_date=today - datetime.timedelta(days=20),
        )
    if progress is not None and not progress.submitted_at:
        services.report_submit(
            report=progress,
            actor=applicant,
            text="Tjenesten og entreprenøren har hatt fire arbeidsmøter og kartlagt behovet "
            "sammen med brukerne. Utprøvingen startet i tre bydeler.",
            indicators=[
                services.IndicatorInput(
                    name="Deltakere i utprøvingen",
                    target=Decimal(40),
                    value=Decimal(18),
                    unit="personer",
                ),
            ],
        )
        progress.refresh_from_db()
    if progress is not None and not progress.approved_at:
        services.report_approve(report=progress, actor=manager)
    for payment in application.payments.filter(paid_at__isnull=True):
        services.payment_mark_paid(payment=payment, actor=manager)
    application.refresh_from_db()
    final = application.reports.filter(kind=ReportKind.FINAL).first()
    if final is None and application.status == S.IN_PROGRESS:
        final = services.report_require(
            application=application, actor=manager, kind=ReportKind.FINAL, due_date=today
        )
    if final is not None and not final.submitted_at:
        services.report_submit(
            report=final,
            actor=applicant,
            text="Prosjektet er avsluttet. Tiltaket videreføres i ordinær drift i to bydeler, "
            "og erfaringene er delt med de andre tjenestene i kommunen.",
            results_summary="Utprøvingen nådde flere deltakere enn planlagt, og tiltaket "
            "videreføres i ordinær drift i to bydeler.",
            indicators=[
                services.IndicatorInput(
                    name="Deltakere i utprøvingen",
                    target=Decimal(40),
                    value=Decimal(46),
                    unit="personer",
                ),
                services.IndicatorInput(
                    name="Deltakere i arbeid eller utdanning etter seks måneder",
                    target=Decimal(10),
                    value=Decimal(12),
                    unit="personer",
                ),
                services.IndicatorInput(
                    name="Bydeler som viderefører tiltaket",
                    target=Decimal(1),
                    value=Decimal(2),
                    unit="bydeler",
                ),
            ],
        )
        final.refresh_from_db()
    if final is not None and final.submitted_at and not final.approved_at:
        services.report_approve(report=final, actor=manager)


def _follow_running(application: Application, manager: User) -> None:
    """The second project: a payment plan and a progress report the applicant still owes."""
    _plan_payments(application, manager, "Prosjekt 71025")
    if application.status == S.GRANTED and not application.reports.exists():
        services.report_require(
            application=application,
            actor=manager,
            kind=ReportKind.PROGRESS,
            due_date=timezone.localdate() + datetime.timedelta(days=14),
        )


@transaction.atomic
def load() -> None:
    """Assesses and decides the fund demo's closed call (idempotent)."""
    manager = _user(MANAGER_EMAIL)
    reviewers = [user for user in map(_user, REVIEWER_EMAILS) if user is not None]
    if manager is None or not reviewers:
        return
    call = _closed_call(manager)
    if call is None:
        return
    applications = list(call.applications.exclude(status__in=(S.DRAFT, S.WITHDRAWN)).order_by("pk"))
    for index, application in enumerate(applications):
        if application.status == S.SUBMITTED:
            eligible = index < len(DECISIONS)
            services.application_screen(
                application=application,
                actor=manager,
                eligible=eligible,
                note="" if eligible else INELIGIBLE_NOTE,
            )
        if index >= len(DECISIONS):
            continue
        _assess(application, index, manager, reviewers)
        _decide(application, index, manager)
    granted = [
        application
        for application in applications
        if application.status in (S.GRANTED, S.IN_PROGRESS, S.COMPLETED)
    ]
    if granted:
        _follow_completed(granted[0], manager)
    if len(granted) > 1:
        _follow_running(granted[1], manager)
