import base64
import json

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.core import ratelimit
from apps.core.clientip import client_ip

from . import oidc, selectors, services, throttle
from .forms import (
    ClaimRejectForm,
    DeleteAccountForm,
    EmailForm,
    InvitationForm,
    JoinRequestForm,
    LoginForm,
    OrganisationFilterForm,
    OrganisationForm,
    ProfileForm,
    QueuedPasswordResetForm,
    RemoveTwoFactorForm,
    ResetSetPasswordForm,
    SignupForm,
    TokenForm,
)
from .hooks import MY_PAGE_SECTIONS_HOOK, ORGANISATION_EXAMPLES_HOOK, gather
from .models import JoinRequest, Membership, MembershipRole, Organisation, User
from .permissions import (
    PLATFORM_STAFF_GROUP,
    in_group,
    is_org_admin,
    is_org_member,
    is_platform_staff,
)
from .roles import can_manage_members, grantable_roles


def _rate_limited(request, window: int):
    return render(request, "accounts/rate_limited.html")


def ratelimit_post(scope: str):
    """Limits POSTs per visitor's address to settings.KOKEBOKA_RATELIMITS[scope]
    = (limit, seconds) with the one limiter (apps.core.ratelimit); beyond it the answer is
    429 with Retry-After. Anonymous forms that send mail are limited this way."""
    return ratelimit.limit_posts(scope, by={"address": client_ip}, refuse=_rate_limited)


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _crumbs(*items):
    return [(_("Home"), "/"), *items]


# Sign-up, verification, login ---------------------------------------------------------------


@never_cache
@ratelimit_post("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_register(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            site_url=_site_url(request),
        )
        return redirect("accounts:signup-done")
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "breadcrumbs": _crumbs((_("Create an account"), None))},
    )


def signup_done(request):
    return render(
        request,
        "accounts/signup_done.html",
        {"breadcrumbs": _crumbs((_("Create an account"), None))},
    )


def verify(request, token: str):
    try:
        services.email_verify(token=token)
    except ValidationError as error:
        return render(
            request,
            "accounts/verify_failed.html",
            {"error": error.messages[0], "breadcrumbs": _crumbs((_("Confirm email"), None))},
            status=400,
        )
    messages.success(request, _("Your email address is confirmed. You can log in now."))
    return redirect("accounts:login")


@never_cache
@ratelimit_post("resend_verification")
def resend_verification(request):
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(
            email__iexact=form.cleaned_data["email"], email_verified_at__isnull=True, is_active=True
        ).first()
        if user is not None:
            services.email_verification_send(user=user, site_url=_site_url(request))
        # The same answer whether or not the address has an account.
        messages.info(
            request,
            _("If the address has an unconfirmed account, we have sent a new link to it."),
        )
        return redirect("accounts:login")
    return render(
        request,
        "accounts/resend_verification.html",
        {"form": form, "breadcrumbs": _crumbs((_("Send the link again"), None))},
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # This browser is now one the owner uses: the per-account cool-off after guessing
        # from elsewhere does not hold it back (apps/accounts/throttle.py).
        throttle.device_remember(response, email=form.get_user().email)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The login page offers only the providers this deployment has configured.
        providers = {provider.key for provider in oidc.enabled_providers()}
        context["idporten_enabled"] = "idporten" in providers
        context["ansattporten_enabled"] = "ansattporten" in providers
        context["breadcrumbs"] = _crumbs((_("Log in"), None))
        return context


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = QueuedPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")
    extra_context = {
        "breadcrumbs": [(gettext_lazy("Home"), "/"), (gettext_lazy("Forgot password"), None)]
    }


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = ResetSetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)


# Profile and privacy ------------------------------------------------------------------------


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=request.user,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    memberships = list(selectors.memberships_for_user(user=request.user))
    linked_logins = list(selectors.linked_logins(user=request.user))
    linked = {identity.provider for identity in linked_logins}
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": memberships,
            "roles": {membership.role for membership in memberships},
            "sections": gather(MY_PAGE_SECTIONS_HOOK, user=request.user),
            "has_device": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
            "linked_logins": linked_logins,
            "link_providers": [p for p in oidc.enabled_providers() if p.key not in linked],
            "breadcrumbs": _crumbs((_("My page"), None)),
        },
    )


@login_required
def my_data(request):
    data = services.user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("/")
    return render(
        request,
        "accounts/delete_account.html",
        {
            "form": form,
            "breadcrumbs": _crumbs(
                (_("My page"), reverse("accounts:profile")), (_("Delete account"), None)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_remove(request):
    """Turns two-factor authentication off (a lost or replaced phone is set up again after)."""
    user = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        messages.info(request, _("Two-factor authentication is not on."))
        return redirect("accounts:profile")
    form = RemoveTwoFactorForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        if services.two_factor_remove(user=user, token=form.cleaned_data["token"]):
            messages.success(
                request,
                _(
                    "Two-factor authentication is off. Editors and administrators set it up "
                    "again the next time they open the admin."
                ),
            )
            return redirect("accounts:profile")
        form.add_error("token", _("The code is wrong or too old. Try the newest code."))
    return render(
        request,
        "accounts/two_factor_remove.html",
        {
            "form": form,
            "breadcrumbs": _crumbs(
                (_("My page"), reverse("accounts:profile")),
                (_("Turn off two-factor authentication"), None),
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def two_factor(request):
    """Sets up a TOTP device (QR code and secret) or verifies the confirmed one."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    next_url = _safe_next(request, "/admin/")
    form = TokenForm(request.POST or None)
    if confirmed is not None:
        device, setup = confirmed, False
    else:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name=_("Authenticator app"), confirmed=False
            )
        setup = True
    if request.method == "POST" and form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Too many wrong codes. Wait a little and try again."))
        elif device.verify_token(form.cleaned_data["token"]):
            if setup:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                messages.success(request, _("Two-factor authentication is on."))
            otp_login(request, device)
            return redirect(next_url)
        else:
            form.add_error("token", _("The code is wrong or too old. Try the newest code."))
    context = {
        "form": form,
        "setup": setup,
        "next": next_url,
        "breadcrumbs": _crumbs(
            (_("My page"), reverse("accounts:profile")), (_("Two-factor authentication"), None)
        ),
    }
    if setup:
        context["secret"] = base64.b32encode(device.bin_key).decode()
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(
            scale=5, title=_("QR code for your authenticator app"), dark="#000", light="#fff"
        )
    return render(request, "accounts/two_factor.html", context)


# Organisations -----------------------------------------------------------------------------


def organisation_list(request):
    form = OrganisationFilterForm.from_query(request.GET)
    query, kind = form.filters()
    paginator = Paginator(selectors.organisation_list(query=query, type=kind), 25)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "organisations": page_obj.object_list,
            "query": params.urlencode(),
            "breadcrumbs": _crumbs((_("Organisations"), None)),
        },
    )


def _org(slug: str) -> Organisation:
    return get_object_or_404(
        Organisation.objects.select_related("municipality", "county", "municipality__county"),
        slug=slug,
    )


def organisation_detail(request, slug: str):
    org = _org(slug)
    user = request.user
    context = {
        "organisation": org,
        "examples": gather(ORGANISATION_EXAMPLES_HOOK, organisation=org),
        "is_admin": is_org_admin(user, org),
        "can_manage_members": can_manage_members(user, org),
        "is_member": is_org_member(user, org),
        "is_staff_viewer": is_platform_staff(user),
        "breadcrumbs": _crumbs(
            (_("Organisations"), reverse("accounts:organisation-list")), (org.name, None)
        ),
    }
    if user.is_authenticated and not context["is_member"]:
        context["pending_request"] = JoinRequest.objects.filter(
            user=user, organisation=org, status=JoinRequest.Status.PENDING
        ).exists()
        context["join_form"] = JoinRequestForm()
    return render(request, "accounts/organisation_detail.html", context)


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "confirm_new"}
        try:
            org = services.organisation_create(actor=request.user, **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if org.is_pending_claim:
                messages.info(
                    request,
                    _(
                        "Your claim is registered. Kokeboka's staff check that you may act "
                        "for the organisation; until they verify it, it has no rights on "
                        "Kokeboka."
                    ),
                )
            else:
                messages.success(request, _("The organisation is created. You are its admin."))
            return redirect(org.get_absolute_url())
    return render(
        request,
        "accounts/organisation_form.html",
        {
            "form": form,
            "matches": selectors.recognised_for(user=request.user, matches=form.matches),
            "title": _("New organisation"),
            "breadcrumbs": _crumbs(
                (_("Organisations"), reverse("accounts:organisation-list")),
                (_("New organisation"), None),
            ),
        },
    )


# Verification by national staff ---------------------------------------------------------


@never_cache
@login_required
def organisation_verification(request):
    """Staff's queue of organisations to verify: pending claims first."""
    if not is_platform_staff(request.user):
        if in_group(request.user, PLATFORM_STAFF_GROUP):
            # Staff with the password alone: the second factor first, then back here.
            return redirect(f"{reverse('accounts:two-factor')}?next={request.path}")
        raise PermissionDenied
    return render(
        request,
        "accounts/organisation_verification.html",
        {
            "organisations": selectors.organisations_awaiting_verification(),
            "reject_form": ClaimRejectForm(),
            "breadcrumbs": _crumbs(
                (_("Organisations"), reverse("accounts:organisation-list")),
                (_("Verification"), None),
            ),
        },
    )


@login_required
@require_POST
def organisation_verify(request, slug: str):
    org = _org(slug)
    if not is_platform_staff(request.user):
        raise PermissionDenied
    services.organisation_verify(actor=request.user, organisation=org)
    messages.success(request, _("%(name)s is verified.") % {"name": org.name})
    return redirect("accounts:organisation-verification")


@login_required
@require_POST
def organisation_claim_reject(request, slug: str):
    org = _org(slug)
    if not is_platform_staff(request.user):
        raise PermissionDenied
    form = ClaimRejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the claim is rejected, in at most 500 characters."))
        return redirect("accounts:organisation-verification")
    try:
        services.organisation_claim_reject(
            actor=request.user, organisation=org, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The claim for %(name)s is rejected.") % {"name": org.name})
    return redirect("accounts:organisation-verification")


def _require_admin(request, org: Organisation) -> None:
    if not is_org_admin(request.user, org):
        raise PermissionDenied


def _require_member_manager(request, org: Organisation) -> None:
    """The members page: the organisation's admins and national staff."""
    if not can_manage_members(request.user, org):
        raise PermissionDenied


@login_required
def organisation_edit(request, slug: str):
    org = _org(slug)
    _require_admin(request, org)
    form = OrganisationForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(actor=request.user, organisation=org, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The organisation is saved."))
            return redirect(org.get_absolute_url())
    return render(
        request,
        "accounts/organisation_form.html",
        {
            "form": form,
            "organisation": org,
            "title": _("Edit %(name)s") % {"name": org.name},
            "breadcrumbs": _crumbs(
                (_("Organisations"), reverse("accounts:organisation-list")),
                (org.name, org.get_absolute_url()),
                (_("Edit"), None),
            ),
        },
    )


def _members_context(request, org, invite_form=None):
    roles = grantable_roles(request.user, org)
    return {
        "organisation": org,
        "memberships": selectors.organisation_members(organisation=org),
        "invitations": selectors.organisation_open_invitations(organisation=org),
        "join_requests": selectors.organisation_pending_requests(organisation=org),
        "invite_form": invite_form or InvitationForm(roles=roles),
        "roles": [(value, label) for value, label in MembershipRole.choices if value in roles],
        "breadcrumbs": _crumbs(
            (_("Organisations"), reverse("accounts:organisation-list")),
            (org.name, org.get_absolute_url()),
            (_("Members"), None),
        ),
    }


@login_required
def organisation_members(request, slug: str):
    org = _org(slug)
    _require_member_manager(request, org)
    return render(request, "accounts/organisation_members.html", _members_context(request, org))


@login_required
@require_POST
def organisation_invite(request, slug: str):
    org = _org(slug)
    _require_member_manager(request, org)
    # Per account and per organisation: many admins of one organisation (or one admin with
    # many accounts) cannot turn the platform's address into a mailer either.
    for scope, key in (("invite", request.user.pk), ("invite_organisation", org.pk)):
        limit, window = ratelimit.configured(scope, (30, 60 * 60))
        if not ratelimit.hit(scope=scope, key=str(key), limit=limit, window=window):
            response = render(
                request,
                "accounts/rate_limited.html",
                {
                    "message": _(
                        "Too many invitations were sent from this organisation or this "
                        "account in the last hour. Wait an hour and try again."
                    )
                },
            )
            return ratelimit.too_many(response, retry_after=window)
    form = InvitationForm(request.POST, roles=grantable_roles(request.user, org))
    if form.is_valid():
        try:
            services.membership_invite(
                actor=request.user,
                organisation=org,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                site_url=_site_url(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The invitation is sent."))
            return redirect("accounts:organisation-members", slug=org.slug)
    return render(
        request,
        "accounts/organisation_members.html",
        _members_context(request, org, invite_form=form),
        status=400,
    )


@login_required
@require_POST
def member_remove(request, slug: str, pk: int):
    org = _org(slug)
    _require_member_manager(request, org)
    membership = get_object_or_404(Membership, pk=pk, organisation=org)
    try:
        services.member_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The role is removed."))
    return redirect("accounts:organisation-members", slug=org.slug)


@login_required
@require_POST
def join_request_create(request, slug: str):
    org = _org(slug)
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            services.join_request_create(
                user=request.user,
                organisation=org,
                message=form.cleaned_data["message"],
                site_url=_site_url(request),
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your request is sent to the organisation's admins."))
    else:
        messages.error(request, _("The message is too long."))
    return redirect(org.get_absolute_url())


@login_required
@require_POST
def join_request_decide(request, slug: str, pk: int):
    org = _org(slug)
    _require_member_manager(request, org)
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("user", "organisation"), pk=pk, organisation=org
    )
    decision = request.POST.get("decision")
    if decision not in {"approve", "reject"}:
        return HttpResponse(status=400)
    try:
        services.join_request_decide(
            actor=request.user, join_request=join_request, approve=decision == "approve"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The request is approved.")
            if decision == "approve"
            else _("The request is rejected."),
        )
    return redirect("accounts:organisation-members", slug=org.slug)


@login_required
def invitation_accept(request, token: str):
    invitation = services.invitation_for_token(token=token)
    refused = None
    if request.method == "POST" and invitation is not None:
        try:
            membership = services.invitation_accept(user=request.user, token=token)
        except ValidationError as error:
            refused = error
        else:
            messages.success(
                request,
                _("You are now %(role)s in %(name)s.")
                % {
                    "role": membership.get_role_display().lower(),
                    "name": membership.organisation.name,
                },
            )
            return redirect(membership.organisation.get_absolute_url())
    problem = None
    status = 400
    if refused is not None:
        problem = " ".join(refused.messages)
        if refused.code == "not_grantable":
            status = 403
    elif invitation is None:
        problem = _("This invitation is not valid.")
    elif invitation.accepted_at is not None:
        problem = _("This invitation has already been used.")
    elif not invitation.is_open:
        problem = _("This invitation has expired.")
    elif invitation.email.lower() != request.user.email.lower():
        problem = _("This invitation was sent to another email address. Log in with that address.")
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": invitation if problem is None else None,
            "problem": problem,
            "breadcrumbs": _crumbs((_("Invitation"), None)),
        },
        status=200 if problem is None else status,
    )
