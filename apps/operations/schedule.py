"""Every periodic job of the platform, in one place. Times are cron expressions in
Europe/Oslo time (summer and winter time follow the clock on the wall).

    minute hour day-of-month month day-of-week

`python manage.py schedule` lists them with their next run; `python manage.py run_scheduler`
runs them: at each due time it enqueues the job's task once (see scheduler.py), and the task
worker runs it. A scheduler that was down catches up only the latest missed due time, and
only within the job's grace period."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.module_loading import import_string

OSLO = ZoneInfo("Europe/Oslo")


@dataclass(frozen=True)
class Job:
    name: str
    cron: str
    task: str  # dotted path of a django_tasks Task
    description: str
    kwargs: dict = field(default_factory=dict)
    # How late a missed due time may still be run (after a restart or an outage).
    grace: datetime.timedelta = datetime.timedelta(hours=2)
    # Run by the scheduler itself instead of the task worker: for housekeeping of the queue
    # that must happen even when no worker is up.
    inline: bool = False

    def get_task(self):
        return import_string(self.task)


SCHEDULE: tuple[Job, ...] = (
    Job(
        name="recover_lost_tasks",
        cron="* * * * *",
        task="apps.operations.tasks.recover_lost_tasks",
        description="Re-queue tasks left running by a task worker that died (in the scheduler).",
        grace=datetime.timedelta(minutes=5),
        inline=True,
    ),
    Job(
        name="send_digests_daily",
        cron="0 7 * * *",
        task="apps.contributions.tasks.send_digests",
        kwargs={"frequency": "daily"},
        description="Daily digest of news from the recipes people follow.",
    ),
    Job(
        name="send_digests_weekly",
        cron="0 7 * * MON",
        task="apps.contributions.tasks.send_digests",
        kwargs={"frequency": "weekly"},
        description="Weekly digest, for those who chose it.",
    ),
    Job(
        name="grants_send_reminders",
        cron="0 8 * * *",
        task="apps.grants.tasks.send_report_reminders",
        description="Remind applicants of fund reports soon due or overdue.",
    ),
    Job(
        name="broker_warn_needs_expiring",
        cron="0 9 * * *",
        task="apps.broker.tasks.warn_needs_expiring",
        description="Warn a need's brokers 14 days before the need expires.",
    ),
    Job(
        name="broker_warn_profiles_lapsing",
        cron="15 9 * * *",
        task="apps.broker.tasks.warn_profiles_lapsing",
        description="Warn an entrepreneur 14 days before the yearly profile renewal lapses.",
    ),
    Job(
        name="newsletter_send_due",
        cron="* * * * *",
        task="apps.newsletter.tasks.send_due_issues",
        description="Start sending newsletter issues whose scheduled time has come.",
        grace=datetime.timedelta(hours=6),
    ),
    Job(
        name="rules_send_law_watch",
        cron="30 7 * * MON",
        task="apps.rules.tasks.send_law_watch",
        description="Weekly law watch to editors: rules and thresholds that need checking.",
        grace=datetime.timedelta(hours=12),
    ),
    Job(
        name="insights_flush_route_guide_counts",
        cron="*/5 * * * *",
        task="apps.insights.tasks.flush_route_guide_counts",
        description="Move the route guide's answer counts from Redis to the insights tally.",
        grace=datetime.timedelta(minutes=30),
    ),
    Job(
        name="registers_recheck",
        cron="*/15 * * * *",
        task="apps.registers.tasks.recheck_unreachable",
        description="Ask Enhetsregisteret again about numbers it could not be asked about.",
        grace=datetime.timedelta(hours=1),
    ),
    Job(
        name="clear_expired_sessions",
        cron="30 3 * * *",
        task="apps.operations.tasks.clear_expired_sessions",
        description="Delete expired sessions.",
    ),
    Job(
        name="prune_old_records",
        cron="45 3 * * *",
        task="apps.operations.tasks.prune_old_records",
        description="Delete finished task results older than 14 days and old scheduler rows.",
    ),
)


def job_named(name: str) -> Job:
    for job in SCHEDULE:
        if job.name == name:
            return job
    raise KeyError(name)
