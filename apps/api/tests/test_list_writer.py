"""The lists of the API are written by apps.api.listing.row_writer instead of django-ninja's
response validation (issue 13: validation was most of a 100-row page). These tests hold the
two to the same bytes for every list of the API, and show that a schema the writer cannot
stand in for is refused when the endpoint is declared."""

import pytest
from django.test import Client
from ninja import Field, Router, Schema
from pydantic import field_validator

from apps.api import listing
from apps.api.listing import list_endpoint, row_writer
from apps.core.models import Municipality, Sector, TargetGroup

# Lists that must have rows in the demo content, so the comparison compares something.
WITH_ROWS = (
    "/api/v1/needs",
    "/api/v1/offers",
    "/api/v1/entrepreneurs",
    "/api/v1/recipes",
    "/api/v1/cases",
)


def _lists(client: Client) -> list[str]:
    schema = client.get("/api/v1/openapi.json").json()
    return [
        path
        for path, operations in schema["paths"].items()
        if "{" not in path
        and "offset" in {p["name"] for p in operations.get("get", {}).get("parameters", [])}
    ]


@pytest.fixture
def api_client(demo_content_module, db, settings):
    """The demo content, and needs, offers and profiles with every relation the lists print
    (the demo content has no broker rows)."""
    from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory

    settings.API_RATE_LIMIT = (1_000_000, 600)
    sectors = list(Sector.objects.order_by("position")[:3])
    groups = list(TargetGroup.objects.order_by("position")[:2])
    places = list(Municipality.objects.filter(code__in=["3201", "0301", "4601"]))
    for n in range(4):
        NeedFactory(sectors=sectors[: 1 + n % 3], target_groups=groups[: n % 3], budget_max=n)
        profile = ProfileFactory(area_national=n == 0)
        profile.areas.set(places[: n % 4])
        offer = OfferFactory(profile=profile, sectors=sectors[: n % 3])
        offer.areas.set(places[: 3 - n % 4])
        offer.target_groups.set(groups[:1])
    return Client()


def test_every_list_answers_the_bytes_ninja_would(api_client, monkeypatch):
    paths = _lists(api_client)
    assert set(WITH_ROWS) <= set(paths)
    for path in paths:
        for query in ("", "?limit=3&offset=1"):
            written = api_client.get(path + query)
            monkeypatch.setattr(listing, "VALIDATE_WITH_NINJA", True)
            validated = api_client.get(path + query)
            monkeypatch.setattr(listing, "VALIDATE_WITH_NINJA", False)
            assert written.status_code == 200, path
            assert validated.status_code == 200, path
            assert written["Content-Type"] == validated["Content-Type"], path
            assert written.content == validated.content, path + query
            if path in WITH_ROWS and not query:
                assert written.json()["items"], f"{path}: no rows in the demo content"


def test_nested_rows_and_lists_of_rows_are_written_in_schema_order():
    class Inner(Schema):
        b: int
        a: str

    class Outer(Schema):
        name: str
        one: Inner | None
        many: list[Inner]
        codes: list[str]
        doubled: int

        @staticmethod
        def resolve_doubled(obj) -> int:
            return obj["n"] * 2

    row = {
        "name": "x",
        "one": {"a": "s", "b": 1, "extra": "left out"},
        "many": [{"a": "t", "b": 2}],
        "codes": ["k"],
        "n": 4,
    }
    written = row_writer(Outer)(row, {})
    assert written == Outer.model_validate(row).model_dump()
    assert list(written) == ["name", "one", "many", "codes", "doubled"]
    assert list(written["one"]) == ["b", "a"]
    assert row_writer(Outer)({**row, "one": None}, {})["one"] is None


def test_a_schema_with_an_alias_or_a_validator_is_refused_when_declared():
    router = Router()

    class Aliased(Schema):
        year: int = Field(alias="from")

    class Checked(Schema):
        year: int

        @field_validator("year")
        @classmethod
        def positive(cls, value: int) -> int:
            return abs(value)

    for schema in (Aliased, Checked):
        with pytest.raises(TypeError, match=schema.__name__):

            @list_endpoint(router, f"/{schema.__name__}", response=schema)
            def rows(request):
                return []
