from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts.models import JoinRequest, MembershipRole, Organisation
from apps.core.tests.test_sanitize import XSS_PAYLOADS

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _posts(org, admin, jr, target):
    return [
        (reverse("accounts:signup"), {"email": "a@example.no"}, None),
        (reverse("accounts:login"), {"username": "a@example.no", "password": "x"}, None),
        (reverse("accounts:password-reset"), {"email": "a@example.no"}, None),
        (reverse("accounts:resend-verification"), {"email": "a@example.no"}, None),
        (reverse("accounts:logout"), {}, admin),
        (reverse("accounts:profile"), {"first_name": "A", "last_name": "B"}, admin),
        (reverse("accounts:password-change"), {}, admin),
        (reverse("accounts:delete-account"), {"password": "x"}, admin),
        (reverse("accounts:two-factor"), {"token": "123456"}, admin),
        (reverse("accounts:organisation-create"), {"name": "X", "type": "annen"}, admin),
        (reverse("accounts:organisation-edit", args=[org.slug]), {"name": "X"}, admin),
        (
            reverse("accounts:organisation-invite", args=[org.slug]),
            {"email": "b@example.no"},
            admin,
        ),
        (reverse("accounts:member-remove", args=[org.slug, target.pk]), {}, admin),
        (
            reverse("accounts:join-request-decide", args=[org.slug, jr.pk]),
            {"decision": "approve"},
            admin,
        ),
        (reverse("accounts:join-request-create", args=[org.slug]), {"message": "x"}, UserFactory()),
        (reverse("accounts:invitation-accept", args=["tok"]), {}, admin),
    ]


def test_every_post_form_needs_a_csrf_token():
    org = OrganisationFactory(slug="kompass-co")
    admin = MembershipFactory(organisation=org, role=MembershipRole.ADMIN).user
    jr = JoinRequest.objects.create(user=UserFactory(), organisation=org)
    target = MembershipFactory(organisation=org, role=MembershipRole.MEMBER)
    for url, data, user in _posts(org, admin, jr, target):
        client = Client(enforce_csrf_checks=True)
        if user is not None:
            client.force_login(user)
        response = client.post(url, data)
        assert response.status_code == 403, url


def test_forms_carry_a_csrf_token(client):
    org = OrganisationFactory(slug="kompass-co")
    admin = MembershipFactory(organisation=org, role=MembershipRole.ADMIN).user
    for url in (
        reverse("accounts:signup"),
        reverse("accounts:login"),
        reverse("accounts:password-reset"),
    ):
        assert b"csrfmiddlewaretoken" in client.get(url).content
    client.force_login(admin)
    for url in (
        reverse("accounts:profile"),
        reverse("accounts:organisation-create"),
        reverse("accounts:organisation-members", args=[org.slug]),
        reverse("accounts:delete-account"),
        reverse("accounts:two-factor"),
    ):
        html = client.get(url).content.decode()
        assert html.count('method="post"') == html.count("csrfmiddlewaretoken"), url


class _Inspector(HTMLParser):
    """Collects every dangerous element or attribute the browser would act on."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"iframe", "object", "embed"}:
            self.problems.append(tag)
        named = dict(attrs)
        own_file = (named.get("src") or "").startswith("/static/")
        data_block = named.get("type") == "application/ld+json"  # never executed
        if tag == "script" and not (own_file or data_block):
            self.problems.append("inline script")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}")
            if name == "style":
                self.problems.append(f"{tag} style")
            if name in {"href", "src", "action", "formaction"} and value.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.problems.append(f"{tag} {name}={value}")


def _assert_clean(html: str, payload: str) -> None:
    inspector = _Inspector()
    inspector.feed(html)
    assert inspector.problems == [], (payload, inspector.problems)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_in_organisation_fields_does_not_survive(client, payload):
    user = UserFactory()
    client.force_login(user)
    data = {
        "name": f"Org {payload}",
        "type": "sosial_entreprenor",
        "org_number": "",
        "legal_form": "AS",
        "website": "https://example.no/",
        "description": f"<p>Om oss</p>{payload}",
    }
    response = client.post(reverse("accounts:organisation-create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    org = Organisation.objects.get(name=f"Org {payload}")
    for url in (
        org.get_absolute_url(),
        reverse("accounts:organisation-list"),
        reverse("accounts:profile"),
    ):
        _assert_clean(client.get(url).content.decode(), payload)
    _assert_clean(
        client.get(reverse("accounts:organisation-members", args=[org.slug])).content.decode(),
        payload,
    )
    # A hostile website value is refused by the URL field.
    data["website"] = "javascript:alert(1)"
    data["name"] = "Annen org"
    response = client.post(reverse("accounts:organisation-create"), data)
    assert response.status_code == 200
    _assert_clean(response.content.decode(), payload)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_in_profile_and_join_request_does_not_survive(client, payload):
    org = OrganisationFactory(slug="kompass-co")
    admin = MembershipFactory(organisation=org, role=MembershipRole.ADMIN).user
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": payload[:150], "last_name": payload[:150], "language": "nb"},
    )
    assert response.status_code == 302
    _assert_clean(client.get(reverse("accounts:profile")).content.decode(), payload)
    client.post(reverse("accounts:join-request-create", args=[org.slug]), {"message": payload})
    client.force_login(admin)
    html = client.get(reverse("accounts:organisation-members", args=[org.slug])).content.decode()
    _assert_clean(html, payload)
    # Signing up with a hostile name shows the form again without running anything.
    client.logout()
    response = client.post(
        reverse("accounts:signup"),
        {
            "first_name": payload,
            "last_name": payload,
            "email": "bad",
            "password1": "x",
            "password2": "y",
        },
    )
    _assert_clean(response.content.decode(), payload)
