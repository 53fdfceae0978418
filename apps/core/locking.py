"""Optimistic locking: a row carries a `version`, a form sends the version it was loaded at,
and a write made from an older version is refused instead of overwriting what the person has
not seen. The one error and the one helper for every app that edits that way (a need in the
broker, an application in the fund, a collaboration).

The row is also locked (SELECT ... FOR UPDATE) for the rest of the transaction, so two saves
from the same version cannot both pass the check."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import F, Model, QuerySet

M = TypeVar("M", bound=Model)


class StaleVersion(Exception):
    """Someone saved the row after this edit began; nothing was written. `current` is the row
    as it is now (to show beside what the person typed); `message` says so to the person."""

    def __init__(self, message: str = "", *, current: Model | None = None) -> None:
        super().__init__(message or "stale version")
        self.message = message
        self.current = current


def lock_at_version(
    rows: QuerySet[M],
    *,
    pk,
    version: int | None,
    stale: type[StaleVersion] = StaleVersion,
    message: str = "",
) -> M:
    """The row `pk` of `rows`, locked for the rest of the transaction. When `version` is
    given it must be the stored one, else `stale(message, current=row)` is raised; None
    locks without the check (a write that does not start from a form)."""
    current = rows.select_for_update().get(pk=pk)
    if version is not None:
        check_version(current, version, stale=stale, message=message)
    return current


def check_version(
    row: Model, version: int, *, stale: type[StaleVersion] = StaleVersion, message: str = ""
) -> None:
    """Raises `stale(message, current=row)` unless the locked `row` is still at `version`
    (for a write that checks other rules of the locked row first)."""
    if row.version != version:
        raise stale(message, current=row)


def next_version(row: Model) -> None:
    """Counts the write in the row's version, in the database (an F expression), so that a
    concurrent write cannot be lost; refresh the row after saving to read the number."""
    row.version = F("version") + 1
