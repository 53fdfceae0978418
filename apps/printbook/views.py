"""The printed cookbook: the whole book, its editions and any recipe as a PDF."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import selectors, services
from .models import Edition

BOOK_MAX_AGE = 300  # the latest edition changes when content is published
EDITION_MAX_AGE = 365 * 24 * 3600  # a numbered edition never changes


def _edition_response(edition: Edition, *, max_age: int, immutable: bool = False) -> FileResponse:
    response = FileResponse(
        edition.file.open("rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=edition.filename,
    )
    patch_cache_control(response, public=True, max_age=max_age, immutable=immutable)
    response["X-Kokeboka-Edition"] = str(edition.number)
    return response


@require_safe
def book_pdf(request: HttpRequest) -> FileResponse:
    """The latest ready edition, served from storage. Before the first edition exists (a
    fresh install before `render_book` has run) this request renders it, once."""
    edition = selectors.latest_ready_edition() or services.edition_render_now()
    return _edition_response(edition, max_age=BOOK_MAX_AGE)


@require_safe
def edition_pdf(request: HttpRequest, number: int) -> FileResponse:
    edition = selectors.ready_edition(number=number)
    if edition is None:
        raise Http404(_("There is no such edition."))
    return _edition_response(edition, max_age=EDITION_MAX_AGE, immutable=True)


@require_safe
def edition_list(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(
        request,
        "printbook/edition_list.html",
        {
            "editions": selectors.ready_editions(),
            "breadcrumb_items": [(_("Home"), "/"), (_("Editions of the cookbook"), request.path)],
        },
    )


@require_safe
def recipe_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    recipe = selectors.published_recipe(slug=slug)
    if recipe is None:
        raise Http404(_("There is no such recipe."))
    rendered = services.recipe_pdf(recipe=recipe)
    response = HttpResponse(rendered.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{recipe.slug}.pdf"'
    patch_cache_control(response, public=True, max_age=BOOK_MAX_AGE)
    return response
