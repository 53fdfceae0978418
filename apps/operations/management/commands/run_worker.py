"""`python manage.py run_worker`: django_tasks_db's database worker, made to survive.

It takes every option of `db_worker` and adds three things:
- a heartbeat ("worker" and "worker:<id>") every few seconds from a side thread, so that
  readiness sees the worker and the recovery of lost tasks can tell it is alive, also while a
  long task runs;
- the recovery of tasks left RUNNING by dead workers, at start and every half lease;
- database errors (OperationalError, InterfaceError) do not end the process: the connections
  are closed, the task that was running is given back to the queue, and the loop starts again
  after a growing pause.
The file-watching reloader is off unless --reload is given (it costs a tenth of a core)."""

from __future__ import annotations

import logging
import os
import threading
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from apps.operations import heartbeat, recovery

logger = logging.getLogger("django_tasks_db")

MAX_BACKOFF_SECONDS = 30.0
DATABASE_ERRORS = (OperationalError, InterfaceError)


class SurvivingWorker(Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.current_task_id = None
        self.give_back: list = []
        self.pulse_stop = threading.Event()

    # The heartbeat thread ------------------------------------------------------------------

    def beat(self, *, recover: bool) -> None:
        """One heartbeat ("worker" and "worker:<id>"), and a recovery of lost tasks."""
        detail = f"task {self.current_task_id}" if self.current_task_id else "idle"
        heartbeat.record(recovery.worker_process(self.worker_id), detail=detail)
        heartbeat.record(heartbeat.WORKER, detail=self.worker_id)
        if recover:
            recovery.recover_lost_tasks()

    def pulse(self) -> None:
        """Beats every sixth of the lease, recovering lost tasks at start and every half
        lease, from its own thread and database connection; errors are logged and tried
        again on the next beat."""
        beat_every = recovery.lease().total_seconds() / 6
        recover_every = recovery.lease().total_seconds() / 2
        last_recovery = None
        while not self.pulse_stop.is_set():
            due = last_recovery is None or time.monotonic() - last_recovery >= recover_every
            try:
                self.beat(recover=due)
                if due:
                    last_recovery = time.monotonic()
            except Exception as error:  # noqa: BLE001 - the beat must go on
                logger.warning("Worker heartbeat failed: %s", error)
                connections.close_all()
            self.pulse_stop.wait(beat_every)
        connections.close_all()

    # The main loop -------------------------------------------------------------------------

    def run_task(self, db_task_result) -> None:
        # Left set when a database error escapes (the outcome could not be recorded), so
        # that run() gives the task back to the queue.
        self.current_task_id = db_task_result.pk
        super().run_task(db_task_result)
        self.current_task_id = None

    def run(self) -> None:
        threading.Thread(target=self.pulse, name="worker-heartbeat", daemon=True).start()
        backoff = 1.0
        last_error = 0.0
        try:
            while self.running:
                try:
                    for task_id in list(self.give_back):
                        recovery.requeue_own(task_id=task_id, worker_id=self.worker_id)
                        self.give_back.remove(task_id)
                    super().run()
                    return
                except DATABASE_ERRORS as error:
                    if self.current_task_id is not None:
                        self.give_back.append(self.current_task_id)
                        self.current_task_id = None
                    self.running_task = False
                    if time.monotonic() - last_error > 2 * MAX_BACKOFF_SECONDS:
                        backoff = 1.0  # a new outage, not the same one going on
                    last_error = time.monotonic()
                    logger.warning(
                        "Worker %s lost the database (%s); retrying in %.0f s.",
                        self.worker_id,
                        error,
                        backoff,
                    )
                    connections.close_all()
                    time.sleep(backoff)
                    backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
        finally:
            self.pulse_stop.set()


class Command(DbWorkerCommand):
    help = "Run the task worker: db_worker with heartbeats, lost-task recovery and retries."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(reload=False)

    def handle(  # noqa: PLR0913 - the options of db_worker
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = SurvivingWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
            return
        worker.configure_signals()
        worker.run()
