"""A new edition of the book is queued whenever a chapter or a recipe is published."""

from __future__ import annotations

from django.conf import settings
from django.dispatch import receiver
from wagtail.signals import page_published

from apps.cookbook.models import ChapterPage, RecipePage

from .tasks import edition_request


def _queue_edition(sender, **kwargs) -> None:
    if not getattr(settings, "PRINTBOOK_RENDER_ON_PUBLISH", True):
        return
    edition_request()


@receiver(page_published, sender=RecipePage, dispatch_uid="printbook-recipe-published")
def recipe_published(sender, **kwargs) -> None:
    _queue_edition(sender, **kwargs)


@receiver(page_published, sender=ChapterPage, dispatch_uid="printbook-chapter-published")
def chapter_published(sender, **kwargs) -> None:
    _queue_edition(sender, **kwargs)
