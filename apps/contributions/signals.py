"""Receivers: a new recipe version tells its followers and settles the suggested changes it
contains (also when an editor approves or rejects on Wagtail's own workflow screens); a
contribution changing empties the anonymous page cache so recipe and blog pages show it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, task_rejected

from apps.core.cache import purge_page_cache

from .models import Comment, Tip, TipUseful, TriedReport


@receiver(page_published)
def recipe_published(sender, instance, revision=None, **kwargs):
    from apps.cookbook.models import RecipePage

    if not isinstance(instance, RecipePage):
        return
    from .services import recipe_version_notify

    recipe_version_notify(recipe=instance, change_note=instance.change_note)
    if revision is not None and not kwargs.get("alias"):
        from .services import suggestions_settle_published

        suggestions_settle_published(
            recipe_id=instance.pk, revision_id=revision.pk, editor=kwargs.get("user")
        )


@receiver(task_rejected)
def review_task_rejected(sender, instance, user=None, **kwargs):
    """A reviewer rejected a draft on Wagtail's own workflow screens."""
    from apps.cookbook.models import RecipePage

    revision = instance.revision
    if revision is None or revision.content_type.model_class() is not RecipePage:
        return
    from .services import suggestions_settle_rejected

    suggestions_settle_rejected(
        recipe_id=int(revision.object_id),
        revision_id=revision.pk,
        editor=user,
        comment=instance.get_comment() if hasattr(instance, "get_comment") else "",
    )


def _purge(sender, **kwargs):
    purge_page_cache()


for _model in (Tip, TipUseful, TriedReport, Comment):
    post_save.connect(
        _purge, sender=_model, dispatch_uid=f"contributions-purge-save-{_model.__name__}"
    )
    post_delete.connect(
        _purge, sender=_model, dispatch_uid=f"contributions-purge-delete-{_model.__name__}"
    )
