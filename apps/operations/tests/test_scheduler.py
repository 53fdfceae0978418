"""The scheduler enqueues each job once per due time, in Oslo time, however many run."""

import datetime
import threading
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError, close_old_connections, connection
from django_tasks import task

from apps.operations import heartbeat
from apps.operations import scheduler as scheduler_module
from apps.operations.models import Delivery, ScheduledRun
from apps.operations.schedule import OSLO, SCHEDULE, Job, job_named
from apps.operations.scheduler import Scheduler, next_due, previous_due, tick

pytestmark = pytest.mark.django_db


@task()
def mark_run(*, label: str) -> None:
    """A job for these tests: each run leaves one row."""
    Delivery.objects.create(kind="test.job", key=label, period=str(Delivery.objects.count()))


TEST_JOBS = (
    Job(
        name="every_minute",
        cron="* * * * *",
        task="apps.operations.tests.test_scheduler.mark_run",
        kwargs={"label": "minute"},
        description="test",
    ),
    Job(
        name="daily_seven",
        cron="0 7 * * *",
        task="apps.operations.tests.test_scheduler.mark_run",
        kwargs={"label": "daily"},
        description="test",
    ),
)


def oslo(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=OSLO)


def runs(label: str) -> int:
    return Delivery.objects.filter(kind="test.job", key=label).count()


def test_due_times_follow_the_clock_in_oslo_through_summer_time():
    daily = TEST_JOBS[1]
    # 07:00 in Oslo is 06:00 UTC in winter and 05:00 UTC in summer.
    assert previous_due(daily, oslo(2026, 12, 4, 7, 0)) == oslo(2026, 12, 4, 7, 0)
    assert previous_due(daily, oslo(2026, 12, 4, 7, 0)).astimezone(datetime.UTC).hour == 6
    assert next_due(daily, oslo(2026, 7, 1, 7, 0)).astimezone(datetime.UTC).hour == 5
    assert previous_due(daily, oslo(2026, 12, 4, 6, 59)) == oslo(2026, 12, 3, 7, 0)
    assert next_due(daily, oslo(2026, 12, 4, 7, 0)) == oslo(2026, 12, 5, 7, 0)


def test_each_job_runs_once_per_due_time():
    at_seven = oslo(2026, 12, 4, 7, 0, 10)
    assert tick(now=at_seven, jobs=TEST_JOBS) == ["every_minute", "daily_seven"]
    assert tick(now=at_seven + datetime.timedelta(seconds=15), jobs=TEST_JOBS) == []
    assert (runs("minute"), runs("daily")) == (1, 1)
    # The next minute is a new due time for the first job only.
    assert tick(now=at_seven + datetime.timedelta(minutes=1), jobs=TEST_JOBS) == ["every_minute"]
    assert (runs("minute"), runs("daily")) == (2, 1)
    assert ScheduledRun.objects.filter(job="daily_seven").get().due_at == oslo(2026, 12, 4, 7)


def test_a_missed_due_time_is_caught_up_within_grace_only():
    # Down from before 07:00 until 08:30: the 07:00 run is made late, once.
    assert "daily_seven" in tick(now=oslo(2026, 12, 4, 8, 30), jobs=TEST_JOBS)
    assert "daily_seven" not in tick(now=oslo(2026, 12, 4, 8, 31), jobs=TEST_JOBS)
    # Down until 09:30: past the two hours' grace, the day's run is skipped.
    assert "daily_seven" not in tick(now=oslo(2026, 12, 5, 9, 30), jobs=TEST_JOBS)
    assert runs("daily") == 1


def test_two_schedulers_ticking_at_once_run_each_due_time_once():
    """Scheduler A has looked (no run yet) when scheduler B claims and enqueues everything;
    A's insert then hits the unique (job, due time) and it enqueues nothing."""
    now = oslo(2026, 12, 4, 7, 0, 5)
    real_filter = ScheduledRun.objects.filter
    other_ticked: list[list[str]] = []
    interleaved = threading.Event()

    class LookThenTheOtherTicks:
        def __init__(self, queryset):
            self.queryset = queryset

        def exists(self):
            seen = self.queryset.exists()
            if not interleaved.is_set():
                interleaved.set()
                other_ticked.append(tick(now=now, jobs=TEST_JOBS))
            return seen

    with mock.patch.object(
        ScheduledRun.objects, "filter", lambda **kw: LookThenTheOtherTicks(real_filter(**kw))
    ):
        mine = tick(now=now, jobs=TEST_JOBS)
    assert other_ticked == [["every_minute", "daily_seven"]]
    assert mine == []
    assert (runs("minute"), runs("daily")) == (1, 1)
    assert ScheduledRun.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_threads_run_each_due_time_once():
    """Two schedulers in two threads, each with its own database connection, tick the same
    due times ten times over at the same moments."""
    start = oslo(2026, 12, 4, 7, 0, 1)
    barrier = threading.Barrier(2)
    enqueued: list[str] = []
    errors: list[BaseException] = []

    def scheduler() -> None:
        try:
            for minute in range(10):
                barrier.wait(timeout=10)
                for _attempt in range(20):
                    try:
                        enqueued.extend(
                            tick(now=start + datetime.timedelta(minutes=minute), jobs=TEST_JOBS)
                        )
                        break
                    except OperationalError:  # SQLite: the other writer holds the lock
                        time.sleep(0.02 * (_attempt + 1))
                        continue
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    # What ran, once per due time. The names a tick returns can only fall short of that: a
    # tick that committed one job and then met the other writer's lock raises, and the retry
    # reports only what was still left to do.
    assert (runs("minute"), runs("daily")) == (10, 1)
    assert enqueued.count("every_minute") <= 10
    assert enqueued.count("daily_seven") <= 1
    assert ScheduledRun.objects.count() == 11


def test_the_loop_records_its_heartbeat_and_survives_a_database_error(monkeypatch):
    scheduler = Scheduler(tick_seconds=0)
    calls = []

    def flaky_run_once():
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        if len(calls) == 3:
            scheduler.stop()
        return []

    closed = []
    monkeypatch.setattr(scheduler, "run_once", flaky_run_once)
    monkeypatch.setattr(scheduler.stopping, "wait", lambda seconds: None)
    # The test's connection holds its transaction; count the closes instead.
    monkeypatch.setattr(scheduler_module.connections, "close_all", lambda: closed.append(1))
    scheduler.run()
    assert len(calls) == 3
    assert closed == [1]

    assert heartbeat.last_seen("scheduler") is None
    Scheduler().run_once()
    assert heartbeat.is_fresh("scheduler", datetime.timedelta(seconds=30))


def test_an_inline_job_runs_in_the_scheduler_once_and_its_failure_is_not_fatal(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    inline = Job(
        name="inline",
        cron="* * * * *",
        task="apps.operations.tests.test_scheduler.mark_run",
        kwargs={"label": "inline"},
        description="test",
        inline=True,
    )
    broken = Job(
        name="broken",
        cron="* * * * *",
        task="apps.operations.tests.test_scheduler.mark_run",
        kwargs={"label": "broken", "unexpected": 1},
        description="test",
        inline=True,
    )
    now = oslo(2026, 12, 4, 7, 0, 5)
    assert tick(now=now, jobs=(broken, inline)) == ["broken", "inline"]
    assert tick(now=now, jobs=(broken, inline)) == []
    assert runs("inline") == 1
    assert not DBTaskResult.objects.exists()  # nothing was queued for a worker
    assert ScheduledRun.objects.get(job="inline").task_id == "inline"


def test_every_scheduled_task_exists_and_the_list_command_shows_each_job():
    for job in SCHEDULE:
        assert hasattr(job.get_task(), "enqueue"), job.name
    assert [job.name for job in SCHEDULE if job.inline] == ["recover_lost_tasks"]
    assert job_named("send_digests_daily").kwargs == {"frequency": "daily"}
    from io import StringIO

    out = StringIO()
    call_command("schedule", stdout=out)
    text = out.getvalue()
    for job in SCHEDULE:
        assert job.name in text
        assert job.cron in text
    assert "never" in text
