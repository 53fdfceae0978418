"""Settings for the task worker started by test_worker_process: the development settings
(database queue, DATABASE_URL) with a short lease so that a killed worker's task is taken
back within seconds."""

from config.settings.dev import *  # noqa: F403

OPERATIONS_WORKER_LEASE_SECONDS = 3
