"""The daily report reminder (a fund's deadline) is written in each applicant's own
language (issue 18): the scheduled job has no request to take a language from."""

import datetime

import pytest
from django.utils import timezone, translation

from apps.grants.tasks import send_report_reminders

from .factories import ReportFactory, member

pytestmark = pytest.mark.django_db


def test_each_applicant_gets_the_report_reminder_in_their_language_over_smtp(
    world, smtp_server, django_capture_on_commit_callbacks
):
    nynorsk = world.people["applicant"]
    nynorsk.language = "nn"
    nynorsk.save(update_fields=["language"])
    english = member(world.applicant_org, language="en")
    ReportFactory(
        application=world.granted, due_date=timezone.localdate() + datetime.timedelta(days=7)
    )
    with translation.override("nb"), django_capture_on_commit_callbacks(execute=True):
        assert send_report_reminders.call() >= 1

    received = smtp_server.to(nynorsk.email)
    assert len(received) == 1
    assert str(received[0].message["Subject"]).strip().split("] ", 1)[1].startswith("Påminning: ")
    body = received[0].part("text/plain")
    assert "skal leverast om 7 dagar." in body

    received = smtp_server.to(english.email)
    assert len(received) == 1
    assert str(received[0].message["Subject"]).strip().split("] ", 1)[1].startswith("Reminder: ")
    assert "is due in 7 days." in received[0].part("text/plain")
