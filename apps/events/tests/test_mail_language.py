"""Meeting mail in the recipient's language (issue 18). A seat freed by someone else's
cancellation is mailed from the canceller's request (or later by the worker), so the
language must come from the recipient: their account's language where the address has an
account; a sign-up's confirmation is written in the language the sign-up was made in."""

import pytest
from django.utils import translation

from apps.accounts.tests.factories import UserFactory
from apps.events import services
from apps.events.models import Role

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _sign_up(event, email: str):
    return services.registration_create(
        event=event, name="Deltakar", email=email, role=Role.ENTREPRENEUR
    )


def _subject(received) -> str:
    return str(received.message["Subject"]).strip()


def test_a_freed_seat_is_mailed_in_the_language_of_the_promoted_persons_account(
    smtp_server, django_capture_on_commit_callbacks
):
    UserFactory(email="nynorsk@example.no", language="nn")
    UserFactory(email="english@example.no", language="en")
    event = EventFactory(capacity=1, title="Dialogmøte i Førde")
    with translation.override("nb"):
        seated = _sign_up(event, "gjest@example.no")
        nynorsk = _sign_up(event, "nynorsk@example.no")
        _sign_up(event, "english@example.no")

    # Someone reading the site in English cancels: the seat goes to the nynorsk reader.
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(token=seated.cancel_token)
    (promoted,) = smtp_server.to("nynorsk@example.no")
    assert _subject(promoted) == "Du har fått plass: Dialogmøte i Førde"
    assert "Gode nyheiter: Det vart ledig ein plass" in promoted.part("text/plain")

    # A bokmål reader's cancellation frees the next seat for the English reader.
    with translation.override("nb"), django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(token=nynorsk.cancel_token)
    (promoted,) = smtp_server.to("english@example.no")
    assert _subject(promoted) == "You have a seat: Dialogmøte i Førde"
    assert "Good news: a seat became free" in promoted.part("text/plain")


def test_a_guests_confirmation_is_in_the_language_they_signed_up_in(
    smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=5, title="Dialogmøte i Ørsta")
    with translation.override("nn"), django_capture_on_commit_callbacks(execute=True):
        _sign_up(event, "gjest@example.no")
    (confirmation,) = smtp_server.to("gjest@example.no")
    assert _subject(confirmation) == "Du er påmeld: Dialogmøte i Ørsta"


def test_a_guest_without_an_account_gets_a_freed_seat_in_the_language_they_signed_up_in(
    smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1, title="Dialogmøte i Volda")
    with translation.override("nb"):
        seated = _sign_up(event, "forste@example.no")
    with translation.override("nn"):
        waiting = _sign_up(event, "gjest@example.no")
    assert waiting.language == "nn"
    # Someone reading the site in English cancels; the guest has no account.
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(token=seated.cancel_token)
    (promoted,) = smtp_server.to("gjest@example.no")
    assert _subject(promoted) == "Du har fått plass: Dialogmøte i Volda"
