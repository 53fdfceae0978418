"""The fund receipt through a real SMTP server (tests/smtp.py). The receipt mail carries no
attachment: it links to the receipt PDF, which the applicant opens after logging in; the
test follows that link."""

import pytest

from apps.fund.services import application_submit
from apps.fund.tests.factories import ApplicationFactory, complete, member_of

pytestmark = pytest.mark.django_db


def test_fund_receipt_arrives_over_smtp_and_its_pdf_link_serves_the_receipt(
    smtp_server, client, django_capture_on_commit_callbacks
):
    application = complete(ApplicationFactory(title="Fritid for alle i Årdal"))
    actor = member_of(application.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=application, actor=actor)
    recipients = sorted({actor.email, application.created_by.email})
    received = smtp_server.wait_for(len(recipients))
    assert sorted(r for m in received for r in m.rcpt_tos) == recipients
    message = received[0]
    body = message.part("text/plain")
    assert "Fritid for alle i Årdal" in body
    pdf_url = f"https://kokeboka.example/fond/soknader/{application.pk}/kvittering.pdf"
    assert pdf_url in body
    assert message.attachments() == []
    client.force_login(actor)
    response = client.get(pdf_url.removeprefix("https://kokeboka.example"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
