"""The law watch: what editors must check, in the admin and in a weekly email."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.rules import selectors, services
from apps.rules.services import EDITORS_GROUP_NAME

from .factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 12, 7)  # a Monday
URL = "/admin/lovvakt/"


@pytest.fixture
def rows():
    return {
        "fine": ThresholdFactory(
            key="eea_works", amount=57_800_000, valid_from=D(2025, 3, 14), checked_on=D(2026, 1, 1)
        ),
        "unverified": LegalRuleFactory(code="uverifisert", verified=False),
        "overdue": LegalRuleFactory(code="forfalt", review_by=D(2026, 12, 6)),
        "due_today": LegalRuleFactory(code="forfaller-i-dag", review_by=TODAY),
        "ending": ThresholdFactory(
            key="eea_health_social", valid_from=D(2025, 1, 1), valid_to=D(2027, 6, 1)
        ),
        "ended": ThresholdFactory(
            key="protocol", valid_from=D(2020, 1, 1), valid_to=D(2026, 12, 6)
        ),
        "ending_later": ThresholdFactory(
            key="eea_special", valid_from=D(2025, 1, 1), valid_to=D(2027, 6, 10)
        ),
        "outdated": ThresholdFactory(key="national", valid_from=D(2018, 4, 6)),
    }


def test_the_watch_lists_exactly_the_rows_that_need_attention_and_why(rows):
    items = {item.row: item.reasons for item in selectors.law_watch(today=TODAY)}
    expected = {
        rows["unverified"]: ("unverified",),
        rows["overdue"]: ("review_overdue",),
        rows["ending"]: ("ending_soon",),
        rows["outdated"]: ("may_be_outdated",),
    }
    assert items == expected


def test_the_watch_takes_two_queries_whatever_the_number_of_rows(
    rows, django_assert_max_num_queries
):
    LegalRuleFactory.create_batch(10, verified=False)
    with django_assert_max_num_queries(2):
        assert len(selectors.law_watch(today=TODAY)) == 14


@pytest.fixture
def editor():
    user = UserFactory(email="redaktor@example.no")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    return user


def test_an_editor_sees_the_watch_with_links_to_each_row(client, rows, editor):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtailsnippets_rules_legalrule:edit", args=[rows["unverified"].pk]) in html
    assert reverse("wagtailsnippets_rules_threshold:edit", args=[rows["outdated"].pk]) in html
    assert reverse("wagtailsnippets_rules_threshold:edit", args=[rows["fine"].pk]) not in html
    assert URL in client.get("/admin/").content.decode()


def test_an_admin_user_without_the_rule_permission_is_refused(client, rows):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert URL not in client.get("/admin/").content.decode()


def test_a_visitor_is_sent_to_the_login(client, rows):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/")


def test_editors_get_the_watch_once_a_week(rows, editor):
    inactive = UserFactory(email="sluttet@example.no", is_active=False)
    inactive.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    UserFactory(email="ikke-redaktor@example.no")
    assert services.law_watch_email_send(today=TODAY) == 1
    assert services.law_watch_email_send(today=TODAY + datetime.timedelta(days=3)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktor@example.no"]
    assert rows["overdue"].citation in message.body
    assert "/admin/lovvakt/" in message.body
    # The next ISO week it goes out again.
    assert services.law_watch_email_send(today=TODAY + datetime.timedelta(days=7)) == 1


def test_no_mail_when_nothing_needs_attention(editor):
    ThresholdFactory(valid_from=D(2025, 6, 1))
    assert services.law_watch_email_send(today=TODAY) == 0
    assert mail.outbox == []


def test_a_failed_send_is_released_for_the_next_run(rows, editor, monkeypatch):
    from django.core.mail import EmailMessage

    def fail(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(EmailMessage, "send", fail)
    with pytest.raises(OSError):
        services.law_watch_email_send(today=TODAY)
    monkeypatch.undo()
    assert services.law_watch_email_send(today=TODAY) == 1


def test_the_scheduler_runs_the_watch_weekly():
    from apps.operations.schedule import job_named

    job = job_named("rules_send_law_watch")
    assert job.cron.endswith("MON")
    assert hasattr(job.get_task(), "enqueue")
