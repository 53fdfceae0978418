"""The public, versioned JSON API. Routers live in apps/api/routers/ and call selectors.

HTTP behaviour common to every endpoint (CORS, rate limits, ETag) is in middleware.py;
pagination and `updated_since` are in common.py."""

from typing import Any

from ninja import NinjaAPI

from .examples import add_examples
from .routers import (
    blog,
    broker,
    cases,
    cookbook,
    events,
    grants,
    matching,
    rules,
    statistics,
    veiviser,
)

DESCRIPTION = """Open data from Kokeboka: recipes, legal rules and thresholds, examples,
blog posts and dialogue meetings. Only published content. Free to reuse under the Norwegian
Licence for Open Government Data (NLOD 2.0), https://data.norge.no/nlod/en/2.0, with
attribution to Kokeboka.

* **Lists** are paginated as `{"items": [...], "count": N}` with `limit` (1–100, default 100)
  and `offset` (0–1,000,000). `count` is the number of rows matching the filters. A value out
  of range answers `422` with the parameter and the allowed range in `detail`.
* **`updated_since`** (ISO 8601 date-time) on lists returns only rows changed since then, for
  incremental harvesting.
* **Caching**: every 200 response to GET has a strong `ETag`; send it back in `If-None-Match`
  to get `304 Not Modified` without a body.
* **CORS**: GET, HEAD and OPTIONS are open to every origin (`Access-Control-Allow-Origin: *`),
  without credentials.
* **Rate limit**: per client IP address (600 requests per 10 minutes by default). Beyond it the
  API answers `429` with `Retry-After` in seconds. `RateLimit-Remaining` says what is left.
* **Bulk data**: each dataset is also a CSV file; see the DCAT catalogue at `/data/catalog`.
"""


ERROR_SCHEMA = {
    "title": "ErrorOut",
    "type": "object",
    "properties": {
        "detail": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}],
            "description": "What went wrong: a message, or one entry per invalid parameter.",
        }
    },
    "required": ["detail"],
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }


def add_common_responses(schema: dict[str, Any]) -> dict[str, Any]:
    """Documents the answers every operation can give besides its own 200: 304 (ETag),
    404 (unknown slug), 422 (invalid parameters) and 429 (rate limit)."""
    schema.setdefault("components", {}).setdefault("schemas", {})["ErrorOut"] = ERROR_SCHEMA
    for path, methods in schema.get("paths", {}).items():
        for operation in methods.values():
            # django-ninja keys its own responses by int (200, 422 from a `response={422: …}`);
            # the ones added here are strings. Both serialise to the same JSON key, which makes
            # the document invalid ("duplicated mapping key"), so every key becomes a string.
            responses = {str(code): body for code, body in operation.get("responses", {}).items()}
            operation["responses"] = responses
            responses.setdefault(
                "304", {"description": "Not modified: the ETag sent in If-None-Match matches."}
            )
            if "{" in path:
                responses.setdefault("404", _error("Nothing published has this identifier."))
            if operation.get("parameters"):
                responses.setdefault("422", _error("A parameter is missing or not valid."))
            responses.setdefault(
                "429", _error("Too many requests from this client; see Retry-After.")
            )
    return schema


class KokebokaAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        return add_examples(add_common_responses(schema))


api = KokebokaAPI(
    title="Kokeboka API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/recipes", cookbook.router)
api.add_router("/", rules.router)
api.add_router("/posts", blog.router)
api.add_router("/veiviser", veiviser.router)
api.add_router("/cases", cases.router)
api.add_router("/events", events.router)
api.add_router("/", broker.router)
api.add_router("/", matching.router)
api.add_router("/", grants.router)
api.add_router("/statistics", statistics.router)
