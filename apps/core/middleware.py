from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from .cache import cached_page, page_cache_hit, page_cache_key, store_page

Handler = Callable[[HttpRequest], HttpResponse]

# Bokmål is the site's language unless the visitor has chosen another one; the browser's
# Accept-Language is not used, so a shared link always opens in the same language.
SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
UNCACHED_PREFIXES = ("/admin", "/django-admin", "/sprak/", "/media/", "/static/", "/helse/")
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def request_language(request: HttpRequest) -> str:
    """The interface language of a request: the visitor's cookie, else bokmål. The page
    cache keys by it before LanguagePreferenceMiddleware has run, so both ask here."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)
    return language if language in SUPPORTED_LANGUAGES else settings.LANGUAGE_CODE


class LanguagePreferenceMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def _is_cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(UNCACHED_PREFIXES):
        return False
    return not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _is_cacheable_response(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs from the shared cache and marks them publicly cacheable.

    It sits right after SecurityMiddleware, the API middleware and WhiteNoise
    (config/settings/base.py), so a hit skips sessions, language, CSRF, authentication,
    messages and the view, and is built from stored body bytes and headers instead of an
    unpickled response (docs/decisions/0027). A miss is stored here, on its way out, with
    every header the middleware below it added (Content-Language, CSP, X-Frame-Options, …),
    so a hit answers the same headers and bytes; the middleware above it (security headers,
    request id, request log) runs for hits and misses alike.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = page_cache_key(language=request_language(request), path=request.get_full_path())
        generation, cached = cached_page(key=key)
        if cached is not None:
            headers, body = cached
            response = HttpResponse(body, headers=dict(headers))
            response["X-Page-Cache"] = "hit"
            # Receivers (e.g. the route guide's answer tally) count what the cache served;
            # send_robust, so a failing receiver never stops a cached page from being served.
            page_cache_hit.send_robust(sender=AnonymousPageCacheMiddleware, request=request)
            return response
        # The parts of the page kept in the cache ({% public_fragment %}) are valid for this
        # generation only, like the page itself.
        request.page_cache_generation = generation
        response = self.get_response(request)
        # A page that used the CSRF token is personal: never store it for others.
        csrf_used = "CSRF_COOKIE_NEEDS_UPDATE" in request.META
        if not csrf_used and _is_cacheable_response(response):
            patch_vary_headers(response, ("Cookie",))
            patch_cache_control(response, public=True, max_age=60)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            store_page(key=key, generation=generation, response=response)
            response["X-Page-Cache"] = "miss"
        return response


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: https:",
        "font-src 'self'",
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """CSP without unsafe-inline on the public site; the Wagtail admin keeps its own needs."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(("/admin", "/django-admin", "/api/v1/docs")):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
