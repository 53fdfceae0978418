import datetime
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import EditorFactory, OrganisationFactory
from apps.fund.models import ApplicationStatus

from .factories import (
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    DecisionFactory,
    FundFactory,
    MilestoneFactory,
    PartnerFactory,
    PaymentFactory,
    ReportFactory,
    ScoreFactory,
    member,
)


@pytest.fixture
def english(client):
    """UI strings in English, so assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def mails(mailoutbox, django_capture_on_commit_callbacks):
    """Runs the on-commit mail tasks of the test's writes; the outbox collects the mail."""

    class Mails:
        outbox = mailoutbox

        def capture(self):
            return django_capture_on_commit_callbacks(execute=True)

    return Mails()


@dataclass
class World:
    fund: object
    other_fund: object
    call: object
    criteria: list
    applicant_org: object
    application: object  # in review, two assignments (one conflicted)
    granted: object  # granted, with a payment and a report
    assignment: object
    conflicted_assignment: object
    payment: object
    report: object
    people: dict


@pytest.fixture
def world(db) -> World:
    fund = FundFactory()
    other_fund = FundFactory()
    call = CallFactory(fund=fund)
    criteria = [
        CriterionFactory(call=call, name="Nytte for innbyggerne", weight=3),
        CriterionFactory(call=call, name="Gjennomførbarhet", weight=1),
    ]
    applicant_org = OrganisationFactory(name="Gode hender AS")
    people = {
        "applicant": member(applicant_org),
        "other_member": member(OrganisationFactory()),
        "manager": member(fund.organisation, MembershipRole.FUND_MANAGER),
        "other_manager": member(other_fund.organisation, MembershipRole.FUND_MANAGER),
        "reviewer": member(fund.organisation, MembershipRole.REVIEWER, first_name="Rita"),
        "conflicted": member(fund.organisation, MembershipRole.REVIEWER, first_name="Kari"),
        "unassigned": member(fund.organisation, MembershipRole.REVIEWER),
        "superuser": EditorFactory(),
    }
    application = ApplicationFactory(
        call=call, organisation=applicant_org, status=ApplicationStatus.IN_REVIEW
    )
    PartnerFactory(application=application, name="Bydelshuset")
    assignment = AssignmentFactory(application=application, reviewer=people["reviewer"])
    conflicted = AssignmentFactory(
        application=application,
        reviewer=people["conflicted"],
        conflict_declared=True,
        conflict_note="Styremedlem hos søkeren",
    )
    ScoreFactory(assignment=assignment, criterion=criteria[0], score=4, comment="Sterk")
    granted = ApplicationFactory(
        call=call,
        organisation=applicant_org,
        status=ApplicationStatus.GRANTED,
        title="Innvilget prosjekt",
    )
    DecisionFactory(application=granted, amount=300_000, decided_by=people["manager"])
    milestone = MilestoneFactory(application=granted, amount=100_000)
    payment = PaymentFactory(application=granted, milestone=milestone, amount=100_000)
    report = ReportFactory(
        application=granted,
        due_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    return World(
        fund=fund,
        other_fund=other_fund,
        call=call,
        criteria=criteria,
        applicant_org=applicant_org,
        application=application,
        granted=granted,
        assignment=assignment,
        conflicted_assignment=conflicted,
        payment=payment,
        report=report,
        people=people,
    )


@pytest.fixture
def as_user(client, verified_login):
    """Logs in with a session verified by the second factor, as managers and reviewers must
    (test_second_factor.py checks what a password-only session gets)."""

    def login(user):
        verified_login(client, user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login
