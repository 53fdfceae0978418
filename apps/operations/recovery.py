"""Tasks lost with their worker are put back in the queue.

The database worker marks a task RUNNING with its worker id when it takes it, and nothing
else ever moves it on if the worker is killed (SIGKILL, out of memory, a lost machine). Each
`run_worker` process records a heartbeat under "worker:<its id>" every few seconds, also
while a task runs; a task that has been RUNNING longer than the lease under a worker whose
heartbeat is older than the lease is re-queued. Tasks must therefore be safe to run twice.
A task that has already lost MAX_ATTEMPTS workers is marked failed instead of looping."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import Heartbeat

logger = logging.getLogger(__name__)

WORKER_PREFIX = "worker:"
MAX_ATTEMPTS = 3


def lease() -> datetime.timedelta:
    """How long a worker may be silent before its tasks are taken back (setting
    OPERATIONS_WORKER_LEASE_SECONDS, 30 s by default). Workers beat every sixth of it."""
    return datetime.timedelta(seconds=getattr(settings, "OPERATIONS_WORKER_LEASE_SECONDS", 30))


class WorkerLost(Exception):
    """Recorded as the error of a task whose workers died MAX_ATTEMPTS times."""


def worker_process(worker_id: str) -> str:
    return f"{WORKER_PREFIX}{worker_id}"[:80]


def live_worker_ids(*, now: datetime.datetime | None = None) -> set[str]:
    now = now or timezone.now()
    names = Heartbeat.objects.filter(
        process__startswith=WORKER_PREFIX, seen_at__gte=now - lease()
    ).values_list("process", flat=True)
    return {name[len(WORKER_PREFIX) :] for name in names}


def recover_lost_tasks(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Re-queues (or fails, after MAX_ATTEMPTS) tasks whose worker is gone. Idempotent: each
    change is conditional on the task still being RUNNING since the same start, so two
    recoveries at once change each task once."""
    now = now or timezone.now()
    live = live_worker_ids(now=now)
    requeued = failed = 0
    candidates = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).filter(
        Q(started_at__lt=now - lease()) | Q(started_at__isnull=True)
    )
    for task in candidates.only("id", "started_at", "worker_ids", "task_path"):
        last_worker = task.worker_ids[-1][: 80 - len(WORKER_PREFIX)] if task.worker_ids else ""
        if last_worker in live:
            continue
        same = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        )
        if len(task.worker_ids) >= MAX_ATTEMPTS:
            changed = same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=f"The worker running this task died {len(task.worker_ids)} times.",
            )
            failed += changed
            if changed:
                logger.error("Task %s (%s) failed: its workers died.", task.pk, task.task_path)
        else:
            changed = same.update(status=TaskResultStatus.READY, started_at=None)
            requeued += changed
            if changed:
                logger.warning(
                    "Task %s (%s) re-queued: worker %s is gone.",
                    task.pk,
                    task.task_path,
                    last_worker,
                )
    return {"requeued": requeued, "failed": failed}


def requeue_own(*, task_id, worker_id: str) -> int:
    """A live worker gives back the task it was running when it lost the database (the
    outcome could not be recorded, so the task runs again)."""
    task = (
        DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING)
        .only("id", "started_at", "worker_ids")
        .first()
    )
    if task is None or not task.worker_ids or task.worker_ids[-1] != worker_id:
        return 0
    return DBTaskResult.objects.filter(
        pk=task_id, status=TaskResultStatus.RUNNING, started_at=task.started_at
    ).update(status=TaskResultStatus.READY, started_at=None)


def forget_dead_workers(*, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    deleted, _ = Heartbeat.objects.filter(
        process__startswith=WORKER_PREFIX, seen_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
