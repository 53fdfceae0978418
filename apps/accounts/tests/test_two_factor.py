import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories import EditorFactory, UserFactory
from .helpers import PASSWORD, login_with_otp, totp_now

pytestmark = pytest.mark.django_db


def _login(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302


@override_settings(KOKEBOKA_REQUIRE_OTP_FOR_STAFF=True)
def test_staff_without_device_set_up_totp_before_admin(client, home_page):
    editor = EditorFactory()
    _login(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/konto/tofaktor/?next=/admin/")
    page = client.get(response.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "style=" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    secret = re.search(r'class="secret">([A-Z2-7]+)<', html).group(1)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    import base64

    assert base64.b32decode(secret) == device.bin_key
    response = client.post(reverse("accounts:two-factor"), {"token": "000000", "next": "/admin/"})
    assert response.status_code == 200 and b"wrong" in response.content
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    response = client.post(reverse("accounts:two-factor"), {"token": totp_now(device)})
    assert b"Too many wrong codes" in response.content
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(
        reverse("accounts:two-factor"), {"token": totp_now(device), "next": "/admin/"}
    )
    assert response.status_code == 302 and response.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@override_settings(KOKEBOKA_REQUIRE_OTP_FOR_STAFF=True)
def test_staff_with_device_must_verify_each_session(client, home_page):
    editor = EditorFactory()
    login_with_otp(client, editor)
    assert client.get("/admin/").status_code == 200
    client.post(reverse("accounts:logout"))
    _login(client, editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response.url.startswith("/konto/tofaktor/")
    page = client.get(response.url)
    assert b"qr-code" not in page.content  # verify, not set up again


@override_settings(KOKEBOKA_REQUIRE_OTP_FOR_STAFF=True)
def test_group_editors_and_force_login_need_otp_but_members_do_not(client, group_editor, home_page):
    client.force_login(group_editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/konto/tofaktor/")
    # Non-admin pages are not affected.
    assert client.get(reverse("accounts:profile")).status_code == 200
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302 and "/konto/tofaktor/" not in response.url


@override_settings(KOKEBOKA_REQUIRE_OTP_FOR_STAFF=False)
def test_switch_off_lets_force_login_reach_admin(client, home_page):
    client.force_login(EditorFactory())
    assert client.get("/admin/").status_code == 200


def test_two_factor_next_is_kept_on_site(client):
    user = UserFactory()
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    response = client.post(
        reverse("accounts:two-factor"), {"token": totp_now(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url == "/admin/"


def test_anonymous_admin_goes_to_our_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/konto/logg-inn/")


# Turning two-factor off yourself (a new phone): password and a current code (issue 4).


def _forget_last_code(device) -> None:
    """A TOTP code is accepted once; the test reuses the current time step."""
    device.last_t = -1
    device.save(update_fields=["last_t"])


def test_remove_needs_password_and_current_code(client, home_page):
    from apps.core.models import AuditEvent

    editor = EditorFactory()
    device = login_with_otp(client, editor)
    url = reverse("accounts:two-factor-remove")
    assert client.get(url).status_code == 200
    wrong_password = client.post(url, {"password": "nope", "token": totp_now(device)})
    assert wrong_password.status_code == 400 and b"password is wrong" in wrong_password.content
    wrong_code = client.post(url, {"password": PASSWORD, "token": "000000"})
    assert wrong_code.status_code == 400 and b"code is wrong" in wrong_code.content
    assert TOTPDevice.objects.filter(user=editor).exists()
    device.refresh_from_db()
    device.throttle_reset()
    _forget_last_code(device)
    response = client.post(url, {"password": PASSWORD, "token": totp_now(device)})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert not TOTPDevice.objects.filter(user=editor).exists()
    event = AuditEvent.objects.get(action="accounts.two_factor.removed")
    assert event.object_id == str(editor.pk) and editor.email not in str(event.data)


@override_settings(KOKEBOKA_REQUIRE_OTP_FOR_STAFF=True)
def test_after_removal_staff_set_up_a_new_device_before_admin(client, home_page):
    editor = EditorFactory()
    device = login_with_otp(client, editor)
    _forget_last_code(device)
    client.post(
        reverse("accounts:two-factor-remove"), {"password": PASSWORD, "token": totp_now(device)}
    )
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/konto/tofaktor/")


def test_remove_is_for_the_logged_in_owner_only(client, home_page):
    url = reverse("accounts:two-factor-remove")
    response = client.get(url)
    assert response.status_code == 302 and "/konto/logg-inn/" in response.url
    person = UserFactory()
    client.force_login(person)
    # Nothing to turn off: back to My page, nothing happens.
    assert client.get(url).status_code == 302
    other = EditorFactory()
    TOTPDevice.objects.create(user=other, name="x", confirmed=True)
    assert client.post(url, {"password": PASSWORD, "token": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=other).exists()


def test_remove_without_a_usable_password_asks_only_for_the_code(home_page):
    from apps.accounts.forms import RemoveTwoFactorForm

    person = UserFactory()
    person.set_unusable_password()
    form = RemoveTwoFactorForm(data={"token": "123456"}, user=person)
    assert list(form.fields) == ["token"] and form.is_valid()
    person_with_password = UserFactory()
    assert list(RemoveTwoFactorForm(user=person_with_password).fields) == ["password", "token"]


def test_profile_links_to_turning_off_when_on(client, home_page):
    editor = EditorFactory()
    login_with_otp(client, editor)
    body = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:two-factor-remove") in body


def test_my_page_links_to_the_work_my_roles_give(client, home_page):
    from .factories import MembershipFactory

    person = UserFactory()
    client.force_login(person)
    body = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("collaborations:mine") in body and reverse("fund:application-list") in body
    assert reverse("grants:manage") not in body and reverse("collaborations:board") not in body
    MembershipFactory(user=person, role="broker")
    MembershipFactory(user=person, role="fund_manager")
    body = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("collaborations:board") in body and reverse("grants:manage") in body
    assert reverse("grants:reviews") not in body
