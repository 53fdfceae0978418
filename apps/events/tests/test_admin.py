import pytest
from django.urls import reverse

from .factories import EventFactory, InputFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    event = EventFactory(title="Møtet i admin")
    RegistrationFactory(event=event, name="Kari Admin")
    InputFactory(event=event, title="Innspill i admin")
    return event


@pytest.mark.parametrize(
    ("model", "text"),
    [("event", "Møtet i admin"), ("registration", "Kari Admin"), ("input", "Innspill i admin")],
)
def test_editors_see_meetings_registrations_and_input_in_the_admin(
    client, editor, meeting, model, text
):
    client.force_login(editor)

    response = client.get(reverse(f"wagtailsnippets_events_{model}:list"))

    assert response.status_code == 200
    assert text in response.content.decode()


def test_event_edit_form_has_agenda_and_speakers(client, editor, meeting):
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_events_event:edit", args=[meeting.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "agenda_items-TOTAL_FORMS" in html
    assert "speakers-TOTAL_FORMS" in html


def test_registrations_cannot_be_added_or_edited_in_the_admin(client, editor, meeting):
    client.force_login(editor)
    registration = meeting.registrations.get()

    add = client.get(reverse("wagtailsnippets_events_registration:add"))
    edit = client.get(reverse("wagtailsnippets_events_registration:edit", args=[registration.pk]))

    assert add.status_code in (302, 403)
    assert edit.status_code in (302, 403)
