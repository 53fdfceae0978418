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

    # Wagtail answers a denied admin request with a redirect to the dashboard.
    for response in (add, edit):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_raising_the_capacity_in_the_admin_gives_seats_to_the_waiting_list(
    client, editor, mailoutbox, django_capture_on_commit_callbacks
):
    from apps.events.formatting import oslo
    from apps.events.models import RegistrationStatus

    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING, position=1)
    client.force_login(editor)
    data = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "description": event.description,
        "start": oslo(event.start).strftime("%Y-%m-%d %H:%M"),
        "end": oslo(event.end).strftime("%Y-%m-%d %H:%M"),
        "registration_deadline": oslo(event.registration_deadline).strftime("%Y-%m-%d %H:%M"),
        "capacity": "2",
        "place_name": event.place_name,
        "place_address": event.place_address,
        "online_url": "",
        "accessibility_info": "",
        "video_url": "",
        "video_transcript": "",
        "status": "published",
    }
    for prefix in ("agenda_items", "speakers"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailsnippets_events_event:edit", args=[event.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    waiting.refresh_from_db()
    assert event.capacity == 2
    assert waiting.is_confirmed
    assert [message.to for message in mailoutbox] == [[waiting.email]]
