"""Issue 19, finding 3: a password alone opened fund management, scores, decisions and the
applications export, for anyone who was a superuser. Each money or decision view, × who asks:

- anonymous: sent to log in;
- the right role with a password-only session: sent to the code page, nothing changes;
- the right role in a verified session: served (or the action is done);
- a superuser without the role, in a verified session: refused (403).

Reviewers scoring count as a decision power (scores decide who gets money, and the page
shows the whole application), so the review page is in the matrix too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from apps.accounts.tests.factories import EditorFactory
from apps.fund.models import Application, ApplicationStatus

from ..models import Decision, Payment, Report, ReviewerAssignment
from .factories import ApplicationFactory

S = ApplicationStatus
LOGIN = "/konto/logg-inn/"
CODE_PAGE = "/konto/tofaktor/"


@dataclass(frozen=True)
class Power:
    name: str
    method: str
    role: str  # key in world.people
    url: Callable
    data: Callable  # world -> POST data
    served: int  # the status when the right role asks in a verified session
    done: Callable | None = None  # world -> bool: whether the action took effect


def _submitted(world) -> Application:
    return ApplicationFactory(call=world.call, organisation=world.applicant_org, status=S.SUBMITTED)


def _submitted_report(world) -> Report:
    world.report.text, world.report.submitted_at = "Framdrift som planlagt", timezone.now()
    world.report.save()
    return world.report


def _no_data(world) -> dict:
    return {}


POWERS = [
    Power("manage", "get", "manager", lambda w: reverse("grants:manage"), _no_data, 200),
    Power(
        "application",
        "get",
        "manager",
        lambda w: reverse("grants:application", args=[w.application.pk]),
        _no_data,
        200,
    ),
    Power(
        "screen",
        "post",
        "manager",
        lambda w: reverse("grants:screen", args=[w.submitted.pk]),
        lambda w: {"screen-result": "eligible"},
        302,
        lambda w: Application.objects.get(pk=w.submitted.pk).status == S.ELIGIBLE,
    ),
    Power(
        "assign",
        "post",
        "manager",
        lambda w: reverse("grants:assign", args=[w.application.pk]),
        lambda w: {"assign-reviewer": w.people["unassigned"].pk},
        302,
        lambda w: ReviewerAssignment.objects.filter(reviewer=w.people["unassigned"]).exists(),
    ),
    Power(
        "decide",
        "post",
        "manager",
        lambda w: reverse("grants:decide", args=[w.application.pk]),
        lambda w: {
            "decision-outcome": "granted",
            "decision-confirm": "on",  # reviews are not complete: the manager confirms
            "decision-amount": "250000",
            "decision-conditions": "Rapport hvert halvår",
        },
        302,
        lambda w: Decision.objects.filter(application=w.application).exists(),
    ),
    Power(
        "payment-paid",
        "post",
        "manager",
        lambda w: reverse("grants:payment-paid", args=[w.payment.pk]),
        _no_data,
        302,
        lambda w: Payment.objects.get(pk=w.payment.pk).paid_at is not None,
    ),
    Power(
        "report-approve",
        "post",
        "manager",
        lambda w: reverse("grants:report-approve", args=[w.report.pk]),
        _no_data,
        302,
        lambda w: Report.objects.get(pk=w.report.pk).approved_at is not None,
    ),
    Power(
        "export-csv",
        "get",
        "manager",
        lambda w: reverse("grants:export-csv", args=[w.fund.slug]),
        _no_data,
        200,
    ),
    Power(
        "export-xlsx",
        "get",
        "manager",
        lambda w: reverse("grants:export-xlsx", args=[w.fund.slug]),
        _no_data,
        200,
    ),
    Power(
        "review",
        "get",
        "reviewer",
        lambda w: reverse("grants:review", args=[w.assignment.pk]),
        _no_data,
        200,
    ),
]
IDS = [power.name for power in POWERS]


@pytest.fixture
def powers_world(world):
    world.submitted = _submitted(world)
    _submitted_report(world)
    return world


def _ask(client, power: Power, world):
    return getattr(client, power.method)(power.url(world), power.data(world))


@pytest.mark.parametrize("power", POWERS, ids=IDS)
def test_anonymous_is_sent_to_log_in(client, powers_world, power):
    response = _ask(client, power, powers_world)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


@pytest.mark.parametrize("power", POWERS, ids=IDS)
def test_role_with_password_only_is_sent_to_the_code_page(client, powers_world, power):
    client.force_login(powers_world.people[power.role])
    response = _ask(client, power, powers_world)
    assert response.status_code == 302
    assert response.url.startswith(f"{CODE_PAGE}?next=")
    if power.done is not None:
        assert not power.done(powers_world)


@pytest.mark.parametrize("power", POWERS, ids=IDS)
def test_role_in_a_verified_session_is_served(client, verified_login, powers_world, power):
    verified_login(client, powers_world.people[power.role])
    response = _ask(client, power, powers_world)
    assert response.status_code == power.served
    if power.done is not None:
        assert power.done(powers_world)


@pytest.mark.parametrize("power", POWERS, ids=IDS)
def test_superuser_without_the_role_is_refused_even_verified(
    client, verified_login, powers_world, power
):
    verified_login(client, EditorFactory())
    response = _ask(client, power, powers_world)
    assert response.status_code == 403
    if power.done is not None:
        assert not power.done(powers_world)


def test_code_page_brings_a_get_back_to_itself(client, world):
    client.force_login(world.people["manager"])
    response = client.get(reverse("grants:manage") + "?status=submitted")
    assert response.status_code == 302
    assert response.url == f"{CODE_PAGE}?next=/fond/forvaltning/%3Fstatus%3Dsubmitted"


def test_a_refused_post_comes_back_to_the_page_it_came_from(client, world):
    client.force_login(world.people["manager"])
    page = reverse("grants:application", args=[world.application.pk])
    response = client.post(
        reverse("grants:decide", args=[world.application.pk]),
        {"decision-outcome": "rejected"},
        HTTP_REFERER=f"http://testserver{page}",
    )
    assert response.status_code == 302
    assert response.url == f"{CODE_PAGE}?next={page}"


def test_manager_without_a_device_is_told_to_set_one_up(client, world):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.people["manager"])
    response = client.get(reverse("grants:manage"), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "so it needs two-factor authentication" in html
    assert 'class="secret"' in html


def test_manager_with_a_device_is_asked_for_the_code_and_comes_back(client, world):
    from apps.accounts.tests.helpers import confirmed_device, totp_now

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    manager = world.people["manager"]
    device = confirmed_device(manager)
    client.force_login(manager)
    response = client.get(reverse("grants:manage"), follow=True)
    html = response.content.decode()
    assert "Confirm that it is you with the six-digit code" in html
    assert 'class="secret"' not in html
    response = client.post(CODE_PAGE, {"token": totp_now(device), "next": reverse("grants:manage")})
    assert response.status_code == 302
    assert response.url == reverse("grants:manage")
    assert client.get(reverse("grants:manage")).status_code == 200


def test_manager_pages_in_bokmal_explain_the_code(client, world):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    client.force_login(world.people["manager"])
    html = client.get(reverse("grants:manage"), follow=True).content.decode()
    assert "Denne siden gir tilgang til andres opplysninger, penger eller vedtak" in html
