"""The grants demo on top of a call shaped like the fund demo's closed call."""

import datetime

from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, UserFactory
from apps.fund.models import ApplicationStatus as S
from apps.grants import demo
from apps.grants.models import Decision, Payment, Report, ReviewerAssignment

from .factories import ApplicationFactory, CallFactory, CriterionFactory, MilestoneFactory


def _fund_demo_state():
    call = CallFactory(deadline=timezone.now() - datetime.timedelta(days=30))
    org = call.fund.organisation
    MembershipFactory(
        organisation=org,
        role=MembershipRole.FUND_MANAGER,
        user=UserFactory(email=demo.MANAGER_EMAIL),
    )
    for email in demo.REVIEWER_EMAILS:
        MembershipFactory(
            organisation=org, role=MembershipRole.REVIEWER, user=UserFactory(email=email)
        )
    applicant = MembershipFactory(
        organisation=org, user=UserFactory(email="soker@demo.kokeboka.no")
    ).user
    CriterionFactory(call=call, weight=3)
    CriterionFactory(call=call, weight=2)
    applications = [
        ApplicationFactory(
            call=call, organisation=org, created_by=applicant, amount_requested=400_000
        )
        for _ in range(5)
    ]
    MilestoneFactory(application=applications[0], amount=150_000)
    MilestoneFactory(application=applications[0], amount=250_000)
    return call, applications


def _snapshot():
    return (
        ReviewerAssignment.objects.count(),
        Decision.objects.count(),
        Payment.objects.count(),
        Report.objects.count(),
    )


def test_demo_assesses_decides_and_follows_up_and_runs_twice(db):
    call, applications = _fund_demo_state()
    demo.load()
    first = _snapshot()
    demo.load()
    assert _snapshot() == first
    statuses = []
    for application in applications:
        application.refresh_from_db()
        statuses.append(application.status)
    assert statuses == [S.COMPLETED, S.GRANTED, S.GRANTED, S.REJECTED, S.INELIGIBLE]
    assert ReviewerAssignment.objects.filter(conflict_declared=True).count() == 1
    done = applications[0]
    assert done.payments.filter(paid_at__isnull=False).count() == 2
    final = done.reports.get(kind="final")
    assert final.approved_at and final.indicators.count() == 3
    running = applications[1]
    assert running.reports.filter(kind="progress", submitted_at__isnull=True).exists()
    assert running.payments.exists()


def test_demo_without_the_fund_demo_does_nothing(db):
    demo.load()
    assert _snapshot() == (0, 0, 0, 0)
