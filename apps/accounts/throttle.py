"""Per-account slowing of password guessing, beside django-axes' lock per account and address.

django-axes locks an (account, address) pair after 5 failures for 15 minutes, so guessing
spread over many addresses is not slowed by it. This counts failed logins per account from any
address (issue 19) and, past a free allowance, makes the account wait before the next password
is even checked, longer after each failure, but never longer than a cap:

* ``KOKEBOKA_LOGIN_ACCOUNT_FREE_FAILURES`` (10) failures within a day cost nothing;
* each failure after that sets a cool-off of 1, 2, 4, 8 … minutes, capped at
  ``KOKEBOKA_LOGIN_ACCOUNT_MAX_COOLOFF`` (15 minutes); a refused attempt does not count;
* the count is forgotten a day (``KOKEBOKA_LOGIN_ACCOUNT_WINDOW``) after the last failure, on
  a successful login, and when the password changes (the key includes the password hash).

So a distributed guesser gets about 10 guesses, then at most 4 an hour, per account. An attacker
cannot lock a person out for long: a browser the person has logged in with before carries a
signed device cookie for the account and is not held back by the per-account cool-off (only
by axes' per-address lock), a password reset starts a new count, and ID-porten is not
affected. Unknown addresses are counted alike, so the refusal tells nothing about which
addresses have accounts.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.core.cache import caches
from django.dispatch import receiver

DEVICE_COOKIE = "kokeboka_device"
DEVICE_SALT = "apps.accounts.throttle.device"
DEVICE_MAX_AGE = 60 * 60 * 24 * 365


def free_failures() -> int:
    return settings.KOKEBOKA_LOGIN_ACCOUNT_FREE_FAILURES


def base_cooloff() -> int:
    return settings.KOKEBOKA_LOGIN_ACCOUNT_BASE_COOLOFF


def max_cooloff() -> int:
    return settings.KOKEBOKA_LOGIN_ACCOUNT_MAX_COOLOFF


def window() -> int:
    return settings.KOKEBOKA_LOGIN_ACCOUNT_WINDOW


def _cache():
    # The limits' own cache where it is configured (it fails closed when Redis is away).
    return caches["ratelimit" if "ratelimit" in settings.CACHES else "default"]


def _normalise(email: str | None) -> str:
    return (email or "").strip().lower()


def _account_key(email: str) -> str:
    """One key per account and password: a new password starts a new count. An address
    without an account has a key too, so refusals look the same for it."""
    email = _normalise(email)
    user = get_user_model().objects.filter(email__iexact=email).only("password").first()
    secret = user.password if user is not None else ""
    digest = hashlib.sha256(f"{email}\0{secret}".encode()).hexdigest()[:32]
    return f"login-account:{digest}"


def cooloff_for(failures: int) -> int:
    """Seconds to wait after the n-th failure within the window (0 within the allowance)."""
    over = failures - free_failures()
    if over <= 0:
        return 0
    return min(base_cooloff() * 2 ** min(over - 1, 20), max_cooloff())


def remaining_cooloff(email: str, *, now: float | None = None) -> int:
    """Seconds until the account's next password may be checked (0: now)."""
    now = time.time() if now is None else now
    until = _cache().get(_account_key(email) + ":until")
    if not until:
        return 0
    return max(0, int(until - now + 0.999))


def failure_record(email: str, *, now: float | None = None) -> int:
    """Counts one failed login for the account; returns the cool-off it now has."""
    now = time.time() if now is None else now
    cache = _cache()
    key = _account_key(email)
    cache.add(key + ":count", 0, timeout=window())
    try:
        failures = cache.incr(key + ":count")
    except ValueError:  # expired between add and incr
        cache.set(key + ":count", 1, timeout=window())
        failures = 1
    cache.touch(key + ":count", window())
    delay = cooloff_for(failures)
    if delay:
        cache.set(key + ":until", now + delay, timeout=delay)
    return delay


def account_reset(email: str) -> None:
    key = _account_key(email)
    _cache().delete_many([key + ":count", key + ":until"])


# Device cookies: a browser that has logged in to the account before -------------------------


def _email_digest(email: str) -> str:
    return hashlib.sha256(_normalise(email).encode()).hexdigest()[:24]


def device_remember(response, *, email: str) -> None:
    """Marks this browser as one the account's owner has logged in with."""
    value = signing.dumps({"a": _email_digest(email)}, salt=DEVICE_SALT, compress=True)
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def trusted_device(request, email: str) -> bool:
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if not value:
        return False
    try:
        data = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return False
    return data.get("a") == _email_digest(email)


def login_allowed(request, email: str) -> int:
    """0 when the password may be checked now; otherwise the seconds to wait (and the
    request is marked, so the login form can say so and the failure is not counted)."""
    if not email or trusted_device(request, email):
        return 0
    wait = remaining_cooloff(email)
    if wait:
        request.kokeboka_login_wait = wait
    return wait


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs) -> None:
    if request is None or getattr(request, "kokeboka_login_wait", 0):
        return
    email = credentials.get("username") or credentials.get("email") or ""
    if email:
        failure_record(email)


@receiver(user_logged_in)
def _forget_failures(sender, request, user, **kwargs) -> None:
    if request is not None and getattr(user, "email", ""):
        account_reset(user.email)
