"""Tests: fast hashing, tasks run at once, no page cache between tests."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One store under both aliases (LocMemCache shares by LOCATION), so cache.clear() between
# tests also resets every rate limit.
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kokeboka-test",
    }
    for alias in ("default", "ratelimit")
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders; there is no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests use client.force_login(editor) for /admin/; the accounts tests switch this on. It
# switches only the /admin/ gate: the site's own powers (and the moderation and suggestion
# screens) ask for the second factor in tests as in production (apps.accounts.second_factor).
KOKEBOKA_REQUIRE_OTP_FOR_STAFF = False
# Tasks run at once in tests, so a publish would render the whole book each time; the
# printbook tests switch this on where they test it.
PRINTBOOK_RENDER_ON_PUBLISH = False
# No network in tests: the register lookups are off; apps/registers/tests points the URL at a
# local server (pytest-httpserver).
ENHETSREGISTERET_URL = ""
