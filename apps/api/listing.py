"""The one way to declare a list endpoint of the public API.

`list_endpoint` is a GET route answered as {"items": [...], "count": N} with `limit` and
`offset` (apps.api.common.Pagination); the vocabulary and place codes of the view's filter
schema (a `Query[...]` parameter) are checked before the view runs (an unknown code is a 422
that names it, never an empty list that looks like an answer), and, when asked, the
`updated_since` filter is applied to what the view returns. The view itself only selects
rows, so every list pages, filters and fails alike. The shared filter fields are the small
schemas below, combined by inheritance.

A page of a list is written by `row_writer`, not by django-ninja's response validation: the
same fields, resolvers and order as the schema, without pydantic's per-field wrapper around
every row (issue 13: 100 needs took about 35 ms to validate, most of the request).
apps/api/tests/test_listing.py holds every list of the API to byte-for-byte the answer
ninja's validation gives."""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

from django.db.models import Manager, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.renderers import JSONRenderer
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
        paged = paginate(Pagination)(listing)
        write = row_writer(response)

        # Ninja reads the parameters, the paging and the paged response schema (OpenAPI)
        # from what functools.wraps copies; the page itself is written by `write`.
        @functools.wraps(paged)
        def answer(request: HttpRequest, **params: Any) -> Any:
            page = paged(request, **params)
            if VALIDATE_WITH_NINJA:
                return page
            context = {"request": request, "response_status": 200}
            body = {"items": [write(row, context) for row in page["items"]], "count": page["count"]}
            # The API's renderer (apps/api/api.py keeps ninja's JSON renderer).
            renderer = getattr(getattr(router, "api", None), "renderer", None) or _RENDERER
            return HttpResponse(
                renderer.render(request, body, response_status=200),
                content_type=f"{renderer.media_type}; charset={renderer.charset}",
            )

        return router.get(path, response=list[response], **route)(answer)

    return decorate


_RENDERER = JSONRenderer()

# The tests switch the lists back to django-ninja's own validation, to compare the answers.
VALIDATE_WITH_NINJA = False


class _Getter:
    """What a ninja resolver reads from its argument: the row and the context."""

    __slots__ = ("_context", "_obj")

    def __init__(self, obj: Any, context: dict) -> None:
        self._obj = obj
        self._context = context


def _nested_schema(annotation: Any) -> tuple[str, type[Schema]] | None:
    """("one", S) for a field typed S or S | None, ("list", S) for list[S]; None for a
    plain value (str, int, date, an enum, a list of str …)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _nested_schema(inner[0]) if len(inner) == 1 else None
    if origin is list:
        (item,) = typing.get_args(annotation)
        found = _nested_schema(item)
        return ("list", found[1]) if found and found[0] == "one" else None
    if isinstance(annotation, type) and issubclass(annotation, Schema):
        return ("one", annotation)
    return None


def _plain(value: Any) -> Any:
    """A value read from a row as ninja's DjangoGetter reads it."""
    if isinstance(value, Manager):
        return list(value.all())
    if isinstance(value, QuerySet):
        return list(value)
    if callable(value):
        return value()
    if isinstance(value, FieldFile):
        return value.url if value else None
    return value


@functools.cache
def row_writer(schema: type[Schema]) -> Callable[[Any, dict], dict]:
    """A function writing one row (a model instance or a dict) as `schema` dumps it: each
    field in the schema's order, from its `resolve_<field>` when there is one, else from the
    attribute (or key) of that name; nested schemas the same way. A schema that renames
    fields (aliases) or adds validators or serialisers is refused here, so a list that
    would need them cannot silently drift from its documented shape."""
    decorators = schema.__pydantic_decorators__
    if any(
        (
            decorators.field_validators,
            decorators.field_serializers,
            decorators.model_serializers,
            decorators.computed_fields,
            # Ninja's own wrapper (the DjangoGetter) is what row_writer stands in for.
            set(decorators.model_validators) - {"_run_root_validator"},
        )
    ):
        raise TypeError(f"{schema.__name__}: validators or serialisers; not a plain list row")
    steps = []
    for name, field in schema.model_fields.items():
        if field.alias or field.serialization_alias:
            raise TypeError(f"{schema.__name__}.{name}: an alias; not a plain list row")
        nested = _nested_schema(field.annotation)
        steps.append(
            (
                name,
                schema._ninja_resolvers.get(name),
                nested and (nested[0], row_writer(nested[1])),
            )
        )

    def write(row: Any, context: dict) -> dict:
        out = {}
        for name, resolver, nested in steps:
            if resolver is not None:
                value = resolver(_Getter(row, context))
            elif isinstance(row, dict):
                value = row[name]
            else:
                value = _plain(getattr(row, name))
            if nested and value is not None:
                kind, inner = nested
                value = (
                    [inner(v, context) for v in value] if kind == "list" else inner(value, context)
                )
            out[name] = value
        return out

    return write
