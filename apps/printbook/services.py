"""Making editions of the printed cookbook."""

from __future__ import annotations

import datetime
import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import translation

from apps.cookbook.models import CookbookIndexPage, RecipePage
from apps.core.cache import purge_page_cache
from apps.core.context_processors import owner
from apps.core.siteaddress import page_url, site_url
from apps.rules.selectors import today_oslo

from .models import Edition, EditionStatus
from .pdf import RenderedPdf, render_pdf
from .selectors import BookContents, book, recipe_details

logger = logging.getLogger(__name__)


def _cookbook_url() -> str:
    index = CookbookIndexPage.objects.live().first()
    url = page_url(index) if index is not None else None
    return url or site_url("/kokeboka/")


def book_html(*, contents: BookContents, number: int | None = None) -> str:
    """The HTML that WeasyPrint lays out as the whole book, always in the site language."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "printbook/book.html",
            {
                "book": contents,
                "number": number,
                "cookbook_url": _cookbook_url(),
                "publisher": owner(),
            },
        )


def recipe_html(*, recipe: RecipePage, on: datetime.date) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "printbook/recipe.html",
            {
                "item": recipe_details(recipe=recipe, on=on),
                "on": on,
                "recipe_url": page_url(recipe),
            },
        )


def recipe_pdf(*, recipe: RecipePage, on: datetime.date | None = None) -> RenderedPdf:
    return render_pdf(html=recipe_html(recipe=recipe, on=on or today_oslo()))


def edition_create(*, on: datetime.date | None = None) -> Edition:
    """A new queued edition with the next number."""
    for _attempt in range(3):
        number = (Edition.objects.aggregate(top=Max("number"))["top"] or 0) + 1
        try:
            with transaction.atomic():
                return Edition.objects.create(number=number, edition_date=on or today_oslo())
        except IntegrityError:  # another process took the number first
            continue
    raise RuntimeError("Could not number a new edition.")


def edition_render(*, edition: Edition) -> Edition:
    """Renders the book as it stands now into the edition's PDF and records the published
    revision of each recipe. The edition is marked failed (and the error re-raised) if
    rendering fails."""
    edition.status = EditionStatus.RENDERING
    edition.save(update_fields=["status"])
    started = time.perf_counter()
    try:
        contents = book(on=edition.edition_date)
        rendered = render_pdf(html=book_html(contents=contents, number=edition.number))
    except Exception as error:
        edition.status = EditionStatus.FAILED
        edition.error = f"{type(error).__name__}: {error}"
        edition.save(update_fields=["status", "error"])
        logger.exception("Rendering edition %s of the book failed", edition.number)
        raise
    stored_name = f"kokeboka-{edition.number}-{edition.edition_date.isoformat()}.pdf"
    if edition.file:  # rendered before by a worker that died before marking it ready
        edition.file.delete(save=False)
    edition.file.save(stored_name, ContentFile(rendered.content), save=False)
    edition.page_count = rendered.page_count
    edition.render_seconds = round(time.perf_counter() - started, 2)
    edition.recipe_revisions = {
        str(recipe.pk): recipe.live_revision_id for recipe in contents.recipes
    }
    edition.status = EditionStatus.READY
    edition.error = ""
    edition.save()
    purge_page_cache()  # the edition list shows the new edition at once
    return edition


def edition_render_now() -> Edition:
    """A new edition, rendered in this process (the management command, the first request)."""
    return edition_render(edition=edition_create())
