"""Which written standard a request reads editorial content in, and the versions of a page.

Pages are written in bokmål and may be translated into nynorsk by editors
(wagtail.contrib.simple_translation). The bokmål tree is the site: lists and addresses come
from it, and a nynorsk version is served at its bokmål page's address when the visitor reads
in nynorsk (apps/home/translation.py). `?malform=nb|nn` asks for one version explicitly,
whatever the interface language: that is the address the "Les på nynorsk" link and the
hreflang alternates give (docs/decisions/0013).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

CONTENT_LANGUAGE_PARAM = "malform"
DEFAULT_CONTENT_LANGUAGE = settings.LANGUAGE_CODE


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def content_language(request: HttpRequest | None) -> str:
    """The version asked for with ?malform=, else the interface language when content is
    written in it (nynorsk), else bokmål (also for English: the content is Norwegian)."""
    languages = content_languages()
    if request is not None:
        asked = request.GET.get(CONTENT_LANGUAGE_PARAM, "")
        if asked in languages:
            return asked
    interface = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
    return interface if interface in languages else DEFAULT_CONTENT_LANGUAGE


def in_default_language() -> Q:
    """Pages of the bokmål tree: what every list shows (a translation is shown in its place)."""
    return Q(locale__language_code=DEFAULT_CONTENT_LANGUAGE)


def page_language(page: Page) -> str:
    """The written standard of the page's content."""
    shown = getattr(page, "content_language", None)
    return shown or page.locale.language_code


def versions(page: Page) -> dict[str, Page]:
    """The live versions of the page by language, itself included, in one query. An alias
    (a copy Wagtail makes of an untranslated parent) is not a version: its text is still
    the original's."""
    pages = Page.objects.filter(
        translation_key=page.translation_key, live=True, alias_of__isnull=True
    ).select_related("locale")
    return {version.locale.language_code: version for version in pages}


def live_translation(page: Page, language: str) -> Page | None:
    """The page's live, translated version in the language (specific), or None."""
    if page.locale.language_code == language:
        return page
    version = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=language,
            live=True,
            alias_of__isnull=True,
        )
        .select_related("locale")
        .first()
    )
    return version.specific if version is not None else None


def localize_for_display(pages: Iterable[Page], *, language: str, fields: Iterable[str]) -> None:
    """Shows bokmål pages of a list in the language where a live translation exists: copies
    the translated `fields` onto each page and sets `content_language`, in one query. The
    pages keep their bokmål address, which serves the translation to a nynorsk reader."""
    pages = list(pages)
    for page in pages:
        page.content_language = DEFAULT_CONTENT_LANGUAGE
    if language == DEFAULT_CONTENT_LANGUAGE or not pages:
        return
    fields = list(fields)
    by_key = {page.translation_key: page for page in pages}
    model = type(pages[0])
    translations = model.objects.filter(
        translation_key__in=list(by_key),
        locale__language_code=language,
        live=True,
        alias_of__isnull=True,
    ).only("translation_key", *fields)
    for translated in translations:
        page = by_key[translated.translation_key]
        for field_name in fields:
            setattr(page, field_name, getattr(translated, field_name))
        page.content_language = language
