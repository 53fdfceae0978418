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
was most of its cost.

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


def pytest_unconfigure(config):
    """The controller removes the shared database after every worker has finished."""
    if not _xdist_controller(config):
        return
    uid = config.option.testrunuid
    shutil.rmtree(_shared_dir(uid), ignore_errors=True)
    with contextlib.suppress(Exception):
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute(
                    f"DROP DATABASE IF EXISTS {_quote(_template_name(connection, uid))} "
                    "WITH (FORCE)"
                )


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
        return _is_memory_sqlite(self.connection) or self.connection.vendor == "postgresql"

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
    restore_flush = FlushBySnapshot.install(snapshots)

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

    @classmethod
    def install(cls, snapshots: Snapshots):
        """Puts the snapshot flush in place of TransactionTestCase's; returns the undo."""
        from django.test import TransactionTestCase

        if not isinstance(snapshots, SqliteSnapshots):
            return lambda: None
        original = TransactionTestCase._fixture_teardown
        flush = cls(snapshots, original)

        def _fixture_teardown(test_case):
            flush.teardown(test_case)

        TransactionTestCase._fixture_teardown = _fixture_teardown

        def undo():
            TransactionTestCase._fixture_teardown = original

        return undo

    def applies(self, test_case) -> bool:
        connection = self.snapshots.connection
        return (
            test_case.available_apps is None
            and not test_case.serialized_rollback
            and list(test_case._databases_names(include_mirrors=False)) == [connection.alias]
            and not connection.in_atomic_block
        )

    def teardown(self, test_case) -> None:
        if not self.applies(test_case):
            self.original(test_case)
        elif self.snapshots.has(FLUSHED):
            self.snapshots.restore(FLUSHED)
        else:
            self.original(test_case)
            self.snapshots.save(FLUSHED)


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
