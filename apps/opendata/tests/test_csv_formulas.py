"""Issue 19, finding 8: `=HYPERLINK(…)` in an entrepreneur's summary was served as is in
/data/entrepreneurs.csv. Every open-data CSV now writes texts so no spreadsheet runs them."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from apps.broker.models import EntrepreneurProfile, Offer, ReviewStatus
from apps.core.tests.test_csvsafe import PAYLOADS
from apps.fund.models import ApplicationStatus
from apps.grants.models import Decision
from apps.insights.tests import factories as f

pytestmark = pytest.mark.django_db


def _rows(client, slug: str) -> list[dict[str, str]]:
    response = client.get(f"/data/{slug}.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def profiles():
    made = []
    for payload in PAYLOADS:
        organisation = f.entrepreneur_org()
        organisation.name = payload
        organisation.save(update_fields=["name"])
        profile = EntrepreneurProfile.objects.create(
            organisation=organisation,
            summary=payload,
            review_status=ReviewStatus.APPROVED,
            renewal_due=timezone.localdate() + datetime.timedelta(days=100),
        )
        Offer.objects.create(profile=profile, title=payload, description=payload)
        made.append(profile)
    return made


def test_entrepreneurs_csv_neutralises_formulas(client, profiles):
    rows = _rows(client, "entrepreneurs")
    assert len(rows) == len(PAYLOADS)
    names = {row["name"] for row in rows}
    assert names == {"'" + payload for payload in PAYLOADS}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_offers_csv_neutralises_formulas(client, profiles):
    rows = _rows(client, "offers")
    assert {row["title"] for row in rows} == {"'" + payload for payload in PAYLOADS}


def test_numbers_in_open_data_stay_numbers(client):
    call = f.call(fund=f.fund())
    granted = f.application(call=call, status=ApplicationStatus.GRANTED)
    f.decision(
        application=granted,
        outcome=Decision.Outcome.GRANTED,
        amount=250_000,
        decided_at=timezone.now(),
    )
    [row] = _rows(client, "grants")
    assert row["amount"] == "250000"
