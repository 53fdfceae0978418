"""The scheduled retry (apps/operations/schedule.py: registers_recheck)."""

from __future__ import annotations

import logging

from django_tasks import task

from . import services

logger = logging.getLogger(__name__)


@task()
def recheck_unreachable() -> dict[str, int]:
    """Asks Enhetsregisteret again about the numbers it could not be asked about when a
    person typed them (the form let them go on)."""
    counts = services.recheck_due()
    logger.info("Enhetsregisteret recheck: %s", counts)
    return counts
