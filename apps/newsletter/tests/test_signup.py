"""Sign-up with double opt-in, confirmation, consent, rate limits and unsubscribe."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.newsletter import services
from apps.newsletter.models import Subscriber

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/nyhetsbrev/"


def post_signup(client, capture, **data):
    payload = {"email": "kari@example.no", "language": "nb", **data}
    with capture(execute=True):
        return client.post(SIGNUP, payload, HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 400)


def confirm_link(message) -> str:
    for line in message.body.splitlines():
        if "/nyhetsbrev/bekreft/" in line:
            return line.strip()
    raise AssertionError("no confirmation link")


def test_sign_up_page_has_every_sector_and_the_three_languages(client):
    response = client.get(SIGNUP + "?email=kari%40example.no")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="kari@example.no"' in html
    assert 'value="miljo_klima"' in html
    assert 'value="nn"' in html and 'value="en"' in html


def test_sign_up_stores_a_pending_subscriber_and_sends_only_a_confirmation(
    client, django_capture_on_commit_callbacks
):
    response = post_signup(
        client, django_capture_on_commit_callbacks, topics=["helse_omsorg", "folkehelse"]
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:check-email")
    subscriber = Subscriber.objects.get(email="kari@example.no")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.topics == ["folkehelse", "helse_omsorg"]
    assert subscriber.consent_ip == "127.0.0.1"
    assert len(subscriber.consent_user_agent) == 200
    assert "Helse og omsorg" in subscriber.consent_text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kari@example.no"]
    assert "/nyhetsbrev/bekreft/" in mail.outbox[0].body


def test_bad_address_keeps_what_was_typed_and_says_why_in_norwegian(client):
    response = client.post(
        SIGNUP,
        {"email": "ikke-en-adresse", "language": "nb", "topics": ["folkehelse"]},
        HTTP_ACCEPT_LANGUAGE="nb",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="ikke-en-adresse"' in html
    assert re.search(r'name="topics" id="[^"]+" value="folkehelse" checked', html)
    assert Subscriber.objects.count() == 0


def test_a_second_sign_up_looks_the_same_and_sends_no_second_mail_within_the_window(
    client, django_capture_on_commit_callbacks
):
    first = post_signup(client, django_capture_on_commit_callbacks)
    second = post_signup(client, django_capture_on_commit_callbacks)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 1


def test_after_the_window_a_new_sign_up_sends_one_new_confirmation(
    client, django_capture_on_commit_callbacks
):
    post_signup(client, django_capture_on_commit_callbacks)
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=1))
    post_signup(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_sign_up_of_a_confirmed_address_changes_nothing_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="kari@example.no", topics=["barnevern"])
    response = post_signup(client, django_capture_on_commit_callbacks, topics=["folkehelse"])
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:check-email")
    assert Subscriber.objects.get(email="kari@example.no").topics == ["barnevern"]
    assert mail.outbox == []


def test_confirmation_link_get_asks_and_post_confirms(client, django_capture_on_commit_callbacks):
    post_signup(client, django_capture_on_commit_callbacks)
    link = confirm_link(mail.outbox[0])
    path = link.removeprefix("http://testserver")
    assert client.get(path).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    response = client.post(path)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_an_expired_or_forged_confirmation_link_fails(client, settings):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    token = services.confirmation_token(subscriber)
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    assert client.post(reverse("newsletter:confirm", args=[token])).status_code == 400
    settings.NEWSLETTER_CONFIRM_MAX_AGE = 3600
    forged = signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt="other")
    assert client.post(reverse("newsletter:confirm", args=[forged])).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.post(reverse("newsletter:confirm", args=[token])).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_sign_ups_are_limited_per_address_of_the_visitor(client, settings):
    settings.KOKEBOKA_RATELIMITS = {**settings.KOKEBOKA_RATELIMITS, "newsletter_signup": (2, 60)}
    for n in range(2):
        assert (
            client.post(SIGNUP, {"email": f"a{n}@example.no", "language": "nb"}).status_code == 302
        )
    response = client.post(SIGNUP, {"email": "a9@example.no", "language": "nb"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert not Subscriber.objects.filter(email="a9@example.no").exists()


def test_one_click_unsubscribe_is_a_post_without_login_or_csrf_token():
    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)
    url = reverse("newsletter:unsubscribe", args=[services.unsubscribe_token(subscriber)])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_unsubscribe_get_shows_a_button_and_changes_nothing(client):
    subscriber = SubscriberFactory()
    url = reverse("newsletter:unsubscribe", args=[services.unsubscribe_token(subscriber)])
    response = client.get(url)
    assert response.status_code == 200
    assert b'type="submit"' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert client.post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_forged_unsubscribe_token_is_refused(client):
    subscriber = SubscriberFactory()
    forged = signing.dumps({"s": subscriber.pk}, salt="contributions.unsubscribe")
    assert client.post(reverse("newsletter:unsubscribe", args=[forged])).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_my_page_shows_the_subscription_and_unsubscribes(client, user):
    SubscriberFactory(email=user.email)
    client.force_login(user)
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert reverse("newsletter:unsubscribe-mine").encode() in page.content
    response = client.post(reverse("newsletter:unsubscribe-mine"))
    assert response.status_code == 302
    assert Subscriber.objects.get(email=user.email).status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_from_my_page_needs_login(client):
    SubscriberFactory(email="x@example.no")
    response = client.post(reverse("newsletter:unsubscribe-mine"))
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_consent_is_in_the_data_export_and_removed_with_the_account(
    client, user, django_capture_on_commit_callbacks
):
    from apps.accounts.services import user_export_data

    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP, {"email": user.email, "language": "en"}, HTTP_USER_AGENT="Firefox")
    data = user_export_data(user=user)["newsletter"]
    assert len(data) == 1
    assert data[0]["consent_given_from_address"] == "127.0.0.1"
    assert data[0]["consent_given_from_browser"] == "Firefox"
    assert data[0]["language"] == "en"
    assert data[0]["consent"]
    services.personal_data_delete(user)
    assert not Subscriber.objects.exists()


def test_home_and_blog_carry_the_sign_up_box_without_a_csrf_cookie(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert b'action="/nyhetsbrev/"' in response.content
    assert "csrftoken" not in response.cookies
