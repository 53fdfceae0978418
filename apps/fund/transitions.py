"""The one allowed-transitions table of application statuses, used by apps.fund and apps.grants.

Only the table is checked here (apps.core.transitions); who may make a move is checked by
the calling service.
"""

from apps.core.transitions import TransitionNotAllowed, Transitions

from .models import ApplicationStatus as S

__all__ = ["ALLOWED_TRANSITIONS", "TransitionNotAllowed", "allowed_targets", "is_allowed"]

ALLOWED_TRANSITIONS = Transitions(
    {
        S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
        S.SUBMITTED: {S.ELIGIBLE, S.INELIGIBLE, S.WITHDRAWN},
        S.ELIGIBLE: {S.IN_REVIEW, S.GRANTED, S.REJECTED},
        S.IN_REVIEW: {S.GRANTED, S.REJECTED},
        S.GRANTED: {S.IN_PROGRESS},
        S.IN_PROGRESS: {S.COMPLETED},
        S.INELIGIBLE: set(),
        S.REJECTED: set(),
        S.COMPLETED: set(),
        S.WITHDRAWN: set(),
    }
)


def is_allowed(from_status: str, to_status: str) -> bool:
    return ALLOWED_TRANSITIONS.allows(from_status, to_status)


def allowed_targets(from_status: str) -> frozenset[str]:
    return ALLOWED_TRANSITIONS.targets(from_status)
