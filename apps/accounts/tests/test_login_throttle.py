"""Issue 19: the login lock was per account and address, so guessing spread over many
addresses was not slowed. A per-account cool-off now grows after 10 failures from any
address, capped at 15 minutes, and never holds back a browser the owner has used."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts import throttle

from .factories import UserFactory
from .helpers import PASSWORD

pytestmark = pytest.mark.django_db

WAIT = "Too many failed logins for this account."


def _login(email: str, password: str, *, n: int, client: Client | None = None):
    """One login from its own address (203.0.113.n), as a guesser with many addresses."""
    client = client or Client()
    client.cookies["kokeboka_language"] = "en"
    response = client.post(
        reverse("accounts:login"),
        {"username": email, "password": password},
        REMOTE_ADDR=f"203.0.113.{n}",
    )
    return client, response


def _expire_cooloff(email: str) -> None:
    throttle._cache().delete(throttle._account_key(email) + ":until")


def test_cooloff_grows_after_ten_failures_and_is_capped():
    assert [throttle.cooloff_for(n) for n in range(1, 11)] == [0] * 10
    assert [throttle.cooloff_for(n) for n in range(11, 17)] == [60, 120, 240, 480, 900, 900]
    assert throttle.cooloff_for(1000) == 900


def test_guessing_from_many_addresses_is_slowed_per_account():
    user = UserFactory()
    for n in range(1, 11):
        _client, response = _login(user.email, f"gjett-{n}", n=n)
        assert response.status_code == 200
        assert "The email address or the password is wrong" in response.content.decode()
    assert throttle.remaining_cooloff(user.email) == 0

    _client, response = _login(user.email, "gjett-11", n=11)
    assert response.status_code == 200
    assert 55 <= throttle.remaining_cooloff(user.email) <= 60

    # Now even the right password from a new address is not checked until the wait is over.
    client, response = _login(user.email, PASSWORD, n=12)
    assert response.status_code == 200
    html = response.content.decode()
    assert WAIT in html
    assert "Try again in 1 minute" in html
    assert "_auth_user_id" not in client.session

    # A refused attempt does not lengthen the wait; after it, the next failure doubles it.
    assert throttle.remaining_cooloff(user.email) <= 60
    _expire_cooloff(user.email)
    _login(user.email, "gjett-12", n=13)
    assert 115 <= throttle.remaining_cooloff(user.email) <= 120


def test_after_the_wait_the_right_password_logs_in_and_clears_the_count():
    user = UserFactory()
    for n in range(1, 12):
        _login(user.email, "feil", n=n)
    _expire_cooloff(user.email)
    client, response = _login(user.email, PASSWORD, n=50)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    # Forgotten: ten more failures cost nothing again.
    for n in range(60, 70):
        _login(user.email, "feil", n=n)
    assert throttle.remaining_cooloff(user.email) == 0


def test_the_owners_browser_is_not_locked_out_by_someone_elses_guessing():
    user = UserFactory()
    owner, response = _login(user.email, PASSWORD, n=1)
    assert response.status_code == 302
    assert owner.cookies[throttle.DEVICE_COOKIE]["httponly"]
    owner.post(reverse("accounts:logout"), REMOTE_ADDR="203.0.113.1")

    for n in range(2, 20):
        _login(user.email, "gjett", n=n)
        _expire_cooloff(user.email)  # a patient guesser who waits out every cool-off
    _login(user.email, "gjett", n=20)
    assert 895 <= throttle.remaining_cooloff(user.email) <= 900

    _stranger, refused = _login(user.email, PASSWORD, n=99)
    assert WAIT in refused.content.decode()
    _owner, response = _login(user.email, PASSWORD, n=1, client=owner)
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(user.pk)


def test_a_device_cookie_of_another_account_does_not_help():
    mine, other = UserFactory(), UserFactory()
    client, response = _login(mine.email, PASSWORD, n=1)
    assert response.status_code == 302
    client.post(reverse("accounts:logout"), REMOTE_ADDR="203.0.113.1")
    for n in range(2, 14):
        _login(other.email, "gjett", n=n)
    _client, response = _login(other.email, PASSWORD, n=1, client=client)
    assert WAIT in response.content.decode()


def test_a_forged_device_cookie_does_not_help():
    user = UserFactory()
    for n in range(2, 14):
        _login(user.email, "gjett", n=n)
    client = Client()
    client.cookies[throttle.DEVICE_COOKIE] = "eyJhIjoiMTIzIn0:forged:signature"
    _client, response = _login(user.email, PASSWORD, n=1, client=client)
    assert WAIT in response.content.decode()


def test_unknown_addresses_are_answered_alike():
    for n in range(1, 13):
        _client, response = _login("finnes.ikke@example.no", "gjett", n=n)
    assert WAIT in response.content.decode()


def test_a_new_password_starts_a_new_count():
    user = UserFactory()
    for n in range(1, 14):
        _login(user.email, "gjett", n=n)
    assert throttle.remaining_cooloff(user.email) > 0
    user.set_password("en helt ny passordfrase")
    user.save()
    client, response = _login(user.email, "en helt ny passordfrase", n=30)
    assert response.status_code == 302
