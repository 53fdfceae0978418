"""The scheduler's daily job for report reminders: running it twice sends nothing twice."""

import datetime

import pytest
from django.utils import timezone

from apps.grants.tasks import send_report_reminders

from .factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_the_daily_job_reminds_each_applicant_once_however_often_it_runs(world, mails):
    ReportFactory(
        application=world.granted, due_date=timezone.localdate() + datetime.timedelta(days=7)
    )
    with mails.capture():
        first = send_report_reminders.call()
    with mails.capture():
        second = send_report_reminders.call()
    assert first >= 1
    assert second == 0
    assert len(mails.outbox) == first
    sent = [(message.to[0], message.subject) for message in mails.outbox]
    assert len(sent) == len(set(sent))
    assert world.people["applicant"].email in {to for to, _subject in sent}
