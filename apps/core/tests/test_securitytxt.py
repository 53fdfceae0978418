"""/.well-known/security.txt (RFC 9116) from the deployment's own security contact."""

import datetime

import pytest
from django.utils import timezone

from apps.core.securitytxt import expires

pytestmark = pytest.mark.django_db


def _fields(response) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        name, _sep, value = line.partition(": ")
        fields.setdefault(name, []).append(value)
    return fields


def test_security_txt_names_the_configured_contacts_and_expires(client, settings):
    settings.KOKEBOKA_SECURITY_CONTACT = [
        "mailto:sikkerhet@baerum.kommune.no",
        "https://baerum.kommune.no/sikkerhet",
    ]
    settings.KOKEBOKA_SECURITY_POLICY_URL = "https://baerum.kommune.no/sikkerhet/retningslinjer"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = _fields(response)
    assert fields["Contact"] == settings.KOKEBOKA_SECURITY_CONTACT
    assert fields["Policy"] == ["https://baerum.kommune.no/sikkerhet/retningslinjer"]
    assert fields["Canonical"] == ["http://testserver/.well-known/security.txt"]
    assert fields["Preferred-Languages"] == ["no, nb, en"]
    [stamp] = fields["Expires"]
    moment = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    # RFC 9116: in the future, and better less than a year ahead.
    assert timezone.now() < moment < timezone.now() + datetime.timedelta(days=365)


def test_expires_can_be_fixed_by_the_deployment(settings):
    settings.KOKEBOKA_SECURITY_TXT_EXPIRES = "2027-06-30T00:00:00+02:00"
    assert expires() == datetime.datetime(2027, 6, 29, 22, 0, tzinfo=datetime.UTC)


def test_expires_rolls_ahead_by_the_configured_days(settings):
    settings.KOKEBOKA_SECURITY_TXT_EXPIRES = ""
    settings.KOKEBOKA_SECURITY_TXT_DAYS = 90
    assert expires(today=datetime.date(2026, 12, 4)) == datetime.datetime(
        2027, 3, 4, tzinfo=datetime.UTC
    )


def test_without_a_contact_there_is_no_security_txt(client, settings):
    settings.KOKEBOKA_SECURITY_CONTACT = []
    assert client.get("/.well-known/security.txt").status_code == 404


def test_default_contact_is_set(settings):
    assert settings.KOKEBOKA_SECURITY_CONTACT
    assert all(c.startswith(("mailto:", "https://")) for c in settings.KOKEBOKA_SECURITY_CONTACT)
