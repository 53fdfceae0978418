"""Processes say they are alive; readiness asks when they last did."""

from datetime import datetime, timedelta

from django.utils import timezone

from .models import Heartbeat

WORKER = "worker"
SCHEDULER = "scheduler"


def record(process: str, detail: str = "") -> None:
    """Called by the task worker and the scheduler on every loop (at most every few seconds)."""
    Heartbeat.objects.update_or_create(
        process=process, defaults={"seen_at": timezone.now(), "detail": detail[:200]}
    )


def last_seen(process: str) -> datetime | None:
    return Heartbeat.objects.filter(process=process).values_list("seen_at", flat=True).first()


def is_fresh(process: str, within: timedelta) -> bool:
    seen = last_seen(process)
    return seen is not None and timezone.now() - seen <= within
