"""Settings for the task worker that test_worker_crash starts: the development settings
(database queue, DATABASE_URL) with a 3 s lease, mail through the test's SMTP server
(NEWSLETTER_TEST_SMTP_PORT), small batches and 5 messages a second, so that the worker is
killed in the middle of an issue."""

import os

from config.settings.dev import *  # noqa: F403

OPERATIONS_WORKER_LEASE_SECONDS = 3
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("NEWSLETTER_TEST_SMTP_PORT", "25"))
EMAIL_TIMEOUT = 10
WAGTAILADMIN_BASE_URL = "https://kokeboka.example"
NEWSLETTER_BATCH_SIZE = 10
NEWSLETTER_SEND_RATE = 5
