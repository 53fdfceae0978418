"""Demo content for the grants app: runs after the fund demo and assesses its closed call.

Every step goes through the services with the demo people as actors, so the demo leaves
the same status changes and audit events as real use. Idempotent: each step checks
whether it has been done. The scores, comments, decisions and reports are data in
content/demo/grants/assessment.yaml (read by apps.grants.demo_files)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import Membership, MembershipRole, User
from apps.fund.demo import MANAGER_EMAIL, REVIEWER_EMAILS
from apps.fund.models import Application, ApplicationStatus, Call

from . import services
from .demo_files import Assessment, Indicator, read_demo_content
from .models import Outcome, ReportKind, ReviewerAssignment

S = ApplicationStatus

SITE_URL = ""


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


def _indicators(items: list[Indicator]) -> list[services.IndicatorInput]:
    return [
        services.IndicatorInput(name=i.name, target=i.target, value=i.value, unit=i.unit)
        for i in items
    ]


def _assess(
    application: Application,
    index: int,
    manager: User,
    reviewers: list[User],
    plan: Assessment,
) -> None:
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
        conflict = plan.conflict
        if (index, number) == (conflict.application - 1, conflict.reviewer - 1):
            services.conflict_declare(assignment=assignment, actor=reviewer, note=conflict.note)
            continue
        if not criteria or application.status != S.IN_REVIEW:
            continue
        given = plan.scores[index % len(plan.scores)][number]
        services.scores_save(
            assignment=assignment,
            actor=reviewer,
            scores=[
                services.ScoreInput(
                    criterion_id=criterion.pk,
                    score=given[place % len(given)],
                    comment=plan.comments[(index + place) % len(plan.comments)]
                    if place == 0
                    else "",
                )
                for place, criterion in enumerate(criteria)
            ],
            complete=True,
        )


def _decide(application: Application, index: int, manager: User, plan: Assessment) -> None:
    if application.status not in (S.ELIGIBLE, S.IN_REVIEW):
        return
    decision = plan.decisions[index]
    amount = 0
    if decision.outcome == Outcome.GRANTED:
        requested = application.amount_requested or 200_000
        amount = max(1, int(Decimal(requested) * decision.share) // 1000 * 1000)
    services.decision_make(
        application=application,
        actor=manager,
        outcome=decision.outcome,
        amount=amount,
        conditions=decision.conditions,
        reasons=decision.reasons,
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


def _follow_completed(application: Application, manager: User, plan: Assessment) -> None:
    """The first project: paid, a progress report and a final report with indicators,
    all approved."""
    applicant = _applicant(application)
    if applicant is None:
        return
    follow = plan.completed
    _plan_payments(application, manager, follow.project_account)
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
            due_date=today + datetime.timedelta(days=follow.progress_report.due_days),
        )
    if progress is not None and not progress.submitted_at:
        services.report_submit(
            report=progress,
            actor=applicant,
            text=follow.progress_report.text,
            indicators=_indicators(follow.progress_report.indicators),
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
            text=follow.final_report.text,
            results_summary=follow.final_report.results_summary,
            indicators=_indicators(follow.final_report.indicators),
        )
        final.refresh_from_db()
    if final is not None and final.submitted_at and not final.approved_at:
        services.report_approve(report=final, actor=manager)


def _follow_running(application: Application, manager: User, plan: Assessment) -> None:
    """The second project: a payment plan and a progress report the applicant still owes."""
    follow = plan.running
    _plan_payments(application, manager, follow.project_account)
    if application.status == S.GRANTED and not application.reports.exists():
        services.report_require(
            application=application,
            actor=manager,
            kind=ReportKind.PROGRESS,
            due_date=timezone.localdate()
            + datetime.timedelta(days=follow.progress_report.due_days),
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
    plan = read_demo_content()
    applications = list(call.applications.exclude(status__in=(S.DRAFT, S.WITHDRAWN)).order_by("pk"))
    for index, application in enumerate(applications):
        if application.status == S.SUBMITTED:
            eligible = index < len(plan.decisions)
            services.application_screen(
                application=application,
                actor=manager,
                eligible=eligible,
                note="" if eligible else plan.ineligible_note,
            )
        if index >= len(plan.decisions):
            continue
        _assess(application, index, manager, reviewers, plan)
        _decide(application, index, manager, plan)
    granted = [
        application
        for application in applications
        if application.status in (S.GRANTED, S.IN_PROGRESS, S.COMPLETED)
    ]
    if granted:
        _follow_completed(granted[0], manager, plan)
    if len(granted) > 1:
        _follow_running(granted[1], manager, plan)
