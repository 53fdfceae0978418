import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from apps.core.models import AuditEvent
from apps.rules import selectors
from apps.rules.models import Threshold
from apps.rules.services import threshold_close_and_replace

from .factories import ThresholdFactory

pytestmark = pytest.mark.django_db

D = datetime.date
NATIONAL = Threshold.Key.NATIONAL


def _replace(actor, **kwargs) -> Threshold:
    fields = {
        "key": NATIONAL,
        "amount": 1_500_000,
        "valid_from": D(2026, 7, 1),
        "citation": "FOA § 5-1",
        "source_url": "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974",
        "verified": False,
        "actor": actor,
    }
    fields.update(kwargs)
    return threshold_close_and_replace(**fields)


def test_close_and_replace_ends_the_open_row_the_day_before(editor):
    current = ThresholdFactory(key=NATIONAL, amount=1_300_000, valid_from=D(2018, 4, 6))
    new = _replace(editor)
    current.refresh_from_db()
    assert current.valid_to == D(2026, 6, 30)
    assert (new.amount, new.valid_from, new.valid_to, new.pending) == (
        1_500_000,
        D(2026, 7, 1),
        None,
        False,
    )
    assert selectors.threshold_in_force(key=NATIONAL, on=D(2026, 6, 30)) == current
    assert selectors.threshold_in_force(key=NATIONAL, on=D(2026, 7, 1)) == new


def test_close_and_replace_leaves_audit_and_history(editor):
    current = ThresholdFactory(key=NATIONAL, valid_from=D(2018, 4, 6))
    new = _replace(editor)
    event = AuditEvent.objects.get(action="rules.threshold_close_and_replace")
    assert event.actor == editor
    assert event.object_id == str(new.pk)
    assert event.data["closed_row"] == current.pk
    assert event.data["closed_valid_to"] == "2026-06-30"
    assert new.revisions.count() == 1
    assert current.revisions.count() == 1
    assert ModelLogEntry.objects.filter(object_id=str(new.pk), action="wagtail.create").exists()


def test_close_and_replace_without_an_open_row_just_adds_one(editor):
    ThresholdFactory(key=NATIONAL, valid_from=D(2017, 1, 1), valid_to=D(2018, 4, 5))
    new = _replace(editor, valid_from=D(2018, 4, 6))
    assert Threshold.objects.filter(key=NATIONAL).count() == 2
    assert new.valid_to is None


def test_new_value_must_start_after_the_current_one(editor):
    current = ThresholdFactory(key=NATIONAL, valid_from=D(2018, 4, 6))
    with pytest.raises(ValidationError) as error:
        _replace(editor, valid_from=D(2018, 4, 6))
    assert "valid_from" in error.value.message_dict
    current.refresh_from_db()
    assert current.valid_to is None
    assert Threshold.objects.count() == 1
    assert not AuditEvent.objects.exists()


def test_a_failed_replacement_changes_nothing(editor):
    current = ThresholdFactory(key=NATIONAL, valid_from=D(2018, 4, 6))
    with pytest.raises(ValidationError):
        _replace(editor, source_url="not a url")
    current.refresh_from_db()
    assert current.valid_to is None
    assert Threshold.objects.count() == 1
    assert not AuditEvent.objects.exists()


def test_a_pending_row_of_the_same_key_is_left_alone(editor):
    ThresholdFactory(key=NATIONAL, valid_from=D(2018, 4, 6))
    proposed = ThresholdFactory(key=NATIONAL, amount=2_000_000, proposed=True)
    _replace(editor)
    proposed.refresh_from_db()
    assert proposed.pending and proposed.valid_from is None and proposed.valid_to is None
