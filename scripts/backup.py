#!/usr/bin/env python3
"""Backs up and restores Kokeboka: the database and every uploaded-file storage.

    python scripts/backup.py create [--output DIR]                # make backup
    python scripts/backup.py restore DIR [--database-url URL]     # make restore BACKUP=DIR
    python scripts/backup.py verify DIR [--database-url URL]

It reads the site's own settings (DJANGO_SETTINGS_MODULE, default config.settings.dev, with
DATABASE_URL, MEDIA_ROOT and the AWS_* variables), so it backs up exactly what the site
uses. A backup is a folder:

    database.dump       PostgreSQL: pg_dump's custom format (-Fc)
    database.sqlite3    SQLite: a copy made with SQLite's online backup API
    files-<alias>.tar   every file of STORAGES[<alias>] (public media, private files, ...)
    manifest.json       rows per table, and each file's size and SHA-256

Files go through Django's storage API, so one code path covers local disk and S3.
On PostgreSQL the row counts come from the very snapshot pg_dump writes (an exported
snapshot), so they hold while the site keeps writing. The database is taken first, then the
files: a file uploaded meanwhile is in the backup although no row points at it yet.

`restore` writes into a new database (created when it does not exist; one that already has
tables is refused) and into file storages, then checks every table's row count and every
file's checksum against the manifest, as `verify` does on its own. Static files are not
backed up: `collectstatic` rebuilds them from the code.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "manifest.json"
FORMAT = 1
# Rebuilt from the code by collectstatic; never user data.
NOT_BACKED_UP = {"staticfiles"}
PG_BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/local/bin"]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def setup_django(database_url: str | None = None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def pg_bin(name: str) -> str:
    for directory in [os.environ.get("PG_BIN", ""), *PG_BIN_DIRS]:
        candidate = Path(directory) / name
        if directory and candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} not found: install PostgreSQL 15's client (postgresql-client-15)"
        )
    return found


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- the database ---------------------------------------------------------------------------


def _db_settings() -> dict:
    from django.db import connection

    return connection.settings_dict


def _is_postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _pg_args_and_env(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """libpq connection options without the password on the command line."""
    args = []
    if settings_dict.get("HOST"):
        args += ["-h", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["-p", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["-U", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def quote_identifier(name: str) -> str:
    """Standard SQL quoting, embedded quotes doubled (Django's quote_name does not)."""
    return '"' + name.replace('"', '""') + '"'


def count_rows(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote_identifier(table)}")  # noqa: S608 - introspected names
        counts[table] = cursor.fetchone()[0]
    return counts


def database_row_counts() -> dict[str, int]:
    """Rows per table in the configured database, every table Django can see."""
    from django.db import connection

    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        return count_rows(cursor, tables)


def backup_postgres(dest: Path) -> dict[str, int]:
    """pg_dump -Fc from an exported snapshot; the counts are taken in that same snapshot."""
    from django.db import connection, transaction

    settings_dict = _db_settings()
    args, env = _pg_args_and_env(settings_dict)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = connection.introspection.table_names(cursor)
        counts = count_rows(cursor, tables)
        # The snapshot lives as long as this transaction: pg_dump must run inside it.
        subprocess.run(
            [
                pg_bin("pg_dump"),
                "-Fc",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                "-f",
                str(dest),
                *args,
                settings_dict["NAME"],
            ],
            env=env,
            check=True,
        )
    return counts


def backup_sqlite(dest: Path) -> dict[str, int]:
    """SQLite's online backup API: a consistent copy while the site keeps writing."""
    source = sqlite3.connect(str(_db_settings()["NAME"]))
    target = sqlite3.connect(str(dest))
    try:
        source.backup(target)
    finally:
        source.close()
    try:
        cursor = target.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [row[0] for row in cursor.fetchall() if not row[0].startswith("sqlite_")]
        return count_rows(cursor, tables)
    finally:
        target.close()


# --- file storages --------------------------------------------------------------------------


def storage_aliases() -> list[str]:
    from django.conf import settings

    return [alias for alias in settings.STORAGES if alias not in NOT_BACKED_UP]


def storage_backend(alias: str) -> str:
    from django.conf import settings

    return settings.STORAGES[alias]["BACKEND"]


def _root(storage) -> tuple[str, str] | None:
    """Where a storage keeps its files: ("s3:<bucket>", prefix) or ("disk", absolute path)."""
    if getattr(storage, "bucket_name", None):
        return f"s3:{storage.bucket_name}", (storage.location or "").strip("/")
    if getattr(storage, "location", None):
        return "disk", str(Path(storage.location).resolve())
    return None


def nested_roots(alias: str) -> set[str]:
    """Folders of this storage that are other storages' roots, which back up on their own.

    The private files' storage may live under the media storage: the same bucket with a
    `private/` prefix, or a folder inside MEDIA_ROOT. Their files belong to one archive only,
    restored with their own storage's settings (private ACL), not twice.
    """
    from django.core.files.storage import storages

    mine = _root(storages[alias])
    if mine is None:
        return set()
    kind, base = mine
    nested = set()
    for other in storage_aliases():
        theirs = _root(storages[other]) if other != alias else None
        if theirs is None or theirs[0] != kind or theirs[1] == base:
            continue
        if kind == "disk":
            if Path(theirs[1]).is_relative_to(base):
                nested.add(Path(theirs[1]).relative_to(base).as_posix())
        elif base == "" or theirs[1].startswith(base + "/"):
            nested.add(theirs[1][len(base) :].strip("/"))
    return nested


def walk_storage(storage, path: str = "", skip: frozenset[str] = frozenset()):
    """Every file name in a storage, through listdir (local disk and S3 alike)."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:  # a local storage nothing was ever uploaded to
        return
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for directory in sorted(directories):
        sub = posixpath.join(path, directory) if path else directory
        if sub not in skip:
            yield from walk_storage(storage, sub, skip)


class _HashingReader:
    """Reads a file for tarfile while hashing what passes through."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def backup_storage(alias: str, dest: Path) -> dict[str, dict]:
    from django.core.files.storage import storages

    storage = storages[alias]
    files = {}
    with tarfile.open(dest, "w") as archive:
        for name in walk_storage(storage, skip=frozenset(nested_roots(alias))):
            size = storage.size(name)
            info = tarfile.TarInfo(name)
            info.size = size
            info.mode = 0o644
            with contextlib.suppress(NotImplementedError, OSError):
                info.mtime = int(storage.get_modified_time(name).timestamp())
            with storage.open(name, "rb") as handle:
                reader = _HashingReader(handle)
                archive.addfile(info, reader)
            files[name] = {"size": size, "sha256": reader.digest.hexdigest()}
    return files


def storage_checksums(alias: str) -> dict[str, dict]:
    from django.core.files.storage import storages

    storage = storages[alias]
    files = {}
    for name in walk_storage(storage, skip=frozenset(nested_roots(alias))):
        digest = hashlib.sha256()
        with storage.open(name, "rb") as handle:
            for chunk in iter(lambda handle=handle: handle.read(1 << 20), b""):
                digest.update(chunk)
        files[name] = {"size": storage.size(name), "sha256": digest.hexdigest()}
    return files


# --- create ---------------------------------------------------------------------------------


def create(output: Path) -> dict:
    output.mkdir(parents=True, exist_ok=False)
    if _is_postgres():
        database_file = output / "database.dump"
        counts = backup_postgres(database_file)
        engine = "postgresql"
    elif _db_settings()["ENGINE"] == "django.db.backends.sqlite3":
        database_file = output / "database.sqlite3"
        counts = backup_sqlite(database_file)
        engine = "sqlite"
    else:
        raise BackupError(f"no backup method for {_db_settings()['ENGINE']}")
    manifest = {
        "format": FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": {
            "engine": engine,
            "file": database_file.name,
            "sha256": sha256_file(database_file),
            "tables": counts,
        },
        "storages": {},
    }
    for alias in storage_aliases():
        archive = output / f"files-{alias}.tar"
        files = backup_storage(alias, archive)
        manifest["storages"][alias] = {
            "backend": storage_backend(alias),
            "archive": archive.name,
            "sha256": sha256_file(archive),
            "files": files,
        }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


# --- restore and verify ---------------------------------------------------------------------


def load_manifest(backup: Path) -> dict:
    path = backup / MANIFEST
    if not path.exists():
        raise BackupError(f"{path} not found: not a Kokeboka backup folder")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    for item in [manifest["database"], *manifest["storages"].values()]:
        name = item.get("file") or item["archive"]
        if sha256_file(backup / name) != item["sha256"]:
            raise BackupError(f"{name} does not match its checksum in the manifest: damaged")
    return manifest


def _pg_create_database_if_missing(settings_dict: dict) -> None:
    """Creates the target database; refuses one that already has tables."""
    import psycopg
    from psycopg import sql

    name = settings_dict["NAME"]
    params = {
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
    }
    params = {key: value for key, value in params.items() if value}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as maintenance:
        exists = maintenance.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            maintenance.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return
    with psycopg.connect(dbname=name, **params) as target:
        tables = target.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    if tables:
        raise BackupError(
            f"database {name!r} already has {tables} tables: restore into a new database "
            "(set DATABASE_URL or --database-url to a name that does not exist yet)"
        )


def restore_database(backup: Path, manifest: dict) -> None:
    database = manifest["database"]
    settings_dict = _db_settings()
    source = backup / database["file"]
    if database["engine"] == "postgresql":
        if not _is_postgres():
            raise BackupError("a PostgreSQL backup restores into PostgreSQL: set DATABASE_URL")
        _pg_create_database_if_missing(settings_dict)
        args, env = _pg_args_and_env(settings_dict)
        subprocess.run(
            [
                pg_bin("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *args,
                "-d",
                settings_dict["NAME"],
                str(source),
            ],
            env=env,
            check=True,
        )
        return
    target = Path(str(settings_dict["NAME"]))
    if target.exists() and target.stat().st_size:
        raise BackupError(f"{target} exists: restore into a new SQLite file")
    target.parent.mkdir(parents=True, exist_ok=True)
    source_db, target_db = sqlite3.connect(str(source)), sqlite3.connect(str(target))
    try:
        source_db.backup(target_db)
    finally:
        source_db.close()
        target_db.close()


def restore_files(backup: Path, manifest: dict, *, replace: bool) -> None:
    from django.core.files import File
    from django.core.files.storage import storages

    for alias, item in manifest["storages"].items():
        if alias not in storage_aliases():
            raise BackupError(f"the backup has files for STORAGES[{alias!r}], which is not set up")
        storage = storages[alias]
        with tarfile.open(backup / item["archive"], "r") as archive:
            for member in archive:
                if not member.isfile():
                    continue
                if storage.exists(member.name):
                    if not replace:
                        raise BackupError(
                            f"STORAGES[{alias!r}] already has {member.name}: restore into "
                            "empty storage, or pass --replace-files"
                        )
                    storage.delete(member.name)
                handle = archive.extractfile(member)
                saved = storage.save(member.name, File(handle, name=member.name))
                if saved != member.name:
                    raise BackupError(f"{member.name} was stored as {saved}")


def verify(manifest: dict) -> list[str]:
    """Differences between the configured database and storages and the manifest."""
    problems = []
    expected = manifest["database"]["tables"]
    actual = database_row_counts()
    for table in sorted(set(expected) | set(actual)):
        if expected.get(table) != actual.get(table):
            problems.append(
                f"table {table}: {actual.get(table)} rows, backup has {expected.get(table)}"
            )
    for alias, item in manifest["storages"].items():
        present = storage_checksums(alias)
        for name, meta in item["files"].items():
            if name not in present:
                problems.append(f"{alias}: {name} missing")
            elif present[name]["sha256"] != meta["sha256"]:
                problems.append(f"{alias}: {name} differs")
    return problems


def restore(backup: Path, *, replace_files: bool = False) -> dict:
    manifest = load_manifest(backup)
    restore_database(backup, manifest)
    restore_files(backup, manifest, replace=replace_files)
    from django.db import connections

    connections.close_all()
    problems = verify(manifest)
    if problems:
        raise BackupError("the restore does not match the backup:\n  " + "\n  ".join(problems))
    return manifest


def _summary(manifest: dict) -> str:
    tables = manifest["database"]["tables"]
    files = sum(len(item["files"]) for item in manifest["storages"].values())
    return f"{len(tables)} tables, {sum(tables.values())} rows, {files} files"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    create_cmd = commands.add_parser("create", help="back up the database and the files")
    create_cmd.add_argument(
        "--output", type=Path, help="a new folder (default var/backups/<UTC time>)"
    )
    for name, text in [("restore", "restore into a new database"), ("verify", "compare")]:
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("backup", type=Path)
        cmd.add_argument("--database-url", help="the database to restore into or compare")
        if name == "restore":
            cmd.add_argument(
                "--replace-files", action="store_true", help="overwrite files that exist"
            )
    args = parser.parse_args(argv)
    setup_django(getattr(args, "database_url", None))
    try:
        if args.command == "create":
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            output = args.output or ROOT / "var" / "backups" / stamp
            manifest = create(output)
            print(f"backup: {output} ({_summary(manifest)})")
        elif args.command == "restore":
            manifest = restore(args.backup, replace_files=args.replace_files)
            print(f"restore: {args.backup} restored and verified ({_summary(manifest)})")
        else:
            manifest = load_manifest(args.backup)
            problems = verify(manifest)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                return 1
            print(f"verify: equal to {args.backup} ({_summary(manifest)})")
    except (BackupError, subprocess.CalledProcessError) as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
