from django.urls import reverse

from apps.fund.models import ApplicationStatus as S

from .factories import ApplicationFactory, DecisionFactory, ReportFactory


def test_lists_granted_projects_with_public_fields_only(client, world):
    data = client.get("/api/v1/grants").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["title"] == world.granted.title
    assert item["amount"] == 300_000
    assert item["fund"]["slug"] == world.fund.slug
    assert item["organisation"] == world.applicant_org.name
    assert item["status"] == "granted"
    assert item["results_summary"] == ""
    assert set(item) == {
        "id",
        "title",
        "organisation",
        "fund",
        "call",
        "amount",
        "decided_at",
        "status",
        "sector",
        "partners",
        "results_summary",
    }


def test_rejected_and_undecided_are_not_listed(client, world):
    rejected = ApplicationFactory(call=world.call, status=S.REJECTED)
    DecisionFactory(application=rejected, outcome="rejected", amount=0, reasons="Nei")
    data = client.get("/api/v1/grants").json()
    assert [item["title"] for item in data["items"]] == [world.granted.title]
    decision = rejected.decision
    assert client.get(f"/api/v1/grants/{decision.pk}").status_code == 404


def test_results_after_the_final_report_is_approved(client, world):
    from django.utils import timezone

    ReportFactory(
        application=world.granted,
        kind="final",
        results_summary="Tolv ungdommer fikk jobb.",
        submitted_at=timezone.now(),
        approved_at=timezone.now(),
    )
    decision = world.granted.decision
    detail = client.get(f"/api/v1/grants/{decision.pk}").json()
    assert detail["results_summary"] == "Tolv ungdommer fikk jobb."


def test_filters_and_pagination(client, world):
    assert client.get(f"/api/v1/grants?fund={world.fund.slug}").json()["count"] == 1
    assert client.get("/api/v1/grants?fund=finnes-ikke").json()["count"] == 0
    assert client.get("/api/v1/grants?year=1999").json()["count"] == 0
    assert client.get("/api/v1/grants?limit=101").status_code == 422
    assert client.get("/api/v1/grants?updated_since=2999-01-01T00:00:00Z").json()["count"] == 0
    schema = client.get("/api/v1/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/v1/grants"]["get"]["parameters"]}
    assert {"limit", "offset", "updated_since", "fund", "year"} <= params
    assert reverse("grants:granted") == "/fond/tildelinger/"
