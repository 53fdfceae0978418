"""The insights jobs the scheduler runs (apps/operations/schedule.py)."""

from __future__ import annotations

from django_tasks import task

from .services import flush_route_guide_tally


@task()
def flush_route_guide_counts() -> int:
    """Move the route guide's answer counts from Redis to the database. Safe to run twice
    or in two workers at once: each counter is lowered by exactly what was moved."""
    return flush_route_guide_tally()
