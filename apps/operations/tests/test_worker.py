"""The task worker beats, recovers lost tasks, and survives losing the database."""

import datetime

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from apps.operations import heartbeat
from apps.operations.management.commands import run_worker
from apps.operations.management.commands.run_worker import SurvivingWorker

from .test_recovery import running_task

pytestmark = pytest.mark.django_db


def make_worker(worker_id="w1") -> SurvivingWorker:
    return SurvivingWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def test_a_beat_records_both_heartbeats_and_recovers_lost_tasks():
    lost = running_task(worker_ids=["dead"], started_ago=datetime.timedelta(minutes=5))
    worker = make_worker("w1")
    worker.beat(recover=True)
    fresh = datetime.timedelta(seconds=10)
    assert heartbeat.is_fresh("worker", fresh)
    assert heartbeat.is_fresh("worker:w1", fresh)
    assert DBTaskResult.objects.get(pk=lost.pk).status == TaskResultStatus.READY
    # Its own running task is safe while it beats.
    mine = running_task(worker_ids=["w1"], started_ago=datetime.timedelta(minutes=5))
    worker.beat(recover=True)
    assert DBTaskResult.objects.get(pk=mine.pk).status == TaskResultStatus.RUNNING


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_the_worker_survives_a_lost_database_and_gives_back_its_task(monkeypatch, error):
    worker = make_worker("w1")
    in_flight = running_task(worker_ids=["w1"], started_ago=datetime.timedelta(seconds=1))
    rounds = []
    sleeps = []

    def parent_run(self):
        rounds.append(1)
        if len(rounds) == 1:
            # The database went away while the task's outcome was being recorded.
            self.current_task_id = in_flight.pk
            raise error("server closed the connection unexpectedly")
        assert DBTaskResult.objects.get(pk=in_flight.pk).status == TaskResultStatus.READY

    monkeypatch.setattr(Worker, "run", parent_run)
    monkeypatch.setattr(SurvivingWorker, "pulse", lambda self: None)
    monkeypatch.setattr(run_worker.connections, "close_all", lambda: None)
    monkeypatch.setattr(run_worker.time, "sleep", sleeps.append)
    worker.run()
    assert len(rounds) == 2
    assert sleeps == [1.0]
    assert worker.give_back == []
    assert worker.pulse_stop.is_set()


def test_other_errors_still_end_the_worker(monkeypatch):
    worker = make_worker()

    def parent_run(self):
        raise ValueError("a bug")

    monkeypatch.setattr(Worker, "run", parent_run)
    monkeypatch.setattr(SurvivingWorker, "pulse", lambda self: None)
    with pytest.raises(ValueError, match="a bug"):
        worker.run()


class InlineThread:
    """Runs the heartbeat in the test's thread and connection (a real thread would write
    past the test's transaction)."""

    def __init__(self, *, target, **kwargs):
        self.target = target

    def start(self):
        self.target()


def test_run_worker_runs_queued_tasks_without_the_reloader(settings, monkeypatch):
    """`manage.py run_worker --batch` on the database queue runs what is queued and marks
    the worker alive."""
    from django.core.management import call_command

    monkeypatch.setattr(SurvivingWorker, "pulse", lambda self: self.beat(recover=True))
    monkeypatch.setattr(run_worker.threading, "Thread", InlineThread)
    # db_worker closes connections that are not in autocommit (the test's transaction) and
    # sets the process's signal handlers: neither inside a test.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(SurvivingWorker, "configure_signals", lambda self: None)

    from apps.operations.tests.slow_tasks import sleep_then_mark

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = sleep_then_mark.enqueue(key="batch", seconds=0)
    parser = run_worker.Command().create_parser("manage.py", "run_worker")
    assert parser.parse_args([]).reload is False
    call_command("run_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
    assert timezone.now() - heartbeat.last_seen("worker") < datetime.timedelta(seconds=30)
