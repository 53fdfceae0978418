"""Receivers: a new recipe version tells its followers; a contribution changing empties the
anonymous page cache so recipe and blog pages show it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from apps.core.cache import purge_page_cache

from .models import Comment, Tip, TipUseful, TriedReport


@receiver(page_published)
def recipe_published(sender, instance, revision=None, **kwargs):
    from apps.cookbook.models import RecipePage

    if not isinstance(instance, RecipePage):
        return
    from .services import recipe_version_notify

    recipe_version_notify(recipe=instance, change_note=instance.change_note)


def _purge(sender, **kwargs):
    purge_page_cache()


for _model in (Tip, TipUseful, TriedReport, Comment):
    post_save.connect(
        _purge, sender=_model, dispatch_uid=f"contributions-purge-save-{_model.__name__}"
    )
    post_delete.connect(
        _purge, sender=_model, dispatch_uid=f"contributions-purge-delete-{_model.__name__}"
    )
