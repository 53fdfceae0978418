"""Infrastructure reactions to content changes: the anonymous page cache is purged.

Domain rules do not live here; only cache invalidation, which must follow every write
to public content wherever it comes from (admin, services, imports).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .cache import purge_page_cache

# Apps whose rows are shown on anonymous pages.
PUBLIC_CONTENT_APPS = {
    "rules",
    "cookbook",
    "blog",
    "cases",
    "events",
    "broker",
    "fund",
    "grants",
    "wagtailcore",
}


@receiver(page_published)
@receiver(page_unpublished)
def _purge_on_page_change(sender, **kwargs) -> None:
    purge_page_cache()


@receiver(post_save)
@receiver(post_delete)
def _purge_on_public_row_change(sender, **kwargs) -> None:
    if getattr(getattr(sender, "_meta", None), "app_label", None) in PUBLIC_CONTENT_APPS:
        purge_page_cache()
