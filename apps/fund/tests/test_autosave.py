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
    assert "Lagret. Det du skrev i feltene som er merket nedenfor, er tatt vare på" in html
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
    assert "Det du skrev i feltene med feil, er tatt vare på" in body["message"]
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


def _input(html: str, input_id: str) -> str:
    """The opening tag of the input, select or textarea with this id."""
    match = re.search(rf'<(input|select|textarea)\b[^>]*\bid="{input_id}"[^>]*>', html)
    assert match, input_id
    return match.group(0)


def _selected(html: str, input_id: str) -> str:
    select = re.search(rf'<select\b[^>]*\bid="{input_id}"[^>]*>(.*?)</select>', html, re.S)
    assert select, input_id
    chosen = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(1))
    return chosen.group(1) if chosen else ""


def test_leaving_and_coming_back_shows_everything_typed(client, draft, applicant):
    """Valid and invalid input, autosaved, then the page opened again: every keystroke is
    there, the invalid input as typed, marked inline and linked from the error summary."""
    client.force_login(applicant)
    data = typed(draft, **{"app-summary": "x" * 1001})
    client.post(f"/fond/soknader/{draft.pk}/", data, headers={"X-Autosave": "1"})
    draft.refresh_from_db()
    assert draft.summary == ApplicationFactory.summary  # too long: kept aside, not saved
    page = client.get(f"/fond/soknader/{draft.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    # saved fields and rows
    assert "Vi lager mat sammen tre dager i uka." in html
    assert "Unge voksne uten jobb i kommunen." in html
    assert 'value="Arbeidstrening i kantina"' in _input(html, "id_app-title")
    assert 'value="NAV Bærum"' in _input(html, "id_partners-0-name")
    assert 'value="200000"' in _input(html, "id_budget-0-amount")
    # the invalid input, as typed, after the saved rows: the whole row
    assert "x" * 1001 in html
    assert 'value="Kantina AS"' in _input(html, "id_partners-1-name")
    assert _selected(html, "id_partners-1-kind") == "social_entrepreneur"
    assert 'value="123"' in _input(html, "id_partners-1-org_number")
    assert 'value="50000"' in _input(html, "id_budget-1-amount")
    assert 'value="2027"' in _input(html, "id_budget-1-year")
    assert _selected(html, "id_budget-1-source") == "cofunding"
    assert _selected(html, "id_budget-1-cost_type") == ""
    # marked inline, and linked from the one error summary
    for field in ("id_partners-1-org_number", "id_budget-1-cost_type", "id_app-summary"):
        assert 'aria-invalid="true"' in _input(html, field), field
        assert re.search(rf'aria-describedby="[^"]*\b{field}_error"', _input(html, field))
        assert f'id="{field}_error"' in html
        assert f'href="#{field}"' in html
    assert html.count('class="ds-error-summary"') == 1
    assert 'id="id_partners-1-org_number_error">Et organisasjonsnummer har ni sifre.' in html
    assert "Noe av det du skrev, kunne ikke lagres som det var." in html
    # an empty row follows, to type more
    assert 'name="partners-TOTAL_FORMS" value="4"' in html
    assert 'name="app-version" value="2"' in html


def test_a_corrected_field_leaves_the_draft(client, draft, applicant):
    client.force_login(applicant)
    url = f"/fond/soknader/{draft.pk}/"
    client.post(url, typed(draft), headers={"X-Autosave": "1"})
    draft.refresh_from_db()
    assert draft.draft_input == {
        "partners": [
            {"name": "Kantina AS", "kind": "social_entrepreneur", "role": "", "org_number": "123"}
        ],
        "budget": [{"cost_type": "", "year": "2027", "amount": "50000", "source": "cofunding"}],
    }
    # the page posts its rows in page order: the kept rows now follow the saved ones
    fixed = typed(
        draft,
        **{
            "app-version": 2,
            "partners-0-name": "NAV Bærum",
            "partners-0-kind": "municipal",
            "partners-0-org_number": "",
            "partners-1-name": "Kantina AS",
            "partners-1-kind": "social_entrepreneur",
            "partners-1-org_number": "123",
            "budget-1-cost_type": "services",
        },
    )
    response = client.post(url, fixed, headers={"X-Autosave": "1"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.draft_input == {
        "partners": [
            {"name": "Kantina AS", "kind": "social_entrepreneur", "role": "", "org_number": "123"}
        ]
    }
    assert sorted(draft.budget_lines.values_list("amount", flat=True)) == [50_000, 200_000]
    fixed["app-version"] = 3
    fixed["partners-1-org_number"] = "987 654 321"
    response = client.post(url, fixed, headers={"X-Autosave": "1"})
    assert response.json()["errors"] == []
    draft.refresh_from_db()
    assert draft.draft_input == {}
    assert sorted(draft.partners.values_list("org_number", flat=True)) == ["", "987654321"]
    html = client.get(url).content.decode()
    assert "ds-error-summary" not in html
    assert 'aria-invalid="true"' not in html


def test_a_row_marked_for_deletion_is_not_kept(client, draft, applicant):
    client.force_login(applicant)
    data = typed(draft, **{"partners-0-DELETE": "on", "budget-1-DELETE": "on"})
    response = client.post(f"/fond/soknader/{draft.pk}/", data, headers={"X-Autosave": "1"})
    assert response.json()["errors"] == []
    draft.refresh_from_db()
    assert draft.draft_input == {}
    assert [p.name for p in draft.partners.all()] == ["NAV Bærum"]


def test_the_kept_input_is_bounded(draft):
    from apps.fund.services import MAX_DRAFT_ROWS, clean_draft

    crafted = {
        "fields": {"summary": "y" * 50_000, "x" * 80: 5},
        "partners": [{"name": "a"}] * (MAX_DRAFT_ROWS + 10),
        "budget": "not a list",
        "other": {"anything": "else"},
    }
    cleaned = clean_draft(crafted)
    assert set(cleaned) == {"fields", "partners"}
    assert len(cleaned["fields"]["summary"]) == 20_000
    assert cleaned["fields"]["x" * 50] == "5"
    assert len(cleaned["partners"]) == MAX_DRAFT_ROWS


def test_submission_waits_until_the_kept_input_is_corrected(client, draft, applicant):
    from apps.fund.tests.factories import complete

    complete(draft)
    client.force_login(applicant)
    data = typed(
        draft,
        **{
            "app-summary": "x" * 1001,
            "partners-1-name": "",
            "partners-1-kind": "",
            "budget-0-amount": "200000",
            "budget-1-cost_type": "services",
            "budget-1-amount": "60 000",
        },
    )
    client.post(f"/fond/soknader/{draft.pk}/", data, headers={"X-Autosave": "1"})
    draft.refresh_from_db()
    assert set(draft.draft_input) == {"fields", "partners"}
    edit = f"/fond/soknader/{draft.pk}/"
    page = client.get(f"/fond/soknader/{draft.pk}/send/").content.decode()
    assert f'href="{edit}#id_app-summary">Det du skrev i «sammendrag», er ikke lagret' in page
    # the kept partner row follows the saved one (none here): row 1
    assert f'href="{edit}#partners-row-0">Partnere, rad 1: det du skrev, er ikke lagret' in page
    refused = client.post(f"/fond/soknader/{draft.pk}/send/")
    assert refused.status_code == 400
    draft.refresh_from_db()
    assert draft.status == "draft"


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
        assert "(kreves ved innsending)" in match.group(1)
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


def test_call_page_and_card_show_only_the_limits_that_exist(client, draft):
    call = draft.call
    call.min_amount, call.max_amount, call.cofunding_percent = 0, 0, 0
    call.save()
    for url in (call.get_absolute_url(), "/fond/"):
        html = client.get(url).content.decode()
        assert "Fra 0" not in html and "fra 0" not in html, url
        assert "Minst 0 %" not in html, url
    html = client.get(call.get_absolute_url()).content.decode()
    assert "Ingen krav om egenfinansiering" in html
    assert "Ingen øvre grense" in html
    call.max_amount = 300_000
    call.save()
    for url in (call.get_absolute_url(), "/fond/"):
        assert "Søk om høyst 300\u00a0000 kroner." in client.get(url).content.decode(), url
