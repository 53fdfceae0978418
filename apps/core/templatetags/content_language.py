"""The written standard of a page's content in templates: its `lang` where it differs from
the interface, the hreflang alternates, and the link between the bokmål and nynorsk
versions (apps.core.content_language)."""

from __future__ import annotations

from django import template
from django.db.models import Model
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from wagtail.models import Page

from apps.core.content_language import (
    CONTENT_LANGUAGE_PARAM,
    DEFAULT_CONTENT_LANGUAGE,
    content_language,
    page_language,
    versions,
)

register = template.Library()

# What the link to the other version says, in that version's written standard.
READ_IN = {"nb": "Les på bokmål", "nn": "Les på nynorsk"}
# Said in nynorsk to a nynorsk reader when a page has no nynorsk version yet.
NOT_YET_IN = {"nn": "Denne sida finst ikkje på nynorsk enno, så du les ho på bokmål."}


def _is_page(page) -> bool:
    return isinstance(page, Page) and bool(page.pk)


def _version_url(
    version: Page, language: str, request: HttpRequest | None, *, link: bool = False
) -> str:
    """The address that serves the version: the bokmål page's address, with ?malform= for
    the other versions. A `link` on the page is relative, and asks for bokmål explicitly
    (a reader who chose nynorsk gets nynorsk at the plain address); an hreflang alternate is
    absolute."""
    url = version.get_url(request=request) if link else version.get_full_url(request=request)
    url = url or ""
    if not url or (language == DEFAULT_CONTENT_LANGUAGE and not link):
        return url
    return f"{url}?{urlencode({CONTENT_LANGUAGE_PARAM: language})}"


def _page_versions(page: Page) -> dict[str, Page]:
    """The live versions, cached on the page for the other tags of the same render."""
    cached = getattr(page, "_content_versions", None)
    if cached is None:
        cached = versions(page) if page.live else {}
        page._content_versions = cached
    return cached


def _language(page: Page) -> str:
    """The page's language, read from its versions (one query for every tag)."""
    for language, version in _page_versions(page).items():
        if version.pk == page.pk:
            return language
    return page_language(page)


def _content_language_of(obj) -> str | None:
    """The written standard of a page, or of content that is not a page (a meeting, a need,
    an offer: written in bokmål, with no versions, unless it says otherwise through a
    `content_language` attribute); None for nothing."""
    if _is_page(obj):
        return _language(obj)
    if isinstance(obj, Page) or not isinstance(obj, Model) or obj.pk is None:
        return None
    return getattr(obj, "content_language", None) or DEFAULT_CONTENT_LANGUAGE


@register.simple_tag(takes_context=True)
def content_lang_attr(context, page=None) -> SafeString:
    """` lang="nb"` on the content of a page (or of a meeting, need or offer) written in
    another language than the interface (English interface, or nynorsk chosen and no
    nynorsk version); else nothing."""
    language = _content_language_of(page)
    if language is None:
        return SafeString("")
    if language == get_language():
        return SafeString("")
    return format_html(' lang="{}"', language)


@register.inclusion_tag("core/content_alternates.html", takes_context=True)
def content_alternates(context, page=None) -> dict:
    """<link rel="alternate" hreflang> for each version of a translated page."""
    if not _is_page(page):
        return {"alternates": []}
    request = context.get("request")
    by_language = _page_versions(page)
    if len(by_language) < 2 or DEFAULT_CONTENT_LANGUAGE not in by_language:
        return {"alternates": []}
    bokmal = by_language[DEFAULT_CONTENT_LANGUAGE]
    alternates = [
        (language, _version_url(bokmal, language, request)) for language in sorted(by_language)
    ]
    alternates.append(("x-default", _version_url(bokmal, DEFAULT_CONTENT_LANGUAGE, request)))
    return {"alternates": alternates}


@register.inclusion_tag("core/content_versions.html", takes_context=True)
def content_versions(context, page=None) -> dict:
    """The link to the page's other version, and the notice that a page has no version in
    the chosen written standard."""
    if not _is_page(page):
        return {}
    request = context.get("request")
    wanted = content_language(request)
    shown = _language(page)
    by_language = _page_versions(page)
    bokmal = by_language.get(DEFAULT_CONTENT_LANGUAGE)
    links = []
    if bokmal is not None:
        links = [
            (language, READ_IN[language], _version_url(bokmal, language, request, link=True))
            for language in sorted(by_language)
            if language != shown and language in READ_IN
        ]
    return {
        "links": links,
        "notice": NOT_YET_IN.get(wanted, "") if wanted != shown else "",
        "notice_language": wanted,
    }


@register.simple_tag(takes_context=True)
def ui_lang_attr(context, page=None) -> SafeString:
    """` lang="en"` (the interface language) for interface text inside the content of a page
    marked with content_lang_attr, so that headings and labels keep their own language;
    else nothing."""
    if not content_lang_attr(context, page):
        return SafeString("")
    return format_html(' lang="{}"', get_language())


@register.simple_tag
def ui_lang_in(language: str | None) -> SafeString:
    """` lang="en"` (the interface language) for interface text inside an item of a list
    whose content is in `language` (a page's `content_language`, set for lists by
    localize_for_display without a query per item), when that differs; else nothing."""
    if not language or language == get_language():
        return SafeString("")
    return format_html(' lang="{}"', get_language())


@register.simple_tag
def lang_unless_interface(language: str) -> SafeString:
    """` lang="nb"` for text known to be in `language` (bokmål content listed on an
    interface page: meeting, call and need titles) when the interface reads another one;
    else nothing."""
    if not language or language == get_language():
        return SafeString("")
    return format_html(' lang="{}"', language)
