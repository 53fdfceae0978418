"""A workflow's allowed moves as one table, checked in its services.

Each workflow keeps its own table beside its statuses (apps.fund.transitions for
applications, apps.collaborations.stages for collaborations, apps.events.services for
participants' input); this is the one way such a table is read. Who may make a move is not
the table's business: the calling service checks that.

django-fsm-2 was considered and not used: docs/decisions/0025-shared-mechanisms.md."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class TransitionNotAllowed(Exception):
    """The table does not allow this move."""

    def __init__(self, from_status: str, to_status: str, message: str = "") -> None:
        self.from_status = from_status
        self.to_status = to_status
        self.message = message
        super().__init__(message or f"{from_status} -> {to_status} is not an allowed transition")


class Transitions(Mapping):
    """{from: frozenset of to}: a read-only mapping, so a table is still looked at as a dict
    (in tests and the admin), with the questions every workflow asks of it."""

    def __init__(self, moves: Mapping[str, Iterable[str]]) -> None:
        self._moves = {str(origin): frozenset(targets) for origin, targets in moves.items()}

    def __getitem__(self, from_status: str) -> frozenset[str]:
        return self._moves[from_status]

    def __iter__(self):
        return iter(self._moves)

    def __len__(self) -> int:
        return len(self._moves)

    def targets(self, from_status: str) -> frozenset[str]:
        """Where a row in `from_status` may go; nothing from an unknown status."""
        return self._moves.get(from_status, frozenset())

    def allows(self, from_status: str, to_status: str) -> bool:
        return to_status in self.targets(from_status)

    def check(self, from_status: str, to_status: str, *, message: str = "") -> None:
        """Raises TransitionNotAllowed (with `message` for the person) unless allowed."""
        if not self.allows(from_status, to_status):
            raise TransitionNotAllowed(from_status, to_status, message)
