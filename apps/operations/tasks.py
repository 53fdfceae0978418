"""Housekeeping jobs of the scheduler (see schedule.py), run by the task worker."""

from __future__ import annotations

import datetime

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from . import recovery
from .models import ScheduledRun

TASK_RESULTS_KEPT_DAYS = 14
SCHEDULED_RUNS_KEPT_DAYS = 30


@task()
def recover_lost_tasks() -> dict[str, int]:
    return recovery.recover_lost_tasks()


@task()
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@task()
def prune_old_records() -> dict[str, int]:
    """Finished task results older than 14 days (failed ones too: their tracebacks are in the
    worker log), scheduler rows older than 30 days and the heartbeats of long-dead workers."""
    now = timezone.now()
    results, _ = (
        DBTaskResult.objects.finished()
        .filter(finished_at__lt=now - datetime.timedelta(days=TASK_RESULTS_KEPT_DAYS))
        .delete()
    )
    runs, _ = ScheduledRun.objects.filter(
        due_at__lt=now - datetime.timedelta(days=SCHEDULED_RUNS_KEPT_DAYS)
    ).delete()
    return {
        "task_results": results,
        "scheduled_runs": runs,
        "workers": recovery.forget_dead_workers(),
    }
