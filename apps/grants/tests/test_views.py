"""Pages end to end through the client: assessment, scoring, decisions, reports, public lists."""

import io

import openpyxl
import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.core.models import Sector
from apps.fund.models import ApplicationStatus as S
from apps.grants.models import Decision, OutcomeIndicator, Report, ReviewerAssignment, Score

from .factories import (
    ApplicationFactory,
    AssignmentFactory,
    DecisionFactory,
    PartnerFactory,
    ScoreFactory,
)


def _second_review(world):
    """A second, complete review by the (until now unassigned) reviewer."""
    other = AssignmentFactory(
        application=world.application,
        reviewer=world.people["unassigned"],
        completed_at=timezone.now(),
    )
    ScoreFactory(assignment=other, criterion=world.criteria[0], score=2, comment="Tynt")
    ScoreFactory(assignment=other, criterion=world.criteria[1], score=4)
    return other


class TestAssessmentPage:
    def test_scores_side_by_side_with_totals_spread_and_missing(self, as_user, world):
        _second_review(world)
        ScoreFactory(assignment=world.conflicted_assignment, criterion=world.criteria[1], score=0)
        client = as_user(world.people["manager"])
        response = client.get(reverse("grants:application", args=[world.application.pk]))
        body = response.content.decode()
        assert response.status_code == 200
        assert "Nytte for innbyggerne (3)" in body
        assert "2.5" in body  # the second reviewer's weighted total: (2*3 + 4*1) / 4
        assert "Missing reviews" in body and "Rita" in body  # first review lacks a criterion
        assert "Excluded for a conflict of interest" in body and "Kari" in body
        assert "Tynt" in body  # comments

    def test_screening_through_the_page(self, as_user, world):
        application = ApplicationFactory(call=world.call)
        client = as_user(world.people["manager"])
        url = reverse("grants:screen", args=[application.pk])
        response = client.post(url, {"screen-result": "ineligible", "screen-note": ""})
        assert response.status_code == 400
        assert "Say why the application is not eligible." in response.content.decode()
        response = client.post(url, {"screen-result": "eligible"})
        assert response.status_code == 302
        application.refresh_from_db()
        assert application.status == S.ELIGIBLE

    def test_screening_a_reviewed_application_is_refused_with_a_message(self, as_user, world):
        client = as_user(world.people["manager"])
        response = client.post(
            reverse("grants:screen", args=[world.application.pk]), {"screen-result": "eligible"}
        )
        assert response.status_code == 400
        world.application.refresh_from_db()
        assert world.application.status == S.IN_REVIEW

    def test_assign_through_the_page(self, as_user, world):
        client = as_user(world.people["manager"])
        response = client.post(
            reverse("grants:assign", args=[world.application.pk]),
            {"assign-reviewer": world.people["unassigned"].pk},
        )
        assert response.status_code == 302
        assert ReviewerAssignment.objects.filter(reviewer=world.people["unassigned"]).exists()
        response = client.post(
            reverse("grants:assign", args=[world.application.pk]),
            {"assign-reviewer": world.people["other_member"].pk},
        )
        assert response.status_code == 400  # not one of the choices

    def test_decision_through_the_page_mails_and_the_letter_renders(self, as_user, world, mails):
        client = as_user(world.people["manager"])
        url = reverse("grants:decide", args=[world.application.pk])
        response = client.post(url, {"decision-outcome": "granted"})
        assert response.status_code == 400
        assert "Give the amount granted." in response.content.decode()
        with mails.capture():
            response = client.post(
                url,
                {
                    "decision-outcome": "granted",
                    "decision-amount": "250000",
                    "decision-conditions": "Rapport hvert halvår",
                    "decision-confirm": "on",  # one review is incomplete: confirmed
                },
            )
        assert response.status_code == 302
        decision = Decision.objects.get(application=world.application)
        assert decision.amount == 250_000 and decision.decided_by == world.people["manager"]
        assert len(mails.outbox) == 1
        applicant = as_user(world.people["applicant"])
        letter = applicant.get(reverse("grants:letter", args=[world.application.pk]))
        assert letter.status_code == 200
        assert letter["Content-Type"] == "application/pdf"
        assert letter.content.startswith(b"%PDF")
        page = applicant.get(reverse("grants:project", args=[world.application.pk]))
        assert "Rapport hvert halvår" in page.content.decode()


class TestReviewerPages:
    def test_other_scores_hidden_until_the_manager_shares(self, as_user, world):
        _second_review(world)
        client = as_user(world.people["reviewer"])
        url = reverse("grants:review", args=[world.assignment.pk])
        body = client.get(url).content.decode()
        assert "Other reviewers&#x27; scores" not in body and "Other reviewers' scores" not in body
        assert "Tynt" not in body
        manager = as_user(world.people["manager"])
        manager.post(reverse("grants:sharing", args=[world.call.pk]), {"shared": "1"})
        client = as_user(world.people["reviewer"])
        body = client.get(url).content.decode()
        assert "scores" in body and world.people["unassigned"].get_full_name() in body
        assert "Kari" not in body  # the conflicted reviewer never shows
        manager = as_user(world.people["manager"])
        manager.post(reverse("grants:sharing", args=[world.call.pk]), {"shared": "0"})
        client = as_user(world.people["reviewer"])
        assert world.people["unassigned"].get_full_name() not in client.get(url).content.decode()

    def test_scoring_form_errors_and_save(self, as_user, world):
        client = as_user(world.people["reviewer"])
        url = reverse("grants:review", args=[world.assignment.pk])
        first, second = world.criteria
        response = client.post(url, {f"score-score_{first.pk}": "5", "action": "complete"})
        assert response.status_code == 400
        body = response.content.decode()
        assert "Please correct the following" in body
        assert f"Give a score for {second.name}." in body
        assert f'href="#id_score-score_{second.pk}_0"' in body
        response = client.post(
            url,
            {
                f"score-score_{first.pk}": "5",
                f"score-score_{second.pk}": "3",
                f"score-comment_{second.pk}": "Realistisk plan",
                "action": "complete",
            },
        )
        assert response.status_code == 302
        assert Score.objects.get(assignment=world.assignment, criterion=second).comment == (
            "Realistisk plan"
        )
        world.assignment.refresh_from_db()
        assert world.assignment.completed_at is not None
        response = client.post(url, {f"score-score_{first.pk}": "9", "action": "save"})
        assert response.status_code == 400

    def test_conflict_declared_through_the_page_excludes(self, as_user, world):
        client = as_user(world.people["reviewer"])
        url = reverse("grants:conflict", args=[world.assignment.pk])
        assert client.post(url, {"conflict-note": ""}).status_code == 400
        assert (
            client.post(url, {"conflict-note": "Søsteren min leder prosjektet"}).status_code == 302
        )
        assert client.get(reverse("grants:review", args=[world.assignment.pk])).status_code == 403
        assert not Score.objects.filter(assignment=world.assignment).exists()


class TestReportsAndProject:
    def test_applicant_writes_a_report_with_indicators(self, as_user, world):
        client = as_user(world.people["applicant"])
        url = reverse("grants:report", args=[world.granted.pk, world.report.pk])
        data = {
            "report-text": "",
            "ind-TOTAL_FORMS": "3",
            "ind-INITIAL_FORMS": "0",
            "ind-0-name": "",
            "ind-0-target": "10",
        }
        response = client.post(url, data)
        assert response.status_code == 400
        body = response.content.decode()
        assert "Write the report." in body and "Name the indicator." in body
        data.update(
            {"report-text": "Godt i gang", "ind-0-name": "Ungdommer i arbeid", "ind-0-value": "4"}
        )
        assert client.post(url, data).status_code == 302
        indicator = OutcomeIndicator.objects.get(report=world.report)
        assert (indicator.name, indicator.target, indicator.value) == ("Ungdommer i arbeid", 10, 4)
        world.granted.refresh_from_db()
        assert world.granted.status == S.IN_PROGRESS
        page = client.get(reverse("grants:project", args=[world.granted.pk])).content.decode()
        assert "Ungdommer i arbeid" in page

    def test_manager_plans_pays_requests_and_approves(self, as_user, world):
        client = as_user(world.people["manager"])
        pk = world.granted.pk
        response = client.post(
            reverse("grants:payment-add", args=[pk]),
            {
                "payment-amount": "50000",
                "payment-due_date": "2027-05-01",
                "payment-project_account": "P-9",
            },
        )
        assert response.status_code == 302
        response = client.post(
            reverse("grants:payment-add", args=[pk]),
            {
                "payment-amount": "999999",
                "payment-due_date": "2027-05-01",
                "payment-project_account": "P-9",
            },
        )
        assert response.status_code == 400
        assert "exceed the amount granted" in response.content.decode()
        assert (
            client.post(reverse("grants:payment-paid", args=[world.payment.pk])).status_code == 302
        )
        response = client.post(
            reverse("grants:report-require", args=[pk]),
            {"require-kind": "final", "require-due_date": "2027-12-31"},
        )
        assert response.status_code == 302
        final = Report.objects.get(application=world.granted, kind="final")
        final.text, final.results_summary, final.submitted_at = (
            "x",
            "Femti deltakere",
            timezone.now(),
        )
        final.save()
        assert client.post(reverse("grants:report-approve", args=[final.pk])).status_code == 302
        world.granted.refresh_from_db()
        assert world.granted.status == S.COMPLETED
        public = client.get(reverse("grants:granted")).content.decode()
        assert "Femti deltakere" in public


class TestPublicPages:
    def test_granted_list_shows_public_fields_only(self, client, world):
        PartnerFactory(application=world.granted, name="Arbeidsglede SA")
        response = client.get(reverse("grants:granted"))
        body = response.content.decode()
        assert world.granted.title in body
        assert "Arbeidsglede SA" in body and "300\u00a0000" in body
        assert world.application.title not in body  # in review
        assert "P-4711" not in body  # project number stays internal

    def test_granted_list_pages_through_many_grants(self, client, world):
        _many(world, 30)  # with world.granted: 31 grants, kr 330 435 in all
        first = client.get(reverse("grants:granted")).content.decode()
        second = client.get(reverse("grants:granted") + "?page=2").content.decode()
        assert first.count('class="ds-card grants-card"') == 25
        assert second.count('class="ds-card grants-card"') == 6
        assert "330\u00a0435" in first and "330\u00a0435" in second
        assert 'href="?page=2"' in first and 'rel="prev"' in second

    def test_statistics_per_year_and_sector(self, client, world):
        sector = Sector.objects.first()
        world.granted.sector = sector
        world.granted.save()
        rejected = ApplicationFactory(call=world.call, status=S.REJECTED, sector=sector)
        DecisionFactory(application=rejected, outcome="rejected", amount=0)
        body = client.get(reverse("grants:statistics")).content.decode()
        year = str(timezone.now().year)
        assert f'id="year-{year}"' in body
        assert sector.name in body
        assert "300\u00a0000" in body


def _many(world, count):
    for number in range(count):
        application = ApplicationFactory(call=world.call, status=S.GRANTED, title=f"Mange {number}")
        PartnerFactory(application=application)
        DecisionFactory(application=application, amount=1000 + number)
        AssignmentFactory(application=application, reviewer=world.people["unassigned"])


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if isinstance(response, StreamingHttpResponse):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "name", ["manage", "granted", "statistics", "reviews", "export-csv", "export-xlsx", "api"]
)
def test_query_counts_do_not_grow(as_user, world, name):
    url = {
        "manage": reverse("grants:manage"),
        "granted": reverse("grants:granted"),
        "statistics": reverse("grants:statistics"),
        "reviews": reverse("grants:reviews"),
        "export-csv": reverse("grants:export-csv", args=[world.fund.slug]),
        "export-xlsx": reverse("grants:export-xlsx", args=[world.fund.slug]),
        "api": "/api/v1/grants",
    }[name]
    client = as_user(world.people["unassigned"] if name == "reviews" else world.people["manager"])
    _many(world, 10)
    few = _queries(client, url)
    _many(world, 40)
    many = _queries(client, url)
    assert few == many


class TestExports:
    def test_csv_streams_rows(self, as_user, world):
        client = as_user(world.people["manager"])
        response = client.get(reverse("grants:export-csv", args=[world.fund.slug]))
        assert isinstance(response, StreamingHttpResponse)
        assert response["Cache-Control"] == "private, no-store"
        text = b"".join(response.streaming_content).decode("utf-8")
        lines = text.lstrip("\ufeff").splitlines()
        assert lines[0].startswith("Call;Title;Applicant")
        assert any(world.granted.title in line and "300000" in line for line in lines)
        assert len(lines) == 3

    def test_csv_neutralises_formulas(self, as_user, world):
        ApplicationFactory(call=world.call, title="=HYPERLINK(1)")
        client = as_user(world.people["manager"])
        response = client.get(reverse("grants:export-csv", args=[world.fund.slug]))
        assert "'=HYPERLINK(1)" in b"".join(response.streaming_content).decode()

    def test_xlsx_streams_a_workbook(self, as_user, world):
        client = as_user(world.people["manager"])
        response = client.get(reverse("grants:export-xlsx", args=[world.fund.slug]))
        assert isinstance(response, StreamingHttpResponse)
        assert response["Content-Disposition"].endswith('.xlsx"')
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:3] == ("Call", "Title", "Applicant")
        granted = next(row for row in rows if row[1] == world.granted.title)
        assert granted[9] == 300_000
        assert len(rows) == 3
