"""Every rate limit and lockout counts per visitor, also behind our reverse proxy, and never
by an address a visitor wrote into a header we do not trust."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import PASSWORD
from apps.core.clientip import client_ip
from apps.events.ratelimit import SUBMISSION_LIMIT
from apps.events.tests.factories import EventFactory
from apps.events.tests.test_views import registration_data

PROXY = "10.0.0.2"


def _request(remote: str = PROXY, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_a_forged_header_is_ignored(settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_with_one_trusted_proxy_the_address_it_saw_is_used(settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    # The visitor forged the first entry; nginx appended the address it saw.
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_with_two_trusted_proxies_the_second_from_the_right_is_used(settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"


def test_a_request_that_skipped_the_proxies_falls_back_to_the_peer(settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"
    assert client_ip(_request("198.51.100.7")) == "198.51.100.7"


def test_garbage_in_the_trusted_position_falls_back_to_the_peer(settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(PROXY, "1.2.3.4, <script>")) == PROXY


def test_ipv6_addresses_are_normalised(settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(PROXY, "2001:DB8:0:0::1")) == "2001:db8::1"


# --- the limiters use it ----------------------------------------------------------------


@pytest.mark.django_db
def test_two_visitors_behind_one_proxy_get_separate_api_limits(client, settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    settings.API_RATE_LIMIT = (2, 600)
    url = "/api/v1/rules"
    first = [client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1") for _ in "abc"]
    other = client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert [r.status_code for r in first] == [200, 200, 429]
    assert other.status_code == 200


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_api_limit_without_trusted_proxies(client, settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 0
    settings.API_RATE_LIMIT = (1, 600)
    url = "/api/v1/rules"
    assert client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 200
    assert client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429


@pytest.mark.django_db
def test_two_visitors_behind_one_proxy_get_separate_meeting_registration_limits(client, settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    event = EventFactory(capacity=100)
    url = reverse("events:register", args=[event.slug])

    def register(n: int, visitor: str):
        return client.post(
            url,
            registration_data(**{"reg-email": f"p{n}-{visitor}@example.no"}),
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=visitor,
        )

    for n in range(SUBMISSION_LIMIT):
        assert register(n, "203.0.113.1").status_code == 302
    assert register(99, "203.0.113.1").status_code == 429
    assert register(0, "203.0.113.2").status_code == 302


@pytest.mark.django_db
def test_signup_limit_counts_per_visitor_behind_the_proxy(client, settings):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    settings.KOKEBOKA_RATELIMITS = {**settings.KOKEBOKA_RATELIMITS, "signup": (1, 3600)}
    url = reverse("accounts:signup")
    data = {"first_name": "Kari", "last_name": "N", "email": "bad"}
    one = client.post(url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1")
    again = client.post(url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1")
    other = client.post(url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert one.status_code == 200  # the form again, with its errors
    assert again.status_code == 429
    assert other.status_code == 200


@pytest.mark.django_db
def test_wrong_passwords_from_one_visitor_do_not_lock_out_the_same_person_elsewhere(
    client, settings
):
    settings.KOKEBOKA_TRUSTED_PROXY_COUNT = 1
    user = UserFactory()
    login = reverse("accounts:login")
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    owner = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for _ in range(5):
        client.post(login, {"username": user.email, "password": "wrong"}, **attacker)
    locked = client.post(login, {"username": user.email, "password": PASSWORD}, **attacker)
    assert locked.status_code == 429
    allowed = client.post(login, {"username": user.email, "password": PASSWORD}, **owner)
    assert allowed.status_code == 302
