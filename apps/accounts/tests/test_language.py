"""The language a person is written to in (issue 18): stored on the account, set by the
header's language choice and on My page, and taken from the sign-up's request."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from apps.accounts import services
from apps.accounts.models import User
from apps.core.mail import in_language_of, recipient_language

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_header_language_choice_is_stored_on_a_logged_in_persons_account(client):
    user = UserFactory()
    assert user.language == "nb"
    client.force_login(user)
    response = client.get(reverse("choose-language", args=["nn"]), {"next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    user.refresh_from_db()
    assert user.language == "nn"


def test_an_unknown_language_changes_nothing(client):
    user = UserFactory(language="en")
    client.force_login(user)
    client.get(reverse("choose-language", args=["xx"]))
    user.refresh_from_db()
    assert user.language == "en"
    assert services.user_language_set(user=user, language="de") is False


def test_an_anonymous_language_choice_only_sets_the_cookie(client):
    response = client.get(reverse("choose-language", args=["en"]))
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_my_page_edits_the_language_and_refuses_an_unknown_one(client):
    user = UserFactory(first_name="Ola", last_name="Hansen")
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="language"' in page
    assert '<option value="nn"' in page
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Ola", "last_name": "Hansen", "language": "en"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Olav", "last_name": "Hansen", "language": "fr"}
    )
    assert response.status_code == 200
    assert 'value="Olav"' in response.content.decode()  # what was typed is kept
    user.refresh_from_db()
    assert (user.language, user.first_name) == ("en", "Ola")


def test_a_new_account_starts_in_the_language_of_the_sign_up_and_is_confirmed_in_it(
    client, smtp_server, django_capture_on_commit_callbacks
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    data = {
        "first_name": "Ingrid",
        "last_name": "Vinje",
        "email": "ingrid@example.no",
        "password1": "gule-bananer-på-taket",
        "password2": "gule-bananer-på-taket",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 302
    assert User.objects.get(email="ingrid@example.no").language == "nn"
    (received,) = smtp_server.wait_for(1)
    assert received.message["Subject"] == "Stadfest e-postadressa di for Kokeboka"


def test_a_password_reset_requested_in_english_is_written_in_the_accounts_language(
    client, smtp_server, django_capture_on_commit_callbacks
):
    UserFactory(email="kari@example.no", language="nn")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password-reset"), {"email": "kari@example.no"})
    (received,) = smtp_server.wait_for(1)
    assert received.message["Subject"] == "Vel eit nytt passord for Kokeboka"


def test_the_recipient_language_falls_back_from_account_to_address_to_request():
    UserFactory(email="nynorsk@example.no", language="nn")
    with translation.override("en"):
        assert recipient_language(User(language="nb")) == "nb"
        assert recipient_language(email="NYNORSK@example.no") == "nn"
        assert recipient_language(email="ingen@example.no", fallback="nn") == "nn"
        assert recipient_language(email="ingen@example.no") == "en"
        assert recipient_language(fallback="xx") == "en"
        with in_language_of(email="nynorsk@example.no") as code:
            assert code == "nn"
            assert translation.get_language() == "nn"
        assert translation.get_language() == "en"
