import sys

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from . import outage
from .signals import language_chosen


@never_cache
def choose_language(request: HttpRequest, code: str) -> HttpResponse:
    """A plain link (no form, no CSRF token) so that every public page stays cacheable."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            # Remembered on the account too: mail sent later, outside any request, is
            # written in it (apps.core.mail). Like the cookie, a plain link may set it; the
            # worst a forged link can do is change the language someone is written to in.
            # The accounts app stores it (apps/accounts/signals.py): core sits below accounts
            # and does not import it (docs/decisions/0022).
            language_chosen.send(sender=choose_language, user=request.user, language=code)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Raised inside a middleware (outside any view) the database or cache outage reaches
    # handler500; it still gets the 503 page, not a 500 with a stack trace per request.
    error = sys.exc_info()[1]
    if outage.is_unavailable(error):
        return outage.unavailable_response(request, error)
    return render(request, "500.html", status=500)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Readiness, which asks the dependencies, is
    /helse/klar/ (apps.core.health)."""
    return JsonResponse({"status": "ok"})
