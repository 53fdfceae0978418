"""Test helpers other apps may use."""

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"  # noqa: S105 - the factories' test password


def totp_now(device: TOTPDevice) -> str:
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{value:0{device.digits}d}"


def confirmed_device(user) -> TOTPDevice:
    """The user's confirmed TOTP device, created if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return device


def force_login_verified(client, user) -> TOTPDevice:
    """client.force_login(user), then marks the session verified with a confirmed TOTP device
    as django_otp.login does after a right code (OTPMiddleware reads the device from the
    session). For tests of powers; login_with_otp goes through the real forms instead."""
    device = confirmed_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def browser_log_in_verified(page, user, *, password: str = PASSWORD) -> TOTPDevice:
    """In a Playwright page: logs `user` in through the login form, then types the current
    code of their confirmed TOTP device (created if needed) on the code page, as a fund
    manager, reviewer or organiser does before using their powers. Ends on My page."""
    device = confirmed_device(user)
    # A code is accepted once; a second log-in within the same 30 seconds needs it again.
    device.last_t = -1
    device.save(update_fields=["last_t"])
    page.context.clear_cookies()
    page.goto("/konto/logg-inn/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")
    page.goto("/konto/tofaktor/?next=/konto/")
    page.fill("#id_token", totp_now(device))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lambda url: url.endswith("/konto/") and "tofaktor" not in url)
    return device


def login_with_otp(client, user, *, password: str = PASSWORD) -> TOTPDevice:
    """Logs `user` in through the login form and verifies a confirmed TOTP device in the same
    session (creating the device if needed), as an editor would. Returns the device."""
    device = confirmed_device(user)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": password}
    )
    assert response.status_code == 302, response.content[:2000]
    response = client.post(
        reverse("accounts:two-factor"), {"token": totp_now(device), "next": "/admin/"}
    )
    assert response.status_code == 302, response.content[:2000]
    return device
