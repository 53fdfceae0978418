"""A digest goes out once per person and period, also when the job runs twice or in two
workers at once (the finding: two workers sent everyone their digest twice)."""

import datetime
import threading
from unittest import mock

import pytest
from django.core import mail
from django.db import connection

from apps.contributions import services, tasks
from apps.contributions.models import Notification
from apps.operations import ledger
from apps.operations.models import Delivery
from apps.operations.schedule import OSLO


def test_periods_are_the_oslo_day_and_the_iso_week():
    late_evening_utc = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    assert tasks.digest_period(frequency="daily", now=late_evening_utc) == "2027-01-01"
    assert tasks.digest_period(frequency="weekly", now=late_evening_utc) == "2026-W53"
    assert datetime.datetime(2027, 1, 1, tzinfo=OSLO).isocalendar()[1] == 53


@pytest.mark.django_db
def test_the_daily_digest_run_twice_sends_one_mail_per_person(recipe, member, trusted, mailoutbox):
    services.follow_toggle(user=member, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    tasks.send_digests.enqueue(frequency="daily")
    services.tip_submit(recipe=recipe, author=trusted, text="Et råd til, samme dag")
    tasks.send_digests.enqueue(frequency="daily")
    assert [m.to for m in mailoutbox] == [[member.email]]
    period = tasks.digest_period(frequency="daily")
    assert Delivery.objects.filter(kind=tasks.DIGEST_KIND, key=str(member.pk), period=period)
    # The second tip waits for the next day's digest.
    assert Notification.objects.filter(user=member, sent_at__isnull=True).count() == 1
    tomorrow = tasks.digest_period(
        frequency="daily",
        now=datetime.datetime.now(OSLO) + datetime.timedelta(days=1),
    )
    assert tasks.send_digest_batch.enqueue(user_ids=[member.pk], period=tomorrow).return_value == 1
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_a_second_worker_racing_the_first_sends_nothing(recipe, member, trusted, mailoutbox):
    """Worker A has read the unsent notifications when worker B runs the same batch to the
    end; A's claim then fails and A sends nothing (without the ledger, both sent)."""
    services.follow_toggle(user=member, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    period = tasks.digest_period(frequency="daily")
    real_claim = ledger.claim
    raced = threading.Event()

    def claim_after_the_other_worker(kind, key, period_):
        if not raced.is_set():
            raced.set()
            assert tasks.send_digest_batch.call(user_ids=[member.pk], period=period) == 1
        return real_claim(kind, key, period_)

    with mock.patch.object(ledger, "claim", claim_after_the_other_worker):
        assert tasks.send_digest_batch.call(user_ids=[member.pk], period=period) == 0
    assert [m.to for m in mailoutbox] == [[member.email]]


@pytest.mark.django_db
def test_a_failed_send_releases_the_claim_so_a_later_run_sends(recipe, member, trusted, mailoutbox):
    services.follow_toggle(user=member, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    period = tasks.digest_period(frequency="daily")
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")),
        pytest.raises(OSError),
    ):
        tasks.send_digest_batch.call(user_ids=[member.pk], period=period)
    assert not Delivery.objects.filter(kind=tasks.DIGEST_KIND).exists()
    assert Notification.objects.filter(user=member, sent_at__isnull=True).count() == 1
    assert tasks.send_digest_batch.call(user_ids=[member.pk], period=period) == 1
    assert len(mailoutbox) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two writing threads need PostgreSQL (SQLite's shared in-memory test database "
    "refuses the second writer instead of waiting)",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_digest_per_person(recipe, trusted, mailoutbox):
    from apps.accounts.tests.factories import UserFactory

    people = [UserFactory() for _ in range(6)]
    for person in people:
        services.follow_toggle(user=person, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    period = tasks.digest_period(frequency="daily")
    ids = [person.pk for person in people]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            tasks.send_digest_batch.call(user_ids=ids, period=period)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
