"""The shared mechanisms of apps.core.locking and apps.core.transitions, and that the three
workflows use them (one error class to catch, one table type to read)."""

import pytest

from apps.core.locking import StaleVersion
from apps.core.transitions import TransitionNotAllowed, Transitions


def test_a_table_answers_moves_and_refuses_unknown_ones():
    table = Transitions({"a": {"b"}, "b": set()})
    assert table.allows("a", "b") is True
    assert table.allows("b", "a") is False
    assert table.allows("nonsense", "a") is False
    assert table.targets("nonsense") == frozenset()
    assert dict(table) == {"a": frozenset({"b"}), "b": frozenset()}
    with pytest.raises(TransitionNotAllowed) as refused:
        table.check("b", "a", message="Not from b.")
    assert (refused.value.from_status, refused.value.to_status) == ("b", "a")
    assert str(refused.value) == "Not from b."


def test_the_three_workflows_keep_their_tables_in_core_form():
    from apps.collaborations.stages import ALLOWED
    from apps.events.services import INPUT_TRANSITIONS
    from apps.fund.transitions import ALLOWED_TRANSITIONS

    for table in (ALLOWED, INPUT_TRANSITIONS, ALLOWED_TRANSITIONS):
        assert isinstance(table, Transitions)


def test_every_stale_edit_is_the_one_core_error_and_keeps_its_app_family():
    from apps.broker.services import StaleEdit
    from apps.collaborations.services import CollaborationError
    from apps.collaborations.services import StaleVersion as CollaborationStale
    from apps.fund.services import FundError
    from apps.fund.services import StaleVersion as FundStale

    for error in (StaleEdit, CollaborationStale, FundStale):
        assert issubclass(error, StaleVersion)
    assert issubclass(CollaborationStale, CollaborationError)
    assert issubclass(FundStale, FundError)
    stale = FundStale("Saved by someone else.", current="row")
    assert (stale.message, stale.current, str(stale)) == (
        "Saved by someone else.",
        "row",
        stale.message,
    )


@pytest.mark.django_db
def test_lock_at_version_refuses_an_old_version_and_names_the_current_row():
    from apps.collaborations.tests.factories import CollaborationFactory
    from apps.core.locking import lock_at_version

    collaboration = CollaborationFactory()
    rows = type(collaboration).objects.all()
    assert (
        lock_at_version(rows, pk=collaboration.pk, version=collaboration.version).pk
        == collaboration.pk
    )
    assert lock_at_version(rows, pk=collaboration.pk, version=None).pk == collaboration.pk
    with pytest.raises(StaleVersion) as stale:
        lock_at_version(
            rows, pk=collaboration.pk, version=collaboration.version - 1, message="Old."
        )
    assert stale.value.current.pk == collaboration.pk
    assert stale.value.message == "Old."
