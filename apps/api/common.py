"""Shared pieces of the public API: one pagination class and the `updated_since` filter.

Every list endpoint answers {"items": [...], "count": N}; `limit` is 1–100 (default 100)
and `offset` counts from 0 up to MAX_OFFSET. `updated_since` keeps only rows changed at or
after a moment."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from ninja import Field, Query, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 100
# Far beyond any list we publish, and far inside what a database's 64-bit OFFSET takes: a
# larger value would reach the database as an integer it cannot hold and fail the request.
MAX_OFFSET = 1_000_000

UPDATED_SINCE_DESCRIPTION = (
    "An ISO 8601 date-time, e.g. 2025-01-31T12:00:00+01:00. Only rows changed at or after "
    "that moment are returned. A time without an offset is read as Europe/Oslo time."
)


class Pagination(LimitOffsetPagination):
    """Limit/offset pagination with a hard upper limit of 100 rows per request."""

    class Input(Schema):
        limit: int = Field(
            MAX_LIMIT,
            ge=1,
            le=MAX_LIMIT,
            description=f"How many rows to return (1–{MAX_LIMIT}).",
            examples=[20],
        )
        offset: int = Field(
            0,
            ge=0,
            le=MAX_OFFSET,
            description=f"How many rows to skip (0–{MAX_OFFSET}).",
            examples=[0],
        )

    def __init__(self, max_limit: int = MAX_LIMIT, **kwargs: Any) -> None:
        super().__init__(max_limit=min(max_limit, MAX_LIMIT), **kwargs)


# The `updated_since` query parameter, as a default in a view's signature.
UPDATED_SINCE: Any = Query(
    None, description=UPDATED_SINCE_DESCRIPTION, examples=["2025-01-01T00:00:00Z"]
)


def as_aware(moment: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def within_range(moment: datetime.datetime) -> datetime.datetime:
    """The moment in UTC, kept inside what databases store (years 1 to 9999)."""
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        limit = datetime.datetime.max if moment.year > 1 else datetime.datetime.min
        return limit.replace(tzinfo=datetime.UTC)


def filter_updated_since(
    rows: QuerySet | Iterable[Any], *, field: str, since: datetime.datetime | None
) -> QuerySet | list[Any]:
    """Rows whose `field` is at or after `since`; a queryset stays a queryset. Rows whose
    field is empty are left out once a moment is given."""
    if since is None:
        return rows
    since = within_range(as_aware(since))
    if isinstance(rows, QuerySet):
        return rows.filter(**{f"{field}__gte": since})
    return [row for row in rows if (getattr(row, field, None) or _EPOCH) >= since]


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
