"""Local development: `make run`. Safe defaults, no secrets required."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
# A development key only; production refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = env("DJANGO_SECRET_KEY") or "dev-only-not-secret-kokeboka-2026"  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"  # noqa: F405
