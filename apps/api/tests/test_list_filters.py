"""The needs and offers lists filter by sector and target group without repeating a row and
without DISTINCT over every column (which sorted every public need for each page)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.broker.models import Need
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


def test_the_needs_page_and_the_api_give_the_same_needs_for_the_same_filters(client, vocabulary):
    """One filter (apps.broker.selectors.needs_filtered) behind both: the same needs, in
    the same order, and a municipality outside the chosen county gives nothing on both."""
    from apps.core.models import Municipality

    sectors, groups = vocabulary
    kommune = municipality_org("3201")
    other = municipality_org("4601")
    wanted = [
        NeedFactory(organisation=kommune, sectors=sectors, target_groups=groups[:1]),
        NeedFactory(organisation=kommune, sectors=sectors[:1], target_groups=groups),
    ]
    NeedFactory(organisation=kommune, sectors=sectors[1:], target_groups=groups)
    NeedFactory(organisation=other, sectors=sectors, target_groups=groups)
    county = Municipality.objects.get(code="3201").county.code
    query = f"sector={sectors[0].code}&county={county}&municipality=3201"
    api, _main = _list(client, f"/api/v1/needs?{query}")
    page = client.get(f"/behov/?{query}").content.decode()
    api_ids = [item["id"] for item in api["items"]]
    assert sorted(api_ids) == sorted(n.pk for n in wanted)
    positions = [page.index(f"/behov/{pk}/") for pk in api_ids]
    assert positions == sorted(positions)  # same order: newest first
    for pk in (n.pk for n in wanted):
        assert f"/behov/{pk}/" in page

    elsewhere = f"county={county}&municipality=4601"
    assert _list(client, f"/api/v1/needs?{elsewhere}")[0]["count"] == 0
    page = client.get(f"/behov/?{elsewhere}").content.decode()
    assert f"/behov/{wanted[0].pk}/" not in page
    assert "/behov/" + str(Need.objects.get(organisation=other).pk) + "/" not in page
