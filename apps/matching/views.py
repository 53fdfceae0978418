"""Pages and actions of the matching app. Views parse, check permission, call a service
and redirect; ranking lives in selectors, writes in services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.second_factor import require_second_factor
from apps.broker.models import Need, Offer
from apps.core.forms import error_links

from . import invitation_selectors, invitation_services, services, tasks
from .forms import AnswerForm, InvitationForm, default_deadline
from .models import OpenInvitation
from .permissions import (
    can_answer_invitation,
    can_decide,
    can_invite,
    can_see_offer_matches,
    can_subscribe,
    can_view_need,
)

PAGE_LIMIT = 30


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


def _need_for_decision(request: HttpRequest, need_pk: int) -> Need:
    need = get_object_or_404(Need.objects.select_related("organisation"), pk=need_pk)
    if not can_decide(request.user, need):
        raise PermissionDenied
    return need


@require_GET
def need_matches(request: HttpRequest, need_pk: int) -> HttpResponse:
    need = get_object_or_404(
        Need.objects.select_related("organisation", "municipality"), pk=need_pk
    )
    if not can_view_need(request.user, need):
        raise Http404
    return render(
        request,
        "matching/need_matches_page.html",
        {
            "need": need,
            "limit": PAGE_LIMIT,
            "breadcrumbs": [
                (_("Home"), "/"),
                (_("Needs"), reverse("broker:need-list")),
                (need.title, need.get_absolute_url()),
                (_("Matches"), request.path),
            ],
        },
    )


@require_GET
def offer_matches(request: HttpRequest, offer_pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer.objects.select_related("profile__organisation"), pk=offer_pk)
    if not can_see_offer_matches(request.user, offer):
        raise Http404
    return render(
        request,
        "matching/offer_matches_page.html",
        {
            "offer": offer,
            "limit": PAGE_LIMIT,
            "breadcrumbs": [
                (_("Home"), "/"),
                (_("Entrepreneurs"), reverse("broker:entrepreneur-list")),
                (offer.title, offer.get_absolute_url()),
                (_("Matching needs"), request.path),
            ],
        },
    )


@login_required
@require_POST
def pin(request: HttpRequest, need_pk: int, offer_pk: int) -> HttpResponse:
    need = _need_for_decision(request, need_pk)
    offer = get_object_or_404(Offer.objects.public(), pk=offer_pk)
    services.match_pin(need=need, offer=offer, user=request.user)
    messages.success(
        request, _("Marked “%(title)s” as relevant: it stays at the top.") % {"title": offer.title}
    )
    return _back(request, need.get_absolute_url() + "#matches")


@login_required
@require_POST
def dismiss(request: HttpRequest, need_pk: int, offer_pk: int) -> HttpResponse:
    need = _need_for_decision(request, need_pk)
    offer = get_object_or_404(Offer.objects.public(), pk=offer_pk)
    services.match_dismiss(need=need, offer=offer, user=request.user)
    messages.success(
        request,
        _("Hidden “%(title)s” for this need. Similar offers now rank lower.")
        % {"title": offer.title},
    )
    return _back(request, need.get_absolute_url() + "#matches")


@login_required
@require_POST
def undo(request: HttpRequest, need_pk: int, offer_pk: int) -> HttpResponse:
    need = _need_for_decision(request, need_pk)
    offer = get_object_or_404(Offer, pk=offer_pk)
    if services.match_undo(need=need, offer=offer, user=request.user):
        messages.success(request, _("Undone for “%(title)s”.") % {"title": offer.title})
    return _back(request, need.get_absolute_url() + "#matches")


def _offer_for_subscription(request: HttpRequest, offer_pk: int) -> Offer:
    offer = get_object_or_404(Offer.objects.select_related("profile"), pk=offer_pk)
    if not can_subscribe(request.user, offer):
        raise PermissionDenied
    return offer


@login_required
@require_POST
def subscribe(request: HttpRequest, offer_pk: int) -> HttpResponse:
    offer = _offer_for_subscription(request, offer_pk)
    services.subscription_create(offer=offer, user=request.user)
    messages.success(request, _("You will get an email when a new need matches this offer."))
    return _back(request, offer.get_absolute_url())


@login_required
@require_POST
def unsubscribe(request: HttpRequest, offer_pk: int) -> HttpResponse:
    offer = _offer_for_subscription(request, offer_pk)
    services.subscription_delete(offer=offer, user=request.user)
    messages.success(request, _("You will no longer get emails about new needs for this offer."))
    return _back(request, offer.get_absolute_url())


# Open invitations ----------------------------------------------------------------------


def _invitation_breadcrumbs(need: Need, label: str, path: str) -> list[tuple[str, str]]:
    return [
        (_("Home"), "/"),
        (_("Needs"), reverse("broker:need-list")),
        (need.title, need.get_absolute_url()),
        (label, path),
    ]


def _organisation_ids(request: HttpRequest) -> list[int]:
    ids = []
    for value in request.POST.getlist("organisation")[: invitation_selectors.MAX_RECIPIENTS]:
        try:
            ids.append(int(value))
        except ValueError:
            continue
    return ids


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request: HttpRequest, need_pk: int) -> HttpResponse:
    """The broker's form; a post shows who would be invited, and a second post (with the
    organisations shown) sends the invitation."""
    need = get_object_or_404(
        Need.objects.select_related("organisation", "municipality"), pk=need_pk
    )
    if not can_invite(request.user, need):
        raise PermissionDenied
    require_second_factor(request)
    title = _("Open invitation")
    context = {
        "need": need,
        "current": invitation_selectors.current_invitation(need=need),
        "recipe_url": invitation_selectors.equal_treatment_recipe_url(),
        "breadcrumbs": _invitation_breadcrumbs(need, title, request.path),
    }
    if request.method == "GET":
        form = InvitationForm(
            initial={
                "deadline": default_deadline(),
                "message": _(
                    "%(organisation)s is looking for help with the need «%(need)s». Your offer "
                    "matches it. Are you interested in a conversation? Answer yes or no, and "
                    "tell us briefly how you would go about it."
                )
                % {"organisation": need.organisation.name, "need": need.title},
            }
        )
        return render(request, "matching/invitation_form.html", {**context, "form": form})
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "matching/invitation_form.html",
            {**context, "form": form, "errors": error_links(form)},
            status=400,
        )
    data = form.cleaned_data
    if request.POST.get("edit"):
        return render(request, "matching/invitation_form.html", {**context, "form": form})
    if request.POST.get("confirm") == "1":
        try:
            invitation = tasks.invitation_send(
                need=need,
                created_by=request.user,
                min_score=data["min_score"],
                deadline=data["deadline"],
                message=data["message"],
                organisation_ids=_organisation_ids(request),
            )
        except invitation_services.InvitationError as error:
            form.add_error(None, str(error))
            return render(
                request,
                "matching/invitation_form.html",
                {**context, "form": form, "errors": error_links(form)},
                status=400,
            )
        messages.success(
            request,
            _("The open invitation is sent. Answers appear here as they come in."),
        )
        return redirect(invitation)
    candidates = invitation_selectors.invitation_candidates(need=need, min_score=data["min_score"])
    return render(
        request,
        "matching/invitation_confirm.html",
        {
            **context,
            "form": form,
            "candidates": candidates,
            "at_limit": len(candidates) >= invitation_selectors.MAX_RECIPIENTS,
            "max_recipients": invitation_selectors.MAX_RECIPIENTS,
        },
    )


def _invitation_for_broker(request: HttpRequest, pk: int) -> OpenInvitation:
    invitation = get_object_or_404(
        OpenInvitation.objects.select_related("need__organisation", "created_by"), pk=pk
    )
    if not can_invite(request.user, invitation.need):
        raise PermissionDenied
    require_second_factor(request)
    return invitation


@never_cache
@login_required
@require_GET
def invitation_responses(request: HttpRequest, pk: int) -> HttpResponse:
    """Who was invited and who answered, for the need's brokers."""
    invitation = _invitation_for_broker(request, pk)
    recipients = invitation_selectors.invitation_recipients(invitation=invitation)
    answered = [r for r in recipients if hasattr(r, "response")]
    return render(
        request,
        "matching/invitation_responses.html",
        {
            "invitation": invitation,
            "need": invitation.need,
            "recipients": recipients,
            "answered": len(answered),
            "interested": sum(1 for r in answered if r.response.interested),
            "is_open": invitation.is_open(),
            "breadcrumbs": _invitation_breadcrumbs(
                invitation.need, _("Answers to the open invitation"), request.path
            ),
        },
    )


@login_required
@require_POST
def invitation_close(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _invitation_for_broker(request, pk)
    invitation_services.invitation_close(invitation=invitation, user=request.user)
    messages.success(request, _("The invitation is closed. The answers given are kept."))
    return redirect(invitation)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest, recipient_pk: int) -> HttpResponse:
    """The invited entrepreneur says whether they are interested (and may change the answer
    until the deadline)."""
    recipient = invitation_selectors.recipient_for_answer(pk=recipient_pk)
    if recipient is None:
        raise Http404
    if not can_answer_invitation(request.user, recipient):
        raise PermissionDenied
    invitation = recipient.invitation
    existing = getattr(recipient, "response", None)
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                invitation_services.interest_respond(
                    recipient=recipient,
                    user=request.user,
                    interested=form.cleaned_data["interested"],
                    comment=form.cleaned_data["comment"],
                )
            except invitation_services.InvitationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you. Your answer is sent to the broker."))
                return redirect(recipient)
        status = 400
    elif existing is not None:
        form = AnswerForm(
            initial={
                "interested": "yes" if existing.interested else "no",
                "comment": existing.comment,
            }
        )
    else:
        form = AnswerForm()
    return render(
        request,
        "matching/invitation_answer.html",
        {
            "recipient": recipient,
            "invitation": invitation,
            "need": invitation.need,
            "response": existing,
            "is_open": invitation.is_open(),
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "breadcrumbs": [
                (_("Home"), "/"),
                (_("My page"), reverse("accounts:profile")),
                (_("Open invitation"), request.path),
            ],
        },
        status=status,
    )
