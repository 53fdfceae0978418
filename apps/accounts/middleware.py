from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .permissions import requires_two_factor
from .second_factor import SecondFactorRequired, second_factor_redirect


class StaffTwoFactorMiddleware:
    """Everyone who can reach the Wagtail admin (and Django's admin) must have verified a
    TOTP device in this session. Needs django_otp's OTPMiddleware before it. The admin gate is
    switched by settings.KOKEBOKA_REQUIRE_OTP_FOR_STAFF (off in tests that use force_login).

    It also turns SecondFactorRequired, raised by the site's own views where a power needs the
    second factor (apps.accounts.second_factor), into the redirect to the code page. That has
    no switch."""

    PROTECTED_PREFIXES = ("/admin/", "/django-admin/")
    EXEMPT_PATHS = (
        "/admin/login/",
        "/admin/logout/",
        "/django-admin/login/",
        "/django-admin/logout/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "KOKEBOKA_REQUIRE_OTP_FOR_STAFF", True) and self._must_verify(request):
            url = reverse("accounts:two-factor")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()}, safe='/')}")
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SecondFactorRequired):
            return second_factor_redirect(request)
        return None

    def _must_verify(self, request) -> bool:
        path = request.path_info
        if not path.startswith(self.PROTECTED_PREFIXES) or path in self.EXEMPT_PATHS:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if not requires_two_factor(user):
            return False
        is_verified = getattr(user, "is_verified", None)
        return not (callable(is_verified) and is_verified())
