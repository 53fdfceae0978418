import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.cases.models import CollaborationForm
from apps.cookbook.tests.factories import RecipePageFactory
from apps.core.models import Municipality, Sector, TargetGroup

from .factories import CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(case_index, chapter):
    recipe = RecipePageFactory(parent=chapter, title="Effektkontrakt", slug="effektkontrakt")
    draft_recipe = RecipePageFactory(parent=chapter, title="Utkast", live=False)
    lier = CasePageFactory(
        parent=case_index,
        title="Trygg av natur i Lier",
        slug="lier",
        summary="Den første effektkontrakten.",
        municipality=Municipality.objects.get(code="3312"),
        entrepreneur_name="Trygg av natur",
        entrepreneur_url="https://example.org/",
        collaboration_form=CollaborationForm.OUTCOMES_CONTRACT,
        start_year=2016,
        end_year=None,
        story="<p>Historien.</p>",
        lessons_learned="<p>Avtal målene først.</p>",
        unconfirmed_note="Beløpet er ikke bekreftet.",
        sectors=[Sector.objects.get(code="folkehelse")],
        target_groups=[TargetGroup.objects.get(code="ungdom")],
        recipes=[recipe, draft_recipe],
        outcomes=[{"name": "Beløp", "value": "2000000.50", "unit": "kr", "unconfirmed": True}],
        sources=[{"title": "Ferd", "url": "https://ferd.no/"}],
    )
    oslo = CasePageFactory(
        parent=case_index,
        title="Pilot i Oslo",
        slug="oslo",
        municipality=Municipality.objects.get(code="0301"),
        collaboration_form=CollaborationForm.PILOT,
        start_year=2012,
    )
    CasePageFactory(parent=case_index, title="Utkast", slug="utkast", live=False)
    return lier, oslo


def test_list_returns_public_fields_of_published_examples(client, cases):
    response = client.get("/api/v1/cases")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["lier", "oslo"]
    assert data["items"][0] == {
        "title": "Trygg av natur i Lier",
        "slug": "lier",
        "url": "/eksempler/lier/",
        "municipality": {
            "code": "3312",
            "name": "Lier",
            "county": {"code": "33", "name": "Buskerud"},
        },
        "entrepreneur": {
            "name": "Trygg av natur",
            "website": "https://example.org/",
            "organisation": None,
        },
        "sectors": ["folkehelse"],
        "target_groups": ["ungdom"],
        "form": "effektkontrakt",
        "start_year": 2016,
        "end_year": None,
        "summary": "Den første effektkontrakten.",
    }


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("sector=folkehelse", ["lier"]),
        ("form=pilot", ["oslo"]),
        ("county=33", ["lier"]),
        ("municipality=0301", ["oslo"]),
        ("county=03&form=pilot", ["oslo"]),
        ("county=03&form=effektkontrakt", []),
    ],
)
def test_list_filters(client, cases, query, slugs):
    data = client.get(f"/api/v1/cases?{query}").json()

    assert [item["slug"] for item in data["items"]] == slugs
    assert data["count"] == len(slugs)


@pytest.mark.parametrize("query", ["sector=tull", "form=tull", "county=99", "municipality=9999"])
def test_list_refuses_unknown_filter_values(client, cases, query):
    assert client.get(f"/api/v1/cases?{query}").status_code == 422


def test_list_paginates(client, cases):
    data = client.get("/api/v1/cases?limit=1&offset=1").json()

    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["oslo"]


def test_detail_adds_outcomes_lessons_sources_and_published_recipes(client, cases):
    response = client.get("/api/v1/cases/lier")

    assert response.status_code == 200
    data = response.json()
    assert data["story"] == "<p>Historien.</p>"
    assert data["lessons"] == "<p>Avtal målene først.</p>"
    assert data["unconfirmed_note"] == "Beløpet er ikke bekreftet."
    assert data["outcomes"] == [
        {"name": "Beløp", "value": 2000000.5, "unit": "kr", "note": "", "unconfirmed": True}
    ]
    assert data["sources"] == [{"title": "Ferd", "url": "https://ferd.no/"}]
    assert [recipe["title"] for recipe in data["recipes"]] == ["Effektkontrakt"]
    assert data["recipes"][0]["url"].startswith("/kokeboka/")
    assert data["recipes"][0]["url"].endswith("/effektkontrakt/")


def test_detail_of_unpublished_or_unknown_example_is_404(client, cases):
    assert client.get("/api/v1/cases/utkast").status_code == 404
    assert client.get("/api/v1/cases/finnes-ikke").status_code == 404


def test_list_query_count_does_not_grow(client, case_index):
    def make(count):
        for _ in range(count):
            CasePageFactory(
                parent=case_index,
                sectors=list(Sector.objects.all()[:2]),
                target_groups=list(TargetGroup.objects.all()[:2]),
            )

    def measure() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            response = client.get("/api/v1/cases?limit=100")
        assert response.status_code == 200
        return len(context.captured_queries)

    make(10)
    with_ten = measure()
    make(50)
    assert measure() == with_ten
