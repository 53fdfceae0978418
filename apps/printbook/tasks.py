"""The book is rendered by the task worker, so publishing stays fast."""

from __future__ import annotations

from django_tasks import task

from .models import Edition, EditionStatus


@task()
def render_edition(*, edition_id: int) -> int | None:
    """Renders the queued edition; returns its page count, or None if it is no longer queued
    (gone, or already rendered by another worker)."""
    from .services import edition_render

    edition = Edition.objects.filter(pk=edition_id, status=EditionStatus.QUEUED).first()
    if edition is None:
        return None
    return edition_render(edition=edition).page_count
