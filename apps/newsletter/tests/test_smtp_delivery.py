"""Newsletter mail through a real SMTP server (tests/smtp.py): the confirmation and an issue
arrive with encoded Norwegian letters, https links from the site address, both parts, and
one-click unsubscribe headers that work."""

import re

import pytest
from django.test import Client

from apps.newsletter import tasks
from apps.newsletter.models import Subscriber

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

SUBJECT = "Bekreft abonnementet på nyhetsbrevet fra Kokeboka"


def test_confirmation_arrives_over_smtp_and_its_link_confirms(
    smtp_server, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nyhetsbrev/",
            {"email": "Aase@Example.no", "language": "nb"},
            HTTP_ACCEPT_LANGUAGE="nb",
        )
    assert response.status_code == 302
    (received,) = smtp_server.wait_for(1)
    assert received.rcpt_tos == ["aase@example.no"]
    message = received.message
    assert "=?utf-8?" in received.raw_headers.lower()  # the subject is an encoded word
    assert message["Subject"] == SUBJECT
    text = received.part("text/plain")
    html = received.part("text/html")
    links = re.findall(r"https://kokeboka\.example/nyhetsbrev/bekreft/\S+/", text)
    assert len(links) == 1
    assert links[0] in html
    assert "<img" not in html
    assert "List-Unsubscribe" not in message  # not a list mail; nothing to unsubscribe yet
    path = links[0].removeprefix("https://kokeboka.example")
    assert client.post(path).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_an_issue_arrives_over_smtp_with_one_click_unsubscribe(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "avmelding@kokeboka.example"
    subscriber = SubscriberFactory(email="per@example.no", topics=["kultur_fritid"])
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_send_now(issue=issue)
    (received,) = smtp_server.wait_for(1)
    assert received.rcpt_tos == ["per@example.no"]
    raw = received.raw_headers
    assert "=?utf-8?" in raw.lower()
    message = received.message
    assert message["Subject"] == "Nytt fra Kokeboka: æøå i desember"
    assert message.get_content_type() == "multipart/alternative"
    unsubscribe = message["List-Unsubscribe"]
    url = re.search(r"<(https://kokeboka\.example/nyhetsbrev/avmeld/[^>]+)>", unsubscribe).group(1)
    assert "<mailto:avmelding@kokeboka.example?subject=unsubscribe>" in unsubscribe
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = received.part("text/plain")
    html = received.part("text/html")
    assert "Blåbærsyltetøy og tjenestedesign" in text
    assert "Blåbærsyltetøy og tjenestedesign" in html
    assert "https://kokeboka.example/kokeboka/fritid/klubb/" in text
    assert 'href="https://kokeboka.example/kokeboka/fritid/klubb/"' in html
    assert not re.search(r'href="/', html)  # every link absolute
    assert '<html lang="nb">' in html
    assert "<img" not in html and "src=" not in html
    assert url in text

    # What a mail provider does for RFC 8058: POST the body, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("https://kokeboka.example"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
