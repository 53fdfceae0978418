import datetime

import pytest
from django.utils import timezone, translation

from apps.core.models import AuditEvent
from apps.events import services
from apps.events.models import Registration, RegistrationStatus, Role

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages in English, so assertions hold whatever the Norwegian translation says."""
    with translation.override("en"):
        yield


def sign_up(event, n: int, **kwargs) -> Registration:
    return services.registration_create(
        event=event,
        name=f"Person {n}",
        email=f"person{n}@example.no",
        role=Role.ENTREPRENEUR,
        **kwargs,
    )


def test_sign_ups_are_confirmed_until_capacity_then_wait_in_order():
    event = EventFactory(capacity=2)

    first, second, third, fourth = (sign_up(event, n) for n in range(4))

    assert [r.status for r in (first, second)] == [RegistrationStatus.CONFIRMED] * 2
    assert [r.status for r in (third, fourth)] == [RegistrationStatus.WAITING] * 2
    assert third.position < fourth.position
    assert third.waiting_place() == 1
    assert fourth.waiting_place() == 2
    assert event.registrations.confirmed().count() == 2


def test_confirmed_never_exceeds_capacity_even_if_set_up_full_by_hand():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)

    late = sign_up(event, 1)

    assert late.status == RegistrationStatus.WAITING


def test_registration_mails_confirmation_with_absolute_cancel_link(mails):
    event = EventFactory(capacity=1, title="Dialogmøte i Bodø")

    with mails.capture():
        confirmed = sign_up(event, 1)
        waiting = sign_up(event, 2)

    assert len(mails.outbox) == 2
    first, second = mails.outbox
    assert first.to == ["person1@example.no"]
    assert "Dialogmøte i Bodø" in first.subject
    assert f"http://testserver/dialogmoter/avmelding/{confirmed.cancel_token}/" in first.body
    assert second.to == ["person2@example.no"]
    assert f"/dialogmoter/avmelding/{waiting.cancel_token}/" in second.body
    assert "waiting list" in second.subject


def test_no_mail_before_the_transaction_commits(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sign_up(event, 1)

    assert mailoutbox == []
    # The receipt and the page-cache purge (apps.core.signals) both wait for the commit.
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1


def test_registration_is_refused_after_the_deadline():
    event = EventFactory()
    after_deadline = event.registration_deadline + datetime.timedelta(minutes=1)

    with pytest.raises(services.RegistrationClosed) as refusal:
        sign_up(event, 1, now=after_deadline)

    assert "closed" in refusal.value.message
    assert not event.registrations.exists()


def test_registration_is_allowed_up_to_the_deadline():
    event = EventFactory()

    registration = sign_up(event, 1, now=event.registration_deadline)

    assert registration.is_confirmed


def test_registration_for_a_draft_is_refused():
    event = EventFactory(status="draft")

    with pytest.raises(services.RegistrationClosed):
        sign_up(event, 1)


def test_same_email_cannot_register_twice_in_any_case():
    event = EventFactory()
    services.registration_create(
        event=event, name="Kari", email="Kari@Example.no", role=Role.MUNICIPALITY
    )

    with pytest.raises(services.RegistrationDuplicate) as refusal:
        services.registration_create(
            event=event, name="Kari N.", email=" kari@example.NO ", role=Role.MUNICIPALITY
        )

    assert "kari@example.no" in refusal.value.message
    assert event.registrations.count() == 1


def test_a_cancelled_person_may_register_again():
    event = EventFactory()
    first = sign_up(event, 1)
    services.registration_cancel(token=first.cancel_token)

    again = sign_up(event, 1)

    assert again.is_confirmed
    assert again.cancel_token != first.cancel_token


def test_cancel_promotes_the_first_on_the_waiting_list_and_emails_them(mails):
    event = EventFactory(capacity=1)
    seated = sign_up(event, 1)
    next_in_line = sign_up(event, 2)
    after = sign_up(event, 3)
    mails.outbox.clear()

    with mails.capture():
        cancelled, promoted = services.registration_cancel(token=seated.cancel_token)

    cancelled.refresh_from_db()
    next_in_line.refresh_from_db()
    after.refresh_from_db()
    assert cancelled.status == RegistrationStatus.CANCELLED
    assert cancelled.cancelled_at is not None
    assert promoted == [next_in_line]
    assert next_in_line.status == RegistrationStatus.CONFIRMED
    assert next_in_line.position is None
    assert after.status == RegistrationStatus.WAITING
    assert after.waiting_place() == 1
    assert [message.to for message in mails.outbox] == [["person2@example.no"]]
    # The guest has no account: the seat is offered in the language they signed up in
    # (English here, as this module's sign-ups run in English), kept on the registration.
    assert next_in_line.language == "en"
    assert mails.outbox[0].subject.startswith("You have a seat: ")
    assert next_in_line.cancel_token in mails.outbox[0].body


def test_cancelling_a_waiting_place_promotes_nobody():
    event = EventFactory(capacity=1)
    sign_up(event, 1)
    waiting = sign_up(event, 2)
    last = sign_up(event, 3)

    _registration, promoted = services.registration_cancel(token=waiting.cancel_token)

    last.refresh_from_db()
    assert promoted == []
    assert last.status == RegistrationStatus.WAITING
    assert last.waiting_place() == 1


def test_cancelling_twice_changes_nothing_the_second_time():
    event = EventFactory(capacity=1)
    seated = sign_up(event, 1)
    services.registration_cancel(token=seated.cancel_token)
    waiting = sign_up(event, 2)

    again, promoted = services.registration_cancel(token=seated.cancel_token)

    waiting.refresh_from_db()
    assert again.is_cancelled
    assert promoted == []
    assert waiting.is_confirmed


def test_unknown_token_is_refused():
    with pytest.raises(services.RegistrationNotFound):
        services.registration_cancel(token="not-a-token")


def test_cancel_after_start_is_refused():
    event = EventFactory()
    seated = sign_up(event, 1)

    with pytest.raises(services.CancellationClosed):
        services.registration_cancel(
            token=seated.cancel_token, now=event.start + datetime.timedelta(minutes=5)
        )

    seated.refresh_from_db()
    assert seated.is_confirmed


def test_writes_leave_audit_rows_without_personal_data():
    event = EventFactory(capacity=1)
    seated = sign_up(event, 1)
    sign_up(event, 2)
    services.registration_cancel(token=seated.cancel_token)

    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "events.registration.create",
        "events.registration.create",
        "events.registration.cancel",
        "events.registration.promote",
    ]
    for data in AuditEvent.objects.values_list("data", flat=True):
        assert "example.no" not in str(data)


def test_message_goes_to_each_confirmed_attendee_alone_as_plain_text(mails, editor):
    event = EventFactory(capacity=2)
    sign_up(event, 1)
    sign_up(event, 2)
    sign_up(event, 3)  # waiting: no message
    cancelled = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    mails.outbox.clear()

    with mails.capture():
        count = services.event_message_attendees(
            event=event,
            subject="Praktisk  informasjon\n",
            body="<p>Husk <strong>matpakke</strong> &amp; godt humør.</p><script>alert(1)</script>",
            sender=editor,
        )

    assert count == 2
    assert sorted(message.to[0] for message in mails.outbox) == [
        "person1@example.no",
        "person2@example.no",
    ]
    assert cancelled.email not in {message.to[0] for message in mails.outbox}
    message = mails.outbox[0]
    assert message.subject == "Praktisk informasjon"
    assert message.body == "Husk matpakke & godt humør."
    assert message.reply_to == [editor.email]
    assert message.content_subtype == "plain"
    assert AuditEvent.objects.filter(action="events.event.message_attendees").count() == 1


def test_message_needs_subject_and_body(editor):
    with pytest.raises(ValueError):
        services.event_message_attendees(
            event=EventFactory(), subject="Hei", body="<p></p>", sender=editor
        )


def test_registration_time_defaults_to_now():
    before = timezone.now()
    registration = sign_up(EventFactory(), 1)

    assert registration.created_at >= before
    assert registration.confirmed_at == registration.created_at


def test_fill_seats_moves_the_waiting_list_into_new_seats_but_not_after_start():
    event = EventFactory(capacity=1)
    sign_up(event, 1)
    second = sign_up(event, 2)
    third = sign_up(event, 3)
    event.capacity = 2
    event.save()

    assert services.event_fill_seats(event=event, now=event.start) == []
    promoted = services.event_fill_seats(event=event)

    third.refresh_from_db()
    assert promoted == [second]
    assert third.is_waiting
