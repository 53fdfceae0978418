"""Schemathesis against the API's own OpenAPI schema, over the demo content.

Every operation gets generated requests, valid and invalid; no response may be a server
error, and every response must have a documented status, content type and body schema."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from apps.api.api import api

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
_PATHS = api.get_openapi_schema()["paths"]
# Valid requests for every operation; invalid ones where there are query parameters to
# break (a slug in the path is any string, so it has no invalid form).
CASES = [
    (method.upper(), path, mode)
    for path, methods in _PATHS.items()
    for method, operation in methods.items()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode == GenerationMode.POSITIVE
    or any(p["in"] == "query" for p in operation.get("parameters", []))
]


@pytest.fixture
def api_schema(demo_content_module, db, settings):
    """The schema over the demo content (apps/opendata/testing.py), built once per test
    worker and in the database for the whole module (tests/databases.py)."""
    settings.API_RATE_LIMIT = (1_000_000, 600)
    # Like Django's test client: keep the test's connection (and its transaction) open.
    request_started.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)


@pytest.mark.parametrize(
    ("method", "path", "mode"), CASES, ids=[f"{m} {p} {mode.value}" for m, p, mode in CASES]
)
def test_operation_conforms_to_its_schema(api_schema, method, path, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=25 if mode == GenerationMode.POSITIVE else 15,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()
