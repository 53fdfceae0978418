"""Writes to the cookbook."""

from django.db import transaction
from wagtail.models import Revision

from apps.core.services import audit_record

from .models import RecipePage


@transaction.atomic
def recipe_publish_revision(*, recipe: RecipePage, change_note: str, user=None) -> Revision:
    """Saves the recipe as it is now as a new revision carrying the change note, and publishes
    it; the public change log lists it from then on."""
    note = (change_note or "").strip()
    if not note:
        raise ValueError("A published version of a recipe needs a change note.")
    recipe.change_note = note
    revision = recipe.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    recipe.refresh_from_db(
        fields=[
            "live",
            "live_revision",
            "first_published_at",
            "last_published_at",
            "has_unpublished_changes",
        ]
    )
    audit_record(
        actor=user,
        action="cookbook.recipe.published",
        obj=recipe,
        data={"revision": revision.pk, "change_note": note},
    )
    return revision
