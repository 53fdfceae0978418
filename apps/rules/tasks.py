"""The rules jobs the scheduler runs (apps/operations/schedule.py)."""

from __future__ import annotations

from django_tasks import task

from .selectors import today_oslo
from .services import law_watch_email_send


@task()
def send_law_watch() -> int:
    """This week's law watch to the editors. Safe to run twice or in two workers at once:
    each editor gets it at most once per ISO week (the delivery ledger)."""
    return law_watch_email_send(today=today_oslo())
