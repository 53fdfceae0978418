"""The one list-endpoint helper (apps/api/listing.py): a view that only selects rows gets
the API's paging, the `updated_since` filter and the 422 for an unknown vocabulary or place
code, the same as every list of the public API."""

import datetime
from types import SimpleNamespace

import pytest
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.testing import TestClient

from apps.api.listing import PlaceFilters, VocabularyFilters, list_endpoint
from apps.core.models import Municipality, Sector

router = Router()
T0 = datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)
ROWS = [SimpleNamespace(id=i, changed=T0 + datetime.timedelta(days=i)) for i in range(5)]


class RowOut(Schema):
    id: int


class RowFilters(PlaceFilters, VocabularyFilters):
    odd: bool = Field(False, description="Only odd ids.")


@list_endpoint(router, "/rows", response=RowOut, updated_field="changed", summary="Rows")
def rows(request: HttpRequest, filters: Query[RowFilters]):
    return [row for row in ROWS if row.id % 2 or not filters.odd]


@list_endpoint(router, "/plain", response=RowOut, summary="Plain rows")
def plain(request: HttpRequest):
    """Rows without a change time."""
    return ROWS


client = TestClient(router)


def test_pages_with_limit_and_offset_and_counts_every_row():
    assert client.get("/rows").json() == {"items": [{"id": i} for i in range(5)], "count": 5}
    page = client.get("/rows?limit=2&offset=3&odd=true").json()
    assert page == {"items": [], "count": 2}
    assert client.get("/rows?limit=1&odd=true").json() == {"items": [{"id": 1}], "count": 2}
    assert client.get("/rows?limit=101").status_code == 422


def test_updated_since_keeps_the_rows_changed_at_or_after_it():
    since = (T0 + datetime.timedelta(days=3)).isoformat()
    data = client.get("/rows", query_params={"updated_since": since}).json()
    assert data == {"items": [{"id": 3}, {"id": 4}], "count": 2}


def test_without_a_change_field_there_is_no_updated_since():
    operation = router.path_operations["/plain"].operations[0]
    assert [param.name for param in operation.signature.params] == ["ninja_pagination"]
    assert [
        param.name for param in router.path_operations["/rows"].operations[0].signature.params
    ] == [
        "filters",
        "updated_since",
        "ninja_pagination",
    ]
    assert client.get("/plain?updated_since=2026-01-04T00:00:00Z").json()["count"] == 5
    assert operation.view_func.__doc__ == "Rows without a change time."


@pytest.mark.django_db
def test_an_unknown_code_is_a_422_that_names_it_and_known_codes_pass():
    sector = Sector.objects.order_by("pk").first()
    municipality = Municipality.objects.order_by("pk").first()
    ok = client.get(f"/rows?sector={sector.code}&municipality={municipality.code}")
    assert ok.status_code == 200
    for query, message in [
        ("sector=nei", "Unknown sector code «nei»."),
        ("target_group=nei", "Unknown target group code «nei»."),
        ("county=00", "Unknown county number «00»."),
        ("municipality=0000", "Unknown municipality number «0000»."),
    ]:
        response = client.get(f"/rows?{query}")
        assert response.status_code == 422
        assert response.json() == {"detail": message}
