"""Issue 12, item 1: the applicant's edit, submit and list pages show the case reference
(YYYY-NNNN), and every mail about an application carries it at
the start of the subject, where a long title cannot push it out, so applicants, reviewers and
managers can quote and file it: the receipt, the screening refusal, the reviewer's assignment,
the decision and the report reminder."""

import pytest
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import OrganisationFactory
from apps.fund import services
from apps.fund.models import ApplicationStatus
from apps.fund.tests.factories import ApplicationFactory, complete, member_of
from apps.grants import services as grants
from apps.grants.models import Outcome
from apps.grants.tests.factories import ApplicationFactory as SubmittedFactory
from apps.grants.tests.factories import CallFactory as ClosedCallFactory
from apps.grants.tests.factories import ReportFactory, member

pytestmark = pytest.mark.django_db


def _subjects(mails, to: str) -> list[str]:
    return [message.subject for message in mails.outbox if to in message.to]


def test_receipt_subject_starts_with_the_reference(mails):
    draft = complete(ApplicationFactory(title="Kantina & kafeen"))
    applicant = member_of(draft.organisation)
    with mails.capture():
        services.application_submit(application=draft, actor=applicant)
    [subject] = _subjects(mails, applicant.email)
    assert subject == (f"[{draft.reference}] Kvittering: søknaden «Kantina & kafeen» er sendt inn")


@pytest.fixture
def assessed(db):
    call = ClosedCallFactory()
    applicant_org = OrganisationFactory()
    applicant = member(applicant_org)
    application = SubmittedFactory(call=call, organisation=applicant_org, title="Lærlinger")
    manager = member(call.fund.organisation, MembershipRole.FUND_MANAGER)
    reviewer = member(call.fund.organisation, MembershipRole.REVIEWER)
    return application, applicant, manager, reviewer


def test_screening_refusal_subject_starts_with_the_reference(mails, assessed):
    application, applicant, manager, _reviewer = assessed
    with mails.capture():
        grants.application_screen(
            application=application, actor=manager, eligible=False, note="Utenfor formålet."
        )
    [subject] = _subjects(mails, applicant.email)
    assert subject.startswith(f"[{application.reference}] ")
    assert "Lærlinger" in subject


def test_assignment_and_decision_subjects_start_with_the_reference(mails, assessed):
    application, applicant, manager, reviewer = assessed
    with mails.capture():
        grants.application_screen(application=application, actor=manager, eligible=True)
        grants.reviewer_assign(application=application, reviewer=reviewer, actor=manager)
    [assigned] = _subjects(mails, reviewer.email)
    assert assigned.startswith(f"[{application.reference}] ")
    application.refresh_from_db()
    with mails.capture():
        grants.decision_make(
            application=application, actor=manager, outcome=Outcome.GRANTED, amount=300_000
        )
    [decided] = _subjects(mails, applicant.email)
    assert decided.startswith(f"[{application.reference}] ")
    assert "Lærlinger" in decided


def test_report_reminder_subject_starts_with_the_reference(mails, assessed):
    application, applicant, _manager, _reviewer = assessed
    application.status = ApplicationStatus.IN_PROGRESS
    application.created_by = applicant
    application.save()
    today = timezone.localdate()
    ReportFactory(application=application, due_date=today)  # due today: reminded
    with mails.capture():
        assert grants.reminders_send(today=today) == 1
    subjects = _subjects(mails, applicant.email)
    assert subjects
    assert all(s.startswith(f"[{application.reference}] ") for s in subjects)


@pytest.mark.parametrize("page", ["", "send/"], ids=["edit", "submit"])
def test_applicant_edit_and_submit_pages_show_the_reference(client, page):
    draft = ApplicationFactory()
    client.force_login(member_of(draft.organisation))
    response = client.get(f"/fond/soknader/{draft.pk}/{page}")
    assert response.status_code == 200
    assert f"Referanse {draft.reference}" in response.content.decode()
    list_page = client.get("/fond/soknader/").content.decode()
    assert f"Referanse {draft.reference}" in list_page


def test_receipt_pdf_is_named_after_the_reference(client):
    draft = complete(ApplicationFactory())
    applicant = member_of(draft.organisation)
    services.application_submit(application=draft, actor=applicant)
    client.force_login(applicant)
    response = client.get(f"/fond/soknader/{draft.pk}/kvittering.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'inline; filename="soknad-{draft.reference}.pdf"'
