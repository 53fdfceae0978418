"""Organisations are recognised, not duplicated, when someone registers one (issue 12,
item 4): the same number refuses a second one and offers to join it; the same or a similar
name and type asks to confirm; a request to join reaches the admins, on the members page
and My page, and approval makes an ordinary member."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from apps.accounts.models import JoinRequest, Membership, Organisation, OrganisationType
from apps.core.models import Municipality
from apps.home.my_page import my_page_sections

from .factories import MembershipFactory, OrganisationFactory, UserFactory

NEW = reverse("accounts:organisation-create")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def pobel(db):
    org = OrganisationFactory(
        name="Pøbelprosjektet AS",
        slug="pobelprosjektet",
        org_number="923609016",
        municipality=None,
    )
    admin = MembershipFactory(organisation=org, role="admin").user
    return org, admin


def _form(**overrides):
    data = {
        "name": "Pøbelprosjektet",
        "type": OrganisationType.SOSIAL_ENTREPRENOR,
        "org_number": "",
        "legal_form": "AS",
        "website": "",
        "description": "Vi hjelper unge.",
    }
    data.update(overrides)
    return data


def test_same_org_number_refuses_a_new_one_and_offers_to_join(english, pobel):
    org, _admin = pobel
    person = UserFactory()
    english.force_login(person)
    response = english.post(NEW, _form(name="Et helt annet navn", org_number="923 609 016"))
    assert response.status_code == 200
    html = response.content.decode()
    assert Organisation.objects.count() == 1
    assert "This organisation is already on Kokeboka" in html
    assert "An organisation with this number is already here" in html
    assert "org. no. 923609016" in html
    assert reverse("accounts:join-request-create", args=[org.slug]) in html
    # Confirming does not help: one organisation per number.
    assert 'name="confirm_new"' not in html
    response = english.post(NEW, _form(org_number="923609016", confirm_new="on"))
    assert response.status_code == 200
    assert Organisation.objects.count() == 1
    # What was typed is kept.
    assert "Vi hjelper unge." in response.content.decode()


def test_same_name_and_type_asks_to_confirm_and_then_creates(english, pobel):
    org, _admin = pobel
    person = UserFactory()
    english.force_login(person)
    response = english.post(NEW, _form(name="pøbelprosjektet"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Is it one of these? They are already on Kokeboka" in html
    assert "same name" in html
    assert 'name="confirm_new"' in html
    assert reverse("accounts:join-request-create", args=[org.slug]) in html
    assert Organisation.objects.count() == 1
    response = english.post(NEW, _form(name="pøbelprosjektet", confirm_new="on"))
    assert response.status_code == 302
    assert Organisation.objects.count() == 2
    created = Organisation.objects.exclude(pk=org.pk).get()
    assert Membership.objects.get(organisation=created).user == person


def test_similar_name_is_listed_as_a_near_match(english, pobel):
    english.force_login(UserFactory())
    html = english.post(NEW, _form(name="Pøbelprosjekt")).content.decode()
    assert "similar name" in html and "Pøbelprosjektet AS" in html


def test_another_type_with_the_same_name_is_not_a_match(english, pobel):
    english.force_login(UserFactory())
    response = english.post(NEW, _form(type=OrganisationType.IDEELL))
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Pøbelprosjektet").count() == 1


def test_a_municipality_already_here_is_offered_to_join(english, db):
    oslo = Municipality.objects.get(code="0301")
    kommune = OrganisationFactory(
        name="Oslo kommune", slug="oslo", type=OrganisationType.KOMMUNE, municipality=oslo
    )
    english.force_login(UserFactory())
    response = english.post(
        NEW, _form(name="Oslo", type=OrganisationType.KOMMUNE, municipality=oslo.pk)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "same municipality" in html
    assert reverse("accounts:join-request-create", args=[kommune.slug]) in html
    assert Organisation.objects.filter(type=OrganisationType.KOMMUNE).count() == 1


def test_request_to_join_reaches_the_admins_and_approval_makes_a_member(
    english, pobel, django_capture_on_commit_callbacks
):
    org, admin = pobel
    person = UserFactory(first_name="Kari", last_name="Nordmann")
    english.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = english.post(reverse("accounts:join-request-create", args=[org.slug]))
    assert response.status_code == 302
    join_request = JoinRequest.objects.get(user=person, organisation=org)
    # The admin is told by mail, with an absolute link to the members page.
    assert [message.to for message in mail.outbox] == [[admin.email]]
    assert "Kari Nordmann" in mail.outbox[0].body
    assert "http://testserver/organisasjoner/pobelprosjektet/medlemmer/" in mail.outbox[0].body
    # The registration page now says the request is sent instead of offering it again.
    html = english.post(NEW, _form(org_number="923609016")).content.decode()
    assert "You have asked to join" in html
    assert reverse("accounts:join-request-create", args=[org.slug]) not in html
    # My page of the admin has the request, with a link to answer it.
    with translation.override("en"):
        sections = {section.key: section for section in my_page_sections(user=admin)}
    task = sections["organisation"].tasks[0]
    assert task.count == 1
    assert task.url.startswith(reverse("accounts:organisation-members", args=[org.slug]))
    assert my_page_sections(user=person) == []
    english.force_login(admin)
    members = english.get(reverse("accounts:organisation-members", args=[org.slug]))
    assert "Kari Nordmann" in members.content.decode()
    english.post(
        reverse("accounts:join-request-decide", args=[org.slug, join_request.pk]),
        {"decision": "approve", "role": "admin"},
    )
    assert list(
        Membership.objects.filter(user=person, organisation=org).values_list("role", flat=True)
    ) == ["member"]
    assert "organisation" not in {s.key for s in my_page_sections(user=admin)}


def test_only_the_organisations_admins_see_the_request_on_my_page(pobel):
    org, admin = pobel
    member = MembershipFactory(organisation=org, role="member").user
    other_admin = MembershipFactory(role="admin").user
    JoinRequest.objects.create(user=UserFactory(), organisation=org)
    assert "organisation" in {s.key for s in my_page_sections(user=admin)}
    assert "organisation" not in {s.key for s in my_page_sections(user=member)}
    assert "organisation" not in {s.key for s in my_page_sections(user=other_admin)}


def test_registration_page_costs_the_same_with_more_matches(client, db):
    person = UserFactory()
    client.force_login(person)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.post(NEW, _form(name="Kompass"))
        assert response.status_code == 200
        return len(captured)

    for n in range(2):
        OrganisationFactory(name=f"Kompass {n}" if n else "Kompass")
    few = queries()
    for n in range(2, 8):
        OrganisationFactory(name=f"Kompas{n}")
    assert queries() == few


def test_registration_in_norwegian_says_be_om_a_bli_med(client, pobel):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    client.force_login(UserFactory())
    html = client.post(NEW, _form(org_number="923609016")).content.decode()
    assert "Be om å bli med" in html
    assert "Denne organisasjonen er allerede på Kokeboka" in html
