from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import throttle


class EmailVerifiedBackend(ModelBackend):
    """Email and password, for confirmed addresses only. This holds on every login form
    (ours, Wagtail's /admin/login/ and Django's admin). Existing sessions are not affected:
    get_user is ModelBackend's."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and not user.is_email_verified:
            return None
        return user


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every login that comes with a request (all our web
    login forms pass one). Logins without a request (the test client's login(), shell
    scripts) have no IP to lock and are left to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if throttle.login_allowed(request, username or ""):
            # The account is cooling off after failures from many addresses: the password
            # is not even checked (apps/accounts/throttle.py); the form says how long.
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
