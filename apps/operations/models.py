"""What the running processes report about themselves, and what the platform has promised
people (so that every promised mail is sent once)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last time a long-running process (the task worker, the scheduler) said it was
    alive. Readiness reads these; they live in the database because the cache may be down."""

    # "worker", "scheduler", and one row per running worker ("worker:<worker id>") that the
    # recovery of lost tasks reads to tell a live worker from a dead one.
    process = models.CharField(_("process"), max_length=80, primary_key=True)
    seen_at = models.DateTimeField(_("seen at"))
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.process} {self.seen_at:%Y-%m-%d %H:%M:%S}"


class Delivery(models.Model):
    """One promise kept: `kind` (e.g. "digest"), `key` (e.g. the person) and `period`
    (e.g. "2026-12-04") are unique together, so a job that runs twice sends nothing twice."""

    kind = models.CharField(_("kind"), max_length=60)
    key = models.CharField(_("key"), max_length=200)
    period = models.CharField(_("period"), max_length=40)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "period"], name="operations_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.period}"


class ScheduledRun(models.Model):
    """One due time of one scheduled job that a scheduler has enqueued. The unique pair
    (job, due_at) is the lease: when several schedulers run by mistake, only the one whose
    insert wins enqueues the job's task, so each job runs once per due time."""

    job = models.CharField(_("job"), max_length=60)
    due_at = models.DateTimeField(_("due at"))
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)

    class Meta:
        ordering = ["-due_at", "job"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "due_at"], name="operations_run_once_per_due")
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.due_at:%Y-%m-%d %H:%M}"
