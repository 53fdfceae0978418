"""The second factor where the power is.

A password alone must not open other people's data, money or decisions. Views that serve a
power (fund management, reviews, exports with personal data, attendee lists, detailed
insights, moderation, editorial queues) first check the role as always, and then call
require_second_factor(request). Someone without the role is refused as before; someone who
holds the role but whose session has not been verified with the second factor (django-otp's
TOTP) is sent to the code page with `next`, and back after the code, with a message saying
why. StaffTwoFactorMiddleware turns the exception into that redirect, so one call in a view
is all it takes.

Unlike the admin gate (KOKEBOKA_REQUIRE_OTP_FOR_STAFF), this has no switch: tests prove it
with the same rule as production.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .permissions import has_verified_second_factor


class SecondFactorRequired(Exception):
    """The person holds the power, but this session has not been verified with the second
    factor. Not a PermissionDenied: Wagtail's admin views turn those into a bare "no access"
    redirect before any middleware sees them. Uncaught, it is a server error, never access."""


def require_second_factor(request: HttpRequest) -> None:
    """Call after the role check: raises SecondFactorRequired unless this session was
    verified with the second factor."""
    if not has_verified_second_factor(getattr(request, "user", None)):
        raise SecondFactorRequired


def _next_url(request: HttpRequest) -> str:
    """Where to go after the code. A GET comes back to itself; a form post cannot be
    replayed, so it comes back to the page the form was on (or My page)."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return f"{parts.path}?{parts.query}" if parts.query else parts.path
    return reverse("accounts:profile")


def second_factor_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """To the two-factor page (which verifies a confirmed device, or sets one up), with a
    message saying why."""
    if user_has_device(request.user, confirmed=True):
        messages.info(
            request,
            _(
                "This page gives access to other people's data, money or decisions. Confirm "
                "that it is you with the six-digit code from your authenticator app."
            ),
        )
    else:
        messages.info(
            request,
            _(
                "This page gives access to other people's data, money or decisions, so it "
                "needs two-factor authentication. Set it up below with an authenticator app "
                "on your phone; it takes a minute."
            ),
        )
    query = urlencode({"next": _next_url(request)}, safe="/")
    return HttpResponseRedirect(f"{reverse('accounts:two-factor')}?{query}")
