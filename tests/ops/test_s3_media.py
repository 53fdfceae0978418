"""Uploaded files on an S3-compatible server (moto's server mode on loopback), as scaled out.

The storages come from the site's own settings, read in a fresh interpreter with the
environment an operator sets (AWS_* variables), so these tests check the configuration in
config/settings as well as django-storages against a real HTTP endpoint.
"""

import json
import os
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings

from tests.ops.s3server import s3_server

ROOT = Path(__file__).resolve().parents[2]
_PREFIXES = ("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "KOKEBOKA_", "MEDIA_", "PRIVATE_")


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_PREFIXES)}
    return {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **extra}


def _site_storages(env: dict[str, str]) -> dict:
    """STORAGES as config/settings/base.py builds them from this environment."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, config.settings.base as s; print(json.dumps(s.STORAGES))",
        ],
        cwd=ROOT,
        env=_clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@pytest.fixture(scope="module")
def s3():
    with s3_server() as server:
        yield server


@pytest.fixture
def s3_env(s3, monkeypatch):
    """Fresh buckets, and boto3's credentials in this process's environment."""
    media, private = f"media-{uuid.uuid4().hex[:8]}", f"private-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(media)
    s3.create_bucket(private)
    env = s3.env(media_bucket=media, private_bucket=private)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, env[name])
    return env


def test_public_media_is_written_and_read_through_the_storage_api(s3, s3_env):
    configured = _site_storages(s3_env)
    assert configured["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    with override_settings(STORAGES=configured):
        storage = storages["default"]
        name = storage.save("documents/veileder.pdf", ContentFile(b"%PDF-1.4 veileder"))
        with storage.open(name, "rb") as handle:
            assert handle.read() == b"%PDF-1.4 veileder"
        assert storage.exists(name)
        assert "Signature" not in storage.url(name)  # public media: plain, cacheable URLs
    stored = s3.client().get_object(Bucket=s3_env["AWS_STORAGE_BUCKET_NAME"], Key=name)
    assert stored["Body"].read() == b"%PDF-1.4 veileder"


def test_a_private_file_is_readable_only_through_a_signed_url(s3, s3_env):
    configured = _site_storages(s3_env)
    assert configured["private"]["OPTIONS"]["querystring_auth"] is True
    with override_settings(STORAGES=configured):
        storage = storages["private"]
        name = storage.save("fund/vedlegg.pdf", ContentFile(b"budget, not for everyone"))
        with storage.open(name, "rb") as handle:
            assert handle.read() == b"budget, not for everyone"
        signed = storage.url(name)
    assert "Signature=" in signed and "Expires=" in signed
    unsigned = f"{s3.endpoint_url}/{s3_env['AWS_PRIVATE_STORAGE_BUCKET_NAME']}/{name}"
    assert _get(unsigned)[0] == 403
    assert _get(signed) == (200, b"budget, not for everyone")


def test_without_a_private_bucket_private_files_go_under_the_media_buckets_private_prefix(s3):
    media = f"media-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(media)
    env = s3.env(media_bucket=media)
    configured = _site_storages(env)
    with (
        override_settings(STORAGES=configured),
        pytest.MonkeyPatch.context() as monkeypatch,
    ):
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            monkeypatch.setenv(name, env[name])
        name = storages["private"].save("fund/x.pdf", ContentFile(b"secret"))
        assert f"private/{name}" in _keys(s3, media)
        assert _get(f"{s3.endpoint_url}/{media}/private/{name}")[0] == 403
        assert _get(storages["private"].url(name)) == (200, b"secret")


def _keys(s3, bucket: str) -> dict[str, bytes]:
    client = s3.client()
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listing
    }


@pytest.mark.slow
def test_backup_and_restore_copy_every_object_of_both_storages_to_new_buckets(s3, tmp_path):
    """`make backup` on S3: media and private files (a prefix of the same bucket) restore
    into new buckets, each object once, the private ones still private."""
    source, target = f"src-{uuid.uuid4().hex[:8]}", f"dst-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(source)
    s3.create_bucket(target)
    client = s3.client()
    client.put_object(Bucket=source, Key="images/a.png", Body=b"\x89PNG" + os.urandom(3000))
    client.put_object(Bucket=source, Key="documents/b.pdf", Body=b"%PDF b")
    client.put_object(Bucket=source, Key="private/fund/c.pdf", Body=b"secret c", ACL="private")
    database = tmp_path / "site.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
    script = str(ROOT / "scripts" / "backup.py")
    backup = tmp_path / "backup"
    env = _clean_env(DATABASE_URL=f"sqlite:///{database}", **s3.env(media_bucket=source))
    result = subprocess.run(
        [sys.executable, script, "create", "--output", str(backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((backup / "manifest.json").read_text())
    assert sorted(manifest["storages"]["default"]["files"]) == ["documents/b.pdf", "images/a.png"]
    assert sorted(manifest["storages"]["private"]["files"]) == ["fund/c.pdf"]

    env = _clean_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'restored.sqlite3'}", **s3.env(media_bucket=target)
    )
    result = subprocess.run(
        [sys.executable, script, "restore", str(backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert _keys(s3, target) == _keys(s3, source)
    assert _get(f"{s3.endpoint_url}/{target}/private/fund/c.pdf")[0] == 403
