"""Contribution mail through a real SMTP server (tests/smtp.py): a moderation alert and a
digest, with encoded Norwegian letters, https links and a working unsubscribe link."""

import re

import pytest

from apps.accounts.tests.factories import UserFactory
from apps.contributions import services, tasks
from apps.contributions.models import NotificationPreference, Tip

pytestmark = pytest.mark.django_db


def test_moderation_alert_arrives_over_smtp(smtp_server, moderator, recipe):
    assert tasks.alert_moderators.call() == 0  # nothing waits: nothing sent
    assert smtp_server.count == 0
    # A tip from a new contributor waits for moderation.
    services.tip_submit(recipe=recipe, author=UserFactory(), text="Prøv å spørre først")
    assert Tip.objects.count() == 1
    smtp_server.handler.messages.clear()
    smtp_server.handler.count = 0
    assert tasks.alert_moderators.call() == 1
    (received,) = smtp_server.wait_for(1)
    assert received.rcpt_tos == [moderator.email]
    assert received.message["Subject"]
    body = received.part("text/plain")
    assert "https://kokeboka.example/admin/bidrag/moderering/" in body
    assert re.search(r"https://kokeboka\.example/bidrag/avmeld/\S+/", body)


def test_digest_arrives_over_smtp_and_its_unsubscribe_link_works(
    smtp_server, client, recipe, member, trusted
):
    services.follow_toggle(user=member, recipe=recipe)
    services.tip_submit(recipe=recipe, author=trusted, text="Bruk blåbær – æøå")
    assert tasks.send_digests.call(frequency="daily") == 1
    (received,) = smtp_server.wait_for(1)
    assert received.rcpt_tos == [member.email]
    assert received.message["Subject"] == "News from the recipes you follow"
    body = received.part("text/plain")
    assert recipe.title in body
    assert f"https://kokeboka.example{recipe.url}" in body
    link = re.search(r"https://kokeboka\.example(/bidrag/avmeld/\S+/)", body)
    assert link, body
    assert client.post(link.group(1)).status_code == 200
    assert (
        NotificationPreference.objects.get(user=member).frequency
        == NotificationPreference.Frequency.NEVER
    )
