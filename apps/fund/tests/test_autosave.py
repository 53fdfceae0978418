"""Autosave keeps every keystroke it can: a field or row with an error never stops the rest
of the application from being saved, the error is shown where it is, and rows can be added
without losing what was typed."""

import re

import pytest

from apps.fund.tests.factories import ApplicationFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    return ApplicationFactory()


@pytest.fixture
def applicant(draft):
    return member_of(draft.organisation)


def typed(application, **overrides):
    """Summary, partners and budget filled in, with a half-filled budget line (an amount
    without a cost type) and a partner whose organisation number is "123"."""
    data = {
        "app-version": application.version,
        "app-title": "Arbeidstrening i kantina",
        "app-summary": "Unge voksne lærer å drive en kantine.",
        "app-description": "Vi lager mat sammen tre dager i uka.",
        "app-need_text": "Unge voksne uten jobb i kommunen.",
        "partners-TOTAL_FORMS": 2,
        "partners-INITIAL_FORMS": 0,
        "partners-0-name": "Kantina AS",
        "partners-0-kind": "social_entrepreneur",
        "partners-0-org_number": "123",
        "partners-1-name": "NAV Bærum",
        "partners-1-kind": "municipal",
        "budget-TOTAL_FORMS": 3,
        "budget-INITIAL_FORMS": 0,
        "budget-0-cost_type": "personnel",
        "budget-0-year": "2027",
        "budget-0-amount": "200 000",
        "budget-0-source": "fund",
        "budget-1-cost_type": "",
        "budget-1-year": "2027",
        "budget-1-amount": "50000",
        "budget-1-source": "cofunding",
        "milestones-TOTAL_FORMS": 1,
        "milestones-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


def _assert_valid_parts_saved(draft):
    draft.refresh_from_db()
    assert draft.version == 2
    assert draft.title == "Arbeidstrening i kantina"
    assert draft.summary == "Unge voksne lærer å drive en kantine."
    assert draft.description == "Vi lager mat sammen tre dager i uka."
    assert draft.need_text == "Unge voksne uten jobb i kommunen."
    assert [p.name for p in draft.partners.all()] == ["NAV Bærum"]
    assert list(draft.budget_lines.values_list("amount", flat=True)) == [200_000]
    assert draft.amount_requested == 200_000


def test_save_without_javascript_keeps_every_valid_field_and_marks_the_invalid(
    client, draft, applicant
):
    client.force_login(applicant)
    response = client.post(f"/fond/soknader/{draft.pk}/", typed(draft))
    assert response.status_code == 400
    html = response.content.decode()
    _assert_valid_parts_saved(draft)
    # the invalid input is there as typed, marked inline with its message
    assert 'value="123"' in html
    assert 'value="50000"' in html
    assert re.search(
        r'<input[^>]*(aria-invalid="true"[^>]*id="id_partners-0-org_number"|'
        r'id="id_partners-0-org_number"[^>]*aria-invalid="true")',
        html,
    )
    assert 'aria-describedby="id_partners-0-org_number_error"' in html
    assert 'id="id_partners-0-org_number_error">Et organisasjonsnummer har ni sifre.' in html
    assert 'aria-describedby="id_budget-1-cost_type_error"' in html
    # the summary names each field in error and links to it
    assert 'href="#id_budget-1-cost_type"' in html
    assert 'href="#id_partners-0-org_number"' in html
    assert "Alt annet er lagret. Rett opp feltene som er merket nedenfor." in html
    # the page carries the saved version, so the next save is not refused as stale
    assert 'name="app-version" value="2"' in html


def test_autosave_keeps_every_valid_field_and_lists_the_invalid(client, draft, applicant):
    client.force_login(applicant)
    response = client.post(f"/fond/soknader/{draft.pk}/", typed(draft), headers={"X-Autosave": "1"})
    assert response.status_code == 200
    body = response.json()
    _assert_valid_parts_saved(draft)
    assert body["version"] == 2
    assert body["message"].startswith("Lagret kl.")
    assert "unntatt feltene med feil" in body["message"]
    assert [item["id"] for item in body["fields"]] == [
        "id_partners-0-org_number",
        "id_budget-1-cost_type",
    ]
    assert body["fields"][0]["messages"] == ["Et organisasjonsnummer har ni sifre."]
    assert [error["id"] for error in body["errors"]] == [
        "id_partners-0-org_number",
        "id_budget-1-cost_type",
    ]
    assert all(error["message"] for error in body["errors"])
    # a second autosave with the new version goes on saving
    again = client.post(
        f"/fond/soknader/{draft.pk}/",
        typed(draft, **{"app-version": 2, "budget-1-cost_type": "services"}),
        headers={"X-Autosave": "1"},
    )
    assert again.status_code == 200
    assert sorted(draft.budget_lines.values_list("amount", flat=True)) == [50_000, 200_000]


def test_leaving_and_coming_back_shows_every_saved_value(client, draft, applicant):
    client.force_login(applicant)
    client.post(f"/fond/soknader/{draft.pk}/", typed(draft), headers={"X-Autosave": "1"})
    page = client.get(f"/fond/soknader/{draft.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Unge voksne lærer å drive en kantine." in html
    assert "Vi lager mat sammen tre dager i uka." in html
    assert "Unge voksne uten jobb i kommunen." in html
    assert 'value="NAV Bærum"' in html
    assert 'value="200000"' in html


def test_the_title_left_empty_keeps_the_stored_title(client, draft, applicant):
    client.force_login(applicant)
    title = draft.title
    response = client.post(f"/fond/soknader/{draft.pk}/", typed(draft, **{"app-title": ""}))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.title == title
    assert draft.summary == "Unge voksne lærer å drive en kantine."


def test_a_broken_version_saves_nothing(client, draft, applicant):
    client.force_login(applicant)
    response = client.post(
        f"/fond/soknader/{draft.pk}/",
        typed(draft, **{"app-version": "x"}),
        headers={"X-Autosave": "1"},
    )
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.version == 1 and draft.summary != "Unge voksne lærer å drive en kantine."


def test_add_row_without_javascript_saves_and_returns_with_one_more_row(client, draft, applicant):
    client.force_login(applicant)
    data = typed(
        draft,
        **{"partners-0-org_number": "", "budget-1-cost_type": "services", "add_row": "budget"},
    )
    response = client.post(f"/fond/soknader/{draft.pk}/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/fond/soknader/{draft.pk}/?rad=budget#budsjett"
    draft.refresh_from_db()
    assert draft.budget_lines.count() == 2
    html = client.get(response["Location"]).content.decode()
    # two saved lines, the three usual empty ones and the one asked for
    assert 'name="budget-TOTAL_FORMS" value="6"' in html
    assert 'id="budget-row-5"' in html


def test_add_row_with_an_error_keeps_the_typed_input_and_adds_the_row(client, draft, applicant):
    client.force_login(applicant)
    response = client.post(f"/fond/soknader/{draft.pk}/", typed(draft, add_row="partners"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="partners-TOTAL_FORMS" value="3"' in html
    assert 'id="partners-row-2"' in html
    assert 'value="123"' in html


def test_every_formset_has_an_add_row_button_and_an_empty_row_to_copy(client, draft, applicant):
    client.force_login(applicant)
    html = client.get(f"/fond/soknader/{draft.pk}/").content.decode()
    for prefix in ("partners", "budget", "milestones"):
        assert f'name="add_row" value="{prefix}"' in html
        assert f'<template id="{prefix}-empty">' in html
        assert f'id="id_{prefix}-__prefix__-' in html
    assert "Legg til rad" in html


def test_fields_required_at_submission_say_so_and_long_answers_are_text_areas(
    client, draft, applicant
):
    client.force_login(applicant)
    html = client.get(f"/fond/soknader/{draft.pk}/").content.decode()
    for name, label in (
        ("summary", "Sammendrag"),
        ("description", "Prosjektbeskrivelse"),
        ("need_text", "Behovet prosjektet svarer på"),
    ):
        assert re.search(rf'<textarea[^>]*name="app-{name}"', html), name
        match = re.search(rf'<label class="ds-label" for="id_app-{name}">(.*?)</label>', html)
        assert match, name
        assert label in match.group(1)
        assert "må fylles ut før innsending" in match.group(1)
        assert "valgfritt" not in match.group(1)


def test_call_limits_show_only_the_limits_that_exist(client, draft, applicant):
    client.force_login(applicant)
    call = draft.call
    url = f"/fond/soknader/{draft.pk}/"
    html = client.get(url).content.decode()
    assert "Søk om mellom 50\u00a0000 og 500\u00a0000 kroner." in html
    assert "Minst 20 % av budsjettet må være egenfinansiert." in html
    call.min_amount, call.max_amount, call.cofunding_percent = 0, 0, 0
    call.save()
    html = client.get(url).content.decode()
    assert "mellom 0 og 0" not in html
    assert "Minst 0 %" not in html
    assert 'id="budget-limits"' not in html
    call.max_amount = 300_000
    call.save()
    html = client.get(url).content.decode()
    assert "Søk om høyst 300\u00a0000 kroner." in html
    assert "Minst" not in re.search(r'id="budget-limits">(.*?)</p>', html).group(1)


def test_submission_checklist_links_each_problem_to_its_field(client, draft, applicant):
    client.force_login(applicant)
    draft.summary = ""
    draft.save()
    page = client.get(f"/fond/soknader/{draft.pk}/send/")
    assert page.status_code == 200
    html = page.content.decode()
    edit = f"/fond/soknader/{draft.pk}/"
    assert f'href="{edit}#id_app-summary">Fyll ut sammendrag.</a>' in html
    assert f'href="{edit}#budsjett"' in html
    refused = client.post(f"/fond/soknader/{draft.pk}/send/")
    assert refused.status_code == 400
    assert f'href="{edit}#id_app-summary"' in refused.content.decode()
