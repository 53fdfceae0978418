"""`{% public_fragment "name" vary… %}…{% endpublic_fragment %}`: a part of a page kept in the
cache for anonymous visitors, under the page cache's own freshness rule (docs/decisions/0032).

A page-cache miss (a new query string, say) still renders its page, but the heavy part that
does not depend on the address — the front page's lists, a recipe's body, a chapter's recipes —
is rendered once per purge generation, language and `vary` values, and then reused:

- it is used only where the page itself could be cached (AnonymousPageCacheMiddleware has put
  the request's generation on it: an anonymous GET without a session), never for a signed-in
  person, a preview or a private page, so what they see is unchanged;
- each entry carries the generation it was rendered under and counts as absent after a purge,
  so every write that purges the page cache (apps.core.signals and the sources in
  apps/core/tests/test_purge_sources.py) makes it stale at once; otherwise it expires after
  PAGE_CACHE_SECONDS, as a cached page does;
- a fragment whose rendering used the CSRF token is never stored (it is one visitor's).

The views give the fragment's data as lazy objects (django.utils.functional.SimpleLazyObject),
so a hit runs none of its queries.
"""

from __future__ import annotations

import hashlib

from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from apps.core.cache import page_cache_seconds
from apps.core.content_language import content_language

register = template.Library()

CSRF_USED = "CSRF_COOKIE_NEEDS_UPDATE"


def fragment_generation(request) -> str | None:
    """The page-cache generation of a request whose fragments may be shared, else None."""
    if request is None or getattr(request, "is_preview", False):
        return None
    return getattr(request, "page_cache_generation", None)


def fragment_key(*, name: str, language: str, content: str, vary: list) -> str:
    digest = hashlib.sha256(repr([str(value) for value in vary]).encode()).hexdigest()
    return f"pagecache:fragment:{name}:{language}:{content}:{digest}"


class PublicFragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context) -> str:
        request = context.get("request")
        generation = fragment_generation(request)
        if generation is None:
            return self.nodelist.render(context)
        key = fragment_key(
            name=self.name.resolve(context),
            language=get_language() or "",
            content=content_language(request),
            vary=[value.resolve(context) for value in self.vary],
        )
        entry = cache.get(key)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == generation:
            return entry[1]
        earlier = request.META.pop(CSRF_USED, None)
        html = self.nodelist.render(context)
        csrf_used = CSRF_USED in request.META
        if earlier is not None and not csrf_used:
            request.META[CSRF_USED] = earlier
        if not csrf_used:
            cache.set(key, (generation, html), page_cache_seconds())
        return html


@register.tag("public_fragment")
def public_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("public_fragment needs a name")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
