import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.broker.tests.factories import NeedFactory, municipality_org
from apps.fund.forms import ApplicationForm
from apps.fund.models import Application, Call
from apps.fund.services import (
    ApplicationLocked,
    StaleVersion,
    application_save,
    application_transition,
    attachment_add,
    attachment_delete,
)
from apps.fund.tests.factories import ApplicationFactory, OrganisationFactory, complete, tiny_pdf

pytestmark = pytest.mark.django_db


def save(application, *, version, summary="ny", budget=()):
    return application_save(
        application=application,
        actor=None,
        version=version,
        fields={"summary": summary},
        partners=[],
        budget_lines=list(budget),
        milestones=[],
        answers={},
    )


def test_two_editors_on_the_same_version_the_second_is_refused():
    application = ApplicationFactory()
    first = Application.objects.get(pk=application.pk)
    second = Application.objects.get(pk=application.pk)
    save(first, version=1, summary="Karis tekst")
    with pytest.raises(StaleVersion) as error:
        save(second, version=1, summary="Olas tekst")
    assert error.value.current.summary == "Karis tekst"
    application.refresh_from_db()
    assert (application.summary, application.version) == ("Karis tekst", 2)


def test_amount_requested_is_computed_from_fund_lines():
    application = ApplicationFactory()
    saved = save(
        application,
        version=1,
        budget=[
            {"cost_type": "personnel", "year": 2027, "amount": 120_000, "source": "fund"},
            {"cost_type": "travel", "year": 2028, "amount": 30_000, "source": "fund"},
            {"cost_type": "other", "year": 2027, "amount": 50_000, "source": "cofunding"},
        ],
    )
    assert saved.amount_requested == 150_000
    assert saved.budget_lines.count() == 3


def test_nothing_can_be_changed_after_submission():
    application = complete(ApplicationFactory())
    attachment = attachment_add(
        application=application, actor=None, upload=SimpleUploadedFile("a.pdf", tiny_pdf())
    )
    application_transition(application=application, to_status="submitted", actor=None)
    with pytest.raises(ApplicationLocked):
        save(application, version=1)
    with pytest.raises(ApplicationLocked):
        attachment_add(
            application=application, actor=None, upload=SimpleUploadedFile("b.pdf", tiny_pdf())
        )
    with pytest.raises(ApplicationLocked):
        attachment_delete(attachment=attachment, actor=None)
    application.refresh_from_db()
    assert application.summary == "Kort om prosjektet." and application.attachments.count() == 1


def test_nothing_can_be_changed_after_the_deadline():
    application = ApplicationFactory()
    deadline = application.call.deadline
    just_after = deadline.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    with pytest.raises(ApplicationLocked):
        application_save(
            application=application,
            actor=None,
            version=1,
            fields={"summary": "sent"},
            partners=[],
            budget_lines=[],
            milestones=[],
            answers={},
            now=just_after,
        )
    saved = save(application, version=1)  # now is before the deadline
    assert saved.version == 2


def test_a_closed_call_locks_drafts_everywhere():
    application = ApplicationFactory()
    Call.objects.filter(pk=application.call_id).update(
        deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    application.refresh_from_db()
    with pytest.raises(ApplicationLocked):
        save(application, version=1)


def test_need_must_belong_to_the_applicant():
    application = ApplicationFactory()
    own = NeedFactory(organisation=application.organisation)
    other = NeedFactory(organisation=municipality_org("5001"))
    assert other.organisation != application.organisation
    base = {"app-version": 1, "app-title": "T"}
    form = ApplicationForm(
        {**base, "app-need": own.pk}, prefix="app", organisation=application.organisation
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["need"] == own
    form = ApplicationForm(
        {**base, "app-need": other.pk}, prefix="app", organisation=application.organisation
    )
    assert not form.is_valid()
    assert "need" in form.errors
    stranger = OrganisationFactory()
    form = ApplicationForm({**base, "app-need": own.pk}, prefix="app", organisation=stranger)
    assert not form.is_valid()
