"""The area chooser (issue 12, item 9): municipalities as checkboxes grouped by county, each
county a <details> with an "all of the county" box; plain form controls, so a post without
JavaScript chooses the same as one with it; the chosen ones are summarised."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.http import QueryDict
from django.utils import translation

from apps.broker.forms import OfferForm, ProfileForm
from apps.core.models import Municipality

pytestmark = pytest.mark.django_db


def _html(form) -> str:
    with translation.override("en"):
        return str(form["areas"])


def test_municipalities_are_grouped_by_county_in_details():
    html = _html(ProfileForm())
    counties = Municipality.objects.current().values_list("county__name", flat=True).distinct()
    assert html.count("<details") == len(set(counties))
    assert "<select" not in html
    assert html.count('type="checkbox"') == (
        Municipality.objects.current().count() + len(set(counties))
    )
    baerum = Municipality.objects.get(code="3201")
    county_block = html.split(f'area-county-name">{baerum.county.name}<')[1].split("</details>")[0]
    assert f'value="{baerum.pk}"' in county_block
    # Labels are tied to their boxes (keyboard and touch: the whole label is the target).
    for box_id in re.findall(r'<input[^>]+id="([^"]+)"', html):
        assert f'for="{box_id}"' in html


def test_whole_county_chooses_every_municipality_of_it():
    baerum = Municipality.objects.get(code="3201")
    county = baerum.county
    data = QueryDict(mutable=True)
    data.update({"summary": "Vi gjør noe.", "areas_county": county.code})
    form = ProfileForm(data)
    assert form.is_valid(), form.errors
    expected = set(Municipality.objects.current().filter(county=county))
    assert set(form.cleaned_data["areas"]) == expected
    # Re-shown, the county box is ticked and its details open.
    html = _html(ProfileForm(initial={"areas": list(expected)}))
    block = html.split(f'value="{county.code}"')[0].rsplit("<details", 1)[1]
    assert "open" in block
    assert re.search(rf'value="{county.code}"[^>]*checked', html)


def test_single_municipalities_without_javascript_and_the_summary():
    oslo, baerum = Municipality.objects.get(code="0301"), Municipality.objects.get(code="3201")
    data = QueryDict(mutable=True)
    data.update({"title": "Kafé", "description": "Arbeidstrening.", "maturity": "idea"})
    data.setlist("areas", [str(oslo.pk), str(baerum.pk)])
    form = OfferForm(data)
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["areas"]) == {oslo, baerum}
    html = _html(form)
    assert "2 municipalities chosen: Bærum, Oslo" in html
    assert html.count(" open") == 2  # the two counties with a chosen municipality


def test_nothing_chosen_is_an_empty_choice_and_an_unknown_county_is_ignored():
    form = ProfileForm({"summary": "Vi gjør noe.", "areas_county": "99"})
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["areas"]) == []
    assert "No municipality chosen." in _html(form)


def test_profile_form_page_in_norwegian(client):
    from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory

    org = OrganisationFactory(slug="kompass")
    admin = MembershipFactory(organisation=org, role="admin").user
    client.force_login(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    html = client.get(f"/entreprenorer/{org.slug}/profil/").content.decode()
    assert "Ingen kommune er valgt." in html
    assert "Hele Akershus" in html
