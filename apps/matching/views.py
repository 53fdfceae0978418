"""Pages and actions of the matching app. Views parse, check permission, call a service
and redirect; ranking lives in selectors, writes in services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from apps.broker.models import Need, Offer

from . import services
from .permissions import can_decide, can_see_offer_matches, can_subscribe, can_view_need

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
