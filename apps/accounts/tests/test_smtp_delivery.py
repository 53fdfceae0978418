"""The account confirmation mail through a real SMTP server (tests/smtp.py)."""

import re

import pytest
from django.urls import reverse

from apps.accounts.models import User

pytestmark = pytest.mark.django_db


def test_account_confirmation_arrives_over_smtp_and_its_link_confirms(
    smtp_server, client, django_capture_on_commit_callbacks
):
    data = {
        "first_name": "Ærlige",
        "last_name": "Østberg",
        "email": "aerlige@example.no",
        "password1": "gule-bananer-på-taket",
        "password2": "gule-bananer-på-taket",
    }
    # Account links are built from the address the visitor used (the request), which in
    # production is the site's https address.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:signup"), data, secure=True, HTTP_HOST="kokeboka.example"
        )
    assert response.status_code == 302
    (received,) = smtp_server.wait_for(1)
    assert received.rcpt_tos == ["aerlige@example.no"]
    message = received.message
    assert message["To"] == "aerlige@example.no"
    assert message["From"]
    assert message["Message-ID"]
    assert message["Date"]
    body = received.part("text/plain")
    link = re.search(r"https://kokeboka\.example(/konto/bekreft/\S+)", body)
    assert link, body
    assert not User.objects.get(email="aerlige@example.no").is_email_verified
    assert client.get(link.group(1), secure=True, HTTP_HOST="kokeboka.example").status_code == 302
    assert User.objects.get(email="aerlige@example.no").is_email_verified
