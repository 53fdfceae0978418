"""The flush after a transactional test on SQLite restores a snapshot of the first real flush
(tests/databases.py, FlushBySnapshot): the database it leaves must be the one Django's flush
leaves, and cached content type ids must match the restored rows."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_the_snapshot_flush_leaves_what_a_flush_leaves(request):
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from django.test import TransactionTestCase
    from wagtail.models import Page

    from tests.databases import FLUSHED, SNAPSHOTS

    if connection.vendor != "sqlite":
        pytest.skip("the snapshot flush is for SQLite only (decision 0024)")

    class Case(TransactionTestCase):
        def runTest(self):
            pass

    def state():
        return (
            sorted(ContentType.objects.values_list("app_label", "model")),
            sorted(Permission.objects.values_list("content_type__model", "codename")),
            Group.objects.count(),
            Page.objects.count(),
        )

    Group.objects.create(name="Left behind")
    call_command("flush", verbosity=0, interactive=False)
    expected = state()
    assert expected[0] and expected[1] and expected[2:] == (0, 0)

    for name in ("Left behind once", "Left behind twice"):
        Group.objects.create(name=name)
        ContentType.objects.get_for_model(Group)  # cached before the flush
        Case()._fixture_teardown()
        assert state() == expected
        cached = ContentType.objects.get_for_model(Group).pk
        assert cached == ContentType.objects.get(app_label="auth", model="group").pk
    assert request.config.stash[SNAPSHOTS].has(FLUSHED)
