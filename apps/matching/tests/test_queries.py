"""Matching pages and API lists cost the same number of queries at two data sizes
(issue 13): the ranking is read in bulk, never per match."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.tests.helpers import force_login_verified
from apps.matching.rankings import rankings_changed

pytestmark = pytest.mark.django_db


def _grow(make_offer, make_need, start: int, count: int) -> None:
    for index in range(start, start + count):
        make_offer(
            f"Mentorer mot frafall {index}",
            "Elever som slutter på skolen får en mentor.",
            sector_codes=["oppvekst_utdanning"],
            group_codes=["ungdom"],
            national=True,
        )
        make_need(
            f"Frafall i videregående {index}",
            "Elever dropper ut av skolen.",
            sector_codes=["oppvekst_utdanning"],
            group_codes=["ungdom"],
        )


def _get(client, url: str, *, first_view: bool = False):
    client.get(url)  # warm per-process caches (site root, vocabularies), as in production
    if first_view:
        rankings_changed()  # no stored ranking is fresh: the page ranks, as on a first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response


def _urls(dropout_need, offers) -> dict[str, str]:
    mentor = offers["mentor"].pk
    return {
        "need's matches page": f"/behov/{dropout_need.pk}/treff/",
        "offer's matches page": f"/tilbud/{mentor}/treff/",
        "API need matches": f"/api/v1/needs/{dropout_need.pk}/matches?limit=50",
        "API offer matches": f"/api/v1/offers/{mentor}/matches?limit=50",
    }


@pytest.mark.parametrize("first_view", [False, True], ids=["stored ranking", "first view"])
@pytest.mark.parametrize(
    "name",
    ["need's matches page", "offer's matches page", "API need matches", "API offer matches"],
)
def test_match_lists_cost_the_same_queries_at_two_sizes(
    client, dropout_need, offers, make_offer, make_need, people, name, first_view
):
    force_login_verified(client, people["own_broker"])
    url = _urls(dropout_need, offers)[name]
    _grow(make_offer, make_need, 0, 3)
    small, small_response = _get(client, url, first_view=first_view)
    _grow(make_offer, make_need, 3, 12)
    large, large_response = _get(client, url, first_view=first_view)
    if name.startswith("API"):
        assert len(large_response.json()) > len(small_response.json())
    assert large == small
