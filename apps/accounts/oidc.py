"""ID-porten login through OpenID Connect (authorisation code with PKCE). Optional: on when
OIDC_RP_CLIENT_ID is set.

People are matched by the email claim, and only when the provider says it has verified that
address (`email_verified` true): an unverified claim could name anyone's address and so open
their account. Without a verified address the login is refused and no account is created
either, since a created account would hold an address its owner never confirmed (and take it
from the real owner). The provider must therefore send `email_verified`; see docs/security.md."""

import logging

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from apps.core.services import audit_record

logger = logging.getLogger(__name__)


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def email_verified(claims) -> bool:
    """Whether the provider vouches for the email claim. Some providers send the boolean as
    a string; anything but true (missing, false, "false", 1) counts as not verified."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


class IDPortenBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        """A failed exchange with the provider is a failed login, not a server error."""
        try:
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation) as error:
            logger.warning("ID-porten login failed: %s", error)
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The id_token was not issued to this client.")
        return payload

    def verify_claims(self, claims) -> bool:
        if not claims.get("email"):
            return False
        if not email_verified(claims):
            logger.warning("ID-porten login refused: the email claim is not verified.")
            return False
        return True

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip().lower()
        if not email or not email_verified(claims):
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, anonymised_at__isnull=True)

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(
            email=claims["email"].strip().lower(),
            password=None,
            first_name=(claims.get("given_name") or "")[:150],
            last_name=(claims.get("family_name") or "")[:150],
            email_verified_at=timezone.now(),
        )
        audit_record(actor=user, action="account.registered_oidc", obj=user)
        return user

    def update_user(self, user, claims):
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
        return user


class LoginStartView(OIDCAuthenticationRequestView):
    def dispatch(self, request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class LoginCallbackView(OIDCAuthenticationCallbackView):
    def dispatch(self, request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def failure_url(self):
        from django.urls import reverse

        return reverse("accounts:login") + "?idporten=feil"
