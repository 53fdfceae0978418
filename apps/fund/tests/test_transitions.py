import pytest

from apps.core.models import AuditEvent
from apps.fund.models import Application, ApplicationStatus, StatusChange
from apps.fund.services import application_transition
from apps.fund.tests.factories import ApplicationFactory, UserFactory
from apps.fund.transitions import ALLOWED_TRANSITIONS, TransitionNotAllowed, is_allowed

S = ApplicationStatus
EXPECTED = {
    (S.DRAFT, S.SUBMITTED),
    (S.DRAFT, S.WITHDRAWN),
    (S.SUBMITTED, S.ELIGIBLE),
    (S.SUBMITTED, S.INELIGIBLE),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.ELIGIBLE, S.IN_REVIEW),
    (S.ELIGIBLE, S.GRANTED),
    (S.ELIGIBLE, S.REJECTED),
    (S.IN_REVIEW, S.GRANTED),
    (S.IN_REVIEW, S.REJECTED),
    (S.GRANTED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.COMPLETED),
}
PAIRS = [(a, b) for a in S.values for b in S.values]


def test_table_is_exactly_the_contract():
    table = {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets}
    assert table == EXPECTED
    assert set(ALLOWED_TRANSITIONS) == set(S.values)


@pytest.mark.django_db
@pytest.mark.parametrize(("from_status", "to_status"), PAIRS)
def test_every_move(from_status, to_status):
    application = ApplicationFactory(status=from_status)
    actor = UserFactory()
    if (from_status, to_status) in EXPECTED:
        assert is_allowed(from_status, to_status)
        result = application_transition(
            application=application, to_status=to_status, actor=actor, note="n"
        )
        assert result.status == to_status
        application.refresh_from_db()
        assert application.status == to_status
        change = StatusChange.objects.get(application=application)
        assert (change.from_status, change.to_status, change.actor, change.note) == (
            from_status,
            to_status,
            actor,
            "n",
        )
        event = AuditEvent.objects.get(action=f"fund.{to_status}")
        assert event.object_id == str(application.pk)
        assert event.actor == actor
        if to_status == S.SUBMITTED:
            assert application.submitted_at is not None
    else:
        assert not is_allowed(from_status, to_status)
        with pytest.raises(TransitionNotAllowed):
            application_transition(application=application, to_status=to_status, actor=actor)
        application.refresh_from_db()
        assert application.status == from_status
        assert not StatusChange.objects.exists()
        assert not AuditEvent.objects.filter(action__startswith="fund.").exists()


@pytest.mark.django_db
def test_stale_object_cannot_skip_the_table():
    """The check reads the locked row, not the caller's copy."""
    application = ApplicationFactory()
    stale = Application.objects.get(pk=application.pk)
    application_transition(application=application, to_status=S.WITHDRAWN, actor=None)
    with pytest.raises(TransitionNotAllowed):
        application_transition(application=stale, to_status=S.SUBMITTED, actor=None)
    assert Application.objects.get(pk=application.pk).status == S.WITHDRAWN
