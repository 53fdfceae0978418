"""Writes of assessment and follow-up. Each checks who is acting, changes application
status only through apps.fund's application_transition, and leaves an audit event."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Membership, User
from apps.accounts.services import email_queue
from apps.core.mail import in_language_of
from apps.core.services import audit_record
from apps.core.transitions import TransitionNotAllowed
from apps.fund.models import Application, ApplicationStatus, Call, Milestone
from apps.fund.services import application_transition

from . import permissions
from .models import (
    AssessmentSettings,
    Decision,
    Outcome,
    OutcomeIndicator,
    Payment,
    ReminderSent,
    Report,
    ReportKind,
    ReviewerAssignment,
    Score,
)
from .reminders import look_ahead, reminder_kind
from .scoring import SCORE_MAX, SCORE_MIN

S = ApplicationStatus


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _move(*, application: Application, to_status: str, actor, note: str = "") -> Application:
    """application_transition, with a refused move as a validation error for the form."""
    try:
        return application_transition(
            application=application, to_status=to_status, actor=actor, note=note
        )
    except TransitionNotAllowed as error:
        raise ValidationError(
            _("The application cannot go from «%(from)s» to «%(to)s».")
            % {"from": S(error.from_status).label, "to": S(error.to_status).label}
        ) from error


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path


def applicant_emails(application: Application) -> list[str]:
    """Who hears about the application: members and admins of the applicant organisation."""
    emails = set(
        Membership.objects.filter(
            organisation_id=application.organisation_id,
            role__in=permissions.APPLICANT_ROLES,
            user__is_active=True,
        ).values_list("user__email", flat=True)
    )
    if application.created_by_id and application.created_by.is_active:
        emails.add(application.created_by.email)
    return sorted(emails)


def settings_for(call: Call) -> AssessmentSettings:
    found, _created = AssessmentSettings.objects.get_or_create(call=call)
    return found


# Screening ------------------------------------------------------------------------------


def application_screen(
    *, application: Application, actor: User, eligible: bool, note: str = ""
) -> Application:
    """Marks a submitted application eligible or not eligible. A rejection at screening
    needs a note, which the applicant is told."""
    _require(permissions.can_manage(actor, application))
    note = note.strip()
    if not eligible and not note:
        raise ValidationError(_("Say why the application is not eligible."))
    to_status = S.ELIGIBLE if eligible else S.INELIGIBLE
    with transaction.atomic():
        application = _move(application=application, to_status=to_status, actor=actor, note=note)
        if not eligible:
            for email in applicant_emails(application):
                with in_language_of(email=email):
                    body = render_to_string(
                        "grants/email/ineligible.txt", {"application": application, "note": note}
                    )
                    subject = f"[{application.reference}] " + _(
                        "Your application was not eligible: %(title)s"
                    ) % {"title": application.title}
                email_queue(to=email, subject=subject, body=body)
    return application


# Reviewers ------------------------------------------------------------------------------


def reviewer_assign(
    *, application: Application, reviewer: User, actor: User, site_url: str = ""
) -> ReviewerAssignment:
    """Assigns a reviewer of the fund's organisation. The first assignment moves an
    eligible application into review."""
    _require(permissions.can_manage(actor, application))
    if application.status not in (S.ELIGIBLE, S.IN_REVIEW):
        raise ValidationError(_("Reviewers can only be assigned to eligible applications."))
    if not permissions.is_reviewer_of(reviewer, application.call.fund):
        raise ValidationError(_("This person is not a reviewer for the fund."))
    if permissions.is_applicant(reviewer, application):
        raise ValidationError(
            _("This person belongs to the applicant organisation and cannot review it.")
        )
    with transaction.atomic():
        if ReviewerAssignment.objects.filter(application=application, reviewer=reviewer).exists():
            raise ValidationError(_("This reviewer is already assigned."))
        assignment = ReviewerAssignment.objects.create(
            application=application, reviewer=reviewer, assigned_by=actor
        )
        if application.status == S.ELIGIBLE:
            _move(application=application, to_status=S.IN_REVIEW, actor=actor)
        audit_record(
            actor=actor,
            action="grants.assign",
            obj=assignment,
            data={"application": application.pk, "reviewer": reviewer.pk},
        )
        with in_language_of(reviewer):
            body = render_to_string(
                "grants/email/assigned.txt",
                {
                    "application": application,
                    "url": _absolute(site_url, reverse("grants:review", args=[assignment.pk])),
                },
            )
            subject = f"[{application.reference}] " + _("New application to review: %(title)s") % {
                "title": application.title
            }
        email_queue(to=reviewer.email, subject=subject, body=body)
    return assignment


def conflict_declare(*, assignment: ReviewerAssignment, actor: User, note: str) -> None:
    """The reviewer declares a conflict of interest and is excluded from the application:
    any scores they gave are removed and no longer count."""
    _require(permissions.can_review(actor, assignment))
    note = note.strip()
    if not note:
        raise ValidationError(_("Describe the conflict of interest."))
    with transaction.atomic():
        locked = ReviewerAssignment.objects.select_for_update().get(pk=assignment.pk)
        if locked.conflict_declared:
            raise PermissionDenied
        locked.conflict_declared = True
        locked.conflict_note = note
        locked.conflict_declared_at = timezone.now()
        locked.completed_at = None
        locked.save(
            update_fields=[
                "conflict_declared",
                "conflict_note",
                "conflict_declared_at",
                "completed_at",
            ]
        )
        removed, _rows = locked.scores.all().delete()
        audit_record(
            actor=actor,
            action="grants.conflict",
            obj=locked,
            data={"application": locked.application_id, "scores_removed": removed},
        )
    assignment.conflict_declared = True
    assignment.conflict_note = note


@dataclass(frozen=True)
class ScoreInput:
    criterion_id: int
    score: int | None
    comment: str = ""


def scores_save(
    *, assignment: ReviewerAssignment, actor: User, scores: list[ScoreInput], complete: bool
) -> ReviewerAssignment:
    """Saves the reviewer's scores (0–5) per criterion. With `complete`, every criterion
    must be scored and the review counts as done."""
    _require(permissions.can_score(actor, assignment))
    criteria = {criterion.pk: criterion for criterion in assignment.application.call.criteria.all()}
    given = {item.criterion_id: item for item in scores if item.criterion_id in criteria}
    for item in given.values():
        if item.score is not None and not SCORE_MIN <= item.score <= SCORE_MAX:
            raise ValidationError(_("A score is a whole number from 0 to 5."))
    if complete and any(given.get(pk) is None or given[pk].score is None for pk in criteria):
        raise ValidationError(_("Score every criterion before you mark the review as done."))
    with transaction.atomic():
        locked = ReviewerAssignment.objects.select_for_update().get(pk=assignment.pk)
        if locked.conflict_declared:
            raise PermissionDenied
        for pk, item in given.items():
            if item.score is None:
                Score.objects.filter(assignment=locked, criterion_id=pk).delete()
                continue
            Score.objects.update_or_create(
                assignment=locked,
                criterion_id=pk,
                defaults={"score": item.score, "comment": item.comment.strip()},
            )
        locked.completed_at = timezone.now() if complete else None
        locked.save(update_fields=["completed_at"])
        audit_record(
            actor=actor,
            action="grants.score",
            obj=locked,
            data={
                "application": locked.application_id,
                "scores": {str(pk): item.score for pk, item in given.items()},
                "complete": complete,
            },
        )
    assignment.completed_at = locked.completed_at
    return assignment


def scores_sharing_set(*, call: Call, actor: User, shared: bool) -> AssessmentSettings:
    """Lets the call's reviewers see each other's scores (or hides them again)."""
    _require(permissions.is_manager(actor, call.fund))
    with transaction.atomic():
        found = settings_for(call)
        found.scores_shared = shared
        found.updated_by = actor
        found.save(update_fields=["scores_shared", "updated_by", "updated_at"])
        audit_record(actor=actor, action="grants.share_scores", obj=call, data={"shared": shared})
    return found


# Decision -------------------------------------------------------------------------------


def decision_make(
    *,
    application: Application,
    actor: User,
    outcome: str,
    amount: int = 0,
    conditions: str = "",
    reasons: str = "",
    site_url: str = "",
) -> Decision:
    """Grants (with an amount and conditions) or rejects (with reasons) an eligible or
    reviewed application, and tells the applicant, with a link to the decision letter."""
    _require(permissions.can_manage(actor, application))
    if application.status not in (S.ELIGIBLE, S.IN_REVIEW):
        raise ValidationError(_("Only eligible applications can be decided."))
    if outcome == Outcome.GRANTED:
        if amount <= 0:
            raise ValidationError(_("Give the amount granted."))
        if application.amount_requested and amount > application.amount_requested:
            raise ValidationError(_("The amount granted cannot exceed the amount applied for."))
    elif outcome == Outcome.REJECTED:
        if not reasons.strip():
            raise ValidationError(_("Give the reasons for the rejection."))
        amount = 0
    else:
        raise ValidationError(_("Choose granted or rejected."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                decision = Decision.objects.create(
                    application=application,
                    outcome=outcome,
                    amount=amount,
                    conditions=conditions.strip() if outcome == Outcome.GRANTED else "",
                    reasons=reasons.strip(),
                    decided_by=actor,
                    decided_at=timezone.now(),
                )
        except IntegrityError as error:
            raise ValidationError(_("This application has already been decided.")) from error
        _move(
            application=application,
            to_status=S.GRANTED if outcome == Outcome.GRANTED else S.REJECTED,
            actor=actor,
            note=reasons.strip() or conditions.strip(),
        )
        audit_record(
            actor=actor,
            action="grants.decide",
            obj=decision,
            data={"application": application.pk, "outcome": outcome, "amount": amount},
        )
        context = {
            "application": application,
            "decision": decision,
            "project_url": _absolute(site_url, reverse("grants:project", args=[application.pk])),
            "letter_url": _absolute(site_url, reverse("grants:letter", args=[application.pk])),
        }
        for email in applicant_emails(application):
            with in_language_of(email=email):
                body = render_to_string("grants/email/decision.txt", context)
                subject = f"[{application.reference}] " + _(
                    "Decision on your application: %(title)s"
                ) % {"title": application.title}
            email_queue(to=email, subject=subject, body=body)
    return decision


# Payments -------------------------------------------------------------------------------


def _granted_amount(application: Application) -> int:
    decision = Decision.objects.filter(application=application, outcome=Outcome.GRANTED).first()
    return decision.amount if decision else 0


def _check_follow_up(actor: User, application: Application) -> None:
    _require(permissions.can_manage(actor, application))
    if application.status not in permissions.FOLLOW_UP:
        raise ValidationError(_("The project is not running."))


def payment_add(
    *,
    application: Application,
    actor: User,
    amount: int,
    due_date: datetime.date,
    project_account: str,
    milestone: Milestone | None = None,
) -> Payment:
    """Plans a payment, optionally tied to one of the application's milestones. The
    payments together may not exceed the amount granted."""
    _check_follow_up(actor, application)
    if milestone is not None and milestone.application_id != application.pk:
        raise ValidationError(_("The milestone belongs to another application."))
    if amount <= 0:
        raise ValidationError(_("The amount must be more than zero."))
    if not project_account.strip():
        raise ValidationError(_("Give the project number the money is paid to."))
    with transaction.atomic():
        Application.objects.select_for_update().get(pk=application.pk)
        planned = (
            Payment.objects.filter(application=application).aggregate(total=Sum("amount"))["total"]
            or 0
        )
        if planned + amount > _granted_amount(application):
            raise ValidationError(_("The payments would exceed the amount granted."))
        payment = Payment.objects.create(
            application=application,
            milestone=milestone,
            amount=amount,
            due_date=due_date,
            project_account=project_account.strip(),
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="grants.payment_plan",
            obj=payment,
            data={"application": application.pk, "amount": amount},
        )
    return payment


@transaction.atomic
def payment_plan_from_milestones(
    *, application: Application, actor: User, project_account: str
) -> list[Payment]:
    """One payment per milestone that carries an amount and has none yet, due on the
    milestone's date."""
    created = []
    for milestone in application.milestones.filter(amount__gt=0, payments__isnull=True):
        created.append(
            payment_add(
                application=application,
                actor=actor,
                amount=milestone.amount,
                due_date=milestone.due_date,
                project_account=project_account,
                milestone=milestone,
            )
        )
    return created


def payment_mark_paid(*, payment: Payment, actor: User) -> Payment:
    """Records that the money went out; the first payment starts the project."""
    application = payment.application
    _check_follow_up(actor, application)
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.paid_at is not None:
            raise ValidationError(_("This payment is already marked as paid."))
        locked.paid_at = timezone.now()
        locked.paid_by = actor
        locked.save(update_fields=["paid_at", "paid_by"])
        if application.status == S.GRANTED:
            _move(
                application=application,
                to_status=S.IN_PROGRESS,
                actor=actor,
                note=_("First payment"),
            )
        audit_record(
            actor=actor,
            action="grants.pay",
            obj=locked,
            data={"application": application.pk, "amount": locked.amount},
        )
    payment.paid_at, payment.paid_by = locked.paid_at, actor
    return payment


# Reports --------------------------------------------------------------------------------


def report_require(
    *, application: Application, actor: User, kind: str, due_date: datetime.date
) -> Report:
    """Asks the applicant for a progress or final report by a date (one final report)."""
    _check_follow_up(actor, application)
    if kind not in ReportKind.values:
        raise ValidationError(_("Choose a kind of report."))
    if kind == ReportKind.FINAL and application.reports.filter(kind=ReportKind.FINAL).exists():
        raise ValidationError(_("The project already has a final report."))
    with transaction.atomic():
        report = Report.objects.create(application=application, kind=kind, due_date=due_date)
        audit_record(
            actor=actor,
            action="grants.report_require",
            obj=report,
            data={"application": application.pk, "kind": kind, "due": due_date.isoformat()},
        )
    return report


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    target: Decimal | None = None
    value: Decimal | None = None
    unit: str = ""


def report_submit(
    *,
    report: Report,
    actor: User,
    text: str,
    results_summary: str = "",
    indicators: list[IndicatorInput] = (),
) -> Report:
    """The applicant sends the report with its outcome indicators (and may send it again
    until it is approved). Reporting means the project has started."""
    application = report.application
    _require(permissions.can_write_report(actor, application))
    if not text.strip():
        raise ValidationError(_("Write the report."))
    if report.kind == ReportKind.FINAL and not results_summary.strip():
        raise ValidationError(_("Summarise the results for the public list."))
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.approved_at is not None:
            raise ValidationError(_("The report is already approved."))
        locked.text = text.strip()
        locked.results_summary = results_summary.strip()
        locked.submitted_at = timezone.now()
        locked.submitted_by = actor
        locked.save(update_fields=["text", "results_summary", "submitted_at", "submitted_by"])
        locked.indicators.all().delete()
        OutcomeIndicator.objects.bulk_create(
            OutcomeIndicator(
                report=locked,
                name=item.name.strip(),
                target=item.target,
                value=item.value,
                unit=item.unit.strip(),
                order=number,
            )
            for number, item in enumerate(indicators)
            if item.name.strip()
        )
        if application.status == S.GRANTED:
            _move(
                application=application,
                to_status=S.IN_PROGRESS,
                actor=actor,
                note=_("Project started"),
            )
        audit_record(
            actor=actor,
            action="grants.report_submit",
            obj=locked,
            data={"application": application.pk, "kind": locked.kind},
        )
    return locked


def report_approve(*, report: Report, actor: User) -> Report:
    """The manager approves a submitted report; an approved final report completes the
    project."""
    application = report.application
    _check_follow_up(actor, application)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.submitted_at is None:
            raise ValidationError(_("The report has not been submitted."))
        if locked.approved_at is not None:
            raise ValidationError(_("The report is already approved."))
        if locked.kind == ReportKind.FINAL and application.status != S.IN_PROGRESS:
            raise ValidationError(_("The project has not started."))
        locked.approved_at = timezone.now()
        locked.approved_by = actor
        locked.save(update_fields=["approved_at", "approved_by"])
        if locked.kind == ReportKind.FINAL:
            _move(
                application=application,
                to_status=S.COMPLETED,
                actor=actor,
                note=_("Final report approved"),
            )
        audit_record(
            actor=actor,
            action="grants.report_approve",
            obj=locked,
            data={"application": application.pk, "kind": locked.kind},
        )
    return locked


# Reminders ------------------------------------------------------------------------------


def reminders_send(*, today: datetime.date, site_url: str = "") -> int:
    """Emails the applicant about reports that are soon due or overdue. At most one
    reminder per report and day, however often this runs. Returns reminders sent."""
    sent = 0
    reports = (
        Report.objects.filter(
            submitted_at__isnull=True,
            due_date__lte=look_ahead(today=today),
            application__status__in=permissions.FOLLOW_UP,
        )
        .exclude(reminders__sent_on=today)
        .select_related("application", "application__created_by")
        .order_by("pk")
    )
    for report in reports:
        kind = reminder_kind(due_date=report.due_date, today=today)
        if kind is None:
            continue
        with transaction.atomic():
            reminder, created = ReminderSent.objects.get_or_create(
                report=report, sent_on=today, defaults={"kind": kind}
            )
            if not created:
                continue
            recipients = applicant_emails(report.application)
            context = {
                "report": report,
                "application": report.application,
                "kind": kind,
                "days": abs((report.due_date - today).days),
                "url": _absolute(
                    site_url, reverse("grants:report", args=[report.application_id, report.pk])
                ),
            }
            for email in recipients:
                # A scheduled job: no request language, so each applicant's own.
                with in_language_of(email=email):
                    body = render_to_string("grants/email/reminder.txt", context)
                    reminder_of = _("Reminder: %(kind)s for %(title)s") % {
                        "kind": report.get_kind_display().lower(),
                        "title": report.application.title,
                    }
                    subject = f"[{report.application.reference}] {reminder_of}"
                email_queue(to=email, subject=subject, body=body)
            reminder.recipients = len(recipients)
            reminder.save(update_fields=["recipients"])
            audit_record(
                actor=None,
                action="grants.reminder",
                obj=report,
                data={"kind": str(kind), "on": today.isoformat(), "recipients": len(recipients)},
            )
        sent += 1
    return sent
