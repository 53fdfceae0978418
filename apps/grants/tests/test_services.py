"""Every transition the grants app drives, its refusals, audit events and emails."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from apps.core.models import AuditEvent
from apps.fund.models import ApplicationStatus as S
from apps.fund.models import StatusChange
from apps.grants import services
from apps.grants.models import Decision, Outcome, Payment, Report, ReviewerAssignment, Score

from .factories import ApplicationFactory, MilestoneFactory, ReportFactory


def _status(application):
    application.refresh_from_db()
    return application.status


def _last_change(application):
    return StatusChange.objects.filter(application=application).order_by("-pk").first()


class TestScreening:
    def test_eligible(self, world, mails):
        application = ApplicationFactory(call=world.call, organisation=world.applicant_org)
        manager = world.people["manager"]
        with mails.capture():
            services.application_screen(application=application, actor=manager, eligible=True)
        assert _status(application) == S.ELIGIBLE
        change = _last_change(application)
        assert (change.from_status, change.to_status, change.actor) == (
            S.SUBMITTED,
            S.ELIGIBLE,
            manager,
        )
        assert AuditEvent.objects.filter(action="fund.eligible", actor=manager).exists()
        assert mails.outbox == []

    def test_ineligible_needs_a_note_and_tells_the_applicant(self, world, mails):
        application = ApplicationFactory(call=world.call, organisation=world.applicant_org)
        manager = world.people["manager"]
        with pytest.raises(ValidationError):
            services.application_screen(application=application, actor=manager, eligible=False)
        assert _status(application) == S.SUBMITTED
        with mails.capture():
            services.application_screen(
                application=application,
                actor=manager,
                eligible=False,
                note="Søker er ikke kommunal",
            )
        assert _status(application) == S.INELIGIBLE
        assert _last_change(application).note == "Søker er ikke kommunal"
        assert [mail.to for mail in mails.outbox] == [[world.people["applicant"].email]]
        assert "Søker er ikke kommunal" in mails.outbox[0].body

    def test_only_submitted_applications_are_screened(self, world):
        with pytest.raises(ValidationError):
            services.application_screen(
                application=world.application, actor=world.people["manager"], eligible=True
            )
        assert _status(world.application) == S.IN_REVIEW

    @pytest.mark.parametrize("role", ["other_manager", "reviewer", "applicant"])
    def test_others_cannot_screen(self, world, role):
        application = ApplicationFactory(call=world.call)
        with pytest.raises(PermissionDenied):
            services.application_screen(
                application=application, actor=world.people[role], eligible=True
            )
        assert _status(application) == S.SUBMITTED


class TestAssignment:
    def test_first_assignment_starts_the_review_and_tells_the_reviewer(self, world, mails):
        application = ApplicationFactory(call=world.call, status=S.ELIGIBLE)
        reviewer = world.people["unassigned"]
        with mails.capture():
            assignment = services.reviewer_assign(
                application=application,
                reviewer=reviewer,
                actor=world.people["manager"],
                site_url="https://kokeboka.example",
            )
        assert _status(application) == S.IN_REVIEW
        assert assignment.assigned_by == world.people["manager"]
        assert AuditEvent.objects.filter(action="grants.assign").exists()
        assert mails.outbox[0].to == [reviewer.email]
        assert f"https://kokeboka.example/fond/vurdering/{assignment.pk}/" in mails.outbox[0].body
        services.reviewer_assign(
            application=application,
            reviewer=world.people["reviewer"],
            actor=world.people["manager"],
        )
        assert _status(application) == S.IN_REVIEW
        assert StatusChange.objects.filter(application=application).count() == 1

    def test_refusals(self, world):
        manager = world.people["manager"]
        with pytest.raises(ValidationError):  # already assigned
            services.reviewer_assign(
                application=world.application, reviewer=world.people["reviewer"], actor=manager
            )
        with pytest.raises(ValidationError):  # not a reviewer of the fund
            services.reviewer_assign(
                application=world.application, reviewer=world.people["other_member"], actor=manager
            )
        submitted = ApplicationFactory(call=world.call)
        with pytest.raises(ValidationError):  # not screened
            services.reviewer_assign(
                application=submitted, reviewer=world.people["unassigned"], actor=manager
            )
        with pytest.raises(PermissionDenied):
            services.reviewer_assign(
                application=world.application,
                reviewer=world.people["unassigned"],
                actor=world.people["other_manager"],
            )

    def test_a_member_of_the_applicant_cannot_review_it(self, world):
        from apps.accounts.models import Membership, MembershipRole

        person = world.people["unassigned"]
        Membership.objects.create(
            user=person, organisation=world.applicant_org, role=MembershipRole.MEMBER
        )
        with pytest.raises(ValidationError):
            services.reviewer_assign(
                application=world.application, reviewer=person, actor=world.people["manager"]
            )


class TestScoring:
    def test_save_then_complete(self, world):
        reviewer = world.people["reviewer"]
        first, second = world.criteria
        services.scores_save(
            assignment=world.assignment,
            actor=reviewer,
            scores=[services.ScoreInput(criterion_id=first.pk, score=5, comment="God")],
            complete=False,
        )
        assert Score.objects.get(assignment=world.assignment, criterion=first).score == 5
        with pytest.raises(ValidationError):
            services.scores_save(
                assignment=world.assignment,
                actor=reviewer,
                scores=[services.ScoreInput(criterion_id=first.pk, score=5)],
                complete=True,
            )
        services.scores_save(
            assignment=world.assignment,
            actor=reviewer,
            scores=[
                services.ScoreInput(criterion_id=first.pk, score=5),
                services.ScoreInput(criterion_id=second.pk, score=2),
            ],
            complete=True,
        )
        world.assignment.refresh_from_db()
        assert world.assignment.completed_at is not None
        assert AuditEvent.objects.filter(action="grants.score", actor=reviewer).count() == 2

    def test_score_out_of_range_is_refused(self, world):
        with pytest.raises(ValidationError):
            services.scores_save(
                assignment=world.assignment,
                actor=world.people["reviewer"],
                scores=[services.ScoreInput(criterion_id=world.criteria[0].pk, score=6)],
                complete=False,
            )

    @pytest.mark.parametrize("role", ["manager", "unassigned", "superuser", "conflicted"])
    def test_only_the_assigned_reviewer_scores(self, world, role):
        with pytest.raises(PermissionDenied):
            services.scores_save(
                assignment=world.assignment,
                actor=world.people[role],
                scores=[services.ScoreInput(criterion_id=world.criteria[0].pk, score=1)],
                complete=False,
            )

    def test_conflict_excludes_the_reviewer_and_removes_scores(self, world):
        reviewer = world.people["reviewer"]
        with pytest.raises(ValidationError):
            services.conflict_declare(assignment=world.assignment, actor=reviewer, note=" ")
        services.conflict_declare(
            assignment=world.assignment, actor=reviewer, note="Nær venn av prosjektlederen"
        )
        assignment = ReviewerAssignment.objects.get(pk=world.assignment.pk)
        assert assignment.conflict_declared and assignment.conflict_declared_at
        assert not assignment.scores.exists()
        assert AuditEvent.objects.filter(action="grants.conflict").exists()
        with pytest.raises(PermissionDenied):
            services.scores_save(
                assignment=assignment,
                actor=reviewer,
                scores=[services.ScoreInput(criterion_id=world.criteria[0].pk, score=1)],
                complete=False,
            )

    def test_no_scoring_once_decided(self, world):
        world.application.status = S.GRANTED
        world.application.save()
        with pytest.raises(PermissionDenied):
            services.scores_save(
                assignment=world.assignment,
                actor=world.people["reviewer"],
                scores=[],
                complete=False,
            )


class TestDecision:
    def test_grant_after_review(self, world, mails):
        manager = world.people["manager"]
        with mails.capture():
            decision = services.decision_make(
                application=world.application,
                actor=manager,
                outcome=Outcome.GRANTED,
                amount=350_000,
                conditions="Sluttrapport innen ett år",
                site_url="https://kokeboka.example",
            )
        assert _status(world.application) == S.GRANTED
        assert decision.decided_by == manager and decision.decided_at
        assert AuditEvent.objects.filter(action="grants.decide").exists()
        assert AuditEvent.objects.filter(action="fund.granted").exists()
        assert [mail.to for mail in mails.outbox] == [[world.people["applicant"].email]]
        body = mails.outbox[0].body
        assert (
            f"https://kokeboka.example/fond/prosjekter/{world.application.pk}/vedtaksbrev.pdf"
            in body
        )

    def test_no_mail_when_the_transaction_rolls_back(self, world, mails):
        from django.db import transaction

        with mails.capture(), pytest.raises(RuntimeError), transaction.atomic():
            services.decision_make(
                application=world.application,
                actor=world.people["manager"],
                outcome=Outcome.REJECTED,
                reasons="Svak forankring",
            )
            raise RuntimeError
        assert mails.outbox == []
        assert not Decision.objects.filter(application=world.application).exists()

    def test_rolling_call_decided_without_reviewers(self, world):
        application = ApplicationFactory(call=world.call, status=S.ELIGIBLE)
        services.decision_make(
            application=application,
            actor=world.people["manager"],
            outcome=Outcome.REJECTED,
            reasons="Utenfor formålet",
        )
        assert _status(application) == S.REJECTED
        assert Decision.objects.get(application=application).amount == 0

    def test_refusals(self, world):
        manager = world.people["manager"]
        with pytest.raises(ValidationError):
            services.decision_make(
                application=world.application, actor=manager, outcome=Outcome.GRANTED, amount=0
            )
        with pytest.raises(ValidationError):
            services.decision_make(
                application=world.application,
                actor=manager,
                outcome=Outcome.GRANTED,
                amount=world.application.amount_requested + 1,
            )
        with pytest.raises(ValidationError):
            services.decision_make(
                application=world.application, actor=manager, outcome=Outcome.REJECTED
            )
        with pytest.raises(ValidationError):  # not screened yet
            services.decision_make(
                application=ApplicationFactory(call=world.call),
                actor=manager,
                outcome=Outcome.REJECTED,
                reasons="x",
            )
        with pytest.raises(ValidationError):  # already decided
            services.decision_make(
                application=world.granted, actor=manager, outcome=Outcome.REJECTED, reasons="x"
            )
        for role in ("other_manager", "reviewer", "applicant"):
            with pytest.raises(PermissionDenied):
                services.decision_make(
                    application=world.application,
                    actor=world.people[role],
                    outcome=Outcome.REJECTED,
                    reasons="x",
                )
        assert _status(world.application) == S.IN_REVIEW


class TestFollowUp:
    def test_payment_plan_and_first_payment_starts_the_project(self, world):
        manager = world.people["manager"]
        MilestoneFactory(application=world.granted, amount=150_000)
        created = services.payment_plan_from_milestones(
            application=world.granted, actor=manager, project_account="P-1"
        )
        assert [payment.amount for payment in created] == [150_000]  # the first has one already
        with pytest.raises(ValidationError):  # 100 + 150 + 60 > 300 thousand
            services.payment_add(
                application=world.granted,
                actor=manager,
                amount=60_000,
                due_date=datetime.date(2027, 6, 1),
                project_account="P-1",
            )
        services.payment_mark_paid(payment=world.payment, actor=manager)
        assert _status(world.granted) == S.IN_PROGRESS
        assert _last_change(world.granted).note
        with pytest.raises(ValidationError):
            services.payment_mark_paid(payment=world.payment, actor=manager)
        services.payment_mark_paid(payment=created[0], actor=manager)
        assert _status(world.granted) == S.IN_PROGRESS
        assert AuditEvent.objects.filter(action="grants.pay").count() == 2
        assert Payment.objects.filter(paid_at__isnull=False).count() == 2

    def test_payment_milestone_of_another_application_is_refused(self, world):
        other = MilestoneFactory()
        with pytest.raises(ValidationError):
            services.payment_add(
                application=world.granted,
                actor=world.people["manager"],
                amount=1,
                due_date=datetime.date(2027, 1, 1),
                project_account="P",
                milestone=other,
            )

    @pytest.mark.parametrize("role", ["other_manager", "applicant", "reviewer"])
    def test_only_managers_pay(self, world, role):
        with pytest.raises(PermissionDenied):
            services.payment_mark_paid(payment=world.payment, actor=world.people[role])

    def test_reports_through_to_completion(self, world):
        manager, applicant = world.people["manager"], world.people["applicant"]
        services.report_submit(
            report=world.report,
            actor=applicant,
            text="Vi har startet opp.",
            indicators=[
                services.IndicatorInput(name="Deltakere", target=40, value=12, unit="personer"),
                services.IndicatorInput(name=""),
            ],
        )
        assert _status(world.granted) == S.IN_PROGRESS  # reporting starts the project
        report = Report.objects.get(pk=world.report.pk)
        assert [i.name for i in report.indicators.all()] == ["Deltakere"]
        services.report_approve(report=report, actor=manager)
        assert _status(world.granted) == S.IN_PROGRESS  # a progress report does not end it
        final = services.report_require(
            application=world.granted,
            actor=manager,
            kind=Report.Kind.FINAL,
            due_date=datetime.date(2027, 12, 1),
        )
        with pytest.raises(ValidationError):
            services.report_require(
                application=world.granted,
                actor=manager,
                kind=Report.Kind.FINAL,
                due_date=datetime.date(2027, 12, 1),
            )
        with pytest.raises(ValidationError):  # not submitted
            services.report_approve(report=final, actor=manager)
        with pytest.raises(ValidationError):  # a final report needs a public summary
            services.report_submit(report=final, actor=applicant, text="Ferdig")
        services.report_submit(
            report=final, actor=applicant, text="Ferdig", results_summary="40 deltok."
        )
        with pytest.raises(PermissionDenied):
            services.report_approve(report=final, actor=world.people["other_manager"])
        services.report_approve(report=final, actor=manager)
        assert _status(world.granted) == S.COMPLETED
        assert _last_change(world.granted).to_status == S.COMPLETED
        with pytest.raises(PermissionDenied):  # the project is completed
            services.report_submit(
                report=final, actor=applicant, text="Endret", results_summary="x"
            )
        for action in ("grants.report_require", "grants.report_submit", "grants.report_approve"):
            assert AuditEvent.objects.filter(action=action).exists()

    @pytest.mark.parametrize("role", ["other_member", "manager", "reviewer"])
    def test_only_applicants_write_reports(self, world, role):
        with pytest.raises(PermissionDenied):
            services.report_submit(report=world.report, actor=world.people[role], text="x")


class TestReminders:
    def test_once_per_report_and_day(self, world, mails):
        due = timezone.localdate() + datetime.timedelta(days=7)
        report = ReportFactory(application=world.granted, due_date=due)
        today = due - datetime.timedelta(days=7)
        with mails.capture():
            assert services.reminders_send(today=today) == 1
            assert services.reminders_send(today=today) == 0
        assert len(mails.outbox) == 1
        assert mails.outbox[0].to == [world.people["applicant"].email]
        with mails.capture():
            assert services.reminders_send(today=today + datetime.timedelta(days=1)) == 0
            assert services.reminders_send(today=due) == 1  # due today
            assert services.reminders_send(today=due + datetime.timedelta(days=7)) == 1
        report.submitted_at = timezone.now()
        report.save()
        assert services.reminders_send(today=due + datetime.timedelta(days=14)) == 0

    def test_command_is_idempotent(self, world, mails):
        from io import StringIO

        from django.core.management import call_command

        due = world.report.due_date
        day = (due - datetime.timedelta(days=14)).isoformat()
        out = StringIO()
        with mails.capture():
            call_command("grants_send_reminders", "--date", day, stdout=out)
            call_command("grants_send_reminders", "--date", day, stdout=out)
        assert len(mails.outbox) == 1
        assert "1 reminder(s)" in out.getvalue() and "0 reminder(s)" in out.getvalue()
        assert world.report.reminders.count() == 1
