"""The meeting confirmation through a real SMTP server (tests/smtp.py)."""

import pytest
from django.utils import translation

from apps.events import services
from apps.events.models import Role

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_meeting_confirmation_arrives_over_smtp_with_encoded_title_and_https_links(
    smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=5, title="Dialogmøte på Ørland: små skritt")
    with translation.override("nb"), django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(
            event=event, name="Åsmund Ærø", email="asmund@example.no", role=Role.ENTREPRENEUR
        )
    (received,) = smtp_server.wait_for(1)
    assert received.rcpt_tos == ["asmund@example.no"]
    assert "=?utf-8?" in received.raw_headers.lower()
    message = received.message
    assert "Dialogmøte på Ørland: små skritt" in message["Subject"]
    body = received.part("text/plain")
    assert "Dialogmøte på Ørland" in body
    assert f"https://kokeboka.example/dialogmoter/avmelding/{registration.cancel_token}/" in body
    assert "http://testserver" not in body
