"""The book is rendered by the task worker, so publishing stays fast.

Tasks call services, never the reverse: queueing an edition (edition_request) lives here
beside the task it queues, so services.py does not import tasks.py (docs/decisions/0022).
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from .models import Edition, EditionStatus
from .services import edition_create, edition_render


@task()
def render_edition(*, edition_id: int) -> int | None:
    """Renders the edition; returns its page count, or None if there is nothing to render
    (gone, or already ready or failed). Safe to run twice: an edition left "rendering" by a
    worker that died is rendered again when the task is re-queued (apps/operations/recovery),
    and the second render replaces the first one's file instead of adding another."""
    edition = Edition.objects.filter(
        pk=edition_id, status__in=[EditionStatus.QUEUED, EditionStatus.RENDERING]
    ).first()
    if edition is None:
        return None
    return edition_render(edition=edition).page_count


def edition_request() -> Edition | None:
    """Queues a new edition to be rendered by the task worker once the current transaction
    commits. Debounced: while an edition waits in the queue, it will already include this
    change, so no other is queued and None is returned."""
    if Edition.objects.filter(status=EditionStatus.QUEUED).exists():
        return None
    edition = edition_create()
    transaction.on_commit(lambda: render_edition.enqueue(edition_id=edition.pk))
    return edition
