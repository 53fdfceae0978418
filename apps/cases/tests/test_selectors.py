import pytest
from wagtail.models import PageViewRestriction

from apps.cases import selectors
from apps.cases.models import CollaborationForm
from apps.cookbook.tests.factories import RecipePageFactory
from apps.core.models import Municipality, Sector

from .factories import CaseIndexPageFactory, CasePageFactory

pytestmark = pytest.mark.django_db


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


def sector(code: str) -> Sector:
    return Sector.objects.get(code=code)


@pytest.fixture
def cases(case_index):
    """Four examples in three counties, with different sectors and forms."""
    return {
        "baerum_pilot": CasePageFactory(
            parent=case_index,
            title="Bærum pilot",
            municipality=municipality("3201"),
            collaboration_form=CollaborationForm.PILOT,
            sectors=[sector("helse_omsorg")],
            start_year=2019,
        ),
        "asker_fund": CasePageFactory(
            parent=case_index,
            title="Asker fond",
            municipality=municipality("3203"),
            collaboration_form=CollaborationForm.INNOVATION_FUND,
            sectors=[sector("helse_omsorg"), sector("folkehelse")],
            start_year=2021,
        ),
        "oslo_pilot": CasePageFactory(
            parent=case_index,
            title="Oslo pilot",
            municipality=municipality("0301"),
            collaboration_form=CollaborationForm.PILOT,
            sectors=[sector("integrering")],
            start_year=2016,
        ),
        "bergen_unknown": CasePageFactory(
            parent=case_index,
            title="Bergen uten år",
            municipality=municipality("4601"),
            collaboration_form="",
            start_year=None,
            end_year=None,
        ),
    }


def titles(cases) -> list[str]:
    return [case.title for case in cases]


def test_list_is_newest_first_with_unknown_years_last(cases):
    assert titles(selectors.case_list()) == [
        "Asker fond",
        "Bærum pilot",
        "Oslo pilot",
        "Bergen uten år",
    ]


def test_filter_by_sector(cases):
    assert titles(selectors.case_list(sector="helse_omsorg")) == ["Asker fond", "Bærum pilot"]
    assert titles(selectors.case_list(sector="folkehelse")) == ["Asker fond"]


def test_filter_by_form(cases):
    assert titles(selectors.case_list(form="pilot")) == ["Bærum pilot", "Oslo pilot"]


def test_filter_by_county(cases):
    assert titles(selectors.case_list(county="32")) == ["Asker fond", "Bærum pilot"]
    assert titles(selectors.case_list(county="46")) == ["Bergen uten år"]


def test_filter_by_municipality(cases):
    assert titles(selectors.case_list(municipality="3201")) == ["Bærum pilot"]


def test_filters_combine(cases):
    assert titles(selectors.case_list(county="32", form="pilot")) == ["Bærum pilot"]
    assert titles(selectors.case_list(sector="helse_omsorg", form="pilot", county="03")) == []
    assert titles(selectors.case_list(sector="helse_omsorg", county="32", municipality="3203")) == [
        "Asker fond"
    ]


def test_county_counts_cover_every_county_in_number_order(cases):
    counts = selectors.county_counts()

    assert [entry.county.code for entry in counts] == sorted(entry.county.code for entry in counts)
    assert len(counts) == 15
    by_code = {entry.county.code: entry.count for entry in counts}
    assert by_code["32"] == 2
    assert by_code["03"] == 1
    assert by_code["46"] == 1
    assert by_code["50"] == 0
    assert sum(by_code.values()) == 4


def test_unpublished_examples_are_never_listed_or_counted(case_index):
    CasePageFactory(parent=case_index, title="Publisert", municipality=municipality("3201"))
    CasePageFactory(
        parent=case_index, title="Utkast", live=False, municipality=municipality("3201")
    )

    assert titles(selectors.case_list()) == ["Publisert"]
    assert {e.county.code: e.count for e in selectors.county_counts()}["32"] == 1
    assert [m.code for m in selectors.municipalities_with_cases()] == ["3201"]


def test_private_examples_and_those_under_an_unpublished_index_are_not_listed(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    private = CasePageFactory(parent=index, title="Privat")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    CasePageFactory(parent=index, title="Åpen")
    assert titles(selectors.case_list()) == ["Åpen"]

    index.unpublish()
    assert titles(selectors.case_list()) == []
    assert sum(entry.count for entry in selectors.county_counts()) == 0


def test_cases_for_recipe_lists_published_examples_that_link_it(case_index, chapter):
    recipe = RecipePageFactory(parent=chapter)
    other = RecipePageFactory(parent=chapter)
    CasePageFactory(parent=case_index, title="Viser oppskriften", recipes=[recipe])
    CasePageFactory(parent=case_index, title="Utkast", live=False, recipes=[recipe])
    CasePageFactory(parent=case_index, title="Annen oppskrift", recipes=[other])

    found = selectors.cases_for_recipe(recipe_id=recipe.pk)

    assert titles(found) == ["Viser oppskriften"]
    assert found[0].municipality.county.name == "Akershus"


def test_case_page_details_show_only_published_recipes(case_index, chapter):
    live = RecipePageFactory(parent=chapter, title="Publisert oppskrift")
    draft = RecipePageFactory(parent=chapter, title="Utkast til oppskrift", live=False)
    case = CasePageFactory(
        parent=case_index,
        recipes=[live, draft],
        outcomes=[{"name": "Deltakere", "value": 12, "unconfirmed": True}],
    )

    details = selectors.case_page_details(case=case)

    assert [recipe.title for recipe in details["recipes"]] == ["Publisert oppskrift"]
    assert details["outcomes_unconfirmed"] is True
    assert details["has_unconfirmed_details"] is True
    assert details["municipality"].county.code == "32"
