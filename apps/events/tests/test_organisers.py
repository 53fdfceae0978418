import csv
import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.shortcuts import resolve_url
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.events.models import RegistrationStatus
from apps.events.permissions import can_organise

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

ORGANISER_PAGES = ["events:attendees", "events:attendees-csv", "events:message"]


@pytest.fixture
def organiser():
    return UserFactory()


@pytest.fixture
def event(organiser):
    event = EventFactory(capacity=2, organisers=[organiser])
    RegistrationFactory(
        event=event,
        name="Kari Nordmann",
        email="kari@example.no",
        organisation="Bærum kommune",
        dietary_needs="Vegetar",
    )
    RegistrationFactory(event=event, name='=HYPERLINK("http://x")', email="ola@example.no")
    RegistrationFactory(
        event=event,
        name="Per Venteliste",
        email="per@example.no",
        status=RegistrationStatus.WAITING,
        position=1,
    )
    RegistrationFactory(
        event=event, name="Avmeldt", email="borte@example.no", status=RegistrationStatus.CANCELLED
    )
    return event


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, event, name):
    path = reverse(name, args=[event.slug])

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"{resolve_url(settings.LOGIN_URL)}?next={path}"


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_other_users_are_forbidden(client, event, name):
    client.force_login(UserFactory())

    assert client.get(reverse(name, args=[event.slug])).status_code == 403
    assert client.post(reverse("events:message", args=[event.slug]), {}).status_code == 403


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_unknown_meetings_are_not_found(client, organiser, name):
    client.force_login(organiser)

    assert client.get(reverse(name, args=["finnes-ikke"])).status_code == 404


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_organisers_in_a_verified_session_get_in(client, event, organiser, name):
    force_login_verified(client, organiser)
    assert client.get(reverse(name, args=[event.slug])).status_code == 200


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_organisers_with_password_only_are_sent_to_the_code_page(client, event, organiser, name):
    """Issue 19, finding 3: attendees' names, addresses and needs are not opened on a
    password alone."""
    path = reverse(name, args=[event.slug])
    client.force_login(organiser)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/tofaktor/?next={path}"


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_editors_and_superusers_who_do_not_organise_are_refused_even_verified(
    client, event, editor, name
):
    """The demo editor (a superuser in the group "Redaktører", with events.change_event)
    opened a meeting's attendee CSV; changing meetings in the admin is no reason to read
    attendees' needs."""
    force_login_verified(client, editor)
    assert client.get(reverse(name, args=[event.slug])).status_code == 403


def test_editors_group_does_not_organise(event):
    member = UserFactory()
    member.groups.add(Group.objects.get(name="Redaktører"))

    assert not can_organise(member, event)
    assert not can_organise(UserFactory(is_superuser=True, is_staff=True), event)
    assert not can_organise(UserFactory(), event)


def test_attendee_list_shows_personal_data_to_organisers_only(client, event, organiser):
    public = client.get(event.get_absolute_url()).content.decode()
    force_login_verified(client, organiser)
    html = client.get(reverse("events:attendees", args=[event.slug])).content.decode()

    assert "kari@example.no" not in public and "Kari Nordmann" not in public
    assert "kari@example.no" in html and "Vegetar" in html
    assert "Per Venteliste" in html
    assert "Avmeldt" not in html


def test_attendee_pages_are_not_cached(client, event, organiser):
    force_login_verified(client, organiser)

    response = client.get(reverse("events:attendees", args=[event.slug]))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_csv_export_is_streamed_utf8_with_bom_for_excel(client, event, organiser):
    force_login_verified(client, organiser)
    client.cookies["kokeboka_language"] = "en"

    response = client.get(reverse("events:attendees-csv", args=[event.slug]))

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="deltakere-{event.slug}-'
    )
    assert "no-store" in response["Cache-Control"]
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Name",
        "Email address",
        "Organisation",
        "Role",
        "Status",
        "Place on the waiting list",
        "Dietary needs",
        "Accessibility needs",
        "Registered",
    ]
    assert len(rows) == 4  # header, two confirmed, one waiting; the cancelled one is left out
    kari = rows[1]
    assert kari[:3] == ["Kari Nordmann", "kari@example.no", "Bærum kommune"]
    assert kari[6] == "Vegetar"
    assert rows[2][0] == '\'=HYPERLINK("http://x")'  # never run as a formula
    assert rows[3][0] == "Per Venteliste" and rows[3][5] == "1"


def test_message_form_sends_to_confirmed_attendees(
    client, event, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    force_login_verified(client, organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:message", args=[event.slug]),
            {"subject": "Velkommen", "body": "Vi gleder oss til å se dere."},
        )

    assert response.status_code == 302
    assert sorted(message.to[0] for message in mailoutbox) == ["kari@example.no", "ola@example.no"]
    assert all(message.body == "Vi gleder oss til å se dere." for message in mailoutbox)


def test_message_form_errors_are_shown(client, event, organiser, mailoutbox):
    force_login_verified(client, organiser)
    client.cookies["kokeboka_language"] = "en"

    response = client.post(reverse("events:message", args=[event.slug]), {"subject": "Hei"})

    assert response.status_code == 400
    assert "Write the message." in response.content.decode()
    assert 'value="Hei"' in response.content.decode()
    assert mailoutbox == []


# The organising organisation: its administrators and brokers organise (issue 5).
@pytest.mark.parametrize(
    ("role", "same_organisation", "allowed"),
    [
        ("admin", True, True),
        ("broker", True, True),
        ("member", True, False),
        ("reviewer", True, False),
        ("fund_manager", True, False),
        ("admin", False, False),
        ("broker", False, False),
    ],
)
def test_organisation_roles_decide_who_organises(client, role, same_organisation, allowed):
    from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory

    host = OrganisationFactory(name="Bærum kommune")
    other = OrganisationFactory()
    event = EventFactory(organisation=host)
    person = UserFactory()
    MembershipFactory(user=person, organisation=host if same_organisation else other, role=role)

    assert can_organise(person, event) is allowed
    force_login_verified(client, person)
    for name in ORGANISER_PAGES:
        response = client.get(reverse(name, args=[event.slug]))
        assert response.status_code == (200 if allowed else 403), (name, response.status_code)


def test_meeting_page_names_the_organising_organisation(client):
    from apps.accounts.tests.factories import OrganisationFactory

    host = OrganisationFactory(name="Lier kommune", slug="lier-kommune")
    event = EventFactory(organisation=host)
    body = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert 'href="/organisasjoner/lier-kommune/"' in body
