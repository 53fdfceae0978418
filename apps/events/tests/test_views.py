import datetime
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from apps.events.formatting import event_when
from apps.events.models import Input, InputKind, Registration, RegistrationStatus
from apps.events.ratelimit import SUBMISSION_LIMIT

from .factories import (
    AgendaItemFactory,
    EventFactory,
    PastEventFactory,
    RegistrationFactory,
    SpeakerFactory,
    in_days,
)

pytestmark = pytest.mark.django_db


def registration_data(**overrides) -> dict:
    data = {
        "reg-name": "Kari Nordmann",
        "reg-email": "kari@example.no",
        "reg-organisation": "Bærum kommune",
        "reg-role": "kommune",
        "reg-dietary_needs": "Vegetar",
        "reg-accessibility_needs": "",
    }
    data.update(overrides)
    return data


def test_list_shows_upcoming_and_past_in_their_sections(english):
    upcoming = EventFactory(title="Neste møte")
    past = PastEventFactory(title="Møtet i fjor")
    EventFactory(title="Utkastet", status="draft")

    response = english.get("/dialogmoter/")

    assert response.status_code == 200
    html = response.content.decode()
    upcoming_section, past_section = html.split('id="past-heading"')
    assert upcoming.title in upcoming_section and past.title not in upcoming_section
    assert past.title in past_section
    assert "Utkastet" not in html
    assert "10 seats left" in upcoming_section


def test_event_page_shows_programme_seats_and_forms(english):
    event = EventFactory(capacity=3, accessibility_info="Trinnfri adkomst.")
    AgendaItemFactory(event=event, time=datetime.time(9, 30), title="Velkommen")
    SpeakerFactory(event=event, name="Kari Nordmann", role="Bærum kommune")
    RegistrationFactory(event=event)

    response = english.get(event.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "09.30" in html and "Velkommen" in html
    assert "Kari Nordmann" in html and "Bærum kommune" in html
    assert "Trinnfri adkomst." in html
    assert "There are 2 seats left." in html
    assert f'action="/dialogmoter/{event.slug}/pamelding/#registration"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_event_page_description_is_sanitised():
    event = EventFactory(
        description='Hei <script>alert("x")</script><a href="javascript:alert(1)">lenke</a>'
    )

    html = Client_get(event)

    assert "<script>alert" not in html
    assert "javascript:" not in html
    assert "<p>Hei" in html


def Client_get(event) -> str:  # noqa: N802
    from django.test import Client

    return Client().get(event.get_absolute_url()).content.decode()


def test_times_are_shown_in_norwegian_time_and_format():
    # 08:00 UTC in June is 10.00 in Oslo (summer time).
    event = EventFactory(
        start=datetime.datetime(2016, 6, 14, 8, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2016, 6, 14, 12, 0, tzinfo=datetime.UTC),
        registration_deadline=datetime.datetime(2016, 6, 10, 8, 0, tzinfo=datetime.UTC),
    )

    with translation.override("nb"):
        assert event_when(event).startswith("tirsdag 14. juni 2016")
        assert "10.00–14.00" in event_when(event)

    html = Client_get(event)
    assert "tirsdag 14. juni 2016" in html
    assert "10.00–14.00" in html


def test_draft_and_unknown_meetings_are_not_found(client, user):
    draft = EventFactory(status="draft")

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/dialogmoter/finnes-ikke/").status_code == 404
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_organisers_can_preview_their_draft(client, user):
    draft = EventFactory(status="draft", organisers=[user])
    client.force_login(user)

    assert client.get(draft.get_absolute_url()).status_code == 200


def test_json_ld_is_a_valid_schema_org_event_that_cannot_break_out():
    event = EventFactory(title="Møte </script><script>alert(1)</script> & mer", capacity=5)
    RegistrationFactory(event=event)

    html = Client_get(event)

    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    block = html[start : html.index("</script>", start)]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["location"]["address"]["streetAddress"] == event.place_address
    assert data["url"] == f"http://testserver/dialogmoter/{event.slug}/"
    assert data["maximumAttendeeCapacity"] == 5
    assert data["remainingAttendeeCapacity"] == 4
    assert data["offers"]["availability"] == "https://schema.org/InStock"


def test_registration_sends_the_receipt_link_by_mail(
    english, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = english.post(reverse("events:register", args=[event.slug]), registration_data())

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/dialogmoter/{event.slug}/pamelding/sendt/"
    assert registration.is_confirmed
    assert registration.organisation == "Bærum kommune"
    assert registration.dietary_needs == "Vegetar"
    [mail] = mailoutbox
    assert mail.to == ["kari@example.no"]
    assert f"/dialogmoter/pamelding/{registration.cancel_token}/" in mail.body
    assert registration.get_cancel_url() in mail.body
    page = english.get(response["Location"])
    assert page.status_code == 200
    assert "Check your email" in page.content.decode()


def test_receipt_shows_status_and_cancel_link(english):
    registration = RegistrationFactory(event=EventFactory(), name="Kari Nordmann")

    response = english.get(registration.get_receipt_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "You are registered for" in html
    assert registration.get_cancel_url() in html
    assert "no-cache" in response["Cache-Control"]
    assert english.get("/dialogmoter/pamelding/ukjent/").status_code == 404


def test_receipt_tells_the_waiting_list_place(english):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING, position=1)

    html = english.get(waiting.get_receipt_url()).content.decode()

    assert "number 1 on the waiting list" in html


def test_bad_input_is_shown_with_messages_and_values_kept(english):
    event = EventFactory()

    response = english.post(
        reverse("events:register", args=[event.slug]),
        registration_data(**{"reg-email": "ikke-en-adresse", "reg-role": "", "reg-name": "Kari"}),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Please correct the following" in html
    assert "Enter an email address like name@example.no." in html
    assert "Choose the role you take part in." in html
    assert 'value="Kari"' in html
    assert 'value="ikke-en-adresse"' in html
    assert 'href="#id_reg-role_0"' in html
    assert 'aria-invalid="true"' in html
    assert not Registration.objects.exists()


def _sign_up(client, event, email: str, captured):
    with captured(execute=True):
        response = client.post(
            reverse("events:register", args=[event.slug]),
            registration_data(**{"reg-email": email}),
        )
    page = client.get(response["Location"]) if response.status_code == 302 else None
    return response, page


def test_sign_up_form_answers_alike_for_a_registered_and_a_new_address(
    english, mailoutbox, django_capture_on_commit_callbacks
):
    """Issue 19: the form told anyone whether an address was registered for a meeting."""
    event = EventFactory()
    known = RegistrationFactory(event=event, email="kari@example.no", name="Kari Nordmann")

    again, again_page = _sign_up(
        english, event, "Kari@Example.no", django_capture_on_commit_callbacks
    )
    new, new_page = _sign_up(english, event, "ola@example.no", django_capture_on_commit_callbacks)

    assert again.status_code == new.status_code == 302
    assert again["Location"] == new["Location"]
    assert again_page.status_code == new_page.status_code == 200
    assert again_page.content == new_page.content
    assert b"kari@example.no" not in again_page.content
    # Nothing changed for the registered address; the new one has its seat.
    assert event.registrations.filter(email="kari@example.no").count() == 1
    assert event.registrations.get(email="ola@example.no").is_confirmed

    already, confirmation = mailoutbox
    assert already.to == ["kari@example.no"]
    assert already.subject == f"You are already registered: {event.title}"
    assert "You are already registered with this address" in already.body
    assert f"/dialogmoter/pamelding/{known.cancel_token}/" in already.body
    assert known.get_cancel_url() in already.body
    assert confirmation.to == ["ola@example.no"]
    assert confirmation.subject == f"You are registered: {event.title}"


def test_already_registered_mail_tells_the_waiting_list_place(
    english, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(
        event=event, email="kari@example.no", status=RegistrationStatus.WAITING, position=1
    )

    response, _page = _sign_up(
        english, event, "kari@example.no", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    [mail] = mailoutbox
    assert "You are number 1 on the waiting list" in mail.body


def test_a_cancelled_registration_can_sign_up_again(
    english, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    RegistrationFactory(event=event, email="kari@example.no", status=RegistrationStatus.CANCELLED)

    response, _page = _sign_up(
        english, event, "kari@example.no", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert event.registrations.active().get(email="kari@example.no").is_confirmed
    [mail] = mailoutbox
    assert mail.subject == f"You are registered: {event.title}"


def test_registration_after_deadline_is_refused_with_a_message(english):
    event = EventFactory(registration_deadline=in_days(-1), start=in_days(1))

    page = english.get(event.get_absolute_url()).content.decode()
    response = english.post(reverse("events:register", args=[event.slug]), registration_data())

    assert "Registration for this meeting is closed." in page
    assert 'id="reg-form"' not in page
    assert response.status_code == 400
    assert "Registration for this meeting closed on" in response.content.decode()
    assert not Registration.objects.exists()


def test_full_meeting_shows_the_waiting_list_notice(english):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)

    html = english.get(event.get_absolute_url()).content.decode()

    assert 'id="waiting-list-notice"' in html
    assert "Join the waiting list" in html


def test_cancel_page_asks_first_and_cancels_on_post(
    english, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING, position=1)

    page = english.get(seated.get_cancel_url())
    seated.refresh_from_db()
    assert page.status_code == 200
    assert "Yes, cancel my registration" in page.content.decode()
    assert seated.is_confirmed

    with django_capture_on_commit_callbacks(execute=True):
        response = english.post(seated.get_cancel_url())

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert response.status_code == 302
    assert seated.is_cancelled
    assert waiting.is_confirmed
    assert [message.to for message in mailoutbox] == [[waiting.email]]
    assert "is cancelled" in english.get(seated.get_cancel_url()).content.decode()


def test_cancel_with_unknown_token_is_not_found(client):
    assert client.get("/dialogmoter/avmelding/ukjent/").status_code == 404
    assert client.post("/dialogmoter/avmelding/ukjent/").status_code == 404


def test_cancel_after_start_is_refused(english):
    event = EventFactory(
        start=timezone.now() - datetime.timedelta(hours=1), registration_deadline=in_days(-2)
    )
    seated = RegistrationFactory(event=event)

    response = english.post(seated.get_cancel_url())

    seated.refresh_from_db()
    assert response.status_code == 400
    assert seated.is_confirmed


def test_input_is_stored_with_its_target_and_phase(client, home_page):
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    recipe = RecipePageFactory(parent=chapter, title="Start med behovet")
    event = EventFactory()

    page = client.get(event.get_absolute_url()).content.decode()
    response = client.post(
        reverse("events:input", args=[event.slug]),
        {
            "input-kind": "advice",
            "input-title": "Bruk tid på behovet",
            "input-text": "Bli i behovet før dere velger løsning.",
            "input-target": f"recipe-{recipe.pk}",
            "input-author_name": "Kari",
            "input-author_email": "Kari@example.no",
        },
    )

    assert f'value="recipe-{recipe.pk}"' in page
    assert f'<optgroup label="{chapter.title}">' in page
    assert response.status_code == 302
    item = Input.objects.get()
    assert item.recipe == recipe and item.chapter is None
    assert item.kind == InputKind.ADVICE
    assert item.phase == "before"
    assert item.author_email == "kari@example.no"
    assert item.status == "new"


def test_input_with_errors_keeps_values(english):
    event = EventFactory()

    response = english.post(
        reverse("events:input", args=[event.slug]),
        {"input-kind": "example", "input-title": "", "input-text": "Teksten min"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Give your input a short heading." in html
    assert "Teksten min</textarea>" in html
    assert not Input.objects.exists()


def test_submissions_are_rate_limited_per_address(english):
    event = EventFactory(capacity=100)
    for n in range(SUBMISSION_LIMIT):
        response = english.post(
            reverse("events:register", args=[event.slug]),
            registration_data(**{"reg-email": f"p{n}@example.no"}),
            REMOTE_ADDR="192.0.2.10",
        )
        assert response.status_code == 302

    refused = english.post(
        reverse("events:register", args=[event.slug]),
        registration_data(**{"reg-email": "one-more@example.no"}),
        REMOTE_ADDR="192.0.2.10",
    )
    other_address = english.post(
        reverse("events:register", args=[event.slug]),
        registration_data(**{"reg-email": "other@example.no"}),
        REMOTE_ADDR="192.0.2.11",
    )

    assert refused.status_code == 429
    assert "You have sent many forms in a short time" in refused.content.decode()
    assert not Registration.objects.filter(email="one-more@example.no").exists()
    assert other_address.status_code == 302
    cache.clear()


def test_input_is_rate_limited_too(english):
    event = EventFactory()
    data = {"input-kind": "advice", "input-title": "Råd", "input-text": "Tekst"}
    for _ in range(SUBMISSION_LIMIT):
        english.post(reverse("events:input", args=[event.slug]), data)

    refused = english.post(reverse("events:input", args=[event.slug]), data)

    html = refused.content.decode()
    assert refused.status_code == 429
    assert html.index('id="rate-limit"') > html.index('id="input-heading"')
    assert Input.objects.count() == SUBMISSION_LIMIT


def test_past_meeting_shows_video_and_what_input_became(english):
    event = PastEventFactory(
        video_url="https://vimeo.com/76979871", video_transcript="Alt som ble sagt."
    )
    from .factories import InputFactory

    InputFactory(event=event, status="converted", converted_to_description="Ble et tips.")
    InputFactory(event=event, status="converted", converted_to_description="Ble et eksempel.")
    InputFactory(event=event, status="new", title="Ikke behandlet")

    html = english.get(event.get_absolute_url()).content.decode()

    assert "2 inputs from this meeting have become part of the cookbook." in html
    assert "Ble et tips." in html and "Ble et eksempel." in html
    assert "Ikke behandlet" not in html
    assert 'data-video-src="https://player.vimeo.com/video/76979871' in html
    assert "<iframe" not in html
    assert "Alt som ble sagt." in html
    assert "This meeting has been held." in html
    assert "kari@example.no" not in html
