"""Settings shared by every environment. The environment is read here, once."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "apps.core",
    "apps.accounts",
    "apps.rules",
    "apps.cookbook",
    "apps.blog",
    "apps.cases",
    "apps.printbook",
    "apps.events",
    "apps.contributions",
    "apps.search",
    "apps.api",
    "apps.opendata",
    "apps.routeguide",
    "apps.broker",
    "apps.matching",
    "apps.collaborations",
    "apps.fund",
    "apps.grants",
    "apps.insights",
    "apps.operations",
    "apps.newsletter",
    "apps.registers",
    "apps.home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "ninja",  # API docs from local static files (Swagger UI), not a CDN
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "apps.core.logging.RequestLogMiddleware",  # first: times and logs the whole request
    "django_guid.middleware.guid_middleware",  # the request id (X-Request-ID)
    "django.middleware.security.SecurityMiddleware",
    "apps.api.middleware.PublicApiMiddleware",  # /api/ only: CORS, rate limit, ETag
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page-cache hits are answered here, before sessions, language, CSRF, auth and
    # messages (docs/decisions/0027); misses are stored here with what those added.
    "apps.core.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.core.middleware.LanguagePreferenceMiddleware",
    "apps.core.outage.ServiceUnavailableMiddleware",  # database/cache outage in a view: 503
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "apps.core.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "apps.core.context_processors.site_context",
            ],
        },
    },
]

# SQLite by default so the platform runs with one command; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0") or 0),
        # A kept connection is checked before each request reuses it, so after a database
        # restart the first request reconnects instead of failing on a dead socket.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets the task worker write while the web server reads.
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
    # Busy timeout: a write that finds another writer waits up to this many seconds for it,
    # instead of failing at once with "database is locked". Requests never hold the write
    # lock for long (text lengths are limited, matching is indexed by the task worker).
    DATABASES["default"]["OPTIONS"].setdefault(
        "timeout", float(env("DATABASE_BUSY_TIMEOUT", "10") or 10)
    )
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
if DATABASE_IS_POSTGRES:
    # No statement may run longer than this (milliseconds; 0 switches it off): one slow
    # query cannot hold rows or connections for long. Web and task worker share it, since no
    # task runs long statements (matching is indexed per object, in batches); run
    # `migrate` with DATABASE_STATEMENT_TIMEOUT_MS=0 if a migration rewrites a big table.
    _statement_timeout = int(env("DATABASE_STATEMENT_TIMEOUT_MS", "15000") or 0)
    if _statement_timeout:
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["options"] = (
            f"{_options.get('options', '')} -c statement_timeout={_statement_timeout}"
        ).strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/admin/login/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
LANGUAGE_COOKIE_NAME = "kokeboka_language"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media keeps the app servers stateless when scaled out.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# Private files (fund attachments; apps/core/privatefiles.py): never under MEDIA_ROOT or
# MEDIA_URL, random names, handed out only by permission-checked views. On disk in
# var/private/; on S3 in AWS_PRIVATE_STORAGE_BUCKET_NAME (or the media bucket's private/
# prefix, which its bucket policy must not make public), read only through signed URLs
# that live PRIVATE_FILE_URL_SECONDS.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT") or BASE_DIR / "var" / "private")
PRIVATE_FILE_URL_SECONDS = int(env("PRIVATE_FILE_URL_SECONDS", "60") or 60)
STORAGES["private"] = {
    "BACKEND": "apps.core.privatefiles.PrivateFileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
}
if env("AWS_PRIVATE_STORAGE_BUCKET_NAME") or env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_PRIVATE_STORAGE_BUCKET_NAME") or env("AWS_STORAGE_BUCKET_NAME"),
            "location": "" if env("AWS_PRIVATE_STORAGE_BUCKET_NAME") else "private",
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": PRIVATE_FILE_URL_SECONDS,
            "file_overwrite": False,
        },
    }

# A shared cache (Redis) when REDIS_URL is set. Two aliases over one store
# (docs/operations-degradation.md): "default" fails open (a Redis outage reads as a miss, so
# pages are served uncached), "ratelimit" fails closed (its errors reach the caller, which
# decides per limit; unhandled they answer 503, never a bypassed limit).
if env("REDIS_URL"):
    _redis_options = {
        # Fail fast when Redis is away instead of holding the request.
        "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_CONNECT_TIMEOUT", "0.5") or 0.5),
        "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "1") or 1),
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "kokeboka",
            "OPTIONS": {**_redis_options, "IGNORE_EXCEPTIONS": True},
        },
        "ratelimit": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "kokeboka",
            "OPTIONS": dict(_redis_options),
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Route-guide answers served from the page cache are counted with an atomic INCR in
    # Redis and moved to the database by the scheduler every five minutes
    # (apps.insights.services.flush_route_guide_tally), not with a database write each.
    INSIGHTS_TALLY_IN_CACHE = True
else:
    # A file cache is shared by every worker process on one machine, so a purge on
    # publish reaches them all; scale-out uses Redis instead.
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / "var" / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
        for alias in ("default", "ratelimit")
    }
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300") or 300)

# Enhetsregisteret (Brønnøysundregistrene's open API): organisation numbers are looked up
# there (apps/registers). Empty switches the lookups off (the test settings do; the register
# tests point it at a local server). Answers are cached: found or deleted units a day, a
# number not found an hour (it may just have been registered).
ENHETSREGISTERET_URL = env("ENHETSREGISTERET_URL", "https://data.brreg.no/enhetsregisteret/api")
ENHETSREGISTERET_TIMEOUT = float(env("ENHETSREGISTERET_TIMEOUT", "3") or 3)
ENHETSREGISTERET_CACHE_SECONDS = int(env("ENHETSREGISTERET_CACHE_SECONDS", "86400") or 86400)
ENHETSREGISTERET_NOT_FOUND_CACHE_SECONDS = int(
    env("ENHETSREGISTERET_NOT_FOUND_CACHE_SECONDS", "3600") or 3600
)

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kokeboka <post@kokeboka.no>")

# Who runs this installation: every page's footer, /om-kokeboka/ and the book's colophon
# (one per deployment: the ministry, a directorate or a pilot municipality).
KOKEBOKA_PUBLISHER_NAME = env("KOKEBOKA_PUBLISHER_NAME", "Kokeboka (demonstrasjonstjeneste)")
KOKEBOKA_PUBLISHER_URL = env("KOKEBOKA_PUBLISHER_URL", "") or ""
KOKEBOKA_CONTACT_EMAIL = env("KOKEBOKA_CONTACT_EMAIL", "post@kokeboka.no")
KOKEBOKA_ACCESSIBILITY_CONTACT_EMAIL = env("KOKEBOKA_ACCESSIBILITY_CONTACT_EMAIL", "uu@kokeboka.no")

# Wagtail
WAGTAIL_SITE_NAME = "Kokeboka"
# No Gravatar: the strict CSP blocks remote images (broken avatars) and it leaks addresses.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Editorial content in bokmål and nynorsk (wagtail.contrib.simple_translation): the bokmål
# tree is the site; a nynorsk page is served at its bokmål address when nynorsk is chosen
# (apps/home/translation.py, docs/decisions/0013).
WAGTAIL_I18N_ENABLED = True
# Wagtail ships no nynorsk catalogue: in "nn" its own strings fall back to bokmål (the
# LANGUAGE_CODE catalogue), ours are in nynorsk.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk")]
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {
            # modelsearch's PostgreSQL backend fed with our bokmål/nynorsk stems
            "BACKEND": "apps.search.backends.norwegian_postgres",
            "SEARCH_CONFIG": "norwegian",
        }
        if DATABASE_IS_POSTGRES
        else {"BACKEND": "apps.search.backends.norwegian_sqlite"}
    )
}
if env("OPENSEARCH_URL"):
    import importlib.util  # noqa: E402

    if importlib.util.find_spec("opensearchpy") is None:
        # Otherwise every search would answer 500 from a failed import inside the backend.
        from django.core.exceptions import ImproperlyConfigured  # noqa: E402

        raise ImproperlyConfigured(
            "OPENSEARCH_URL is set but the OpenSearch client is not installed: "
            'pip install -c constraints.txt -e ".[opensearch]" (the container image has it), '
            "or unset OPENSEARCH_URL to search in the database."
        )
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "modelsearch.backends.opensearch3",  # for opensearch-py 3.x
        "URLS": [env("OPENSEARCH_URL")],
        # One index per indexed root model: kokeboka_wagtailcore_page, kokeboka_rules_legalrule…
        # (modelsearch reads INDEX_PREFIX; a plain INDEX setting would be ignored).
        "INDEX_PREFIX": env("OPENSEARCH_INDEX_PREFIX", "kokeboka_"),
        "OPTIONS": {},
        "INDEX_SETTINGS": {
            "settings": {"analysis": {"analyzer": {"default": {"type": "norwegian"}}}}
        },
    }
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Backstop for form posts without their files (uploads are counted apart, up to
# FILE_UPLOAD_MAX_MEMORY_SIZE in memory, then on disk): every text field has a length limit
# (apps.core.limits), so no honest form comes near 4 MB; a bigger body answers 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Security that holds in every environment
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # django-guid says at INFO whether each request brought an id: noise.
    "loggers": {"django_guid": {"level": "WARNING"}},
}
# Request ids (apps/core/logging.py): X-Request-ID in and out. Trust an incoming id only
# when a proxy in front sets it on every request (nginx: proxy_set_header X-Request-ID).
DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "VALIDATE_GUID": True, "EXPOSE_HEADER": False}
KOKEBOKA_TRUST_REQUEST_ID = env_bool("KOKEBOKA_TRUST_REQUEST_ID", False)

# --- Accounts, organisations and account security (apps/accounts) --------------------------
# Added by the accounts work (issue 4, part A). One block; everything below belongs to it.
from datetime import timedelta  # noqa: E402

INSTALLED_APPS += [  # noqa: F405
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "mozilla_django_oidc",
]
_auth_index = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth_index + 1 : _auth_index + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "apps.accounts.middleware.StaffTwoFactorMiddleware",
]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # must stay last

AUTHENTICATION_BACKENDS = [
    "apps.accounts.backends.LockoutBackend",  # first: django-axes refuses locked-out people
    "apps.accounts.backends.EmailVerifiedBackend",  # ModelBackend for confirmed addresses
]
LOGIN_URL = "/konto/logg-inn/"
LOGIN_REDIRECT_URL = "/konto/"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Everyone who can reach /admin/ must verify a TOTP device there (this switch); the site's own
# powers always ask for it (apps.accounts.second_factor, docs/decisions/0008).
KOKEBOKA_REQUIRE_OTP_FOR_STAFF = True
OTP_TOTP_ISSUER = "Kokeboka"

# django-axes: 5 failures per email + IP lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_USERNAME_FORM_FIELD = "username"
# Besides axes' lock per account and address: per account, from any address
# (apps/accounts/throttle.py). 10 failures a day cost nothing; each one after that makes the
# account wait 1, 2, 4 … minutes before the next password is checked, capped at 15 minutes.
# A browser the owner has logged in with before is not held back, so no one is locked out.
KOKEBOKA_LOGIN_ACCOUNT_FREE_FAILURES = 10
KOKEBOKA_LOGIN_ACCOUNT_BASE_COOLOFF = 60  # seconds
KOKEBOKA_LOGIN_ACCOUNT_MAX_COOLOFF = 15 * 60
KOKEBOKA_LOGIN_ACCOUNT_WINDOW = 24 * 60 * 60  # the count is forgotten a day after a failure

# Where to report a vulnerability (docs/security.md), served as /.well-known/security.txt
# (RFC 9116). Each deployment sets its own contact: mailto: or https: addresses, comma-separated.
KOKEBOKA_SECURITY_CONTACT = env_list("KOKEBOKA_SECURITY_CONTACT", "mailto:sikkerhet@kokeboka.no")
KOKEBOKA_SECURITY_POLICY_URL = env("KOKEBOKA_SECURITY_POLICY_URL", "") or ""
KOKEBOKA_SECURITY_TXT_EXPIRES = env("KOKEBOKA_SECURITY_TXT_EXPIRES", "") or ""  # ISO 8601
KOKEBOKA_SECURITY_TXT_DAYS = int(env("KOKEBOKA_SECURITY_TXT_DAYS", "180") or 180)

# Per-IP limits on forms anonymous people post: (requests, seconds) -> 429 beyond.
KOKEBOKA_RATELIMITS = {
    "signup": (10, 60 * 60),
    "password_reset": (10, 60 * 60),
    "resend_verification": (10, 60 * 60),
    "invite": (30, 60 * 60),  # per account: invitations an organisation admin sends
    "invite_organisation": (30, 60 * 60),  # per organisation, whoever of its admins sends
    "newsletter_signup": (5, 60 * 60),  # newsletter sign-ups per IP
    "newsletter_signup_email": (3, 60 * 60),  # and per address (beyond it nothing is sent)
}
KOKEBOKA_EMAIL_VERIFICATION_MAX_AGE = 60 * 60 * 24 * 3  # three days
KOKEBOKA_INVITATION_MAX_AGE = 60 * 60 * 24 * 14  # two weeks

# ID-porten (OpenID Connect with PKCE): optional, on when OIDC_RP_CLIENT_ID is set.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "") or ""
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "") or ""
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "") or ""
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "") or ""
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "") or ""
OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT", "") or ""
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid profile email")
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_CREATE_USER = True
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-callback"
OIDC_REDIRECT_FIELD_NAME = "next"
# When set, the id_token's iss and the callback's iss parameter must equal it (for ID-porten
# https://idporten.no; empty: not checked, as before).
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", "") or ""
# RP-initiated logout for both providers: a session from ID-porten or Ansattporten is ended
# at that provider's end_session endpoint (OIDC_OP_LOGOUT_ENDPOINT,
# ANSATTPORTEN_OP_LOGOUT_ENDPOINT) with id_token_hint and post_logout_redirect_uri.
OIDC_OP_LOGOUT_URL_METHOD = "apps.accounts.oidc.provider_logout_url"
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("apps.accounts.oidc.IDPortenBackend")

# Ansattporten (Digdir's login for employees; its own issuer, endpoints and client): optional,
# on when ANSATTPORTEN_RP_CLIENT_ID is set. Endpoints from the issuer's
# /.well-known/openid-configuration (https://ansattporten.no, test: https://test.ansattporten.no).
# No userinfo endpoint: the claims come from the id_token. Organisations named in its
# authorization_details grant nothing (docs/decisions/0016-ansattporten.md).
ANSATTPORTEN_RP_CLIENT_ID = env("ANSATTPORTEN_RP_CLIENT_ID", "") or ""
ANSATTPORTEN_RP_CLIENT_SECRET = env("ANSATTPORTEN_RP_CLIENT_SECRET", "") or ""
ANSATTPORTEN_OP_ISSUER = env("ANSATTPORTEN_OP_ISSUER", "https://ansattporten.no") or ""
ANSATTPORTEN_OP_AUTHORIZATION_ENDPOINT = env("ANSATTPORTEN_OP_AUTHORIZATION_ENDPOINT", "") or ""
ANSATTPORTEN_OP_TOKEN_ENDPOINT = env("ANSATTPORTEN_OP_TOKEN_ENDPOINT", "") or ""
ANSATTPORTEN_OP_USER_ENDPOINT = env("ANSATTPORTEN_OP_USER_ENDPOINT", "") or ""
ANSATTPORTEN_OP_JWKS_ENDPOINT = env("ANSATTPORTEN_OP_JWKS_ENDPOINT", "") or ""
ANSATTPORTEN_OP_LOGOUT_ENDPOINT = env("ANSATTPORTEN_OP_LOGOUT_ENDPOINT", "") or ""
ANSATTPORTEN_RP_SIGN_ALGO = env("ANSATTPORTEN_RP_SIGN_ALGO", "RS256")
ANSATTPORTEN_RP_SCOPES = env("ANSATTPORTEN_RP_SCOPES", "openid profile")
# acr_values asked for and accepted back: substantial (also takes high), high, entraid.
ANSATTPORTEN_ACR_VALUES = env("ANSATTPORTEN_ACR_VALUES", "substantial")
# Optional Rich Authorization Request (JSON list) for Ansattporten's organisation chooser, for
# example [{"type": "ansattporten:orgno"}]; empty: a plain login.
ANSATTPORTEN_AUTHORIZATION_DETAILS = env("ANSATTPORTEN_AUTHORIZATION_DETAILS", "") or ""
ANSATTPORTEN_AUTHENTICATION_CALLBACK_URL = "accounts:ansattporten-callback"
if ANSATTPORTEN_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("apps.accounts.oidc.AnsattportenBackend")
# --- end of accounts block ------------------------------------------------------------------

# Client addresses (apps/core/clientip.py): how many reverse proxies of ours stand in front
# of the app, each appending to X-Forwarded-For. 0 (default): the header is never read and
# REMOTE_ADDR is the visitor. Every rate limit and django-axes count by this address.
KOKEBOKA_TRUSTED_PROXY_COUNT = int(env("KOKEBOKA_TRUSTED_PROXY_COUNT", "0") or 0)
AXES_CLIENT_IP_CALLABLE = "apps.core.clientip.client_ip_or_none"
# Readiness (/helse/klar/, apps/core/health.py) fails when the task worker or the scheduler
# has not written a heartbeat for this many seconds (they beat every 5 and 15 seconds).
KOKEBOKA_HEARTBEAT_MAX_AGE = int(env("KOKEBOKA_HEARTBEAT_MAX_AGE", "120") or 120)
# A task whose worker has not beaten for this long is put back in the queue
# (apps/operations/recovery.py); workers beat every sixth of it.
OPERATIONS_WORKER_LEASE_SECONDS = int(env("OPERATIONS_WORKER_LEASE_SECONDS", "30") or 30)

# Public API (apps/api/middleware.py): requests per client IP address per window, -> 429.
API_RATE_LIMIT = (
    int(env("API_RATE_LIMIT_REQUESTS", "600") or 600),
    int(env("API_RATE_LIMIT_SECONDS", "600") or 600),
)

# The printed cookbook: a new edition is rendered in the background after each publish.
PRINTBOOK_RENDER_ON_PUBLISH = env_bool("PRINTBOOK_RENDER_ON_PUBLISH", True)
