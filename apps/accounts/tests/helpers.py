"""Test helpers other apps may use."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"  # noqa: S105 - the factories' test password


def totp_now(device: TOTPDevice) -> str:
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{value:0{device.digits}d}"


def login_with_otp(client, user, *, password: str = PASSWORD) -> TOTPDevice:
    """Logs `user` in through the login form and verifies a confirmed TOTP device in the same
    session (creating the device if needed), as an editor would. Returns the device."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": password}
    )
    assert response.status_code == 302, response.content[:2000]
    response = client.post(
        reverse("accounts:two-factor"), {"token": totp_now(device), "next": "/admin/"}
    )
    assert response.status_code == 302, response.content[:2000]
    return device
