"""schema.org descriptions (JSON-LD) and OpenGraph facts for the public pages."""

import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.rich_text import expand_db_html

from apps.blog.models import BlogPostPage
from apps.cookbook.models import RecipePage
from apps.home.models import HomePage

PUBLISHER_NAME = "Kokeboka"


def _root(request: HttpRequest | None) -> str:
    if request is None:
        from .catalog import base_url

        return base_url()
    return request.build_absolute_uri("/").rstrip("/")


def _plain(html: str) -> str:
    return " ".join(strip_tags(html).split())


def organization(request: HttpRequest | None) -> dict[str, Any]:
    root = _root(request)
    return {"@type": "Organization", "name": PUBLISHER_NAME, "url": f"{root}/"}


def _page_url(page, request: HttpRequest | None) -> str:
    return page.get_full_url(request=request) or ""


def article(post: BlogPostPage, request: HttpRequest | None) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": Truncator(post.title).chars(110),
        "description": post.intro,
        "datePublished": post.date.isoformat(),
        "author": {"@type": "Person", "name": post.author},
        "publisher": organization(request),
        "url": _page_url(post, request),
        "mainEntityOfPage": _page_url(post, request),
        "inLanguage": "nb",
    }
    if post.last_published_at:
        node["dateModified"] = post.last_published_at.isoformat()
    return node


def how_to(recipe: RecipePage, request: HttpRequest | None) -> dict[str, Any]:
    url = _page_url(recipe, request)
    steps = []
    for position, block in enumerate(
        (block for block in recipe.steps if block.block_type == "step"), start=1
    ):
        text = _plain(expand_db_html(block.value["text"].source))
        step: dict[str, Any] = {
            "@type": "HowToStep",
            "position": position,
            "name": block.value["title"],
            "text": text or block.value["title"],
        }
        steps.append(step)
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": recipe.title,
        "description": recipe.summary,
        "url": url,
        "inLanguage": "nb",
        "publisher": organization(request),
        "step": steps,
    }
    supplies = [
        value
        for value in (recipe.ingredients_who, recipe.ingredients_prerequisites)
        if value and value.strip()
    ]
    if supplies:
        node["supply"] = [{"@type": "HowToSupply", "name": value} for value in supplies]
    if recipe.last_published_at:
        node["dateModified"] = recipe.last_published_at.isoformat()
    return node


def website(home: HomePage, request: HttpRequest | None) -> dict[str, Any]:
    root = _root(request)
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": PUBLISHER_NAME,
        "url": _page_url(home, request) or f"{root}/",
        "inLanguage": "nb",
        "publisher": organization(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{root}/sok/?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def organisation_node(org, request: HttpRequest | None) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name,
    }
    if request is not None:
        node["url"] = request.build_absolute_uri(request.path)
    if getattr(org, "website", ""):
        node["sameAs"] = [org.website]
    if getattr(org, "description", ""):
        node["description"] = org.description
    if getattr(org, "org_number", ""):
        node["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "Organisasjonsnummer",
            "value": org.org_number,
        }
    municipality = getattr(org, "municipality", None)
    if municipality is not None:
        node["address"] = {
            "@type": "PostalAddress",
            "addressLocality": municipality.name,
            "addressCountry": "NO",
        }
    return node


def structured_data(
    *, page: Any = None, organisation: Any = None, request: HttpRequest | None = None
) -> dict[str, Any] | None:
    """The schema.org node for what is shown, or None when the page type has none."""
    specific = getattr(page, "specific", page) if page is not None else None
    if isinstance(specific, RecipePage):
        return how_to(specific, request)
    if isinstance(specific, BlogPostPage):
        return article(specific, request)
    if isinstance(specific, HomePage):
        return website(specific, request)
    if organisation is not None and hasattr(organisation, "org_number"):
        return organisation_node(organisation, request)
    return None


def json_for_script(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' survive, so nothing can close the tag."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _canonical_url(page: Any, request: HttpRequest | None) -> str:
    """A nynorsk version is served at its bokmål page's address with ?malform=nn (the same
    address its hreflang alternate gives); every other page at its own full URL. The page's
    versions are read once per render and shared with the hreflang tags."""
    from wagtail.models import Page

    from apps.core.content_language import CONTENT_LANGUAGE_PARAM, DEFAULT_CONTENT_LANGUAGE
    from apps.core.templatetags.content_language import _page_versions

    if isinstance(page, Page) and page.pk and page.live:
        found = _page_versions(page)
        language = next((code for code, v in found.items() if v.pk == page.pk), "")
        original = found.get(DEFAULT_CONTENT_LANGUAGE)
        if language and language != DEFAULT_CONTENT_LANGUAGE and original is not None:
            base = original.get_full_url(request=request) or ""
            return f"{base}?{CONTENT_LANGUAGE_PARAM}={language}" if base else ""
    return page.get_full_url(request=request) or ""


def opengraph(*, page: Any = None, request: HttpRequest | None = None) -> dict[str, str]:
    """og:* values and the canonical address for the current page."""
    specific = getattr(page, "specific", page) if page is not None else None
    if specific is not None and hasattr(specific, "get_full_url"):
        url = _canonical_url(specific, request)
        title = getattr(specific, "seo_title", "") or specific.title
        description = (
            getattr(specific, "search_description", "")
            or getattr(specific, "summary", "")
            or getattr(specific, "intro", "")
        )
        kind = "article" if isinstance(specific, BlogPostPage | RecipePage) else "website"
    else:
        url = request.build_absolute_uri(request.path) if request is not None else ""
        title = ""
        description = ""
        kind = "website"
    return {
        "url": url,
        "title": title,
        "description": _plain(str(description)),
        "type": kind,
    }
