"""Issue 12, item 1: one readable case reference, YYYY-NNNN (the year the application was
created and its number), on every page, mail and PDF that refers to an application; never a
bare number or a slug."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apps.fund.models import Application
from apps.fund.pdf import receipt_html
from apps.grants.letters import letter_html

REFERENCE = re.compile(r"\b20\d\d-\d{4,}\b")


def test_reference_is_year_and_zero_padded_number():
    created = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    assert Application(pk=7, created_at=created).reference == "2026-0007"
    assert Application(pk=12345, created_at=created).reference == "2026-12345"


def test_year_is_oslo_time():
    """Created 23:30 UTC on New Year's Eve is already the new year in Oslo."""
    created = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC)
    assert Application(pk=3, created_at=created).reference == "2026-0003"


def _check(text: str, application) -> None:
    expected = f"{timezone.localtime(application.created_at).year}-{application.pk:04d}"
    assert application.reference == expected
    assert expected in text
    assert not re.search(rf"(Reference|reference|Referanse)\W+{application.pk}\b", text)
    assert f"/{application.pk}</p>" not in text  # the old «fund-slug/pk» of the letter


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("manager", lambda w: reverse("grants:application", args=[w.application.pk])),
        ("manager", lambda w: reverse("grants:manage")),
        ("reviewer", lambda w: reverse("grants:review", args=[w.assignment.pk])),
        ("reviewer", lambda w: reverse("grants:reviews")),
        ("reviewer", lambda w: reverse("grants:conflict", args=[w.assignment.pk])),
        ("applicant", lambda w: w.application.get_absolute_url()),
        ("applicant", lambda w: reverse("fund:application-list")),
    ],
    ids=["assessment", "manage", "review", "reviews", "conflict", "applicant-page", "my-list"],
)
def test_pages_show_the_reference(as_user, world, role, url):
    client = as_user(world.people[role])
    response = client.get(url(world))
    assert response.status_code == 200
    _check(response.content.decode(), world.application)


def test_project_and_report_pages_show_the_reference(as_user, world):
    client = as_user(world.people["applicant"])
    project = client.get(reverse("grants:project", args=[world.granted.pk]))
    _check(project.content.decode(), world.granted)
    report = client.get(reverse("grants:report", args=[world.granted.pk, world.report.pk]))
    assert report.status_code == 200
    _check(report.content.decode(), world.granted)


def test_letter_and_receipt_pdfs_show_the_reference(world):
    _check(letter_html(application=world.granted, decision=world.granted.decision), world.granted)
    _check(receipt_html(application=world.application), world.application)


def test_receipt_mail_shows_the_reference(world):
    body = render_to_string(
        "fund/email/receipt.txt",
        {
            "application": world.application,
            "submitted_at": timezone.now(),
            "url": "",
            "pdf_url": "",
        },
    )
    _check(body, world.application)


def test_assignment_and_decision_mails_show_the_reference(as_user, world, mails):
    client = as_user(world.people["manager"])
    with mails.capture():
        response = client.post(
            reverse("grants:assign", args=[world.application.pk]),
            {"assign-reviewer": world.people["unassigned"].pk},
        )
    assert response.status_code == 302
    with mails.capture():
        response = client.post(
            reverse("grants:decide", args=[world.application.pk]),
            {
                "decision-outcome": "granted",
                "decision-amount": "250000",
                "decision-confirm": "on",
            },
        )
    assert response.status_code == 302
    assert len(mails.outbox) == 2
    for message in mails.outbox:
        _check(message.body, world.application)
        assert REFERENCE.search(message.body)


def test_letter_download_is_named_after_the_reference(as_user, world):
    """The decision letter saved from the browser is «vedtak-2026-0007.pdf», the reference
    the applicant quotes, not the row's bare id."""
    client = as_user(world.people["applicant"])
    response = client.get(reverse("grants:letter", args=[world.granted.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    expected = f"vedtak-{world.granted.reference}.pdf"
    assert REFERENCE.search(expected)
    assert response["Content-Disposition"] == f'inline; filename="{expected}"'
