import pytest
from django.db import transaction

from apps.opendata.testing import load_demo_content


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a whole test module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = load_demo_content()
        yield home
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_module, db):
    return demo_module
