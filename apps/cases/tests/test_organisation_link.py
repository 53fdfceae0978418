"""An example can be tied to the entrepreneur's organisation on Kokeboka (issue 5)."""

import pytest
from django.urls import reverse

from apps.accounts.models import OrganisationType
from apps.accounts.tests.factories import OrganisationFactory
from apps.cases import selectors
from apps.core.models import Municipality

from .factories import CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entrepreneur():
    return OrganisationFactory(
        name="Grønn Arbeidstrening SA",
        type=OrganisationType.SOSIAL_ENTREPRENOR,
        website="https://gronn.example.no/",
    )


def test_case_page_links_to_the_organisation_page(client, case_index, entrepreneur):
    case = CasePageFactory(
        parent=case_index, entrepreneur_name="", entrepreneur_organisation=entrepreneur
    )
    body = client.get(case.url).content.decode()
    link = reverse("accounts:organisation-detail", args=[entrepreneur.slug])
    assert f'href="{link}"' in body
    assert "Grønn Arbeidstrening SA" in body


def test_case_without_organisation_keeps_the_typed_name(client, case_index):
    case = CasePageFactory(parent=case_index, entrepreneur_name="Navnet AS")
    body = client.get(case.url).content.decode()
    assert "Navnet AS" in body
    assert "/organisasjoner/" not in body.split("<main", 1)[1].split("</main>", 1)[0]


def test_list_card_and_api_use_the_organisation(client, case_index, entrepreneur):
    CasePageFactory(
        parent=case_index,
        slug="med-org",
        entrepreneur_name="Gammelt navn",
        entrepreneur_organisation=entrepreneur,
    )
    listing = client.get(case_index.url).content.decode()
    assert "Grønn Arbeidstrening SA" in listing
    assert "Gammelt navn" not in listing
    data = client.get("/api/v1/cases/med-org").json()
    assert data["entrepreneur"] == {
        "name": "Grønn Arbeidstrening SA",
        "website": "https://gronn.example.no/",
        "organisation": entrepreneur.slug,
    }


def test_organisation_page_lists_its_examples(client, case_index, entrepreneur):
    mine = CasePageFactory(
        parent=case_index, title="Vårt eksempel", entrepreneur_organisation=entrepreneur
    )
    CasePageFactory(
        parent=case_index,
        title="Andres eksempel",
        municipality=Municipality.objects.get(code="5001"),
    )
    draft = CasePageFactory(
        parent=case_index, title="Utkastet", entrepreneur_organisation=entrepreneur
    )
    draft.unpublish()
    body = client.get(
        reverse("accounts:organisation-detail", args=[entrepreneur.slug])
    ).content.decode()
    assert mine.title in body
    assert "Andres eksempel" not in body
    assert "Utkastet" not in body


def test_a_municipality_sees_examples_from_its_municipality(case_index):
    baerum = Municipality.objects.get(code="3201")
    kommune = OrganisationFactory(
        name="Bærum kommune", type=OrganisationType.KOMMUNE, municipality=baerum
    )
    here = CasePageFactory(parent=case_index, municipality=baerum)
    CasePageFactory(parent=case_index, municipality=Municipality.objects.get(code="5001"))
    assert selectors.cases_for_organisation(organisation=kommune) == [here]
