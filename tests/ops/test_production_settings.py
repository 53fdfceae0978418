"""Production settings refuse a configuration that would quietly break when scaled out."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SECRETS = {
    "DJANGO_SECRET_KEY": "x" * 60,
    "DJANGO_ALLOWED_HOSTS": "kokeboka.example",
    "DATABASE_URL": "sqlite:////tmp/kokeboka-settings-test.sqlite3",
}
SHARED = {"REDIS_URL": "redis://127.0.0.1:6379/0", "AWS_STORAGE_BUCKET_NAME": "kokeboka-media"}
_PREFIXES = ("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "KOKEBOKA_", "OPENSEARCH_")


def _import_settings(env: dict[str, str], code: str = "", module="config.settings.production"):
    """Imports a settings module in a fresh interpreter, as a starting process would."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(_PREFIXES)}
    program = f"import json, {module} as s\n{code}"
    return subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    result = _import_settings({**SECRETS, "AWS_STORAGE_BUCKET_NAME": "kokeboka-media"})
    assert result.returncode == 1
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL" in result.stderr
    assert "AWS_STORAGE_BUCKET_NAME" not in result.stderr
    assert "KOKEBOKA_SINGLE_INSTANCE=true" in result.stderr


def test_production_refuses_to_start_without_shared_media():
    result = _import_settings({**SECRETS, "REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert result.returncode == 1
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr
    assert "REDIS_URL" not in result.stderr.split("ImproperlyConfigured")[-1]


def test_production_starts_with_a_shared_cache_and_shared_media():
    result = _import_settings(
        {**SECRETS, **SHARED},
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND']]))",
    )
    assert result.returncode == 0, result.stderr
    cache, media = json.loads(result.stdout.strip().splitlines()[-1])
    assert cache == "django_redis.cache.RedisCache"
    assert media == "storages.backends.s3.S3Storage"


def test_a_declared_single_instance_may_use_the_local_cache_and_disk():
    result = _import_settings(
        {**SECRETS, "KOKEBOKA_SINGLE_INSTANCE": "true"},
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND']]))",
    )
    assert result.returncode == 0, result.stderr
    cache, media = json.loads(result.stdout.strip().splitlines()[-1])
    assert cache == "django.core.cache.backends.filebased.FileBasedCache"
    assert media == "django.core.files.storage.FileSystemStorage"


def test_opensearch_configured_without_its_client_is_a_clear_start_up_error():
    hide_client = "import sys; sys.modules['opensearchpy'] = None\n"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(_PREFIXES)}
    result = subprocess.run(
        [sys.executable, "-c", hide_client + "import config.settings.base"],
        cwd=ROOT,
        env={**clean, "OPENSEARCH_URL": "http://127.0.0.1:9200"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "OPENSEARCH_URL is set but the OpenSearch client is not installed" in result.stderr


def test_opensearch_configured_with_its_client_selects_the_opensearch_backend():
    result = _import_settings(
        {"OPENSEARCH_URL": "http://127.0.0.1:9200"},
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])",
        module="config.settings.base",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "modelsearch.backends.opensearch3"


def test_old_secret_keys_stay_valid_during_a_rotation():
    result = _import_settings(
        {**SECRETS, **SHARED, "DJANGO_SECRET_KEY_FALLBACKS": "old-key-one, old-key-two"},
        "print(json.dumps(s.SECRET_KEY_FALLBACKS))",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["old-key-one", "old-key-two"]


def test_public_media_may_be_served_under_the_sites_own_address_private_files_may_not():
    result = _import_settings(
        {**SECRETS, **SHARED, "AWS_S3_CUSTOM_DOMAIN": "kokeboka.example.no/media"},
        "print(json.dumps([s.STORAGES['default']['OPTIONS'].get('custom_domain'),"
        " s.STORAGES['private']['OPTIONS'].get('custom_domain')]))",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["kokeboka.example.no/media", None]
