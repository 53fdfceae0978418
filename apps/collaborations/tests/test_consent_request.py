"""A broker asks the entrepreneur to consent to publishing a finished collaboration as an
example (issue 12, item 5): the entrepreneur's admins get one mail with an absolute link and
see the request on My page; asking again sends nothing more; an edit of the texts lets the
broker ask again. Only the broker of the collaboration may ask (role × view, denials
asserted)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory
from apps.collaborations import services
from apps.collaborations.models import Collaboration
from apps.collaborations.stages import Stage
from apps.home.my_page import my_page_sections

from .factories import CollaborationFactory, MunicipalityOrgFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    municipality = MunicipalityOrgFactory()
    entrepreneur = OrganisationFactory(name="Pøbelprosjektet", slug="pobelprosjektet")
    people = {
        "broker": MembershipFactory(organisation=municipality, role=MembershipRole.BROKER).user,
        "other_broker": MembershipFactory(
            organisation=MunicipalityOrgFactory(), role=MembershipRole.BROKER
        ).user,
        "municipality_member": MembershipFactory(organisation=municipality).user,
        "entrepreneur_admin": MembershipFactory(
            organisation=entrepreneur, role=MembershipRole.ADMIN
        ).user,
        "second_admin": MembershipFactory(
            organisation=entrepreneur, role=MembershipRole.ADMIN
        ).user,
        "entrepreneur_member": MembershipFactory(organisation=entrepreneur).user,
    }
    finished = CollaborationFactory(
        municipality_org=municipality,
        entrepreneur_org=entrepreneur,
        stage=Stage.AVSLUTTET,
        title="Arbeidstrening i kafé",
        summary="Unge fikk arbeidstrening.",
    )
    return {"people": people, "finished": finished}


def _ask(client, world, person, django_capture_on_commit_callbacks):
    client.force_login(world["people"][person])
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/samarbeid/{world['finished'].pk}/be-om-samtykke/")


def test_the_broker_asks_and_the_admins_get_one_mail_with_a_link(
    client, world, django_capture_on_commit_callbacks
):
    response = _ask(client, world, "broker", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    admins = {world["people"]["entrepreneur_admin"].email, world["people"]["second_admin"].email}
    assert {message.to[0] for message in mail.outbox} == admins
    assert len(mail.outbox) == 2
    url = f"http://testserver/samarbeid/{world['finished'].pk}/#eksempel"
    assert all(url in message.body for message in mail.outbox)
    assert "Arbeidstrening i kafé" in mail.outbox[0].subject
    # Asked again (a double click, a second broker's click): nothing more is sent.
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_the_request_is_on_my_page_until_consent_is_given(
    client, world, django_capture_on_commit_callbacks
):
    finished = world["finished"]
    admin = world["people"]["entrepreneur_admin"]

    def waiting(user) -> dict:
        with translation.override("en"):
            sections = {s.key: s for s in my_page_sections(user=user)}
        if "organisation" not in sections:
            return {}
        return {task.label: task for task in sections["organisation"].tasks}

    assert waiting(admin) == {}  # not asked yet
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    task = waiting(admin)["Examples waiting for your consent"]
    assert task.count == 1 and task.url == f"/samarbeid/{finished.pk}/#eksempel"
    assert waiting(world["people"]["broker"]) == {}
    client.force_login(admin)
    page = client.get(f"/samarbeid/{finished.pk}/")
    assert 'id="consent-requested"' in page.content.decode()
    services.example_consent_give(collaboration=finished, actor=admin, version=finished.version)
    assert waiting(admin) == {}


def test_an_edit_of_the_texts_lets_the_broker_ask_again(
    client, world, django_capture_on_commit_callbacks
):
    finished = world["finished"]
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    Collaboration.objects.filter(pk=finished.pk).update(version=finished.version + 1)
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4


def test_nothing_is_asked_for_an_ongoing_or_consented_collaboration(
    client, world, django_capture_on_commit_callbacks
):
    finished = world["finished"]
    services.example_consent_give(
        collaboration=finished,
        actor=world["people"]["entrepreneur_admin"],
        version=finished.version,
    )
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    Collaboration.objects.filter(pk=finished.pk).update(stage=Stage.DRIFT)
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("other_broker", 404),
        ("municipality_member", 403),
        ("entrepreneur_admin", 403),
        ("entrepreneur_member", 403),
    ],
)
def test_only_the_collaborations_broker_may_ask(
    client, world, person, status, django_capture_on_commit_callbacks
):
    response = _ask(client, world, person, django_capture_on_commit_callbacks)
    assert response.status_code == status
    assert mail.outbox == []


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.post(f"/samarbeid/{world['finished'].pk}/be-om-samtykke/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/")


def test_the_broker_sees_the_button_then_when_it_was_asked_in_norwegian(
    client, world, django_capture_on_commit_callbacks
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    client.force_login(world["people"]["broker"])
    html = client.get(f"/samarbeid/{world['finished'].pk}/").content.decode()
    assert "Be Pøbelprosjektet om samtykke" in html
    _ask(client, world, "broker", django_capture_on_commit_callbacks)
    html = client.get(f"/samarbeid/{world['finished'].pk}/").content.decode()
    assert "Be Pøbelprosjektet om samtykke" not in html
    assert "ble bedt om samtykke på e-post" in html
