"""The one allowed-transitions table of application statuses, used by apps.fund and apps.grants.

Only the table is checked here; who may make a move is checked by the calling service.
"""

from .models import ApplicationStatus as S

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.ELIGIBLE, S.INELIGIBLE, S.WITHDRAWN}),
    S.ELIGIBLE: frozenset({S.IN_REVIEW, S.GRANTED, S.REJECTED}),
    S.IN_REVIEW: frozenset({S.GRANTED, S.REJECTED}),
    S.GRANTED: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.COMPLETED}),
    S.INELIGIBLE: frozenset(),
    S.REJECTED: frozenset(),
    S.COMPLETED: frozenset(),
    S.WITHDRAWN: frozenset(),
}


class TransitionNotAllowed(Exception):
    """The status table does not allow this move."""

    def __init__(self, from_status: str, to_status: str):
        self.from_status = from_status
        self.to_status = to_status
        super().__init__(f"{from_status} -> {to_status} is not an allowed transition")


def is_allowed(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(from_status, frozenset())


def allowed_targets(from_status: str) -> frozenset[str]:
    return ALLOWED_TRANSITIONS.get(from_status, frozenset())
