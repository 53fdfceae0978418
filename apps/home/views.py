"""Site-level pages that are not editorial content: who runs Kokeboka and how to reach them."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def about(request: HttpRequest) -> HttpResponse:
    # The publisher and contacts come from settings (one per deployment) through the
    # `OWNER` context; nothing here depends on the database, so the page is always there.
    return render(request, "home/about.html")
