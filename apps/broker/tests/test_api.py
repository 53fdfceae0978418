import datetime

import pytest
from django.utils import timezone

from .factories import NeedFactory, OfferFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def test_needs_api_lists_only_public_needs(client, needs, baerum):
    NeedFactory(
        organisation=baerum,
        title="Utløpt",
        expires_at=timezone.localdate() - datetime.timedelta(days=1),
    )
    NeedFactory(organisation=baerum, title="Lukket", status="closed")
    NeedFactory(organisation=baerum, title="Importert", key="baerum-x")

    data = client.get("/api/v1/needs").json()

    titles = {item["title"] for item in data["items"]}
    assert titles == {"Offentlig behov om frafall", "Importert"}
    assert data["count"] == 2
    imported = next(i for i in data["items"] if i["title"] == "Importert")
    assert imported["key"] == "baerum-x"
    assert imported["municipality"]["code"] == "3201"
    assert imported["url"].startswith("/behov/")


@pytest.mark.parametrize("kind", ["members", "draft"])
def test_need_detail_api_hides_non_public(client, needs, kind, people):
    client.force_login(people["superuser"])
    assert client.get(f"/api/v1/needs/{needs[kind].pk}").status_code == 404
    assert client.get(f"/api/v1/needs/{needs['public'].pk}").status_code == 200


def test_needs_api_filters(client, baerum, oslo, sectors):
    NeedFactory(organisation=baerum, sectors=sectors[:1], title="A")
    NeedFactory(organisation=oslo, title="B")
    assert [i["title"] for i in client.get("/api/v1/needs?municipality=0301").json()["items"]] == [
        "B"
    ]
    data = client.get(f"/api/v1/needs?sector={sectors[0].code}").json()
    assert [i["title"] for i in data["items"]] == ["A"]
    assert data["items"][0]["sectors"] == [sectors[0].code]
    assert client.get("/api/v1/needs?sector=nope").status_code == 422


def test_offers_and_entrepreneurs_api(client, sectors):
    public = OfferFactory(title="Synlig", key="k-1", sectors=sectors[:1])
    OfferFactory(title="Inaktiv", active=False, profile=public.profile)
    OfferFactory(title="Venter", profile=ProfileFactory(review_status="pending"))
    OfferFactory(
        title="Utløpt",
        profile=ProfileFactory(renewal_due=timezone.localdate() - datetime.timedelta(days=1)),
    )

    offers = client.get("/api/v1/offers").json()
    assert [o["title"] for o in offers["items"]] == ["Synlig"]
    assert offers["items"][0]["key"] == "k-1"
    assert offers["items"][0]["organisation"]["slug"] == public.profile.organisation.slug
    assert client.get(f"/api/v1/offers/{public.pk}").json()["maturity"] == "established"

    people = client.get("/api/v1/entrepreneurs").json()
    assert [p["name"] for p in people["items"]] == [public.profile.organisation.name]
    assert [o["title"] for o in people["items"][0]["offers"]] == ["Synlig"]


def test_hidden_offer_detail_is_404(client):
    hidden = OfferFactory(profile=ProfileFactory(review_status="pending"))
    assert client.get(f"/api/v1/offers/{hidden.pk}").status_code == 404
