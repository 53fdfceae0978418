"""The needs and offers lists filter by sector and target group without repeating a row and
without DISTINCT over every column (which sorted every public need for each page)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.broker.tests.factories import NeedFactory, OfferFactory, municipality_org
from apps.core.models import Sector, TargetGroup


@pytest.fixture
def vocabulary(db):
    return list(Sector.objects.order_by("pk")[:2]), list(TargetGroup.objects.order_by("pk")[:2])


def _list(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    main = [q["sql"] for q in queries.captured_queries if "LIMIT" in q["sql"].upper()]
    return response.json(), main


def test_needs_filtered_by_sector_and_group_come_once(client, vocabulary):
    sectors, groups = vocabulary
    kommune = municipality_org("3201")
    both = NeedFactory(organisation=kommune, sectors=sectors, target_groups=groups)
    NeedFactory(organisation=kommune, sectors=sectors[1:], target_groups=groups)
    data, main = _list(
        client, f"/api/v1/needs?sector={sectors[0].code}&target_group={groups[0].code}"
    )
    assert [item["id"] for item in data["items"]] == [both.pk]
    assert data["count"] == 1
    assert main and not any("DISTINCT" in sql.upper() for sql in main)


def test_offers_filtered_by_sector_come_once(client, vocabulary):
    sectors, _groups = vocabulary
    both = OfferFactory(sectors=sectors)
    OfferFactory(sectors=sectors[1:])
    data, main = _list(client, f"/api/v1/offers?sector={sectors[0].code}")
    assert [item["id"] for item in data["items"]] == [both.pk]
    assert data["count"] == 1
    assert main and not any("DISTINCT" in sql.upper() for sql in main)
