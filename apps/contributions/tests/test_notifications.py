import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.contributions import services, tasks
from apps.contributions.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


def _unsubscribe_path(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/bidrag/avmeld/[^\s]+/)", body)
    assert match, body
    return match.group(1)


def test_digest_sends_only_when_there_is_something(recipe, member, trusted, mailoutbox):
    services.follow_toggle(user=member, recipe=recipe)
    other = UserFactory()
    services.follow_toggle(user=other, recipe=recipe)
    services.notification_frequency_set(user=other, frequency="weekly")
    assert tasks.send_digests.enqueue(frequency="daily").return_value == 0
    assert mailoutbox == []

    services.tip_submit(recipe=recipe, author=trusted, text="<b>Nytt</b> råd")
    assert tasks.send_digests.enqueue(frequency="daily").return_value == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [member.email]
    assert recipe.title in message.body
    assert "1 new tip" in message.body
    assert "/bidrag/avmeld/" in message.body
    assert not Notification.objects.filter(user=member, sent_at__isnull=True).exists()
    # Nothing new: nothing sent.
    tasks.send_digests.enqueue(frequency="daily")
    assert len(mailoutbox) == 1
    # The weekly reader gets theirs on the weekly run.
    tasks.send_digests.enqueue(frequency="weekly")
    assert [m.to for m in mailoutbox[1:]] == [[other.email]]


def test_digests_are_enqueued_in_batches(recipe, trusted, monkeypatch, mailoutbox):
    monkeypatch.setattr(tasks, "DIGEST_BATCH_SIZE", 2)
    followers = [UserFactory() for _ in range(5)]
    for person in followers:
        services.follow_toggle(user=person, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    assert tasks.send_digests.enqueue(frequency="daily").return_value == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in followers)


def test_unsubscribe_get_confirms_and_post_stops(client, recipe, member, trusted, mailoutbox):
    services.follow_toggle(user=member, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    tasks.send_digests.enqueue(frequency="daily")
    path = _unsubscribe_path(mailoutbox[0].body)
    response = client.get(path)
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=member).frequency == "daily"
    assert client.post(path).status_code == 200
    assert NotificationPreference.objects.get(user=member).frequency == "never"
    services.tip_submit(recipe=recipe, author=trusted, text="Enda et råd")
    tasks.send_digests.enqueue(frequency="daily")
    assert len(mailoutbox) == 1
    assert client.get("/bidrag/avmeld/tampered/").status_code == 404


def test_notification_settings_view(client, member):
    client.force_login(member)
    url = reverse("contributions:notification-settings")
    assert client.post(url, {"frequency": "weekly"}).status_code == 302
    assert NotificationPreference.objects.get(user=member).frequency == "weekly"
    assert client.post(url, {"frequency": "hourly"}).status_code == 400


def test_management_command_enqueues(recipe, member, trusted, mailoutbox, capsys):
    services.follow_toggle(user=member, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    call_command("send_digests", "--frequency", "daily")
    assert "daily" in capsys.readouterr().out
    assert [m.to for m in mailoutbox] == [[member.email]]
