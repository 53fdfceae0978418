from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from .selectors import site_search

PER_PAGE = 10


def _page_number(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    results = site_search(
        query=request.GET.get("q", ""),
        page_number=_page_number(request.GET.get("side")),
        per_page=PER_PAGE,
        request=request,
        type=request.GET.get("type", ""),
    )
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "search_query": results.query,
            "suggestion_url": (
                f"{reverse('search:search')}?{urlencode({'q': results.suggestion})}"
                if results.suggestion
                else ""
            ),
        },
    )
