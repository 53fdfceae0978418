"""Production: every secret comes from the environment, or the process refuses to start."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

_REQUIRED = ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"]
_missing = [name for name in _REQUIRED if not env(name)]
if _missing:
    raise ImproperlyConfigured(f"Production settings need these environment variables: {_missing}")

SECRET_KEY = env("DJANGO_SECRET_KEY")
if len(SECRET_KEY or "") < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long.")
# Rotation (docs/operations.md): the previous key stays here until sessions, password-reset
# links and signed values made with it have expired; everything new is signed with the new one.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

# Several instances need a cache and media they share: without REDIS_URL each machine keeps
# its own file cache (a publish purges one machine's pages), and without S3 a file uploaded
# through one instance is missing on the others. Only a declared single instance may run on
# the local file cache and disk.
KOKEBOKA_SINGLE_INSTANCE = env_bool("KOKEBOKA_SINGLE_INSTANCE", False)
if not KOKEBOKA_SINGLE_INSTANCE:
    _unshared = [
        f"{name} ({meaning})"
        for name, meaning in [
            ("REDIS_URL", "a cache shared by every instance"),
            ("AWS_STORAGE_BUCKET_NAME", "uploaded files shared by every instance (S3)"),
        ]
        if not env(name)
    ]
    if _unshared:
        raise ImproperlyConfigured(
            f"Production settings for several instances need {_unshared}: without them each "
            "instance keeps its own cache and uploaded files. Set them, or set "
            "KOKEBOKA_SINGLE_INSTANCE=true to run one instance on local cache and disk."
        )

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "31536000") or 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25") or 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Public media on S3 under the site's own address (nginx proxies /media/ to the bucket) or a
# CDN: AWS_S3_CUSTOM_DOMAIN=kokeboka.example.no/media. Private files keep their signed URLs.
if env("AWS_S3_CUSTOM_DOMAIN") and STORAGES["default"]["BACKEND"].startswith("storages."):  # noqa: F405
    STORAGES["default"]["OPTIONS"]["custom_domain"] = env("AWS_S3_CUSTOM_DOMAIN")  # noqa: F405

# One JSON line per log record on stderr, each with the request id (apps/core/logging.py):
# the request log (method, path, status, duration_ms, user_id) and everything else alike.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {
            "()": "django_guid.log_filters.CorrelationId",
            "correlation_id_field": "request_id",
        }
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_guid": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # a line per rendering step otherwise
        # Django's own per-request 4xx/5xx warnings repeat what the request log says.
        "django.request": {"level": "ERROR"},
    },
}
