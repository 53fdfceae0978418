"""The book is rendered by the task worker, so publishing stays fast."""

from __future__ import annotations

from django_tasks import task

from .models import Edition, EditionStatus


@task()
def render_edition(*, edition_id: int) -> int | None:
    """Renders the edition; returns its page count, or None if there is nothing to render
    (gone, or already ready or failed). Safe to run twice: an edition left "rendering" by a
    worker that died is rendered again when the task is re-queued (apps/operations/recovery),
    and the second render replaces the first one's file instead of adding another."""
    from .services import edition_render

    edition = Edition.objects.filter(
        pk=edition_id, status__in=[EditionStatus.QUEUED, EditionStatus.RENDERING]
    ).first()
    if edition is None:
        return None
    return edition_render(edition=edition).page_count
