"""Public newsletter pages: sign-up, "check your mail", confirmation, one-click unsubscribe
(RFC 8058) and unsubscribe from My page. The writes are in services.py."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.clientip import client_ip
from apps.core.ratelimit import hit

from . import selectors, services, tasks
from .forms import SignupForm

DEFAULT_LIMITS = {"newsletter_signup": (5, 60 * 60), "newsletter_signup_email": (3, 60 * 60)}


def _limit(scope: str) -> tuple[int, int]:
    return getattr(settings, "KOKEBOKA_RATELIMITS", {}).get(scope, DEFAULT_LIMITS[scope])


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.method == "POST":
        form = SignupForm(request.POST)
        limit, window = _limit("newsletter_signup")
        if not hit(scope="newsletter_signup", key=client_ip(request), limit=limit, window=window):
            response = render(request, "newsletter/rate_limited.html", status=429)
            response["Retry-After"] = str(window)
            return response
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            limit, window = _limit("newsletter_signup_email")
            # Beyond the per-address limit the answer is the same page, and nothing is sent.
            if hit(scope="newsletter_signup_email", key=email, limit=limit, window=window):
                tasks.subscribe(
                    email=email,
                    topics=form.cleaned_data["topics"],
                    language=form.cleaned_data["language"],
                    ip=client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    user=request.user if request.user.is_authenticated else None,
                )
            return HttpResponseRedirect(reverse("newsletter:check-email"))
    else:
        language = (get_language() or "nb")[:2]
        initial = {"language": language if language in services.LANGUAGE_CODES else "nb"}
        email = (request.GET.get("email") or "").strip()[:254]
        if email:
            initial["email"] = email
        elif request.user.is_authenticated:
            initial["email"] = request.user.email
        form = SignupForm(initial=initial)
    return render(
        request,
        "newsletter/signup.html",
        {"form": form, "topics": selectors.topic_choices()},
        status=400 if form.is_bound and form.errors else 200,
    )


def check_email(request):
    return render(request, "newsletter/check_email.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button (mail scanners that open links must not subscribe anyone); the
    POST confirms."""
    if request.method == "POST":
        subscriber = services.confirm(token)
        if subscriber is None:
            return render(request, "newsletter/link_failed.html", status=400)
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"token": token})


@csrf_exempt  # RFC 8058: the mail provider POSTs with no cookie; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    subscriber = services.subscriber_for_unsubscribe(token)
    if subscriber is None:
        return render(request, "newsletter/link_failed.html", status=400)
    if request.method == "POST":
        services.unsubscribe(subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(
        request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token}
    )


@login_required
@require_POST
def unsubscribe_mine(request):
    subscriber = selectors.subscriber_for_email(request.user.email)
    if subscriber is not None:
        services.unsubscribe(subscriber)
    messages.success(request, _("You will get no more newsletters."))
    return HttpResponseRedirect(reverse("accounts:profile"))
