"""The links of the one pagination component (templates/components/pagination.html): page
numbers with gaps on long lists, each link keeping the list's other query parameters."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.core.paginator import Page
from django.http import QueryDict

register = template.Library()


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: a gap in the numbers
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class PageLinks:
    previous: str
    next: str
    numbers: list[PageLink]


@register.simple_tag(takes_context=True)
def page_links(context, page_obj: Page, param: str = "page", query: str = ""):
    """`param` names the page in the address (search pages use «side»). `query` is the rest of
    the querystring when the view has built it (without the page); without it, the request's
    own parameters are kept. The numbers are elided around the current page on long lists."""
    if not query:
        request = context.get("request")
        params = request.GET.copy() if request is not None else QueryDict(mutable=True)
        params.pop(param, None)
        query = params.urlencode()
    prefix = f"?{query}&{param}=" if query else f"?{param}="

    def href(number: int) -> str:
        return f"{prefix}{number}"

    paginator = page_obj.paginator
    numbers = [
        PageLink(None)
        if number == paginator.ELLIPSIS
        else PageLink(number, href(number), number == page_obj.number)
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return PageLinks(
        previous=href(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        next=href(page_obj.next_page_number()) if page_obj.has_next() else "",
        numbers=numbers,
    )
