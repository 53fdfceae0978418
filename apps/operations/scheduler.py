"""The scheduler loop: at each due time of each job in schedule.py, enqueue its task once.

Several schedulers may run by mistake (two deploys, a forgotten terminal). Each due time is
claimed by inserting a ScheduledRun row, unique per (job, due time), in the same transaction
as the task is enqueued in the database queue: the insert that wins enqueues, the others get
an IntegrityError and skip. No scheduler is the leader, so none has to hand over a lock when
it dies; the next tick of any survivor picks up the next due time."""

from __future__ import annotations

import datetime
import logging
import threading

from cronsim import CronSim
from django.db import IntegrityError, InterfaceError, OperationalError, connections, transaction
from django.utils import timezone

from . import heartbeat
from .models import ScheduledRun
from .schedule import OSLO, SCHEDULE, Job

logger = logging.getLogger(__name__)

TICK_SECONDS = 15
MAX_BACKOFF_SECONDS = 60


def _oslo(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(OSLO).replace(microsecond=0)


def previous_due(job: Job, now: datetime.datetime) -> datetime.datetime:
    """The latest due time at or before `now` (cronsim's reverse search excludes its start,
    hence the second added)."""
    return next(CronSim(job.cron, _oslo(now) + datetime.timedelta(seconds=1), reverse=True))


def next_due(job: Job, now: datetime.datetime) -> datetime.datetime:
    """The first due time after `now`."""
    return next(CronSim(job.cron, _oslo(now)))


def tick(*, now: datetime.datetime | None = None, jobs: tuple[Job, ...] = SCHEDULE) -> list[str]:
    """Enqueues (or, for inline jobs, runs) every job whose latest due time has not been
    claimed yet and is within the job's grace period. Returns the names of those jobs."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs:
        due = previous_due(job, now)
        if now - due > job.grace:
            continue
        if ScheduledRun.objects.filter(job=job.name, due_at=due).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, due_at=due)
                if job.inline:
                    outcome = _run_inline(job)
                    run.task_id = "inline"
                else:
                    run.task_id = str(job.get_task().enqueue(**job.kwargs).id)[:64]
                    outcome = f"task {run.task_id}"
                run.save(update_fields=["task_id"])
        except IntegrityError:
            logger.info("Job %s due %s was taken by another scheduler.", job.name, due)
            continue
        log = logger.debug if job.inline and not outcome else logger.info
        log("Job %s due %s: %s.", job.name, due, outcome or "done")
        enqueued.append(job.name)
    return enqueued


def _run_inline(job: Job) -> str:
    """Runs an inline job in a savepoint; its failure is logged, not fatal to the tick (a
    database error still ends the tick, for the loop's backoff)."""
    try:
        with transaction.atomic():
            result = job.get_task().call(**job.kwargs)
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        logger.exception("Job %s failed in the scheduler.", job.name)
        return "failed"
    if isinstance(result, dict):
        return ", ".join(f"{key} {value}" for key, value in result.items() if value)
    return ""


class Scheduler:
    """The long-running loop of `manage.py run_scheduler`: heartbeat, tick, sleep; database
    errors are logged and retried with backoff instead of ending the process."""

    def __init__(self, *, tick_seconds: float = TICK_SECONDS):
        self.tick_seconds = tick_seconds
        self.stopping = threading.Event()

    def stop(self, *_args) -> None:
        self.stopping.set()

    def run_once(self) -> list[str]:
        heartbeat.record(heartbeat.SCHEDULER, detail=f"{len(SCHEDULE)} jobs")
        return tick()

    def run(self) -> None:
        backoff = 1.0
        while not self.stopping.is_set():
            try:
                self.run_once()
                backoff = 1.0
                wait = self.tick_seconds
            except (OperationalError, InterfaceError) as error:
                logger.warning(
                    "Scheduler lost the database (%s); retrying in %.0f s.", error, backoff
                )
                connections.close_all()
                wait = backoff
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
            self.stopping.wait(wait)
        logger.info("Scheduler stopped.")
