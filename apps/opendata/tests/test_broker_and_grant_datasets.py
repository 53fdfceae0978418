"""Needs, offers, entrepreneurs and grants as bulk CSV files and in the DCAT catalogue:
public rows only, streamed."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from apps.broker.models import EntrepreneurProfile, NeedStatus, NeedVisibility, Offer, ReviewStatus
from apps.fund.models import ApplicationStatus
from apps.grants.models import Decision
from apps.insights.tests import factories as f
from apps.opendata.catalog import catalog

pytestmark = pytest.mark.django_db


def _rows(client, slug: str) -> list[dict[str, str]]:
    response = client.get(f"/data/{slug}.csv")
    assert response.status_code == 200
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_needs_csv_has_public_needs_only(client):
    public = f.need(sectors=["barnevern", "integrering"])
    f.need(status=NeedStatus.DRAFT)
    f.need(visibility=NeedVisibility.MEMBERS)
    rows = _rows(client, "needs")
    assert [row["id"] for row in rows] == [str(public.pk)]
    assert rows[0]["municipality_code"] == "3201"
    assert set(rows[0]["sectors"].split(";")) == {"barnevern", "integrering"}
    assert rows[0]["url"].endswith(f"/behov/{public.pk}/")


def _profile(review_status: str) -> EntrepreneurProfile:
    return EntrepreneurProfile.objects.create(
        organisation=f.entrepreneur_org(),
        summary="Arbeidstrening i grønne fag.",
        review_status=review_status,
        renewal_due=timezone.localdate() + datetime.timedelta(days=100),
    )


def test_offers_and_entrepreneurs_csv_have_approved_profiles_only(client):
    approved = _profile(ReviewStatus.APPROVED)
    pending = _profile(ReviewStatus.PENDING)
    shown = Offer.objects.create(profile=approved, title="Arbeidstrening", description="Tekst")
    Offer.objects.create(profile=approved, title="Pause", description="Tekst", active=False)
    Offer.objects.create(profile=pending, title="Venter", description="Tekst")

    offers = _rows(client, "offers")
    assert [row["id"] for row in offers] == [str(shown.pk)]
    entrepreneurs = _rows(client, "entrepreneurs")
    assert [row["slug"] for row in entrepreneurs] == [approved.organisation.slug]


def test_grants_csv_never_has_rejected_applications(client):
    call = f.call(fund=f.fund())
    granted = f.application(call=call, status=ApplicationStatus.GRANTED, sector="folkehelse")
    f.decision(
        application=granted,
        outcome=Decision.Outcome.GRANTED,
        amount=250_000,
        decided_at=timezone.now(),
    )
    rejected = f.application(call=call, status=ApplicationStatus.REJECTED)
    f.decision(
        application=rejected, outcome=Decision.Outcome.REJECTED, amount=0, decided_at=timezone.now()
    )

    rows = _rows(client, "grants")
    assert [(row["id"], row["amount"], row["sector"]) for row in rows] == [
        (str(granted.pk), "250000", "folkehelse")
    ]


def test_the_catalogue_describes_the_new_datasets():
    ids = {node["@id"] for node in catalog(root="https://kokeboka.no")["dcat:dataset"]}
    for slug in ("needs", "offers", "entrepreneurs", "grants"):
        assert f"https://kokeboka.no/data/catalog#{slug}" in ids
