import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.models import MembershipRole
from apps.accounts.tests.helpers import force_login_verified
from apps.fund.models import Application, BudgetLine, Call
from apps.fund.services import application_transition
from apps.fund.tests.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CallFactory,
    FundFactory,
    QuestionFactory,
    complete,
    kommune,
    member_of,
)

OSLO = ZoneInfo("Europe/Oslo")
pytestmark = pytest.mark.django_db


def form_data(application, **overrides):
    data = {
        "app-version": application.version,
        "app-title": application.title,
        "app-summary": "Et kort sammendrag.",
        "app-description": "Vi skal prøve ut en ny arbeidsform.",
        "app-need_text": "Unge som faller ut av skolen.",
        "partners-TOTAL_FORMS": 2,
        "partners-INITIAL_FORMS": 0,
        "partners-0-name": "Kjør for livet",
        "partners-0-kind": "social_entrepreneur",
        "partners-0-role": "Leder kurset",
        "partners-0-org_number": "",
        "budget-TOTAL_FORMS": 3,
        "budget-INITIAL_FORMS": 0,
        "budget-0-cost_type": "personnel",
        "budget-0-year": "2027",
        "budget-0-amount": "300 000",
        "budget-0-source": "fund",
        "budget-1-cost_type": "services",
        "budget-1-year": "2027",
        "budget-1-amount": "100000",
        "budget-1-source": "cofunding",
        "milestones-TOTAL_FORMS": 1,
        "milestones-INITIAL_FORMS": 0,
        "milestones-0-title": "Oppstart",
        "milestones-0-due_date": "2027-05-01",
        "milestones-0-amount": "150000",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def draft(db):
    return ApplicationFactory()


@pytest.fixture
def applicant(draft):
    return member_of(draft.organisation)


def test_save_stores_every_section_and_bumps_the_version(english, draft, applicant):
    english.force_login(applicant)
    response = english.post(f"/fond/soknader/{draft.pk}/", form_data(draft))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.version == 2
    assert draft.summary == "Et kort sammendrag."
    assert draft.amount_requested == 300_000
    assert [p.name for p in draft.partners.all()] == ["Kjør for livet"]
    assert sorted(b.amount for b in draft.budget_lines.all()) == [100_000, 300_000]
    assert draft.milestones.get().due_date == datetime.date(2027, 5, 1)
    page = english.get(f"/fond/soknader/{draft.pk}/")
    assert page.status_code == 200
    assert "400\u00a0000 kr" in page.content.decode()  # total budget
    assert "25.0 %" in page.content.decode() or "25,0 %" in page.content.decode()


def test_removing_a_row(english, draft, applicant):
    english.force_login(applicant)
    english.post(f"/fond/soknader/{draft.pk}/", form_data(draft))
    draft.refresh_from_db()
    english.post(f"/fond/soknader/{draft.pk}/", form_data(draft, **{"budget-1-DELETE": "on"}))
    assert list(draft.budget_lines.values_list("amount", flat=True)) == [300_000]


def test_errors_are_shown_per_field_in_norwegian_and_typed_values_kept(client, draft, applicant):
    client.force_login(applicant)
    data = form_data(
        draft,
        **{
            "app-title": "",
            "app-description": "Min tekst som ikke må forsvinne",
            "budget-0-amount": "300 000,50",
            "budget-1-year": "27",
            "milestones-0-due_date": "32.13.2027",
        },
    )
    response = client.post(f"/fond/soknader/{draft.pk}/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Fyll ut dette feltet." in html
    assert "Skriv et helt antall kroner, uten mellomrom eller desimaler." in html
    assert "Skriv året med fire sifre, for eksempel 2027." in html
    assert "Skriv datoen som dd.mm.åååå" in html
    assert "Min tekst som ikke må forsvinne" in html
    assert 'value="300 000,50"' in html
    assert 'href="#id_app-title"' in html  # the error summary links to the field
    # Every field that passed its checks is saved; the invalid ones keep their stored value.
    draft.refresh_from_db()
    assert draft.version == 2 and draft.description == "Min tekst som ikke må forsvinne"
    assert draft.title != ""
    assert [p.name for p in draft.partners.all()] == ["Kjør for livet"]
    assert not draft.budget_lines.exists() and not draft.milestones.exists()


def test_partial_row_needs_its_other_fields(english, draft, applicant):
    english.force_login(applicant)
    data = form_data(draft, **{"budget-2-amount": "5000"})
    response = english.post(f"/fond/soknader/{draft.pk}/", data)
    assert response.status_code == 400
    assert "Budget, row 3, cost type: Fill in this field." in response.content.decode()


def test_autosave_answers_json_with_the_new_version(english, draft, applicant):
    english.force_login(applicant)
    response = english.post(
        f"/fond/soknader/{draft.pk}/", form_data(draft), headers={"X-Autosave": "1"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["version"] == 2
    assert body["totals"] == {
        "fund": 300_000,
        "cofunding": 100_000,
        "total": 400_000,
        "cofunding_percent": 25.0,
    }
    bad = english.post(
        f"/fond/soknader/{draft.pk}/",
        form_data(draft, **{"app-version": 2, "budget-0-amount": "mange"}),
        headers={"X-Autosave": "1"},
    )
    assert bad.status_code == 200
    body = bad.json()
    assert body["version"] == 3
    assert body["errors"] == [
        {
            "message": "Budget, row 1, amount (nok): Write a whole number of kroner, without "
            "spaces or decimals.",
            "id": "id_budget-0-amount",
        }
    ]
    assert body["fields"] == [
        {
            "id": "id_budget-0-amount",
            "messages": ["Write a whole number of kroner, without spaces or decimals."],
        }
    ]
    assert list(draft.budget_lines.values_list("amount", flat=True)) == [100_000]


def test_stale_save_never_overwrites_and_shows_both(client, draft, applicant):
    """Two members open version 1; the first saves; the second's save is refused, and the
    page shows the second's text in the form and the first's saved text beside it."""
    colleague = member_of(draft.organisation)
    client.force_login(applicant)
    assert (
        client.post(
            f"/fond/soknader/{draft.pk}/",
            form_data(draft, **{"app-description": "Teksten til Kari"}),
        ).status_code
        == 302
    )
    client.force_login(colleague)
    response = client.post(
        f"/fond/soknader/{draft.pk}/",
        form_data(draft, **{"app-description": "Teksten til Ola"}),  # still version 1
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Teksten til Ola" in html and "Teksten til Kari" in html
    assert 'name="app-version" value="2"' in html
    draft.refresh_from_db()
    assert draft.description == "Teksten til Kari" and draft.version == 2
    # after merging, the second save goes through on the new version
    merged = form_data(draft, **{"app-description": "Kari og Ola"})
    assert client.post(f"/fond/soknader/{draft.pk}/", merged).status_code == 302
    draft.refresh_from_db()
    assert draft.description == "Kari og Ola" and draft.version == 3


def test_stale_autosave_is_refused_with_409(english, draft, applicant):
    english.force_login(applicant)
    english.post(f"/fond/soknader/{draft.pk}/", form_data(draft))
    response = english.post(
        f"/fond/soknader/{draft.pk}/",
        form_data(draft, **{"app-version": 1, "app-summary": "gammel"}),
        headers={"X-Autosave": "1"},
    )
    assert response.status_code == 409
    assert response.json()["conflict"] is True
    draft.refresh_from_db()
    assert draft.summary == "Et kort sammendrag."


def test_nothing_changes_after_submission(english, applicant, draft):
    complete(draft)
    application_transition(application=draft, to_status="submitted", actor=None)
    english.force_login(applicant)
    draft.refresh_from_db()
    for headers in ({}, {"X-Autosave": "1"}):
        response = english.post(
            f"/fond/soknader/{draft.pk}/", form_data(draft, **{"app-title": "Ny"}), headers=headers
        )
        assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title != "Ny"
    page = english.get(f"/fond/soknader/{draft.pk}/")
    assert b"application-form" not in page.content
    assert b"kvittering.pdf" in page.content


def test_nothing_changes_after_the_deadline(english, applicant, draft):
    Call.objects.filter(pk=draft.call_id).update(
        deadline=datetime.datetime.now(tz=OSLO) - datetime.timedelta(minutes=2)
    )
    english.force_login(applicant)
    response = english.post(f"/fond/soknader/{draft.pk}/", form_data(draft))
    assert response.status_code == 403
    assert english.post(f"/fond/soknader/{draft.pk}/send/").status_code == 403
    page = english.get(f"/fond/soknader/{draft.pk}/")
    assert b"The deadline has passed" in page.content
    draft.refresh_from_db()
    assert draft.version == 1


def test_submit_page_lists_problems_then_submits(english, applicant, draft, mails):
    english.force_login(applicant)
    question = QuestionFactory(call=draft.call, text="Deltar en sosial entreprenør?")
    response = english.get(f"/fond/soknader/{draft.pk}/send/")
    assert b"Add at least one budget line" in response.content
    assert english.post(f"/fond/soknader/{draft.pk}/send/").status_code == 400
    english.post(
        f"/fond/soknader/{draft.pk}/",
        form_data(draft, **{f"elig-q{question.pk}": "yes"}),
    )
    with mails.capture():
        response = english.post(f"/fond/soknader/{draft.pk}/send/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert len(mails.outbox) == 2  # the submitter and the one who started it
    pdf = english.get(f"/fond/soknader/{draft.pk}/kvittering.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_start_application(english, db):
    fund = FundFactory(organisation=kommune())
    call = CallFactory(fund=fund, eligible_applicants=["own_services"])
    user = member_of(fund.organisation)
    english.force_login(user)
    url = f"/fond/{fund.slug}/{call.slug}/sok/"
    assert english.post(url, {"title": "", "organisation": fund.organisation.pk}).status_code == 400
    response = english.post(url, {"title": "Matglede", "organisation": fund.organisation.pk})
    application = Application.objects.get()
    assert response["Location"] == f"/fond/soknader/{application.pk}/"
    assert (application.organisation, application.created_by) == (fund.organisation, user)


def test_closed_call_refuses_start(english, db):
    call = CallFactory(deadline=datetime.datetime.now(tz=OSLO) - datetime.timedelta(days=1))
    user = member_of(call.fund.organisation)
    english.force_login(user)
    response = english.post(
        f"/fond/{call.fund.slug}/{call.slug}/sok/",
        {"title": "Sent", "organisation": call.fund.organisation.pk},
    )
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_reserved_fund_slugs_do_not_match(client, db):
    from django.urls import resolve

    assert resolve("/fond/soknader/").url_name == "application-list"
    for segment in ("forvaltning", "vurdering", "prosjekter", "tildelinger", "statistikk"):
        assert resolve(f"/fond/{segment}/").namespace != "fund" if _resolves(segment) else True
    assert resolve("/fond/baerum/").url_name == "fund-detail"


def _resolves(segment):
    from django.urls import Resolver404, resolve

    try:
        resolve(f"/fond/{segment}/")
    except Resolver404:
        return False
    return True


# --- Call editor -----------------------------------------------------------------------------


def call_data(**overrides):
    data = {
        "title": "Samarbeid med sosiale entreprenører 2027",
        "slug": "samarbeid-2027",
        "text": "Kommunale tjenester kan søke.",
        "eligible_applicants": ["own_services"],
        "partner_requirement": "municipal_and_entrepreneur",
        "budget": "2000000",
        "min_amount": "50000",
        "max_amount": "500000",
        "cofunding_percent": "20",
        "opens_at": "2027-01-04T09:00",
        "deadline": "2027-03-31T23:59",
        "published": "on",
        "criteria-TOTAL_FORMS": 1,
        "criteria-INITIAL_FORMS": 0,
        "criteria-0-name": "Nytte for brukerne",
        "criteria-0-weight": "3",
        "criteria-0-order": "1",
        "questions-TOTAL_FORMS": 1,
        "questions-INITIAL_FORMS": 0,
        "questions-0-text": "Er søkeren en kommunal tjeneste?",
        "questions-0-required_answer": "yes",
        "questions-0-order": "1",
        "required-TOTAL_FORMS": 1,
        "required-INITIAL_FORMS": 0,
        "required-0-name": "Prosjektplan",
    }
    data.update(overrides)
    return data


@pytest.fixture
def manager_fund(db):
    fund = FundFactory(organisation=kommune())
    return fund, member_of(fund.organisation, MembershipRole.FUND_MANAGER)


def test_manager_creates_a_call_in_oslo_time(english, manager_fund):
    fund, manager = manager_fund
    force_login_verified(english, manager)
    response = english.post(f"/fond/{fund.slug}/ny-utlysning/", call_data())
    assert response.status_code == 302
    call = Call.objects.get(slug="samarbeid-2027")
    assert call.deadline == datetime.datetime(2027, 3, 31, 21, 59, tzinfo=datetime.UTC)
    assert call.opens_at == datetime.datetime(2027, 1, 4, 8, 0, tzinfo=datetime.UTC)
    assert [c.weight for c in call.criteria.all()] == [3]
    assert call.eligibility_questions.get().required_answer == "yes"
    assert call.required_attachments.get().name == "Prosjektplan"
    page = english.get(f"/fond/{fund.slug}/samarbeid-2027/")
    assert "31. March 2027 at 23.59" in page.content.decode()


@pytest.mark.parametrize(
    "deadline",
    ["2027-03-28T02:30", "2027-10-31T02:30"],  # does not exist; happens twice
)
def test_deadline_in_a_daylight_saving_gap_or_overlap_is_refused(english, manager_fund, deadline):
    fund, manager = manager_fund
    force_login_verified(english, manager)
    response = english.post(f"/fond/{fund.slug}/ny-utlysning/", call_data(deadline=deadline))
    assert response.status_code == 400
    assert not Call.objects.exists()


def test_call_rules(english, manager_fund):
    fund, manager = manager_fund
    force_login_verified(english, manager)
    response = english.post(
        f"/fond/{fund.slug}/ny-utlysning/",
        call_data(
            min_amount="600000",
            cofunding_percent="120",
            deadline="2026-12-01T12:00",
            slug="soknader",
            eligible_applicants=[],
        ),
    )
    html = response.content.decode()
    assert response.status_code == 400
    for message in (
        "The maximum cannot be lower than the minimum.",
        "Write a whole number from 0 to 100.",
        "The deadline must come after the opening.",
        "This address is reserved. Choose another.",
        "Choose at least one group who may apply.",
    ):
        assert message in html


def test_manager_edits_a_call(english, manager_fund):
    fund, manager = manager_fund
    call = CallFactory(fund=fund, slug="gammel")
    force_login_verified(english, manager)
    response = english.post(
        f"/fond/{fund.slug}/gammel/rediger/", call_data(slug="gammel", title="Ny tittel")
    )
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == "Ny tittel"


# --- Query counts --------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_list_pages_do_not_grow_with_length(client, db):
    fund = FundFactory(organisation=kommune())
    user = member_of(fund.organisation)
    client.force_login(user)

    def grow(n):
        for _ in range(n):
            call = CallFactory(fund=fund)
            application = ApplicationFactory(call=call)
            BudgetLineFactory(application=application)

    grow(5)
    small = {u: _queries(client, u) for u in ("/fond/", f"/fond/{fund.slug}/", "/fond/soknader/")}
    grow(25)
    large = {u: _queries(client, u) for u in ("/fond/", f"/fond/{fund.slug}/", "/fond/soknader/")}
    assert small == large
    assert BudgetLine.objects.count() == 30
