"""Issue 19, finding 3, reproduced on the demo as `make run` builds it: the demo editor (a
superuser) opened fund management, the applications export, attendee lists and the home
municipality's detailed insights (then Bærum's, now the invented Fjordvik's) with the password
alone. Now a superuser gains nothing in the site's own views, and the demo people with powers
give a code from the secret load_demo prints once."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts import demo as accounts_demo
from apps.accounts.models import User
from apps.accounts.permissions import EDITORS_GROUP
from apps.accounts.tests.helpers import force_login_verified
from apps.home.management.commands.load_demo import DEMO_EDITOR_EMAIL

MANAGER = "fondsforvalter@demo.kokeboka.no"
CODE_PAGE = "/konto/tofaktor/?next="


@pytest.fixture
def demo(demo_module, db):
    """The demo as load_demo builds it, built once per test worker (tests/databases.py);
    what load_demo printed while building it."""
    return demo_module.output


def _powers() -> dict[str, str]:
    from apps.events.models import Event
    from apps.fund.models import Application, ApplicationStatus, Fund
    from apps.grants.models import Payment, Report

    fund = Fund.objects.order_by("pk").first()
    application = (
        Application.objects.exclude(status__in=[ApplicationStatus.DRAFT, "withdrawn"])
        .order_by("pk")
        .first()
    )
    event = Event.objects.filter(registrations__isnull=False).order_by("pk").first()
    return {
        "manage": reverse("grants:manage"),
        "application": reverse("grants:application", args=[application.pk]),
        "export-csv": reverse("grants:export-csv", args=[fund.slug]),
        "export-xlsx": reverse("grants:export-xlsx", args=[fund.slug]),
        "payment-paid": reverse("grants:payment-paid", args=[Payment.objects.first().pk]),
        "report-approve": reverse("grants:report-approve", args=[Report.objects.first().pk]),
        "attendees-csv": reverse("events:attendees-csv", args=[event.slug]),
        "insights-home": reverse("insights:municipality", args=[accounts_demo.HOME]),
    }


POSTS = {"payment-paid", "report-approve"}
NAMES = [
    "manage",
    "application",
    "export-csv",
    "export-xlsx",
    "payment-paid",
    "report-approve",
    "attendees-csv",
    "insights-home",
]


def _ask(client, name: str):
    url = _powers()[name]
    return client.post(url) if name in POSTS else client.get(url)


def _current_code(secret: str) -> str:
    key = base64.b32decode(secret)
    return f"{totp(key):06d}"


def test_the_demo_editor_is_an_explicit_editor_with_a_device(demo):
    editor = User.objects.get(email=DEMO_EDITOR_EMAIL)
    assert editor.groups.filter(name=EDITORS_GROUP).exists()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


@pytest.mark.parametrize("name", NAMES)
def test_demo_editor_with_password_alone_opens_none_of_the_powers(client, demo, name):
    client.force_login(User.objects.get(email=DEMO_EDITOR_EMAIL))
    assert _ask(client, name).status_code == 403


@pytest.mark.parametrize("name", NAMES)
def test_demo_editor_gains_nothing_from_being_a_superuser_even_verified(client, demo, name):
    force_login_verified(client, User.objects.get(email=DEMO_EDITOR_EMAIL))
    assert _ask(client, name).status_code == 403


def test_load_demo_prints_the_code_secret_once_for_the_people_with_powers(demo):
    assert demo.count("TOTP secret:") == 1
    secret = re.search(r"TOTP secret: ([A-Z2-7]+)", demo).group(1)
    assert f"oathtool --totp -b {secret}" in demo
    for email in (MANAGER, "fagvurderer1@demo.kokeboka.no", "megler@demo.kokeboka.no"):
        assert f"  {email}\n" in demo
        assert TOTPDevice.objects.filter(user__email=email, confirmed=True).exists()
    # People without powers have no device: the applicant and a plain member.
    assert not TOTPDevice.objects.filter(user__email="soker@demo.kokeboka.no").exists()
    # Running again gives nobody a second device.
    assert accounts_demo.give_power_holders_devices() == []


def test_demo_fund_manager_gives_the_printed_code_and_gets_in(client, demo):
    secret = re.search(r"TOTP secret: ([A-Z2-7]+)", demo).group(1)
    manager = User.objects.get(email=MANAGER)
    client.force_login(manager)
    response = client.get(reverse("grants:manage"))
    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}/fond/forvaltning/"
    response = client.post(
        "/konto/tofaktor/", {"token": _current_code(secret), "next": "/fond/forvaltning/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fond/forvaltning/"
    assert client.get(reverse("grants:manage")).status_code == 200
