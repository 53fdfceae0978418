"""Background work of the matching app, run by the task worker after the write committed."""

from __future__ import annotations

from django_tasks import task

# The index is refreshed before subscribers are told about a need (the worker takes higher
# priorities first), so their scores read the need's new words.
INDEX_PRIORITY = 10


@task(priority=INDEX_PRIORITY)
def refresh_index(*, need_ids: list[int], offer_ids: list[int]) -> int:
    """Rewrites the matching index rows of these needs and offers from the database as it
    is now (removing those of deleted ones). Idempotent: a retry or a duplicate changes
    nothing. Returns how many objects were looked at."""
    from .services import index_refresh

    index_refresh(need_ids=need_ids, offer_ids=offer_ids)
    return len(need_ids) + len(offer_ids)


@task()
def notify_subscribers(*, need_id: int) -> int:
    """Emails the subscribers whose offers match a need that has become public."""
    from apps.broker.models import Need

    from .services import subscribers_notify

    need = Need.objects.select_related("municipality", "organisation").filter(pk=need_id).first()
    if need is None:
        return 0
    return subscribers_notify(need=need)


@task()
def notify_invitation(*, invitation_id: int) -> int:
    """Mails the admins of every organisation invited to express interest in a need.
    Idempotent: each mail is claimed in the delivery ledger first."""
    from .invitation_services import invitation_notify
    from .models import OpenInvitation

    invitation = (
        OpenInvitation.objects.select_related("need__organisation").filter(pk=invitation_id).first()
    )
    if invitation is None:
        return 0
    return invitation_notify(invitation=invitation)
