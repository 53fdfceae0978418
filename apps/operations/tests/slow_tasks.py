"""A task for the worker tests: slow enough to be killed in the middle, and idempotent."""

import time

from django_tasks import task

from apps.operations import ledger


@task()
def sleep_then_mark(*, key: str, seconds: float) -> bool:
    time.sleep(seconds)
    return ledger.claim("test.slow", key, "once")
