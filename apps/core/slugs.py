"""Readable ASCII slugs from Norwegian names, and the first free one among siblings.

One rule for every address we make from a title or name (an organisation, an example in the
examples bank): æ, ø and å are spelled out ("Bodø" -> "bodo") instead of dropped, as
Django's slugify would ("bod"), and a slug that is taken gets -2, -3, ... appended."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.text import slugify

NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})
MAX_BASE_LENGTH = 200


def norwegian_slug(text: str, *, fallback: str) -> str:
    """The slug of `text`, at most 200 characters; `fallback` when nothing is left of it."""
    return slugify(text.translate(NORWEGIAN_LETTERS))[:MAX_BASE_LENGTH].strip("-") or fallback


def free_slug(text: str, *, fallback: str, taken: Callable[[str], set[str]]) -> str:
    """The slug of `text`, numbered past the ones already taken.

    `taken(base)` returns the slugs in use that start with `base` (one query, whatever the
    number of siblings): the caller knows where slugs must be unique (a page's siblings, all
    organisations) and may leave out the row being renamed."""
    base = norwegian_slug(text, fallback=fallback)
    used = taken(base)
    slug, number = base, 2
    while slug in used:
        slug, number = f"{base}-{number}", number + 1
    return slug
