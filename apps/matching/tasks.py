"""Background work of the matching app, run by the task worker after the write committed."""

from __future__ import annotations

from django_tasks import task


@task()
def notify_subscribers(*, need_id: int) -> int:
    """Emails the subscribers whose offers match a need that has become public."""
    from apps.broker.models import Need

    from .services import subscribers_notify

    need = Need.objects.select_related("municipality", "organisation").filter(pk=need_id).first()
    if need is None:
        return 0
    return subscribers_notify(need=need)
