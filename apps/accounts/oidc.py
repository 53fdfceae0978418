"""Login through Digdir's OpenID Connect providers (authorisation code with PKCE, state and
nonce), each optional and on when its client id is set:

- **ID-porten** (`OIDC_*` settings, on when OIDC_RP_CLIENT_ID is set): private persons and
  entrepreneurs, logging in as themselves.
- **Ansattporten** (`ANSATTPORTEN_*` settings, on when ANSATTPORTEN_RP_CLIENT_ID is set):
  employees, logging in as part of their work, possibly for an organisation they choose in
  Ansattporten's organisation chooser (the `authorization_details` claim). A separate issuer
  with its own endpoints and client; it has no userinfo endpoint, so its claims come from the
  validated id_token; `acr` is `substantial`, `high` or `entraid`.

Both are mozilla-django-oidc's backend and views with the settings read under the provider's
prefix (Provider.setting), so the protocol code is the library's. What is ours:

- People are found first by the login's (issuer, `sub`) in the linked logins
  (models.ExternalIdentity); `sub` is Digdir's pairwise pseudonym, and the national identity
  number (`pid`) is never stored. A login that is not linked is matched by the email claim,
  and only when the provider says it has verified that address (`email_verified` true); such
  a login is then linked. An unverified claim could name anyone's address ("nOAuth": an
  Entra ID tenant's admin sets it) and so open their account, and a created account would
  hold an address its owner never confirmed, so without a verified address nothing is
  matched or created: a person already logged in (in a session that proves the account) is
  asked to confirm the link (link_confirm), anyone else is shown how to link once
  (not_linked). See docs/decisions/0016-ansattporten.md.
- Each login's state is tagged with the provider it was started for and each backend only
  answers its own callback, so a code or state from one provider is never sent to the other
  (mix-up); where an issuer is configured, the id_token's `iss` and the callback's `iss`
  parameter (RFC 9207) must equal it.
- The organisation an Ansattporten login names is kept in the session and shown; it grants
  nothing (roles with power over others are granted, never self-made): the person may ask to
  join that organisation, and its admins decide.
- Logout is RP-initiated (OIDC_OP_LOGOUT_URL_METHOD): a session from a provider is ended at
  that provider's end_session endpoint with id_token_hint and post_logout_redirect_uri."""

import json
import logging
import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import user_has_device
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
    OIDCLogoutView,
)

from apps.core.services import audit_record

logger = logging.getLogger(__name__)

# Session keys: which provider the session's login came from, its id_token (the
# id_token_hint of the logout) and the organisations an Ansattporten login named.
SESSION_PROVIDER = "oidc_provider"
SESSION_ID_TOKEN = "oidc_id_token"  # noqa: S105 - a session key, not a secret
SESSION_ORGANISATIONS = "ansattporten_organisations"
SESSION_NEXT = "ansattporten_next"
# A provider login not linked to any account, waiting for the logged-in person to confirm
# the link: provider, issuer, sub, the provider's name for the person, user pk and time.
SESSION_PENDING_LINK = "oidc_pending_link"
PENDING_LINK_SECONDS = 600

# mozilla-django-oidc settings that belong to one provider; the rest (PKCE, timeouts, state
# sizes …) are shared and read as OIDC_*.
_PER_PROVIDER = frozenset(
    {
        "OIDC_RP_CLIENT_ID",
        "OIDC_RP_CLIENT_SECRET",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
        "OIDC_OP_JWKS_ENDPOINT",
        "OIDC_OP_LOGOUT_ENDPOINT",
        "OIDC_OP_ISSUER",
        "OIDC_RP_SIGN_ALGO",
        "OIDC_RP_IDP_SIGN_KEY",
        "OIDC_RP_SCOPES",
        "OIDC_AUTHENTICATION_CALLBACK_URL",
        "OIDC_ACR_VALUES",
        "OIDC_AUTHORIZATION_DETAILS",
    }
)


@dataclass(frozen=True)
class Provider:
    key: str  # also the login page's error parameter: ?idporten=feil
    label: str
    prefix: str  # where its settings live: OIDC_RP_CLIENT_ID -> <prefix>RP_CLIENT_ID
    login_url: str
    callback_url: str

    def setting(self, attr: str, *default):
        if attr in _PER_PROVIDER:
            attr = self.prefix + attr.removeprefix("OIDC_")
        return import_from_settings(attr, *default)

    def enabled(self) -> bool:
        return bool(self.setting("OIDC_RP_CLIENT_ID", ""))


IDPORTEN = Provider(
    "idporten", "ID-porten", "OIDC_", "accounts:oidc-login", "accounts:oidc-callback"
)
ANSATTPORTEN = Provider(
    "ansattporten",
    "Ansattporten",
    "ANSATTPORTEN_",
    "accounts:ansattporten-login",
    "accounts:ansattporten-callback",
)
PROVIDERS = {provider.key: provider for provider in (IDPORTEN, ANSATTPORTEN)}


def enabled_providers() -> list[Provider]:
    return [provider for provider in PROVIDERS.values() if provider.enabled()]


def email_verified(claims) -> bool:
    """Whether the provider vouches for the email claim. Some providers send the boolean as
    a string; anything but true (missing, false, "false", 1) counts as not verified."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


# Organisation claims ----------------------------------------------------------------------

_ORGNO = re.compile(r"^(?:0192:)?(\d{9})$")


def _orgno(value) -> str:
    """ "0192:987464291" (ISO 6523, 0192 = Norwegian organisation number) -> "987464291";
    anything else -> "" (a foreign scheme or a malformed value names nothing we know)."""
    if isinstance(value, dict):
        if (value.get("Authority") or value.get("authority")) not in (
            None,
            "iso6523-actorid-upis",
        ):
            return ""
        value = value.get("ID") or value.get("id")
    match = _ORGNO.match(str(value or "").strip())
    return match.group(1) if match else ""


def organisations_from_claims(claims) -> list[dict]:
    """The organisations an Ansattporten login was made for, from `authorization_details`
    (Rich Authorization Requests): `reportees` of `ansattporten:altinn:service`,
    `authorized_parties` of `ansattporten:altinn:resource` and the employer's `orgno` of
    `ansattporten:orgno` (Digdir's example spells that key "orgno:", so both are read).
    Each as {"orgno", "name"}, at most ten, names cut to 200 characters; duplicates and
    numbers that are not Norwegian organisation numbers are left out."""
    details = claims.get("authorization_details") or []
    if isinstance(details, dict):
        details = [details]
    found: dict[str, str] = {}

    def add(orgno_value, name) -> None:
        number = _orgno(orgno_value)
        if number and number not in found and len(found) < 10:
            found[number] = str(name or "").strip()[:200]

    for detail in details if isinstance(details, list) else []:
        if not isinstance(detail, dict):
            continue
        kind = detail.get("type")
        if kind == "ansattporten:altinn:service":
            for reportee in detail.get("reportees") or []:
                if isinstance(reportee, dict):
                    add(reportee, reportee.get("Name") or reportee.get("name"))
        elif kind == "ansattporten:altinn:resource":
            for party in detail.get("authorized_parties") or []:
                if isinstance(party, dict):
                    add(party.get("orgno"), party.get("name") or party.get("Name"))
        elif kind == "ansattporten:orgno":
            add(detail.get("orgno") or detail.get("orgno:"), "")
    return [{"orgno": number, "name": name} for number, name in found.items()]


# Backends ---------------------------------------------------------------------------------


class _ProviderSettings:
    provider: Provider = IDPORTEN

    @classmethod
    def get_settings(cls, attr, *args):
        return cls.provider.setting(attr, *args)


class IDPortenBackend(_ProviderSettings, OIDCAuthenticationBackend):
    provider = IDPORTEN
    registered_action = "account.registered_oidc"

    def authenticate(self, request, **kwargs):
        """Only on this provider's own callback (its code belongs to no other provider). A
        failed exchange with the provider is a failed login, not a server error."""
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name != self.provider.callback_url:
            return None
        self._id_token = None
        self._last_claims = {}
        try:
            user = super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation) as error:
            logger.warning("%s login failed: %s", self.provider.label, error)
            return None
        if user is not None:
            # Carried to the callback view, which keeps them in the new session.
            user.oidc_id_token = self._id_token
            user.oidc_claims = self._last_claims
        return user

    def store_tokens(self, access_token, id_token):
        self._id_token = id_token

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The id_token was not issued to this client.")
        issuer = self.get_settings("OIDC_OP_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The id_token is from another issuer.")
        return payload

    def verify_claims(self, claims) -> bool:
        if not claims.get("email"):
            return False
        if not email_verified(claims):
            logger.warning(
                "%s login refused: the email claim is not verified.", self.provider.label
            )
            return False
        return True

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip().lower()
        if not email or not email_verified(claims):
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, anonymised_at__isnull=True)

    def names(self, claims) -> tuple[str, str]:
        return claims.get("given_name") or "", claims.get("family_name") or ""

    def get_or_create_user(self, access_token, id_token, payload):
        """The account linked to this login's (issuer, sub); else, only by an email the
        provider vouches for, the account with that address (or a new one), which the login is
        then linked to. Without either nothing is matched or created, and the request is
        marked (request.oidc_unlinked) so the callback can offer the link or explain it.
        `sub` and `iss` come from the validated id_token; `pid` is not kept."""
        from . import services
        from .models import ExternalIdentity

        claims = self.get_userinfo(access_token, id_token, payload)
        issuer = str(payload.get("iss") or self.get_settings("OIDC_OP_ISSUER", "") or "")
        subject = str(payload.get("sub") or "")
        if issuer and subject:
            identity = (
                ExternalIdentity.objects.select_related("user")
                .filter(issuer=issuer, subject=subject)
                .first()
            )
            if identity is not None:
                if identity.user.anonymised_at is not None:
                    raise SuspiciousOperation("The linked account is deleted.")
                services.identity_login(identity=identity)
                return identity.user
        if not self.verify_claims(claims):
            if issuer and subject:
                self.request.oidc_unlinked = {
                    "provider": self.provider.key,
                    "issuer": issuer,
                    "subject": subject,
                    "name": " ".join(part for part in self.names(claims) if part)[:150],
                }
            raise SuspiciousOperation("Not linked, and no verified email.")
        users = self.filter_users_by_claims(claims)
        if len(users) > 1:
            raise SuspiciousOperation("Several accounts have this email.")
        if users:
            user = self.update_user(users[0], claims)
        elif self.get_settings("OIDC_CREATE_USER", True):
            user = self.create_user(claims)
        else:
            return None
        if issuer and subject and user.is_active:
            try:
                services.identity_link(
                    user=user,
                    provider=self.provider.key,
                    issuer=issuer,
                    subject=subject,
                    via="email",
                )
            except services.IdentityTaken:
                # Linked to another account in the meantime: that account's login, not this.
                raise SuspiciousOperation("The login is linked to another account.") from None
        return user

    def create_user(self, claims):
        first_name, last_name = self.names(claims)
        user = self.UserModel.objects.create_user(
            email=claims["email"].strip().lower(),
            password=None,
            first_name=first_name[:150],
            last_name=last_name[:150],
            email_verified_at=timezone.now(),
        )
        audit_record(actor=user, action=self.registered_action, obj=user)
        return user

    def update_user(self, user, claims):
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
        return user

    def get_userinfo(self, access_token, id_token, payload):
        claims = super().get_userinfo(access_token, id_token, payload)
        if claims.get("sub") and payload.get("sub") and claims["sub"] != payload["sub"]:
            # OpenID Connect Core 5.3.2: userinfo about someone else must not be used.
            raise SuspiciousOperation("The userinfo is about another subject.")
        self._last_claims = claims
        return claims


class AnsattportenBackend(IDPortenBackend):
    """Ansattporten: the same protocol; the claims come from the id_token (Ansattporten has
    no userinfo endpoint; one is used when configured), `acr` must be one asked for, and
    `authorization_details` names the organisations the person acts for, which grant
    nothing here."""

    provider = ANSATTPORTEN
    registered_action = "account.registered_ansattporten"

    def get_userinfo(self, access_token, id_token, payload):
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
            claims["authorization_details"] = payload.get("authorization_details") or []
        self._last_claims = claims
        return claims

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if payload.get("acr") not in accepted_acr(self.provider):
            raise SuspiciousOperation("The login's security level (acr) was not asked for.")
        return payload

    def names(self, claims) -> tuple[str, str]:
        given, family = super().names(claims)
        if given or family:
            return given, family
        first, _space, last = (claims.get("name") or "").strip().rpartition(" ")
        return (first, last) if first else (last, "")


def accepted_acr(provider: Provider) -> set[str]:
    """The security levels a login may come back with: those asked for, where `substantial`
    also takes `high` (Ansattporten: substantial means "substantial or high")."""
    asked = set(str(provider.setting("OIDC_ACR_VALUES", "") or "").split())
    if "substantial" in asked:
        asked.add("high")
    return asked


# Views ------------------------------------------------------------------------------------


class _ProviderView(_ProviderSettings):
    """A login view of one provider: a provider that is not configured has no such page."""

    def dispatch(self, request, *args, **kwargs):
        if not self.provider.enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class LoginStartView(_ProviderView, OIDCAuthenticationRequestView):
    provider = IDPORTEN

    def get(self, request):
        details = self.get_settings("OIDC_AUTHORIZATION_DETAILS", "")
        if details:
            try:
                json.loads(details)
            except ValueError:
                logger.error("%s: AUTHORIZATION_DETAILS is not JSON.", self.provider.label)
                return HttpResponseRedirect(
                    reverse("accounts:login") + f"?{self.provider.key}=feil"
                )
        response = super().get(request)
        state = parse_qs(urlsplit(response.url).query)["state"][0]
        request.session["oidc_states"][state]["provider"] = self.provider.key
        request.session.modified = True
        return response

    def get_extra_params(self, request):
        params = dict(super().get_extra_params(request))
        params["ui_locales"] = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        acr_values = self.get_settings("OIDC_ACR_VALUES", "")
        if acr_values:
            params["acr_values"] = acr_values
        details = self.get_settings("OIDC_AUTHORIZATION_DETAILS", "")
        if details:
            params["authorization_details"] = json.dumps(json.loads(details))
        return params


class LoginCallbackView(_ProviderView, OIDCAuthenticationCallbackView):
    provider = IDPORTEN

    def get(self, request):
        """Refuses, before any token request, a state started for the other provider and
        an `iss` parameter (RFC 9207) naming another issuer than the configured one."""
        state = request.GET.get("state")
        states = request.session.get("oidc_states")
        entry = states.get(state) if isinstance(states, dict) and state else None
        issuer = self.get_settings("OIDC_OP_ISSUER", "")
        wrong_provider = (
            entry is not None and entry.get("provider", "idporten") != self.provider.key
        )
        wrong_issuer = bool(issuer and request.GET.get("iss") and request.GET["iss"] != issuer)
        if wrong_provider or wrong_issuer:
            logger.warning(
                "%s callback refused: %s.",
                self.provider.label,
                "state of another provider" if wrong_provider else "another issuer",
            )
            if entry is not None:
                del states[state]
                request.session.modified = True
            return self.login_failure()
        return super().get(request)

    @property
    def failure_url(self):
        return reverse("accounts:login") + f"?{self.provider.key}=feil"

    def login_failure(self):
        """A valid login that is linked to no account and brings no verified email: a person
        already logged in here is asked to confirm the link; anyone else is shown how to link
        once (nothing is created)."""
        unlinked = getattr(self.request, "oidc_unlinked", None)
        if not unlinked:
            return super().login_failure()
        user = self.request.user
        if user.is_authenticated:
            self.request.session[SESSION_PENDING_LINK] = {
                **unlinked,
                "user": user.pk,
                "at": time.time(),
            }
            return HttpResponseRedirect(reverse("accounts:identity-link"))
        return HttpResponseRedirect(
            reverse("accounts:identity-not-linked") + f"?innlogging={self.provider.key}"
        )

    def login_success(self):
        response = super().login_success()
        session = self.request.session
        session[SESSION_PROVIDER] = self.provider.key
        id_token = getattr(self.user, "oidc_id_token", None)
        if id_token:
            session[SESSION_ID_TOKEN] = id_token
        else:
            session.pop(SESSION_ID_TOKEN, None)
        return response


class AnsattportenStartView(LoginStartView):
    provider = ANSATTPORTEN


class AnsattportenCallbackView(LoginCallbackView):
    provider = ANSATTPORTEN

    def login_success(self):
        """Keeps the organisations the login named in the session (nothing is granted by
        them) and, when there are any, shows them before going on."""
        next_url = self.success_url
        response = super().login_success()
        organisations = organisations_from_claims(getattr(self.user, "oidc_claims", {}) or {})
        session = self.request.session
        session[SESSION_ORGANISATIONS] = organisations
        audit_record(
            actor=self.user,
            action="account.login_ansattporten",
            obj=self.user,
            data={"organisations": [org["orgno"] for org in organisations]},
        )
        if organisations:
            session[SESSION_NEXT] = next_url
            return HttpResponseRedirect(reverse("accounts:ansattporten-organisation"))
        return response


@method_decorator(never_cache, name="dispatch")
class LogoutView(OIDCLogoutView):
    """mozilla-django-oidc's logout: the browser goes where OIDC_OP_LOGOUT_URL_METHOD
    (provider_logout_url) says, for a session from a provider its end_session endpoint."""

    http_method_names = ["post", "options"]


def provider_logout_url(request) -> str:
    """Where the browser goes after logging out: for a session that came from ID-porten or
    Ansattporten, that provider's end_session endpoint with the login's id_token as
    id_token_hint and our LOGOUT_REDIRECT_URL (absolute, registered at the provider) as
    post_logout_redirect_uri, so the provider's session ends as well; otherwise (password
    login, provider switched off, no end_session endpoint configured) LOGOUT_REDIRECT_URL."""
    local = resolve_url(settings.LOGOUT_REDIRECT_URL)
    provider = PROVIDERS.get(request.session.get(SESSION_PROVIDER))
    id_token = request.session.get(SESSION_ID_TOKEN)
    if provider is None or not provider.enabled() or not id_token:
        return local
    endpoint = provider.setting("OIDC_OP_LOGOUT_ENDPOINT", "")
    if not endpoint:
        return local
    query = urlencode(
        {"id_token_hint": id_token, "post_logout_redirect_uri": request.build_absolute_uri(local)}
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def organisation_matches(*, user, organisations: list[dict]) -> list[dict]:
    """For each organisation an Ansattporten login named: the organisation with that number
    on Kokeboka (or None), whether the person is already a member, and whether a join request
    waits. One query each for organisations, memberships and requests."""
    from .models import JoinRequest, JoinRequestStatus, Membership, Organisation

    numbers = [org["orgno"] for org in organisations]
    on_site = {org.org_number: org for org in Organisation.objects.filter(org_number__in=numbers)}
    member_of = set(
        Membership.objects.filter(user=user, organisation__in=on_site.values()).values_list(
            "organisation_id", flat=True
        )
    )
    waiting = set(
        JoinRequest.objects.filter(
            user=user, organisation__in=on_site.values(), status=JoinRequestStatus.PENDING
        ).values_list("organisation_id", flat=True)
    )
    rows = []
    for claimed in organisations:
        org = on_site.get(claimed["orgno"])
        rows.append(
            {
                "orgno": claimed["orgno"],
                "name": claimed["name"] or (org.name if org else ""),
                "organisation": org,
                "member": org is not None and org.pk in member_of,
                "waiting": org is not None and org.pk in waiting,
            }
        )
    return rows


@login_required
@never_cache
def ansattporten_organisation(request):
    """After an Ansattporten login for an organisation: says that it gives no role here and
    offers the ordinary way in, a join request its admins decide on (or registering an
    organisation not yet on Kokeboka, which goes through verification)."""
    if not ANSATTPORTEN.enabled():
        raise Http404
    organisations = request.session.get(SESSION_ORGANISATIONS) or []
    next_url = request.session.get(SESSION_NEXT) or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = resolve_url(settings.LOGIN_REDIRECT_URL)
    if not organisations:
        return HttpResponseRedirect(next_url)
    return render(
        request,
        "accounts/ansattporten_organisation.html",
        {
            "rows": organisation_matches(user=request.user, organisations=organisations),
            "next_url": next_url,
            "breadcrumbs": [(_("Home"), "/"), (_("Logged in with Ansattporten"), None)],
        },
    )


# Linking a provider's login to an account ------------------------------------------------------


def session_proves_account(request) -> bool:
    """Whether this session proves the account well enough to link a new login to it: it came
    from ID-porten or Ansattporten, or from the password with the second factor where the
    account needs one (it has a confirmed authenticator, is staff, or holds a role with power
    over others' data or money). A password alone is not enough there: linking gives lasting
    access, as the password does."""
    from .models import POWER_ROLES
    from .permissions import has_verified_second_factor

    if request.session.get(SESSION_PROVIDER) in PROVIDERS:
        return True
    user = request.user
    if has_verified_second_factor(user):
        return True
    needs_second_factor = (
        user.is_staff
        or user.is_superuser
        or user_has_device(user, confirmed=True)
        or user.memberships.filter(role__in=POWER_ROLES).exists()
    )
    return not needs_second_factor


def _pending_link(request) -> dict | None:
    """The login waiting to be linked, if it is this person's, fresh and its provider on."""
    pending = request.session.get(SESSION_PENDING_LINK)
    if not isinstance(pending, dict):
        return None
    provider = PROVIDERS.get(pending.get("provider"))
    fresh = time.time() - float(pending.get("at") or 0) < PENDING_LINK_SECONDS
    if provider is None or not provider.enabled() or not fresh:
        return None
    if pending.get("user") != request.user.pk:
        return None
    return {**pending, "label": provider.label}


def _my_page_crumbs(title):
    return [(_("Home"), "/"), (_("My page"), reverse("accounts:profile")), (title, None)]


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def link_confirm(request):
    """Asks the logged-in person to confirm that the provider login they just made is theirs
    and links it (POST). A session that does not prove the account is sent to the second
    factor first; nothing is linked without the explicit POST."""
    from . import services
    from .second_factor import second_factor_redirect

    pending = _pending_link(request)
    if pending is None:
        request.session.pop(SESSION_PENDING_LINK, None)
        messages.info(request, _("There is no login waiting to be linked. Start again."))
        return redirect("accounts:profile")
    if not session_proves_account(request):
        return second_factor_redirect(request)
    if request.method == "POST":
        request.session.pop(SESSION_PENDING_LINK, None)
        if request.POST.get("action") != "link":
            messages.info(request, _("Nothing was linked."))
            return redirect("accounts:profile")
        try:
            services.identity_link(
                user=request.user,
                provider=pending["provider"],
                issuer=pending["issuer"],
                subject=pending["subject"],
                via="confirmed",
            )
        except services.IdentityTaken:
            messages.error(
                request,
                _(
                    "This %(provider)s login is already linked to another account on "
                    "Kokeboka. Log in with it to use that account, or remove the link there."
                )
                % {"provider": pending["label"]},
            )
            return redirect("accounts:profile")
        messages.success(
            request,
            _("Your %(provider)s login is linked. Next time it logs you straight in.")
            % {"provider": pending["label"]},
        )
        return redirect("accounts:profile")
    title = _("Link the %(provider)s login to your account") % {"provider": pending["label"]}
    return render(
        request,
        "accounts/identity_link.html",
        {"pending": pending, "title": title, "breadcrumbs": _my_page_crumbs(title)},
    )


@never_cache
def not_linked(request):
    """After a provider login that is linked to no account and names no verified email: how
    to link it once (log in another way, then with the provider) or create an account."""
    provider = PROVIDERS.get(request.GET.get("innlogging", ""))
    if provider is None or not provider.enabled():
        raise Http404
    title = _("Your %(provider)s login is not linked to an account") % {"provider": provider.label}
    return render(
        request,
        "accounts/identity_not_linked.html",
        {
            "provider": provider,
            "title": title,
            "start_url": reverse(provider.login_url),
            "breadcrumbs": [(_("Home"), "/"), (title, None)],
        },
    )


@login_required
@require_POST
def unlink(request, pk: int):
    """Removes one of the person's own linked logins (another person's is not found)."""
    from . import services

    if not services.identity_unlink(user=request.user, identity_id=pk):
        raise Http404
    messages.success(request, _("The login is no longer linked to your account."))
    return redirect("accounts:profile")
