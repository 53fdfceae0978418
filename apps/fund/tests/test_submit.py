import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.accounts.models import OrganisationType
from apps.fund.models import Application, ApplicationPartner, EligibilityAnswer, StatusChange
from apps.fund.services import (
    SubmissionRefused,
    application_submit,
    attachment_add,
    submission_problems,
)
from apps.fund.tests.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CallFactory,
    OrganisationFactory,
    QuestionFactory,
    RequiredAttachmentFactory,
    complete,
    member_of,
    tiny_pdf,
)

OSLO = ZoneInfo("Europe/Oslo")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def oslo(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=OSLO)


def test_complete_application_has_no_problems():
    application = complete(ApplicationFactory())
    assert submission_problems(application=application) == []


def test_empty_texts_and_budget_each_get_a_message():
    application = ApplicationFactory(summary="", description=" ", need_text="")
    problems = submission_problems(application=application)
    assert "Fill in the summary." in problems
    assert "Fill in the project description." in problems
    assert "Fill in the need addressed." in problems
    assert "Add at least one budget line applied for from the fund." in problems


@pytest.mark.parametrize(
    ("fund", "cofunding", "fragment"),
    [
        (40_000, 10_000, "below the minimum"),
        (600_000, 200_000, "above the maximum"),
        (200_000, 49_000, "Co-funding is 19,7 %"),
    ],
)
def test_amount_and_cofunding_rules(fund, cofunding, fragment):
    application = complete(ApplicationFactory(), fund=fund, cofunding=cofunding)
    problems = submission_problems(application=application)
    assert len(problems) == 1
    assert fragment in problems[0]


def test_boundaries_are_accepted():
    low = complete(ApplicationFactory(), fund=50_000, cofunding=12_500)  # exactly 20 %
    high = complete(ApplicationFactory(), fund=500_000, cofunding=125_000)
    assert submission_problems(application=low) == []
    assert submission_problems(application=high) == []


def test_no_cofunding_rule_when_zero_percent():
    application = ApplicationFactory(call=CallFactory(cofunding_percent=0))
    BudgetLineFactory(application=application, amount=100_000)
    assert submission_problems(application=application) == []


def test_partner_requirement():
    call = CallFactory(partner_requirement="municipal_and_entrepreneur")
    application = complete(ApplicationFactory(call=call))  # applicant: the kommune
    assert any("social entrepreneur" in p for p in submission_problems(application=application))
    ApplicationPartner.objects.create(application=application, name="Dugnad AS", kind="other")
    assert submission_problems(application=application)
    entrepreneur = OrganisationFactory(type=OrganisationType.SOSIAL_ENTREPRENOR)
    ApplicationPartner.objects.create(
        application=application, name=entrepreneur.name, organisation=entrepreneur
    )
    assert submission_problems(application=application) == []


def test_partner_requirement_by_declared_kind():
    call = CallFactory(partner_requirement="municipal_and_entrepreneur")
    application = complete(ApplicationFactory(call=call))
    ApplicationPartner.objects.create(
        application=application, name="Kjør for livet", kind="social_entrepreneur"
    )
    assert submission_problems(application=application) == []


def test_required_attachments_and_eligibility_answers():
    application = complete(ApplicationFactory())
    required = RequiredAttachmentFactory(call=application.call, name="Prosjektplan")
    question = QuestionFactory(call=application.call, text="Er tjenesten kommunal?")
    problems = submission_problems(application=application)
    assert "Attach the required document «Prosjektplan»." in problems
    assert "Answer the eligibility question «Er tjenesten kommunal?»." in problems
    attachment_add(
        application=application,
        actor=None,
        upload=SimpleUploadedFile("p.pdf", tiny_pdf()),
        required=required,
    )
    EligibilityAnswer.objects.create(application=application, question=question, answer="no")
    problems = submission_problems(application=application)
    assert problems == [
        "Your answer to «Er tjenesten kommunal?» means the project cannot receive money "
        "from this call."
    ]
    EligibilityAnswer.objects.filter(question=question).update(answer="yes")
    assert submission_problems(application=application) == []


def test_submit_moves_to_submitted_and_mails_after_commit(mails):
    application = complete(ApplicationFactory())
    actor = member_of(application.organisation)
    with mails.capture() as callbacks:
        application_submit(application=application, actor=actor)
        assert not mails.outbox  # nothing is sent before the commit
    assert callbacks
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.submitted_at is not None
    assert StatusChange.objects.get().actor == actor
    recipients = sorted(m.to[0] for m in mails.outbox)
    assert recipients == sorted({actor.email, application.created_by.email})
    body = mails.outbox[0].body
    assert application.title in body
    assert f"/fond/soknader/{application.pk}/kvittering.pdf" in body


def test_refused_submission_sends_nothing(mails):
    application = ApplicationFactory()
    with mails.capture(), pytest.raises(SubmissionRefused):
        application_submit(application=application, actor=None)
    assert not mails.outbox
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_cannot_submit_twice():
    application = complete(ApplicationFactory())
    application_submit(application=application, actor=None)
    with pytest.raises(SubmissionRefused) as error:
        application_submit(application=application, actor=None)
    assert error.value.messages == ["The application has already been submitted."]


# --- Deadlines in Norwegian time -----------------------------------------------------------


def _at_deadline(deadline):
    call = CallFactory(opens_at=deadline - datetime.timedelta(days=60), deadline=deadline)
    return complete(ApplicationFactory(call=call))


@pytest.mark.parametrize(
    ("now", "accepted"),
    [
        (oslo(2027, 3, 31, 23, 0), True),
        (oslo(2027, 3, 31, 23, 59, 0), True),
        (oslo(2027, 3, 31, 23, 59, 59, 999999), True),
        (oslo(2027, 4, 1, 0, 0, 0), False),
        (oslo(2027, 4, 1, 0, 0, 1), False),
        # 21:59 UTC is 23:59 in Oslo (summer time from 28 March 2027)
        (datetime.datetime(2027, 3, 31, 21, 59, 30, tzinfo=datetime.UTC), True),
        (datetime.datetime(2027, 3, 31, 22, 0, tzinfo=datetime.UTC), False),
        (datetime.datetime(2027, 3, 31, 22, 30, tzinfo=datetime.UTC), False),
    ],
)
def test_deadline_at_midnight_oslo(now, accepted):
    application = _at_deadline(oslo(2027, 3, 31, 23, 59))
    problems = submission_problems(application=application, now=now)
    assert (problems == []) is accepted
    if not accepted:
        assert problems == ["The deadline for this call has passed."]
        with pytest.raises(SubmissionRefused):
            application_submit(application=application, actor=None, now=now)


@pytest.mark.parametrize(
    ("deadline", "utc_ok", "utc_late"),
    [
        # Spring forward: 28 March 2027 02:00 -> 03:00. Noon is 10:00 UTC (CEST), not 11:00.
        (oslo(2027, 3, 28, 12, 0), (2027, 3, 28, 10, 0, 59), (2027, 3, 28, 10, 1)),
        # A deadline just after the jump: 03:00 CEST is 01:00 UTC.
        (oslo(2027, 3, 28, 3, 0), (2027, 3, 28, 1, 0, 30), (2027, 3, 28, 1, 1)),
        # Fall back: 31 October 2027 03:00 -> 02:00. Noon is 11:00 UTC (CET), not 10:00.
        (oslo(2027, 10, 31, 12, 0), (2027, 10, 31, 11, 0, 30), (2027, 10, 31, 11, 1)),
        # Midnight the night after the change: 23:59 CET is 22:59 UTC.
        (oslo(2027, 10, 31, 23, 59), (2027, 10, 31, 22, 59, 59), (2027, 10, 31, 23, 0)),
    ],
)
def test_deadline_across_daylight_saving_changes(deadline, utc_ok, utc_late):
    application = _at_deadline(deadline)
    ok = datetime.datetime(*utc_ok, tzinfo=datetime.UTC)
    late = datetime.datetime(*utc_late, tzinfo=datetime.UTC)
    assert submission_problems(application=application, now=ok) == []
    assert submission_problems(application=application, now=late) == [
        "The deadline for this call has passed."
    ]
    assert application.call.is_open(ok) and not application.call.is_open(late)


def test_open_calls_query_agrees_with_is_open():
    from apps.fund.models import Call

    deadline = oslo(2027, 3, 31, 23, 59)
    call = CallFactory(opens_at=oslo(2027, 1, 1, 0, 0), deadline=deadline)
    for now in (oslo(2027, 3, 31, 23, 59, 59), oslo(2027, 4, 1, 0, 0), oslo(2026, 12, 31, 23, 59)):
        assert (call in Call.objects.open_at(now)) is call.is_open(now)


def test_rolling_call_never_closes():
    call = CallFactory(deadline=None)
    far = timezone.now() + datetime.timedelta(days=3650)
    assert call.is_open(far)
    assert not call.is_closed(far)
