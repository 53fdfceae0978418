import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from apps.accounts import services
from apps.accounts.models import User

from .factories import UserFactory
from .helpers import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Kari",
    "last_name": "Nordmann",
    "email": "Kari@Example.no",
    "password1": "gule-bananer-pa-taket",
    "password2": "gule-bananer-pa-taket",
}


def _link(body: str) -> str:
    return re.search(r"http://testserver(/\S+)", body).group(1)


def test_signup_verify_login(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup"), SIGNUP)
    assert response.status_code == 302 and response.url == reverse("accounts:signup-done")
    user = User.objects.get(email="kari@example.no")
    assert not user.is_email_verified and user.first_name == "Kari"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kari@example.no"]

    # Unverified: the right password gives a clear message with a "send again" link.
    response = client.post(
        reverse("accounts:login"), {"username": "kari@example.no", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Confirm your email address first" in content
    assert reverse("accounts:resend-verification") in content
    assert "_auth_user_id" not in client.session

    link = _link(mail.outbox[0].body)
    assert link.startswith("/konto/bekreft/")
    response = client.get(link)
    assert response.status_code == 302 and response.url == reverse("accounts:login")
    user.refresh_from_db()
    assert user.is_email_verified

    response = client.post(
        reverse("accounts:login"), {"username": "kari@example.no", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302 and response.url == "/konto/"
    assert client.get("/konto/").status_code == 200


def test_signup_errors_keep_values_and_link_messages(client):
    data = {**SIGNUP, "password1": "kort", "password2": "annerledes", "first_name": ""}
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert 'value="Kari@Example.no"' in html or 'value="kari@example.no"' in html
    assert 'aria-describedby="id_first_name_error"' in html
    assert 'id="id_first_name_error"' in html and 'aria-invalid="true"' in html
    assert 'href="#id_password2"' in html
    assert not User.objects.exists()


def _signup(client, email: str, captured):
    with captured(execute=True):
        response = client.post(reverse("accounts:signup"), {**SIGNUP, "email": email})
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return response, page


def test_signup_answers_alike_for_a_known_and_a_new_address(
    client, django_capture_on_commit_callbacks
):
    """Issue 19: the sign-up form told anyone whether an address had an account."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # The account's owner is written to in the account's language, not the sign-up's.
    known = UserFactory(email="kari@example.no", first_name="Kari", language="en")
    before = known.password

    again, again_page = _signup(client, "Kari@Example.no", django_capture_on_commit_callbacks)
    new, new_page = _signup(client, "ola@example.no", django_capture_on_commit_callbacks)

    assert again.status_code == new.status_code == 302
    assert again["Location"] == new["Location"] == reverse("accounts:signup-done")
    assert again_page.status_code == new_page.status_code == 200
    assert again_page.content == new_page.content
    # Nothing changed for the known account (not even its password); the new one exists.
    known.refresh_from_db()
    assert known.password == before
    assert User.objects.filter(email__iexact="kari@example.no").count() == 1
    assert User.objects.filter(email="ola@example.no").exists()

    exists_mail, verify_mail = mail.outbox
    assert exists_mail.to == ["kari@example.no"]
    assert exists_mail.subject.startswith("You already have an account")
    assert "You already have an account, so nothing has changed." in exists_mail.body
    assert "http://testserver/konto/logg-inn/" in exists_mail.body
    assert "http://testserver/konto/glemt-passord/" in exists_mail.body
    assert "/konto/bekreft/" not in exists_mail.body
    assert verify_mail.to == ["ola@example.no"]
    assert "/konto/bekreft/" in verify_mail.body


def test_signup_with_an_unconfirmed_address_mails_the_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    known = UserFactory(email="kari@example.no", email_verified_at=None)
    _signup(client, "kari@example.no", django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["kari@example.no"]
    link = re.search(r"http://testserver(/konto/bekreft/\S+)", message.body).group(1)
    client.get(link)
    known.refresh_from_db()
    assert known.is_email_verified


def test_verify_rejects_tampered_expired_and_changed_email(client):
    user = UserFactory(email_verified_at=None)
    token = services.email_verification_token(user=user)
    assert client.get(reverse("accounts:verify", args=[token + "x"])).status_code == 400
    with override_settings(KOKEBOKA_EMAIL_VERIFICATION_MAX_AGE=-1):
        response = client.get(reverse("accounts:verify", args=[token]))
        assert response.status_code == 400 and b"expired" in response.content
    user.email = "changed@example.no"
    user.save()
    assert client.get(reverse("accounts:verify", args=[token])).status_code == 400
    user.refresh_from_db()
    assert not user.is_email_verified


def test_resend_verification_answers_the_same_for_unknown_addresses(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="venter@example.no", email_verified_at=None)
    UserFactory(email="ferdig@example.no")
    for email in ("venter@example.no", "ferdig@example.no", "ukjent@example.no"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("accounts:resend-verification"), {"email": email})
        assert response.status_code == 302 and response.url == reverse("accounts:login")
    assert [m.to for m in mail.outbox] == [["venter@example.no"]]


def test_wrong_password_message_and_logout_is_post_only(client):
    user = UserFactory()
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": "feil"})
    assert response.status_code == 200 and b"wrong" in response.content
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_redirect_next_is_kept_safe(client):
    user = UserFactory()
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": user.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response.url == "/konto/"


def test_axes_locks_after_five_failures_for_fifteen_minutes(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post(reverse("accounts:login"), {"username": user.email, "password": "x"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert b"15 minutes" in response.content
    assert "_auth_user_id" not in client.session
    # Another address from the same IP is not locked (the lock is per email + IP).
    other = UserFactory()
    response = client.post(
        reverse("accounts:login"), {"username": other.email, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_axes_resets_on_success(client):
    user = UserFactory()
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "x"})
    assert (
        client.post(
            reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
        ).status_code
        == 302
    )
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "x"})
    assert (
        client.post(
            reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
        ).status_code
        == 302
    )


@override_settings(
    KOKEBOKA_RATELIMITS={
        "signup": (2, 3600),
        "password_reset": (2, 3600),
        "resend_verification": (2, 3600),
    }
)
@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("accounts:signup", {"email": "x"}, 200),  # the form again: "x" is no address
        ("accounts:password-reset", {"email": "x@example.no"}, 302),
        ("accounts:resend-verification", {"email": "x@example.no"}, 302),
    ],
)
def test_anonymous_forms_are_rate_limited_per_ip(client, name, data, status):
    for _ in range(2):
        assert client.post(reverse(name), data).status_code == status
    response = client.post(reverse(name), data)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    # GET still works, and another IP is not limited.
    assert client.get(reverse(name)).status_code == 200
    assert client.post(reverse(name), data, REMOTE_ADDR="10.1.2.3").status_code == status


def test_password_reset_sends_email_through_task_and_resets(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="glemsk@example.no", email_verified_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password-reset"), {"email": "glemsk@example.no"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0].body)
    response = client.get(link)
    assert response.status_code == 302  # Django swaps the token for a session marker
    response = client.post(
        response.url,
        {"new_password1": "nytt-langt-passord-42", "new_password2": "nytt-langt-passord-42"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nytt-langt-passord-42")
    assert user.is_email_verified  # the reset link proved the address


def test_profile_edit(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Ola", "last_name": "Hansen", "language": "nb"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.get_full_name() == "Ola Hansen"
    response = client.post(
        reverse("accounts:profile"), {"first_name": "", "last_name": "Hansen", "language": "nb"}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.first_name == "Ola"


def test_unverified_cannot_log_in_through_the_wagtail_login_either(client, home_page):
    user = UserFactory(email_verified_at=None, is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    # A session made before (force_login) still works: only logging in is refused.
    client.force_login(user)
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_test_client_login_still_works_for_other_apps(client):
    user = UserFactory()
    assert client.login(username=user.email, password=PASSWORD)
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert not client.login(username=UserFactory(email_verified_at=None).email, password=PASSWORD)
