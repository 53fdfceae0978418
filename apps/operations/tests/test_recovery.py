"""Tasks left RUNNING by a dead worker are put back in the queue, once."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from apps.operations import heartbeat, recovery
from apps.operations.models import Heartbeat
from apps.operations.tasks import prune_old_records, recover_lost_tasks

pytestmark = pytest.mark.django_db

LEASE = datetime.timedelta(seconds=30)


def running_task(*, worker_ids, started_ago: datetime.timedelta, status=TaskResultStatus.RUNNING):
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {"edition_id": 1}},
        task_path="apps.printbook.tasks.render_edition",
        worker_ids=worker_ids,
        backend_name="default",
        run_after=datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC),
        started_at=now - started_ago,
        exception_class_path="",
        traceback="",
    )


def beat(worker_id: str, ago: datetime.timedelta) -> None:
    Heartbeat.objects.update_or_create(
        process=recovery.worker_process(worker_id),
        defaults={"seen_at": timezone.now() - ago},
    )


def test_a_task_of_a_dead_worker_is_requeued_and_others_are_left_alone():
    beat("alive", datetime.timedelta(seconds=2))
    beat("dead", datetime.timedelta(minutes=5))
    lost = running_task(worker_ids=["dead"], started_ago=datetime.timedelta(minutes=6))
    never_beat = running_task(worker_ids=["gone"], started_ago=datetime.timedelta(minutes=2))
    busy = running_task(worker_ids=["dead", "alive"], started_ago=datetime.timedelta(hours=1))
    just_taken = running_task(worker_ids=["dead"], started_ago=datetime.timedelta(seconds=3))
    finished = running_task(
        worker_ids=["dead"],
        started_ago=datetime.timedelta(hours=1),
        status=TaskResultStatus.SUCCESSFUL,
    )

    assert recovery.recover_lost_tasks() == {"requeued": 2, "failed": 0}

    statuses = {
        name: DBTaskResult.objects.get(pk=task.pk).status
        for name, task in [
            ("lost", lost),
            ("never_beat", never_beat),
            ("busy", busy),
            ("just_taken", just_taken),
            ("finished", finished),
        ]
    }
    assert statuses == {
        "lost": TaskResultStatus.READY,
        "never_beat": TaskResultStatus.READY,
        "busy": TaskResultStatus.RUNNING,
        "just_taken": TaskResultStatus.RUNNING,
        "finished": TaskResultStatus.SUCCESSFUL,
    }
    # A requeued task is ready for the next worker to take.
    assert set(DBTaskResult.objects.ready().values_list("pk", flat=True)) == {
        lost.pk,
        never_beat.pk,
    }
    # Idempotent: a second recovery (another worker, the scheduler) changes nothing.
    assert recovery.recover_lost_tasks() == {"requeued": 0, "failed": 0}


def test_a_task_whose_workers_died_three_times_fails_instead_of_looping():
    task = running_task(worker_ids=["a", "b", "c"], started_ago=datetime.timedelta(minutes=5))
    assert recover_lost_tasks.call() == {"requeued": 0, "failed": 1}
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "apps.operations.recovery.WorkerLost"


@override_settings(OPERATIONS_WORKER_LEASE_SECONDS=600)
def test_the_lease_is_a_setting():
    beat("slow", datetime.timedelta(minutes=5))
    task = running_task(worker_ids=["slow"], started_ago=datetime.timedelta(minutes=6))
    assert recovery.recover_lost_tasks() == {"requeued": 0, "failed": 0}
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_a_worker_gives_back_only_its_own_running_task():
    mine = running_task(worker_ids=["me"], started_ago=datetime.timedelta(seconds=1))
    theirs = running_task(worker_ids=["me", "them"], started_ago=datetime.timedelta(seconds=1))
    assert recovery.requeue_own(task_id=mine.pk, worker_id="me") == 1
    assert recovery.requeue_own(task_id=theirs.pk, worker_id="me") == 0
    assert recovery.requeue_own(task_id=mine.pk, worker_id="me") == 0
    assert DBTaskResult.objects.get(pk=mine.pk).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=theirs.pk).status == TaskResultStatus.RUNNING


def test_housekeeping_prunes_old_results_runs_and_dead_workers():
    from apps.operations.models import ScheduledRun

    now = timezone.now()
    old = running_task(
        worker_ids=["x"], started_ago=datetime.timedelta(days=20), status=TaskResultStatus.FAILED
    )
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=now - datetime.timedelta(days=15))
    recent = running_task(
        worker_ids=["x"], started_ago=datetime.timedelta(days=2), status=TaskResultStatus.SUCCESSFUL
    )
    DBTaskResult.objects.filter(pk=recent.pk).update(finished_at=now - datetime.timedelta(days=2))
    stuck = running_task(worker_ids=["x"], started_ago=datetime.timedelta(days=20))
    ScheduledRun.objects.create(job="a", due_at=now - datetime.timedelta(days=31))
    ScheduledRun.objects.create(job="a", due_at=now - datetime.timedelta(days=1))
    beat("long-gone", datetime.timedelta(days=2))
    heartbeat.record("worker")

    assert prune_old_records.call() == {"task_results": 1, "scheduled_runs": 1, "workers": 1}
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, stuck.pk}
    assert ScheduledRun.objects.count() == 1
    assert list(Heartbeat.objects.values_list("process", flat=True)) == ["worker"]


def test_expired_sessions_are_cleared():
    from django.contrib.sessions.models import Session

    from apps.operations.tasks import clear_expired_sessions

    now = timezone.now()
    Session.objects.create(
        session_key="old", session_data="x", expire_date=now - datetime.timedelta(days=1)
    )
    Session.objects.create(
        session_key="new", session_data="x", expire_date=now + datetime.timedelta(days=1)
    )
    clear_expired_sessions.call()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["new"]
