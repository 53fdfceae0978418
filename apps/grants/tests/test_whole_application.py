"""Issue 12, item 1: those who judge an application see all of it (budget lines with totals and
co-funding, milestones, partners, attachments to open, eligibility answers) beside the
scoring form, and an assigned reviewer may open the attachments through the fund's
permission-checked download view."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from apps.fund.models import Attachment, BudgetLine, EligibilityAnswer
from apps.fund.tests.factories import (
    BudgetLineFactory,
    QuestionFactory,
    RequiredAttachmentFactory,
    tiny_pdf,
)

from .factories import MilestoneFactory


@pytest.fixture
def whole(world):
    """The application in review, filled in as an applicant would."""
    application = world.application
    BudgetLineFactory(application=application, amount=300_000, source=BudgetLine.Source.FUND)
    BudgetLineFactory(
        application=application,
        amount=100_000,
        source=BudgetLine.Source.COFUNDING,
        cost_type=BudgetLine.CostType.EQUIPMENT,
    )
    MilestoneFactory(application=application, title="Pilot i bydelen")
    question = QuestionFactory(call=world.call, text="Er tiltaket rettet mot unge voksne?")
    EligibilityAnswer.objects.create(application=application, question=question, answer="yes")
    attachment = Attachment.objects.create(
        application=application,
        required=RequiredAttachmentFactory(call=world.call, name="Prosjektplan"),
        file=ContentFile(tiny_pdf(), name="plan.pdf"),
        original_name="prosjektplan-2027.pdf",
        size=len(tiny_pdf()),
    )
    return attachment


def _download(attachment) -> str:
    return reverse(
        "fund:attachment-download",
        kwargs={"pk": attachment.application_id, "attachment": attachment.pk},
    )


def _assert_whole(body: str, attachment) -> None:
    assert "300\u00a0000" in body  # the fund's budget line
    assert "100\u00a0000" in body  # co-funding line and total
    assert "400\u00a0000" in body  # total budget
    assert "25.0 %" in body  # share co-funded
    assert "Pilot i bydelen" in body  # milestone
    assert "Bydelshuset" in body  # partner
    assert "Er tiltaket rettet mot unge voksne?" in body and ">Yes<" in body
    assert "prosjektplan-2027.pdf" in body and "(Prosjektplan)" in body
    assert _download(attachment) in body


def test_reviewer_page_shows_budget_plan_and_answers_beside_the_scoring_form(as_user, world, whole):
    client = as_user(world.people["reviewer"])
    response = client.get(reverse("grants:review", args=[world.assignment.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    _assert_whole(body, whole)
    # One screen: the application column and the scoring form share the two-column layout.
    layout = body.index('class="grants-judge"')
    assert layout < body.index('id="application-heading"') < body.index('id="score-form"')


def test_manager_page_shows_the_whole_application(as_user, world, whole):
    client = as_user(world.people["manager"])
    response = client.get(reverse("grants:application", args=[world.application.pk]))
    assert response.status_code == 200
    _assert_whole(response.content.decode(), whole)


ALLOWED = ("applicant", "manager", "reviewer")
DENIED = ("conflicted", "unassigned", "other_manager", "other_member", "superuser")


@pytest.mark.parametrize("role", ALLOWED)
def test_attachment_opens_for(role, as_user, world, whole):
    client = as_user(world.people[role])
    response = client.get(_download(whole))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == tiny_pdf()
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("role", DENIED)
def test_attachment_is_refused_to(role, as_user, world, whole):
    client = as_user(world.people[role])
    assert client.get(_download(whole)).status_code == 404


def test_attachment_needs_a_login(client, world, whole):
    response = client.get(_download(whole))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/")


def test_reviewer_loses_the_attachment_after_declaring_a_conflict(as_user, world, whole):
    client = as_user(world.people["reviewer"])
    assert client.get(_download(whole)).status_code == 200
    world.assignment.conflict_declared = True
    world.assignment.save(update_fields=["conflict_declared"])
    assert client.get(_download(whole)).status_code == 404


def test_assigned_reviewer_without_the_role_is_refused(as_user, world, whole):
    """An assignment outlives a withdrawn reviewer role; the file does not."""
    reviewer = world.people["reviewer"]
    reviewer.memberships.filter(organisation=world.fund.organisation).delete()
    client = as_user(reviewer)
    assert client.get(_download(whole)).status_code == 404


def test_reviewer_needs_the_second_factor_for_the_attachment(client, world, whole):
    client.force_login(world.people["reviewer"])
    response = client.get(_download(whole))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor"))
