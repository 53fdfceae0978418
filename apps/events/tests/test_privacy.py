import json

import pytest

from apps.events.models import Input, InputStatus, Registration, RegistrationStatus
from apps.events.privacy import personal_data_delete_for_email, personal_data_for_email

from .factories import EventFactory, InputFactory, PastEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kari_everywhere():
    upcoming = EventFactory(title="Neste møte", capacity=1)
    past = PastEventFactory(title="Forrige møte")
    RegistrationFactory(
        event=upcoming, name="Kari", email="kari@example.no", dietary_needs="Glutenfri"
    )
    RegistrationFactory(event=past, name="Kari", email="kari@example.no")
    waiting = RegistrationFactory(
        event=upcoming, email="ola@example.no", status=RegistrationStatus.WAITING, position=1
    )
    InputFactory(event=past, author_email="kari@example.no", title="Nytt råd")
    InputFactory(
        event=past,
        author_email="kari@example.no",
        title="Ble et tips",
        status=InputStatus.CONVERTED,
    )
    InputFactory(event=past, author_email="noen@example.no", title="Andres råd")
    return upcoming, waiting


def test_export_holds_registrations_and_inputs_of_the_address(kari_everywhere):
    data = personal_data_for_email("Kari@Example.no")

    assert json.loads(json.dumps(data)) == data
    assert sorted(item["event"] for item in data["registrations"]) == [
        "Forrige møte",
        "Neste møte",
    ]
    assert {item["dietary_needs"] for item in data["registrations"]} == {"Glutenfri", ""}
    assert sorted(item["title"] for item in data["inputs"]) == ["Ble et tips", "Nytt råd"]
    assert personal_data_for_email("ukjent@example.no") == {"registrations": [], "inputs": []}


def test_export_finds_input_of_a_logged_in_author(user):
    InputFactory(author=user, author_email="", title="Innlogget råd")

    data = personal_data_for_email(user.email)

    assert [item["title"] for item in data["inputs"]] == ["Innlogget råd"]


def test_delete_removes_registrations_and_input_and_frees_the_seat(
    kari_everywhere, mailoutbox, django_capture_on_commit_callbacks
):
    upcoming, waiting = kari_everywhere

    with django_capture_on_commit_callbacks(execute=True):
        affected = personal_data_delete_for_email("kari@example.no")

    assert affected == 4  # two registrations deleted, one input deleted, one anonymised
    assert not Registration.objects.filter(email="kari@example.no").exists()
    assert not Input.objects.filter(author_email="kari@example.no").exists()
    kept = Input.objects.get(title="Ble et tips")
    assert (kept.author_name, kept.author_email, kept.author) == ("", "", None)
    assert Input.objects.filter(title="Andres råd").exists()
    waiting.refresh_from_db()
    assert waiting.is_confirmed
    assert [message.to for message in mailoutbox] == [["ola@example.no"]]
    assert personal_data_for_email("kari@example.no") == {"registrations": [], "inputs": []}


def test_delete_of_unknown_address_changes_nothing(kari_everywhere):
    assert personal_data_delete_for_email("ukjent@example.no") == 0
    assert personal_data_delete_for_email("") == 0
    assert Registration.objects.count() == 3


def test_the_events_app_joins_download_and_delete_of_an_account(kari_everywhere):
    """Registered by EventsConfig.ready through apps.accounts.privacy (accounts does not look
    the events app up), with the account's email address."""
    from apps.accounts.privacy import deleters, exporters
    from apps.accounts.tests.factories import UserFactory

    kari = UserFactory(email="kari@example.no")
    data = exporters()["events"](kari)
    assert sorted(item["event"] for item in data["registrations"]) == [
        "Forrige møte",
        "Neste møte",
    ]
    deleters()["events"](kari)
    assert not Registration.objects.filter(email__iexact="kari@example.no").exists()
