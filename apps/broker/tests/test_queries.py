"""List pages cost the same number of queries for 10 rows as for 40."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import NeedFactory, OfferFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def make_rows(count, *, baerum, sectors, groups):
    for n in range(count):
        NeedFactory(organisation=baerum, sectors=sectors[: 1 + n % 3], target_groups=groups)
        profile = ProfileFactory()
        profile.areas.set([baerum.municipality])
        OfferFactory(profile=profile, sectors=sectors[:2])


def queries_for(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        "/behov/",
        "/behov/?cross_sector=on",
        "/entreprenorer/",
        "/api/v1/needs",
        "/api/v1/offers",
        "/api/v1/entrepreneurs",
    ],
)
@pytest.mark.parametrize("actor", ["anonymous", "own_broker"])
def test_list_queries_are_flat(client, people, baerum, sectors, groups, path, actor):
    if people[actor]:
        client.force_login(people[actor])
    make_rows(10, baerum=baerum, sectors=sectors, groups=groups)
    few = queries_for(client, path)
    make_rows(30, baerum=baerum, sectors=sectors, groups=groups)
    many = queries_for(client, path)
    assert few == many


def test_review_queue_queries_are_flat(client, people, baerum):
    from apps.accounts.tests.helpers import login_with_otp

    login_with_otp(client, people["own_broker"])  # reviewing asks for the second factor

    def pending_in_baerum():
        offer = OfferFactory(profile=ProfileFactory(review_status="pending"))
        offer.areas.set([baerum.municipality])

    for _n in range(10):
        pending_in_baerum()
    few = queries_for(client, "/entreprenorer/vurdering/")
    for _n in range(30):
        pending_in_baerum()
    assert queries_for(client, "/entreprenorer/vurdering/") == few
    assert len(client.get("/entreprenorer/vurdering/").context["profiles"]) == 40
