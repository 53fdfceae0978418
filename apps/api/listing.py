"""The one way to declare a list endpoint of the public API.

`list_endpoint` is a GET route answered as {"items": [...], "count": N} with `limit` and
`offset` (apps.api.common.Pagination); the vocabulary and place codes of the view's filter
schema (a `Query[...]` parameter) are checked before the view runs (an unknown code is a 422
that names it, never an empty list that looks like an answer), and, when asked, the
`updated_since` filter is applied to what the view returns. The view itself only selects
rows, so every list pages, filters and fails alike. The shared filter fields are the small
schemas below, combined by inheritance."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.utils import contribute_operation_args

from apps.core.models import County, Municipality, Sector, TargetGroup

from .common import UPDATED_SINCE, Pagination, filter_updated_since


class SectorFilter(Schema):
    sector: str | None = Field(None, description="A sector code, e.g. «arbeid_inkludering».")


class VocabularyFilters(SectorFilter):
    target_group: str | None = Field(None, description="A target group code, e.g. «ungdom».")


class PlaceFilters(Schema):
    county: str | None = Field(None, description="A two-digit county number, e.g. «32».")
    municipality: str | None = Field(
        None, description="A four-digit municipality number, e.g. «3201»."
    )


# (filter field, model with a `code`, what the 422 calls the code)
_CODES = (
    ("sector", Sector, "sector code"),
    ("target_group", TargetGroup, "target group code"),
    ("county", County, "county number"),
    ("municipality", Municipality, "municipality number"),
)


def check_codes(filters: Schema) -> None:
    """422 for the first vocabulary or place code in the filters that does not exist."""
    for name, model, what in _CODES:
        code = getattr(filters, name, None)
        if code and not model.objects.filter(code=code).exists():
            raise HttpError(422, f"Unknown {what} «{code}».")


def list_endpoint(
    router: Router,
    path: str,
    *,
    response: Any,
    updated_field: str | None = None,
    **route: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declares `view` as the GET list at `path` of `router`, answered as a page of
    `response` items. Every filter schema the view takes is checked by `check_codes` first.
    With `updated_field`, the query also takes `updated_since` and keeps the rows whose
    `updated_field` is at or after it. Other keyword arguments (summary, description …) go
    to the route."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def listing(request: HttpRequest, **params: Any) -> Any:
            since = params.pop("updated_since", None)
            for value in params.values():
                if isinstance(value, Schema):
                    check_codes(value)
            rows = view(request, **params)
            if updated_field is None:
                return rows
            return filter_updated_since(rows, field=updated_field, since=since)

        # Ninja reads the view's own parameters (through functools.wraps), then this one,
        # then paging's: the order the query parameters had when each view declared them.
        listing._ninja_contribute_args = []  # type: ignore[attr-defined]
        if updated_field is not None:
            contribute_operation_args(
                listing, "updated_since", datetime.datetime | None, UPDATED_SINCE
            )
        return router.get(path, response=list[response], **route)(paginate(Pagination)(listing))

    return decorate
