"""Routing of the site's addresses to the bokmål page or its nynorsk version.

Wagtail routes a request from the home page in the active language
(`site.root_page.localized`), so with nynorsk chosen it would look only in the nynorsk
tree, where untranslated pages do not exist. Instead every address is resolved in the
bokmål tree, the site's structure; when the request reads nynorsk
(apps.core.content_language.content_language) and the page has a live nynorsk version, that
version is served at the same address, the rest of the path (a recipe's change log) routed
inside it. A page without one is served in bokmål, and the template says so.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from apps.core.content_language import (
    DEFAULT_CONTENT_LANGUAGE,
    content_language,
    content_languages,
    live_translation,
)


def _home_in(home: Page, language: str) -> Page | None:
    if home.locale.language_code == language:
        return home
    return live_translation(home, language)


def route_in_content_language(
    home: Page, request: HttpRequest, path_components: list[str]
) -> RouteResult:
    language = content_language(request)
    if get_language() in content_languages() and get_language() != DEFAULT_CONTENT_LANGUAGE:
        # Wagtail started from the home page of the interface language's tree.
        default_home = _home_in(home, DEFAULT_CONTENT_LANGUAGE) or home
    else:
        default_home = home  # the site's root page, the bokmål home page
    try:
        # Page.route, not the home page's own, which would come back here.
        result = Page.route(default_home, request, path_components)
    except Http404:
        # A nynorsk page whose editor gave it its own slug lives only in the nynorsk tree.
        translated_home = _home_in(home, language)
        if translated_home is None or translated_home.pk == default_home.pk:
            raise
        return Page.route(translated_home, request, path_components)

    page = result.page
    if language == DEFAULT_CONTENT_LANGUAGE:
        return result
    translated = live_translation(page, language)
    if translated is None or translated.pk == page.pk:
        return result
    remaining = path_components[page.depth - default_home.depth :]
    if not remaining and not isinstance(translated, RoutablePageMixin):
        return RouteResult(translated)
    try:
        return translated.route(request, remaining)
    except Http404:
        return result
