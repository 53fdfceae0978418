"""Test databases built once and the demo built once (decision 0024), a pytest plugin loaded
by the root conftest.

Two costs dominated `make test`: every pytest-xdist worker ran all ~280 migrations to build
its own test database, and about ten test modules each ran `load_demo` (or the demo content)
for themselves, a minute apiece on a busy machine. Now:

- The test database is built by migrations once per run (the real migrations, so data
  migrations, Wagtail's SQLite full-text tables and PostgreSQL-only indexes are all there),
  by whichever worker asks first, under a file lock; every other worker copies it (SQLite:
  the sqlite3 backup API into its in-memory database; PostgreSQL: CREATE DATABASE ...
  TEMPLATE). Without xdist nothing changes.
- The demo is built once per worker, on that freshly migrated database, exactly as
  `make demo` builds it (migrate, then `load_demo`), and kept as a snapshot of the whole
  database (SQLite: an in-memory copy; PostgreSQL: a template database). A test that uses it
  gets the snapshot restored, so what one test changes never reaches another.
  Per worker and not per run: load_demo gives the demo people a password and a TOTP secret
  drawn once per process (apps/accounts/demo.py), which the tests of that process log in with.

On SQLite the flush after a transactional test restores a snapshot of the first real flush
of the process (FlushBySnapshot): post_migrate recreating every content type and permission
was most of its cost. On PostgreSQL it empties only the tables that hold rows and leaves the
content types and permissions in place when they are the ones post_migrate would write
(FlushByEmptying).

Fixtures: `demo_site` for browser tests (transactional; the flush after the test clears it as
before), `demo_module` for a module of ordinary tests (the whole module sees the demo and
the database is given back as it was after the module), and `demo_content_module` for the
smaller demo content of apps/opendata/testing.py.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SHARED_PREFIX = "kokeboka-testdb-"


# --- one migrated database per run, shared by the xdist workers --------------------------


def _run_uid(config) -> str | None:
    """The id of this pytest-xdist run, the same in the controller and every worker; None
    without xdist."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        return workerinput["testrunuid"]
    return getattr(config.option, "testrunuid", None) if _xdist_controller(config) else None


def _xdist_controller(config) -> bool:
    return bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")


def _shared_dir(uid: str) -> Path:
    return Path(tempfile.gettempdir()) / f"{SHARED_PREFIX}{uid}"


def _template_name(connection, uid: str) -> str:
    """The PostgreSQL template database of this run (the test database name as in the
    controller, without the worker's suffix)."""
    settings_dict = connection.settings_dict
    base = settings_dict["TEST"].get("NAME") or f"test_{settings_dict['NAME']}"
    if "_gw" in base:  # pytest-django names a worker's database test_<name>_gw<n>
        base = base.rsplit("_gw", 1)[0]
    return f"{base}_tpl_{uid[:12]}"[:63]


def pytest_configure(config):
    # The controller chooses the run id, so that it knows what to clean up at the end.
    if _xdist_controller(config) and getattr(config.option, "testrunuid", None) is None:
        config.option.testrunuid = uuid.uuid4().hex
    if _xdist_controller(config):
        config.stash[PREBUILD] = _start_prebuild(config)


PREBUILD = pytest.StashKey["subprocess.Popen | None"]()
_PREBUILD_CODE = "import sys, tests.databases as d; d.prebuild(sys.argv[1])"


def _start_prebuild(config):
    """Starts migrating the run's database in a process of its own while the workers start
    and collect the tests (10-20 s each), instead of in the first worker that needs it while
    the other worker waits idle on the lock. It is the first worker's part of SharedBuild,
    done earlier: the same create_test_db under the same lock; a worker that gets the lock
    first (or finds the build failed) migrates for itself as before."""
    option = config.option
    if (
        getattr(option, "reuse_db", False)
        or getattr(option, "nomigrations", False)
        or getattr(option, "collectonly", False)
    ):
        return None
    log = _shared_dir(option.testrunuid) / "prebuild.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        return subprocess.Popen(  # noqa: S603 (this interpreter, our own module)
            [sys.executable, "-c", _PREBUILD_CODE, option.testrunuid],
            cwd=str(config.rootpath),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def prebuild(uid: str) -> None:
    """Run by _start_prebuild: migrates and publishes the run's database unless a worker
    already did (or is doing) it."""
    directory = _shared_dir(uid)
    with _file_lock(directory / "build.lock"):
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment(debug=False)
        shared = SharedBuild(connection, uid)
        marker = directory / f"{connection.vendor}.built"
        if not shared.supported() or marker.exists():
            return
        # Named as in the controller (test_<name>): _template_name reads the test name.
        connection.settings_dict["TEST"]["NAME"] = connection.creation._get_test_db_name()
        name = shared.original(verbosity=0, autoclobber=True, serialize=False)
        shared._publish(name)
        marker.write_text(name)
        if connection.vendor == "postgresql":
            connection.creation.destroy_test_db(name, verbosity=0)


def pytest_unconfigure(config):
    """The controller removes the shared database after every worker has finished."""
    if not _xdist_controller(config):
        return
    process = config.stash.get(PREBUILD, None)
    stopped = process is not None and process.poll() is None
    if stopped:  # a run without database tests: its migration is not needed
        process.kill()
        process.wait()
    uid = config.option.testrunuid
    shutil.rmtree(_shared_dir(uid), ignore_errors=True)
    with contextlib.suppress(Exception):
        from django.db import connection

        if connection.vendor == "postgresql":
            names = [_template_name(connection, uid)]
            if stopped:
                names.append(connection.creation._get_test_db_name())
            with connection.creation._nodb_cursor() as cursor:
                for name in names:
                    cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextlib.contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _is_memory_sqlite(connection) -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


class SharedBuild:
    """Replaces create_test_db of the default connection for one run: the first worker to
    get the lock migrates as usual and publishes the result; the others copy it."""

    def __init__(self, connection, uid: str):
        self.connection = connection
        self.uid = uid
        self.dir = _shared_dir(uid)
        self.original = connection.creation.create_test_db

    def supported(self) -> bool:
        # The test database, not the configured one (a file for SQLite): it is not made yet.
        connection = self.connection
        if connection.vendor == "sqlite":
            creation = connection.creation
            return creation.is_in_memory_db(creation._get_test_db_name())
        return connection.vendor == "postgresql"

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        marker = self.dir / f"{self.connection.vendor}.built"
        with _file_lock(self.dir / "build.lock"):
            if not marker.exists():
                name = self.original(
                    verbosity=verbosity, autoclobber=autoclobber, serialize=serialize, keepdb=keepdb
                )
                self._publish(name)
                marker.write_text(name)
                return name
        return self._copy(serialize)

    # SQLite: the migrated in-memory database written to a file once, read by the others.
    # PostgreSQL: a template database nobody connects to.
    def _publish(self, name: str) -> None:
        if self.connection.vendor == "sqlite":
            self.connection.ensure_connection()
            target = sqlite3.connect(self.dir / "migrated.sqlite3")
            try:
                self.connection.connection.backup(target)
            finally:
                target.close()
            return
        template = _template_name(self.connection, self.uid)
        self.connection.close()
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quote(template)}")
            cursor.execute(f"CREATE DATABASE {_quote(template)} TEMPLATE {_quote(name)}")
        self.connection.ensure_connection()

    def _copy(self, serialize: bool) -> str:
        from django.conf import settings

        connection = self.connection
        creation = connection.creation
        name = creation._get_test_db_name()
        connection.close()
        if connection.vendor == "postgresql":
            template = _template_name(connection, self.uid)
            with creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")
                cursor.execute(f"CREATE DATABASE {_quote(name)} TEMPLATE {_quote(template)}")
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            source = sqlite3.connect(self.dir / "migrated.sqlite3")
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        return name


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's django_db_setup, with the migrated database built once per xdist run
    (SharedBuild). --reuse-db and --nomigrations keep pytest-django's own behaviour."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    setup_databases_args = {}
    if not django_db_use_migrations:
        _disable_migrations()
    if django_db_keepdb and not django_db_createdb:
        setup_databases_args["keepdb"] = True
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)

    uid = _run_uid(request.config)
    shared = None
    if uid and django_db_use_migrations and not setup_databases_args:
        shared = SharedBuild(connection, uid)
        if not shared.supported():
            shared = None
    with django_db_blocker.unblock():
        if shared is not None:
            connection.creation.create_test_db = shared.create_test_db
        try:
            db_cfg = setup_databases(
                verbosity=request.config.option.verbose,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                **setup_databases_args,
            )
        finally:
            if shared is not None:
                del connection.creation.create_test_db
        snapshots = Snapshots.for_connection(connection)
        if shared is not None and connection.vendor == "postgresql":
            # The run's template is the migrated database: no copy of our own needed.
            snapshots.adopt("migrated", _template_name(connection, uid))
        else:
            snapshots.save("migrated")
    request.config.stash[SNAPSHOTS] = snapshots
    request.config.stash[FLUSH], restore_flush = install_cheaper_flush(snapshots)

    yield

    restore_flush()
    with django_db_blocker.unblock():
        snapshots.drop_all()
        if not django_db_keepdb:
            try:
                teardown_databases(db_cfg, verbosity=request.config.option.verbose)
            except Exception as exc:  # noqa: BLE001
                request.node.warn(
                    pytest.PytestWarning(f"Error when trying to teardown test databases: {exc!r}")
                )


# --- snapshots of the whole test database --------------------------------------------------

SNAPSHOTS = pytest.StashKey["Snapshots"]()


class Snapshots:
    """Named copies of the whole test database of this process, to restore at once."""

    @staticmethod
    def for_connection(connection) -> Snapshots:
        if _is_memory_sqlite(connection):
            return SqliteSnapshots(connection)
        if connection.vendor == "postgresql":
            return PostgresSnapshots(connection)
        return Snapshots(connection)

    def __init__(self, connection):
        self.connection = connection

    def save(self, label: str) -> None:
        pass

    def restore(self, label: str) -> None:
        raise NotImplementedError(f"database snapshots need SQLite or PostgreSQL, not {label}")

    def has(self, label: str) -> bool:
        return False

    def drop_all(self) -> None:
        pass

    def _restored(self) -> None:
        """Caches that hold database ids: content types (a flush recreates them with new
        ids, a snapshot brings the old ones back)."""
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()

    def _check_outside_transaction(self) -> None:
        if self.connection.in_atomic_block:
            raise RuntimeError("a database snapshot is taken or restored outside transactions")


class SqliteSnapshots(Snapshots):
    def __init__(self, connection):
        super().__init__(connection)
        self.copies: dict[str, sqlite3.Connection] = {}

    def save(self, label: str) -> None:
        self._check_outside_transaction()
        self.connection.ensure_connection()
        copy = self.copies.get(label) or sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.connection.backup(copy)
        self.copies[label] = copy

    def restore(self, label: str) -> None:
        self._check_outside_transaction()
        self.connection.ensure_connection()
        self.copies[label].backup(self.connection.connection)
        self._restored()

    def has(self, label: str) -> bool:
        return label in self.copies

    def drop_all(self) -> None:
        for copy in self.copies.values():
            copy.close()
        self.copies.clear()


class PostgresSnapshots(Snapshots):
    """Template databases beside the test database (`<test database>_<label>`)."""

    def __init__(self, connection):
        super().__init__(connection)
        self.names: dict[str, str] = {}
        self.owned: set[str] = set()

    def adopt(self, label: str, name: str) -> None:
        """A database someone else made (and drops) serves as snapshot `label`."""
        self.names[label] = name

    def _name(self, label: str) -> str:
        return f"{self.connection.settings_dict['NAME']}_{label}"[:63]

    def _copy(self, source: str, target: str) -> None:
        from django.db import connections

        connections.close_all()
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quote(target)} WITH (FORCE)")
            # Any connection left to the source (a live server thread's) would stop the copy.
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [source],
            )
            cursor.execute(f"CREATE DATABASE {_quote(target)} TEMPLATE {_quote(source)}")

    def save(self, label: str) -> None:
        self._check_outside_transaction()
        name = self._name(label)
        self._copy(self.connection.settings_dict["NAME"], name)
        self.names[label] = name
        self.owned.add(name)

    def restore(self, label: str) -> None:
        self._check_outside_transaction()
        self._copy(self.names[label], self.connection.settings_dict["NAME"])
        self._restored()

    def has(self, label: str) -> bool:
        return label in self.names

    def drop_all(self) -> None:
        from django.db import connections

        connections.close_all()
        with self.connection.creation._nodb_cursor() as cursor:
            for name in self.owned:
                cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")
        self.names.clear()
        self.owned.clear()


def migrated_template(config) -> str:
    """The name of a PostgreSQL database that holds the test database exactly as migrations
    built it and that nobody connects to (the run's template, or this process's "migrated"
    snapshot): a test copies it with CREATE DATABASE ... TEMPLATE to get a database as
    `migrate` makes it from nothing, without running ~280 migrations again."""
    return config.stash[SNAPSHOTS].names["migrated"]


# --- the flush after a transactional test, restored from a snapshot ------------------------

FLUSHED = "flushed"
FLUSH = pytest.StashKey["FlushBySnapshot | FlushByEmptying | None"]()


class FlushBySnapshot:
    """SQLite only: after a transactional test Django flushes every table and sends
    post_migrate, which recreates every content type and permission (0.27 s per test on
    SQLite, measured; the post_migrate part is 0.25 s of it). The result is the same database
    every time, so the first flush of a process is done for real and kept as a snapshot, and
    every later one restores that snapshot (a backup-API copy in memory). Tests with
    serialized_rollback or available_apps (whose flush differs), several databases, or an open
    transaction keep Django's own flush. The ids drawn afterwards start from the snapshot's,
    as they do after every flush on SQLite anyway.

    Not on PostgreSQL: there the restore (DROP DATABASE, CREATE DATABASE ... TEMPLATE) was
    slower than the flush, measured on the same 76 tests (decision 0024, second step)."""

    def __init__(self, snapshots: Snapshots, original):
        self.snapshots = snapshots
        self.original = original

    def teardown(self, test_case) -> None:
        if not _plain_flush(test_case, self.snapshots.connection):
            self.original(test_case)
        elif self.snapshots.has(FLUSHED):
            self.snapshots.restore(FLUSHED)
        else:
            self.original(test_case)
            self.snapshots.save(FLUSHED)


def install_cheaper_flush(snapshots: Snapshots):
    """Puts the engine's cheaper flush in place of TransactionTestCase's: FlushBySnapshot on
    SQLite in memory, FlushByEmptying on PostgreSQL, none elsewhere. Returns the flush (for
    tests/ops/test_flush_by_*.py; None when there is none) and the undo."""
    from django.test import TransactionTestCase

    original = TransactionTestCase._fixture_teardown
    if isinstance(snapshots, SqliteSnapshots):
        flush = FlushBySnapshot(snapshots, original)
    elif isinstance(snapshots, PostgresSnapshots):
        flush = FlushByEmptying(snapshots.connection, original)
    else:
        return None, lambda: None

    def _fixture_teardown(test_case):
        flush.teardown(test_case)

    def undo():
        TransactionTestCase._fixture_teardown = original

    TransactionTestCase._fixture_teardown = _fixture_teardown
    return flush, undo


def _plain_flush(test_case, connection) -> bool:
    """Whether Django's flush after `test_case` is the plain one (every table emptied, then
    post_migrate), on this one connection, outside any transaction: the cheaper flushes
    stand in for that one only. serialized_rollback and available_apps change what Django's
    flush does; they keep it."""
    return (
        test_case.available_apps is None
        and not test_case.serialized_rollback
        and list(test_case._databases_names(include_mirrors=False)) == [connection.alias]
        and not connection.in_atomic_block
    )


class FlushByEmptying:
    """PostgreSQL: after a transactional test Django truncates all ~160 tables in one
    statement and sends post_migrate, which creates every content type and permission again
    (0.24 s per test at load 4.7, of which post_migrate 0.17 s and the TRUNCATE 0.07 s,
    measured). A test leaves rows in a few tables; the rest are empty already. So one query
    finds the tables that hold rows and a fingerprint of the content types and permissions,
    and only those tables are emptied (DELETE when they hold few rows, TRUNCATE with every
    table that references them when one holds many). The content types and permissions are
    left in place when their fingerprint is the one the last real flush of this process
    left, since post_migrate would only write the same rows again (with new ids). When they
    differ (a test changed them, or a demo snapshot brought other ones) Django's own flush
    runs, as it does for the tests _plain_flush refuses. Sequences are left alone, as Django's
    flush after a test leaves them (reset_sequences=False). The content type cache is
    cleared, as post_migrate clears it.

    Not a snapshot restore as on SQLite: DROP and CREATE DATABASE after every test was slower
    than the flush (decision 0024, second step)."""

    KEPT = ("django_content_type", "auth_permission")
    # Rows in one table above which TRUNCATE (a new file per table and index) is cheaper
    # than DELETE (a row at a time, with deferred foreign-key checks).
    DELETE_LIMIT = 300

    def __init__(self, connection, original):
        self.connection = connection
        self.original = original
        self.fingerprint: str | None = None
        self._tables: list[str] | None = None
        self._referencing: dict[str, set[str]] | None = None
        self.emptied = 0  # flushes done here rather than by Django (for the tests)

    def teardown(self, test_case) -> None:
        if not _plain_flush(test_case, self.connection):
            self.original(test_case)
            return
        if self.fingerprint is not None:
            holding, fingerprint = self._state()
            if fingerprint == self.fingerprint and self._empty(holding):
                self.emptied += 1
                from django.contrib.contenttypes.models import ContentType

                ContentType.objects.clear_cache()
                return
        self.original(test_case)
        holding, fingerprint = self._state()
        # Only when Django's flush left rows in exactly the kept tables is "keep them" right.
        self.fingerprint = fingerprint if set(holding) == set(self.KEPT) else None

    def tables(self) -> list[str]:
        """The tables Django's flush truncates (its own list, read once per process)."""
        if self._tables is None:
            self._tables = sorted(
                self.connection.introspection.django_table_names(
                    only_existing=True, include_views=False
                )
            )
        return self._tables

    def _state(self) -> tuple[dict[str, int], str]:
        """The tables that hold rows (with their number of rows, counted up to DELETE_LIMIT
        + 1) and the fingerprint of the content types and permissions, in one query."""
        # Table names from Django's introspection, quoted; rows are told apart by position.
        quote, tables = self.connection.ops.quote_name, self.tables()
        counts = " UNION ALL ".join(
            f"SELECT {index}, (SELECT count(*) FROM (SELECT 1 FROM {quote(table)} "  # noqa: S608
            f"LIMIT {self.DELETE_LIMIT + 1}) AS r)"
            for index, table in enumerate(tables)
        )
        fingerprint = (
            "SELECT -1, 0, md5(concat_ws('|', "
            "(SELECT string_agg(app_label || '.' || model, ',' ORDER BY app_label, model) "
            "FROM django_content_type), "
            "(SELECT string_agg(t.app_label || '.' || t.model || '.' || p.codename || '.' "
            "|| p.name, ',' ORDER BY t.app_label, t.model, p.codename) "
            "FROM auth_permission AS p JOIN django_content_type AS t "
            "ON t.id = p.content_type_id), "
            "(SELECT count(*) FROM auth_permission)))"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i, n, NULL FROM ({counts}) AS c(i, n) WHERE n > 0 "  # noqa: S608
                f"UNION ALL {fingerprint}"
            )
            rows = cursor.fetchall()
        holding = {tables[index]: n for index, n, _ in rows if index >= 0}
        return holding, next(text for index, _, text in rows if index < 0)

    def referencing(self) -> dict[str, set[str]]:
        """For each table, the tables whose foreign keys point at it (read once)."""
        if self._referencing is None:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT confrelid::regclass::text, conrelid::regclass::text "
                    "FROM pg_constraint WHERE contype = 'f'"
                )
                self._referencing = {}
                for target, source in cursor.fetchall():
                    self._referencing.setdefault(target.strip('"'), set()).add(source.strip('"'))
        return self._referencing

    def _empty(self, holding: dict[str, int]) -> bool:
        """Empties the tables that hold rows, except the kept ones; False (nothing done)
        when that cannot be done without touching a kept table or one Django does not
        flush."""
        from django.db import transaction

        emptied = sorted(set(holding) - set(self.KEPT))
        if not emptied:
            return True
        quote = self.connection.ops.quote_name
        if max(holding[table] for table in emptied) <= self.DELETE_LIMIT:
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED: checked at commit, when every
            # row pointing at a deleted row is gone too.
            statements = [f"DELETE FROM {quote(table)}" for table in emptied]  # noqa: S608
        else:
            # TRUNCATE must name every table that references a truncated one.
            closure, todo = set(emptied), list(emptied)
            while todo:
                for source in self.referencing().get(todo.pop(), ()):
                    if source not in closure:
                        closure.add(source)
                        todo.append(source)
            if closure & set(self.KEPT) or not closure <= set(self.tables()):
                return False
            statements = ["TRUNCATE " + ", ".join(quote(table) for table in sorted(closure))]
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute("; ".join(statements))
        return True


# --- the demo, built once per worker -------------------------------------------------------


def _build_demo() -> str:
    """`make demo` after `make migrate`: load_demo on the migrated database; its output."""
    from django.core.management import call_command

    from apps.core.services import vocabulary_ensure

    out = io.StringIO()
    vocabulary_ensure()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _build_demo_content() -> str:
    """The demo content without people, fund or broker (apps/opendata/testing.py)."""
    from apps.opendata.testing import load_demo_content

    load_demo_content()
    return ""


BUILDERS = {"demo": _build_demo, "demo_content": _build_demo_content}


@dataclass
class Demo:
    """A built demo: `output` is what the build printed (load_demo prints the demo people's
    password and TOTP secret once); `restore()` puts it back into the test database."""

    label: str
    snapshots: Snapshots
    output: str = ""
    home_pk: int | None = field(default=None)

    def restore(self) -> None:
        self.snapshots.restore(self.label)

    @property
    def home(self):
        from wagtail.models import Page

        return Page.objects.get(pk=self.home_pk).specific


class _Demos:
    def __init__(self, snapshots: Snapshots, blocker):
        self.snapshots = snapshots
        self.blocker = blocker
        self.built: dict[str, Demo] = {}

    def put(self, label: str) -> Demo:
        """Puts the demo `label` into the test database: built on the first call in this
        process (on the migrated database, then kept as a snapshot), restored after that."""
        with self.blocker.unblock():
            if label in self.built:
                self.built[label].restore()
                return self.built[label]
            from apps.home.testing import ensure_home_page

            self.snapshots.restore("migrated")
            output = BUILDERS[label]()
            home_pk = ensure_home_page().pk
            self.snapshots.save(label)
        demo = Demo(label=label, snapshots=self.snapshots, output=output, home_pk=home_pk)
        self.built[label] = demo
        return demo


@pytest.fixture(scope="session")
def _demos(request, django_db_setup, django_db_blocker) -> _Demos:
    return _Demos(request.config.stash[SNAPSHOTS], django_db_blocker)


@pytest.fixture
def demo_site(_demos, transactional_db) -> Demo:
    """The whole demo as `make demo` builds it, for a transactional test (a browser test with
    the live server); the flush after the test clears it, as for any transactional test."""
    return _demos.put("demo")


@contextlib.contextmanager
def _for_module(demos: _Demos, label: str):
    """The demo in the database for a whole module of ordinary tests (each test still in its
    own transaction); afterwards the database is given back as it was before the module."""
    with demos.blocker.unblock():
        demos.snapshots.save("before_module")
    built = demos.put(label)
    try:
        yield built
    finally:
        with demos.blocker.unblock():
            demos.snapshots.restore("before_module")


@pytest.fixture(scope="module")
def demo_module(_demos):
    """The whole demo for every test of the module (use with `db`)."""
    with _for_module(_demos, "demo") as built:
        yield built


@pytest.fixture(scope="module")
def demo_content_module(_demos):
    """The demo content of apps/opendata/testing.py for every test of the module."""
    with _for_module(_demos, "demo_content") as built:
        yield built
