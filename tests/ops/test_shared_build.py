"""The run's migrated database is built once and copied into every pytest-xdist worker, on
SQLite and PostgreSQL alike (tests/databases.py, SharedBuild; decision 0024), and the copy is
the migrated database: data migrations' rows included."""

import pytest


@pytest.mark.django_db
def test_the_worker_database_is_the_runs_shared_build(request):
    from django.db import connection

    from apps.core.models import Municipality
    from tests.databases import _run_uid, _shared_dir

    uid = _run_uid(request.config)
    if uid is None:
        pytest.skip("one migrated database per run is for pytest-xdist runs (make test: -n 2)")
    marker = _shared_dir(uid) / f"{connection.vendor}.built"
    assert marker.exists(), "this worker migrated a database of its own"
    assert Municipality.objects.count() == 357
