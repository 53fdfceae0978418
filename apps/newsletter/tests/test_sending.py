"""Issues: each subscriber's topics and language, delivery rows, retries, failures, resuming
after a crash without a second copy, scheduling, and the editors' admin screens."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.newsletter import services, tasks
from apps.newsletter.models import Delivery, Issue, Subscriber

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.NEWSLETTER_SEND_RATE = 0


def send(issue, capture):
    with capture(execute=True):
        assert tasks.issue_send_now(issue=issue)
    issue.refresh_from_db()
    return issue


def test_each_subscriber_gets_their_topics_in_their_language(django_capture_on_commit_callbacks):
    culture = SubscriberFactory(email="kultur@example.no", topics=["kultur_fritid"])
    everything = SubscriberFactory(email="alt@example.no", topics=[], language="en")
    nynorsk = SubscriberFactory(email="nn@example.no", topics=["helse_omsorg"], language="nn")
    SubscriberFactory(email="venter@example.no", status=Subscriber.Status.PENDING)
    SubscriberFactory(email="borte@example.no", status=Subscriber.Status.UNSUBSCRIBED)
    issue = send(IssueFactory(), django_capture_on_commit_callbacks)

    assert issue.status == Issue.Status.SENT
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["alt@example.no", "kultur@example.no", "nn@example.no"]
    text = by_address["kultur@example.no"].body
    assert "Lokal fritidsklubb" in text and "Blåbærsyltetøy" in text
    assert "Eldre som bor alene" not in text
    assert by_address["kultur@example.no"].subject == "Nytt fra Kokeboka: æøå i desember"
    assert by_address["alt@example.no"].subject == "News from Kokeboka in December"
    assert "Eldre som bor alene" in by_address["alt@example.no"].body
    # No Nynorsk version: the Bokmål one.
    assert by_address["nn@example.no"].subject == "Nytt fra Kokeboka: æøå i desember"
    html, mimetype = by_address["alt@example.no"].alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en">' in html
    assert "<img" not in html
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3
    assert set(Delivery.objects.values_list("subscriber_id", flat=True)) == {
        culture.pk,
        everything.pk,
        nynorsk.pk,
    }


def test_running_the_issue_task_again_sends_nothing_twice(django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(3)
    issue = send(IssueFactory(), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    tasks.send_issue.call(issue_id=issue.pk)
    batch = list(Delivery.objects.values_list("pk", flat=True))
    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=batch)
    assert len(mail.outbox) == 3


def test_batches_split_the_subscribers(settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_BATCH_SIZE = 2
    SubscriberFactory.create_batch(5)
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_send_now(issue=issue)
    assert len(mail.outbox) == 5
    from apps.operations.models import Delivery as Ledger

    assert Ledger.objects.filter(kind=tasks.BATCH_KIND).count() == 3


def test_a_row_left_sending_by_a_dead_worker_is_not_sent_again():
    first, second = SubscriberFactory.create_batch(2)
    issue = IssueFactory(status=Issue.Status.SENDING)
    services.create_deliveries(issue=issue)
    crashed = Delivery.objects.get(subscriber=first)
    Delivery.objects.filter(pk=crashed.pk).update(
        status=Delivery.Status.SENDING, claimed_at=timezone.now()
    )
    ids = list(Delivery.objects.values_list("pk", flat=True))
    outcome = tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    assert outcome["sent"] == 1
    assert [m.to for m in mail.outbox] == [[second.email]]
    crashed.refresh_from_db()
    assert crashed.status == Delivery.Status.INTERRUPTED
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


class FlakyBackend:
    """A mail backend that refuses chosen addresses with an SMTP error."""

    errors: dict = {}
    sent: list = []

    def __init__(self, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        for message in messages:
            error = self.errors.get(message.to[0])
            if error is not None:
                raise error
            self.sent.append(message)
        return len(messages)


def test_transient_errors_are_retried_with_backoff_and_permanent_ones_recorded(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    busy = SubscriberFactory(email="busy@example.no")
    gone = SubscriberFactory(email="gone@example.no")
    fine = SubscriberFactory(email="fine@example.no")
    FlakyBackend.sent = []
    FlakyBackend.errors = {
        busy.email: smtplib.SMTPRecipientsRefused({busy.email: (451, b"try later")}),
        gone.email: smtplib.SMTPRecipientsRefused({gone.email: (550, b"no such user")}),
    }
    issue = IssueFactory(status=Issue.Status.SENDING)
    services.create_deliveries(issue=issue)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    outcome = tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    assert outcome == {"sent": 1, "failed": 1, "retry": 1, "skipped": 0}
    retry = Delivery.objects.get(subscriber=busy)
    assert retry.status == Delivery.Status.RETRY
    assert retry.attempts == 1
    assert retry.next_attempt_at > timezone.now() + datetime.timedelta(seconds=20)
    failed = Delivery.objects.get(subscriber=gone)
    assert failed.status == Delivery.Status.FAILED
    assert "550" in failed.error
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING  # a retry is still due

    # Not due yet: nothing happens.
    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    assert [m.to[0] for m in FlakyBackend.sent] == [fine.email]
    # Due and the server answers: sent once, the issue is done.
    FlakyBackend.errors = {}
    Delivery.objects.filter(pk=retry.pk).update(next_attempt_at=timezone.now())
    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    assert sorted(m.to[0] for m in FlakyBackend.sent) == [busy.email, fine.email]
    retry.refresh_from_db()
    assert retry.status == Delivery.Status.SENT
    assert retry.attempts == 2
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_transient_error_fails_for_good_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    busy = SubscriberFactory(email="busy@example.no")
    FlakyBackend.sent = []
    FlakyBackend.errors = {busy.email: smtplib.SMTPServerDisconnected("gone")}
    issue = IssueFactory(status=Issue.Status.SENDING)
    services.create_deliveries(issue=issue)
    Delivery.objects.update(attempts=tasks.MAX_ATTEMPTS - 1, status=Delivery.Status.RETRY)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    row = Delivery.objects.get()
    assert row.status == Delivery.Status.FAILED
    assert row.attempts == tasks.MAX_ATTEMPTS


def test_who_unsubscribes_while_an_issue_is_sent_gets_nothing():
    leaving = SubscriberFactory()
    issue = IssueFactory(status=Issue.Status.SENDING)
    services.create_deliveries(issue=issue)
    services.unsubscribe(leaving)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    outcome = tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    assert outcome["skipped"] == 1
    assert mail.outbox == []


def test_the_scheduled_job_starts_due_issues_only(django_capture_on_commit_callbacks):
    from apps.operations.schedule import job_named

    SubscriberFactory()
    due = IssueFactory(title="due")
    later = IssueFactory(title="later")
    services.issue_schedule(issue=due, when=timezone.now() - datetime.timedelta(minutes=1))
    services.issue_schedule(issue=later, when=timezone.now() + datetime.timedelta(days=1))
    job = job_named("newsletter_send_due")
    with django_capture_on_commit_callbacks(execute=True):
        assert job.get_task().call() == 1
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == Issue.Status.SENT
    assert later.status == Issue.Status.SCHEDULED
    assert len(mail.outbox) == 1


def test_prefill_reads_what_was_published_since_the_last_issue(home_page):
    from apps.blog.tests.factories import BlogIndexPageFactory, BlogPostPageFactory

    index = BlogIndexPageFactory(parent=home_page)
    BlogPostPageFactory(
        parent=index, title="Nytt innlegg om samskaping", first_published_at=timezone.now()
    )
    old = IssueFactory(
        status=Issue.Status.SENT, sent_at=timezone.now() - datetime.timedelta(days=2)
    )
    issue = services.issue_prefill(issue=IssueFactory(items=[]))
    titles = [item["title"] for item in issue.items]
    assert "Nytt innlegg om samskaping" in titles
    assert all(item["url"].startswith("/") for item in issue.items)
    # After an issue sent now, nothing published before it comes again.
    Issue.objects.filter(pk=old.pk).update(sent_at=timezone.now())
    assert services.issue_prefill(issue=issue).items == []


# The editors' screens -------------------------------------------------------------------------


def test_only_editors_with_the_second_factor_reach_the_issue_screens(client, user, editor):
    issue = IssueFactory()
    urls = [
        reverse("newsletter_admin:issues"),
        reverse("newsletter_admin:issue", args=[issue.pk]),
        reverse("newsletter_admin:issue-preview", args=[issue.pk]),
    ]
    client.force_login(user)
    for url in urls:
        assert client.get(url).status_code == 302  # the admin gate sends non-editors away
    client.force_login(editor)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/tofaktor/" in response["Location"]


def test_editor_composes_previews_tests_and_schedules(
    client, editor, verified_login, django_capture_on_commit_callbacks
):
    verified_login(client, editor)
    SubscriberFactory()
    response = client.post(reverse("newsletter_admin:issue-create"))
    assert response.status_code == 302
    issue = Issue.objects.get()
    url = reverse("newsletter_admin:issue", args=[issue.pk])
    assert client.get(url).status_code == 200
    data = {
        "action": "save",
        "title": "Januar",
        "subject_nb": "Godt nytt år – æøå",
        "intro_nb": "Velkommen",
        "subject_nn": "",
        "intro_nn": "",
        "subject_en": "",
        "intro_en": "",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "100",
        "items-0-kind": "call",
        "items-0-title": "Utlysning for sosiale entreprenører",
        "items-0-url": "/fond/utlysning/",
        "items-0-summary": "Søk innen februar.",
        "items-0-deadline": "1. februar",
        "items-0-topics": "arbeid_inkludering",
    }
    assert client.post(url, data).status_code == 302
    issue.refresh_from_db()
    assert issue.subject_nb == "Godt nytt år – æøå"
    assert issue.items[0]["topics"] == ["arbeid_inkludering"]

    bad = {**data, "items-0-url": "javascript:alert(1)", "items-0-topics": "tull"}
    response = client.post(url, bad)
    assert response.status_code == 200
    assert "Utlysning for sosiale entreprenører" in response.content.decode()
    issue.refresh_from_db()
    assert issue.items[0]["url"] == "/fond/utlysning/"

    preview = client.get(reverse("newsletter_admin:issue-preview", args=[issue.pk]))
    assert preview.status_code == 200
    assert "http://testserver/fond/utlysning/" in preview.content.decode()

    assert client.post(url, {"action": "test"}).status_code == 302
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert Delivery.objects.count() == 0

    past = client.post(url, {"action": "schedule", "when": "2020-01-01T10:00"})
    assert past.status_code == 200
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    when = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    assert client.post(url, {"action": "schedule", "when": when}).status_code == 302
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SCHEDULED

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "send"}).status_code == 302
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert len(mail.outbox) == 2
    # A sent issue no longer changes.
    client.post(url, data)
    issue.refresh_from_db()
    assert issue.title == "Januar"
    assert client.post(url, {**data, "title": "Endret"}).status_code == 302
    issue.refresh_from_db()
    assert issue.title == "Januar"


def test_a_row_is_claimed_by_one_sender_only():
    SubscriberFactory()
    issue = IssueFactory(status=Issue.Status.SENDING)
    services.create_deliveries(issue=issue)
    row = Delivery.objects.get()
    now = timezone.now()
    assert tasks._claim(row.pk, now) is True
    assert tasks._claim(row.pk, now) is False  # a second worker finds it taken
    row.refresh_from_db()
    assert row.status == Delivery.Status.SENDING
    assert row.claimed_at == now
