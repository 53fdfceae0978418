"""The flush after a transactional test on PostgreSQL empties only the tables that hold rows
and keeps the content types and permissions (tests/databases.py, FlushByEmptying): the
database it leaves must be the one Django's flush leaves, sequences included, and cached
content type ids must match the rows."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_emptying_leaves_what_djangos_flush_leaves(request):
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from django.test import TransactionTestCase

    from apps.accounts.tests.factories import UserFactory
    from tests.databases import FLUSH, FlushByEmptying

    if connection.vendor != "postgresql":
        pytest.skip("the flush by emptying is for PostgreSQL (decision 0024, third step)")
    flush = request.config.stash[FLUSH]
    assert isinstance(flush, FlushByEmptying)

    class Case(TransactionTestCase):
        def runTest(self):
            pass

    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    quote = connection.ops.quote_name

    def state():
        with connection.cursor() as cursor:
            holding = []
            for table in tables:
                cursor.execute(f"SELECT count(*) FROM {quote(table)}")  # noqa: S608
                if cursor.fetchone()[0]:
                    holding.append(table)
        return (
            sorted(ContentType.objects.values_list("app_label", "model")),
            sorted(Permission.objects.values_list("content_type__model", "codename", "name")),
            holding,
        )

    def sequences():
        """Every sequence's last value, but those of the rows post_migrate writes."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE sequencename NOT LIKE 'django_content_type%%' "
                "AND sequencename NOT LIKE 'auth_permission%%'"
            )
            return dict(cursor.fetchall())

    def leave_rows(groups):
        user = UserFactory()
        user.groups.add(*Group.objects.bulk_create(Group(name=f"g{i}") for i in range(groups)))
        user.user_permissions.add(Permission.objects.first())
        ContentType.objects.get_for_model(Group)  # cached before the flush

    Case()._fixture_teardown()  # the first real flush of this process, if not done yet
    leave_rows(groups=2)
    before = sequences()
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
    expected = state()
    assert expected[0] and expected[1]
    assert expected[2] == ["auth_permission", "django_content_type"]
    assert sequences() == before

    # A few rows (DELETE), then more than DELETE_LIMIT in one table (TRUNCATE).
    for groups in (2, FlushByEmptying.DELETE_LIMIT + 5):
        leave_rows(groups)
        before, emptied = sequences(), flush.emptied
        Case()._fixture_teardown()
        assert flush.emptied == emptied + 1, "Django's flush ran instead"
        assert state() == expected
        assert sequences() == before
        cached = ContentType.objects.get_for_model(Group).pk
        assert cached == ContentType.objects.get(app_label="auth", model="group").pk

    # A test that changed the permissions gets Django's flush, which writes them again.
    leave_rows(groups=1)
    Permission.objects.filter(codename="add_group").delete()
    emptied = flush.emptied
    Case()._fixture_teardown()
    assert flush.emptied == emptied
    assert state() == expected
