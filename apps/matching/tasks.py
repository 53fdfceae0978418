"""Background work of the matching app, run by the task worker after the write committed.

Tasks call services, never the reverse: what queues a task (index_later,
need_published_schedule, invitation_send) lives here beside the task it queues, so
services.py and invitation_services.py do not import this module (docs/decisions/0022,
0026)."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Collection, Iterable
from functools import partial

from django.db import transaction
from django_tasks import task

from .invitation_services import invitation_create, invitation_notify
from .models import OpenInvitation
from .services import index_refresh, subscribers_notify

# The index is refreshed before subscribers are told about a need (the worker takes higher
# priorities first), so their scores read the need's new words.
INDEX_PRIORITY = 10


@task(priority=INDEX_PRIORITY)
def refresh_index(*, need_ids: list[int], offer_ids: list[int]) -> int:
    """Rewrites the matching index rows of these needs and offers from the database as it
    is now (removing those of deleted ones). Idempotent: a retry or a duplicate changes
    nothing. Returns how many objects were looked at."""
    index_refresh(need_ids=need_ids, offer_ids=offer_ids)
    return len(need_ids) + len(offer_ids)


@task()
def notify_subscribers(*, need_id: int) -> int:
    """Emails the subscribers whose offers match a need that has become public."""
    from apps.broker.models import Need

    need = Need.objects.select_related("municipality", "organisation").filter(pk=need_id).first()
    if need is None:
        return 0
    return subscribers_notify(need=need)


@task()
def notify_invitation(*, invitation_id: int) -> int:
    """Mails the admins of every organisation invited to express interest in a need.
    Idempotent: each mail is claimed in the delivery ledger first."""
    invitation = (
        OpenInvitation.objects.select_related("need__organisation").filter(pk=invitation_id).first()
    )
    if invitation is None:
        return 0
    return invitation_notify(invitation=invitation)


# Queueing -----------------------------------------------------------------------------


class _Pending(threading.local):
    def __init__(self) -> None:
        self.needs: set[int] = set()
        self.offers: set[int] = set()


_pending = _Pending()


def index_later(*, need_ids: Iterable[int] = (), offer_ids: Iterable[int] = ()) -> None:
    """Asks the task worker to refresh these objects' index rows once the current
    transaction has committed, so no request holds the write lock while text is analysed.
    The ids of one transaction are collected and sent as one task; a rolled-back change
    leaves ids behind that the next task refreshes harmlessly (index_refresh reads the
    database as it is)."""
    _pending.needs.update(need_ids)
    _pending.offers.update(offer_ids)
    transaction.on_commit(_index_pending)


def _index_pending() -> None:
    if not (_pending.needs or _pending.offers):
        return
    need_ids, offer_ids = sorted(_pending.needs), sorted(_pending.offers)
    _pending.needs.clear()
    _pending.offers.clear()
    refresh_index.enqueue(need_ids=need_ids, offer_ids=offer_ids)


def need_published_schedule(*, need) -> None:
    """After commit, asks the task queue to tell subscribers about a public need."""
    transaction.on_commit(partial(notify_subscribers.enqueue, need_id=need.pk))


def invitation_send(
    *,
    need,
    created_by,
    min_score: int,
    deadline: datetime.date,
    message: str,
    organisation_ids: Collection[int],
) -> OpenInvitation:
    """Creates the open invitation (invitation_services.invitation_create, with its checks
    and refusals) and queues its mails for after the commit; nothing is queued when the
    invitation is refused."""
    with transaction.atomic():
        invitation = invitation_create(
            need=need,
            created_by=created_by,
            min_score=min_score,
            deadline=deadline,
            message=message,
            organisation_ids=organisation_ids,
        )
        transaction.on_commit(partial(notify_invitation.enqueue, invitation_id=invitation.pk))
    return invitation
