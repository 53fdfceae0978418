"""The API shows public needs and public offers only."""

import pytest

from apps.broker.models import NeedStatus, NeedVisibility


def test_need_matches_lists_ranked_public_offers(client, dropout_need, offers, make_offer):
    make_offer("Mentorer mot frafall i skolen", "Frafall", active=False)
    response = client.get(f"/api/v1/needs/{dropout_need.pk}/matches?limit=2")
    assert response.status_code == 200
    items = response.json()
    assert len(items) == 2
    first = items[0]
    assert first["offer"] == {
        "id": offers["mentor"].pk,
        "key": offers["mentor"].key,
        "title": offers["mentor"].title,
    }
    assert first["organisation"]["slug"] == offers["mentor"].profile.organisation.slug
    assert 0 < first["score"] <= 100
    assert {"kind", "label", "detail"} <= set(first["reasons"][0])
    assert items[0]["score"] >= items[1]["score"]
    all_items = client.get(f"/api/v1/needs/{dropout_need.pk}/matches?limit=50").json()
    assert "Mentorer mot frafall i skolen" not in [item["offer"]["title"] for item in all_items]


@pytest.mark.parametrize(
    "changes",
    [
        {"status": NeedStatus.DRAFT},
        {"status": NeedStatus.CLOSED},
        {"visibility": NeedVisibility.MEMBERS},
    ],
)
def test_matches_of_a_need_that_is_not_public_are_404(client, make_need, offers, people, changes):
    need = make_need("Frafall", "Elever dropper ut av videregående.", **changes)
    client.force_login(people["superuser"])
    assert client.get(f"/api/v1/needs/{need.pk}/matches").status_code == 404


def test_offer_matches_list_public_needs_only(client, offers, make_need, people):
    text = "Elever dropper ut av videregående og slutter på skolen."
    public = make_need("Frafall offentlig", text, sector_codes=["oppvekst_utdanning"])
    make_need("Frafall medlemmer", text, visibility=NeedVisibility.MEMBERS)
    make_need("Frafall utkast", text, status=NeedStatus.DRAFT)
    client.force_login(people["superuser"])
    items = client.get(f"/api/v1/offers/{offers['mentor'].pk}/matches?limit=50").json()
    assert [item["need"]["title"] for item in items] == [public.title]
    assert items[0]["organisation"]["name"] == public.organisation.name


def test_matches_of_a_hidden_offer_are_404(client, offers):
    offers["mentor"].active = False
    offers["mentor"].save()
    assert client.get(f"/api/v1/offers/{offers['mentor'].pk}/matches").status_code == 404


def test_limit_is_validated(client, dropout_need):
    assert client.get(f"/api/v1/needs/{dropout_need.pk}/matches?limit=0").status_code == 422
    assert client.get(f"/api/v1/needs/{dropout_need.pk}/matches?limit=500").status_code == 422


@pytest.mark.parametrize("actor", ["anonymous", "own_member", "other_broker", "own_broker"])
def test_the_api_never_shows_brokers_pins_or_dismissals(
    client, people, dropout_need, offers, actor
):
    from apps.matching import services

    broker = people["own_broker"]
    services.match_pin(need=dropout_need, offer=offers["food"], user=broker)
    services.match_dismiss(need=dropout_need, offer=offers["mentor"], user=broker)
    if people[actor] is not None:
        client.force_login(people[actor])
    response = client.get(f"/api/v1/needs/{dropout_need.pk}/matches")
    assert response.status_code == 200
    body = response.json()
    kinds = {reason["kind"] for match in body for reason in match["reasons"]}
    assert not kinds & {"pinned", "dismissed_similar"}
    # The plain ranking: the dismissed offer leads, the pinned one is not lifted.
    assert body[0]["offer"]["id"] == offers["mentor"].pk
