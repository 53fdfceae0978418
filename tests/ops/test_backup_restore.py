"""Backup → restore loses no row and no file (scripts/backup.py, `make backup` / `make restore`).

The PostgreSQL test copies the freshly migrated test database (the run's template, which no
test writes to) into a database of its own, fills it with the demo content and uploaded files
through the site's code, backs it up, restores it into a new database and new media folders,
and compares every table and every file independently of the script's own verification. It
runs in `make test-pg`.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "backup.py"

# Runs inside the source database with the site's code: demo content, an uploaded document
# and image (rows that point at files), and a file in every other file storage.
POPULATE = """
import io
import django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

call_command("load_demo", stdout=io.StringIO())
pdf = ContentFile(b"%PDF-1.4 kokeboka " * 500, "vedlegg.pdf")
Document.objects.create(title="Vedlegg", file=pdf)
png = io.BytesIO()
PILImage.new("RGB", (40, 30), (200, 30, 30)).save(png, "PNG")
Image.objects.create(title="Bilde", file=ContentFile(png.getvalue(), "bilde.png"))
for alias in storages.backends:
    if alias != "staticfiles":
        storages[alias].save("backup-test/" + alias + ".txt", ContentFile(alias.encode() * 99))
"""


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "KOKEBOKA_", "MEDIA_"))
    }
    return {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **extra}


def _run(args: list[str], env: dict[str, str], timeout: int = 600):
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _storage_env(folder: Path) -> dict[str, str]:
    """Every local file storage of the site under one folder of the test's own."""
    return {"MEDIA_ROOT": str(folder / "media"), "PRIVATE_MEDIA_ROOT": str(folder / "private")}


@pytest.fixture
def postgres_server(request, django_db_setup):
    """Connection parameters of the test run's PostgreSQL server, and the name of a database
    as migrations build it from nothing (tests/databases.py), unused, to copy as a template."""
    from django.db import connection

    from tests.databases import migrated_template

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL backup and restore: runs in `make test-pg`")
    settings_dict = dict(connection.settings_dict)
    params = {
        key: value
        for key, value in {
            "host": settings_dict.get("HOST"),
            "port": settings_dict.get("PORT"),
            "user": settings_dict.get("USER"),
            "password": settings_dict.get("PASSWORD"),
        }.items()
        if value
    }
    return params, migrated_template(request.config)


def _pg_url(params: dict, name: str) -> str:
    password = f":{params['password']}" if params.get("password") else ""
    return (
        f"postgres://{params.get('user', '')}{password}@{params.get('host', '')}"
        f":{params.get('port', 5432)}/{name}"
    )


def _pg_counts(params: dict, name: str) -> dict[str, int]:
    import psycopg
    from psycopg import sql

    with psycopg.connect(dbname=name, **params) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        ]
        return {
            table: conn.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }


@pytest.mark.slow
# The test database is set up (and its migrated template kept) only for tests that ask for
# it; this test never touches the test database itself.
@pytest.mark.django_db
def test_a_populated_postgres_database_and_its_files_survive_backup_and_restore(
    postgres_server, tmp_path
):
    import psycopg
    from psycopg import sql

    params, migrated = postgres_server
    suffix = uuid.uuid4().hex[:8]
    source, restored = f"kokeboka_backup_src_{suffix}", f"kokeboka_backup_dst_{suffix}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        # A database of its own as migrations build it from nothing: a copy of the migrated
        # template, not of the test database (whose content depends on earlier tests); the
        # migrate below applies what the template lacks, normally nothing.
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(source), sql.Identifier(migrated)
            )
        )
    try:
        site = tmp_path / "site"
        source_env = _clean_env(DATABASE_URL=_pg_url(params, source), **_storage_env(site))
        result = _run([sys.executable, "manage.py", "migrate", "--noinput"], source_env)
        assert result.returncode == 0, result.stderr[-3000:]
        result = _run([sys.executable, "-c", POPULATE], source_env)
        assert result.returncode == 0, result.stderr[-3000:]

        backup = tmp_path / "backup"
        result = _run([sys.executable, str(SCRIPT), "create", "--output", str(backup)], source_env)
        assert result.returncode == 0, result.stderr[-3000:]
        manifest = json.loads((backup / "manifest.json").read_text())
        assert (backup / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump -Fc

        restored_site = tmp_path / "restored"
        restore_env = _clean_env(
            DATABASE_URL=_pg_url(params, restored), **_storage_env(restored_site)
        )
        result = _run([sys.executable, str(SCRIPT), "restore", str(backup)], restore_env)
        assert result.returncode == 0, result.stderr[-3000:]
        assert "restored and verified" in result.stdout

        # Every table's row count, compared database to database.
        source_counts = _pg_counts(params, source)
        assert _pg_counts(params, restored) == source_counts
        assert manifest["database"]["tables"] == source_counts
        populated = {t: n for t, n in source_counts.items() if n}
        assert len(populated) >= 40, populated
        assert source_counts["wagtaildocs_document"] == 1
        assert source_counts["wagtailimages_image"] == 1

        # Every file, compared folder to folder.
        source_files = _files(site)
        assert _files(restored_site) == source_files
        assert any(name.startswith("media/documents/") for name in source_files)
        assert any(name.startswith("media/original_images/") for name in source_files)
        listed = sum(len(item["files"]) for item in manifest["storages"].values())
        assert listed == len(source_files)

        # A second restore into the now populated database is refused, not merged.
        result = _run([sys.executable, str(SCRIPT), "restore", str(backup)], restore_env)
        assert result.returncode == 1
        assert "restore into a new database" in result.stderr

        # A changed row is found by verify.
        with psycopg.connect(dbname=restored, autocommit=True, **params) as conn:
            conn.execute("DELETE FROM wagtaildocs_document")
        result = _run([sys.executable, str(SCRIPT), "verify", str(backup)], restore_env)
        assert result.returncode == 1
        assert "table wagtaildocs_document: 0 rows, backup has 1" in result.stderr
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            for name in (source, restored):
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def test_a_sqlite_database_and_its_files_survive_backup_and_restore(tmp_path):
    """The SQLite path (one machine, `make run`): the online backup API and a tar of media."""
    database = tmp_path / "site.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        conn.executemany("INSERT INTO recipe (title) VALUES (?)", [("Innkjøp",), ("Avtale",)])
        conn.execute('CREATE TABLE "odd ""name""" (x)')
        conn.execute('INSERT INTO "odd ""name""" VALUES (1)')
    site = tmp_path / "site"
    (site / "media" / "documents" / "nested").mkdir(parents=True)
    (site / "media" / "documents" / "nested" / "a.pdf").write_bytes(b"%PDF " + os.urandom(5000))
    (site / "media" / "b.txt").write_text("hei")
    env = _clean_env(DATABASE_URL=f"sqlite:///{database}", **_storage_env(site))
    backup = tmp_path / "backup"
    result = _run([sys.executable, str(SCRIPT), "create", "--output", str(backup)], env)
    assert result.returncode == 0, result.stderr

    restored_db, restored_site = tmp_path / "restored.sqlite3", tmp_path / "restored"
    env = _clean_env(DATABASE_URL=f"sqlite:///{restored_db}", **_storage_env(restored_site))
    result = _run([sys.executable, str(SCRIPT), "restore", str(backup)], env)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(restored_db) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM recipe ORDER BY id")]
        odd = conn.execute('SELECT count(*) FROM "odd ""name"""').fetchone()[0]
    assert (titles, odd) == (["Innkjøp", "Avtale"], 1)
    assert _files(restored_site) == _files(site)


def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path):
    database = tmp_path / "site.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    (site / "media" / "f.txt").write_text("original")
    env = _clean_env(DATABASE_URL=f"sqlite:///{database}", **_storage_env(site))
    backup = tmp_path / "backup"
    assert (
        _run([sys.executable, str(SCRIPT), "create", "--output", str(backup)], env).returncode == 0
    )
    with (backup / "files-default.tar").open("r+b") as archive:
        archive.seek(600)
        archive.write(b"X")
    restored_db = tmp_path / "restored.sqlite3"
    env = _clean_env(DATABASE_URL=f"sqlite:///{restored_db}", **_storage_env(tmp_path / "r"))
    result = _run([sys.executable, str(SCRIPT), "restore", str(backup)], env)
    assert result.returncode == 1
    assert "files-default.tar does not match its checksum" in result.stderr
    assert not restored_db.exists()


def test_private_files_inside_the_media_folder_are_archived_once_by_their_own_storage(tmp_path):
    database = tmp_path / "site.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
    media = tmp_path / "site" / "media"
    (media / "private" / "fund").mkdir(parents=True)
    (media / "private" / "fund" / "budget.pdf").write_bytes(b"%PDF secret")
    (media / "images").mkdir()
    (media / "images" / "a.png").write_bytes(b"\x89PNG public")
    nested = {"MEDIA_ROOT": str(media), "PRIVATE_MEDIA_ROOT": str(media / "private")}
    env = _clean_env(DATABASE_URL=f"sqlite:///{database}", **nested)
    backup = tmp_path / "backup"
    result = _run([sys.executable, str(SCRIPT), "create", "--output", str(backup)], env)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((backup / "manifest.json").read_text())
    assert list(manifest["storages"]["default"]["files"]) == ["images/a.png"]
    assert list(manifest["storages"]["private"]["files"]) == ["fund/budget.pdf"]
