from django.contrib.auth.backends import ModelBackend


class EmailVerifiedBackend(ModelBackend):
    """Email and password, for confirmed addresses only. This holds on every login form
    (ours, Wagtail's /admin/login/ and Django's admin). Existing sessions are not affected:
    get_user is ModelBackend's."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and not user.is_email_verified:
            return None
        return user
