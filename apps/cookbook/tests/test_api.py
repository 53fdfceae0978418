import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from apps.cookbook.models import Audience, Phase, RecipePage, RelatedRecipe
from apps.cookbook.services import recipe_publish_revision
from apps.core.models import Sector

from .factories import (
    ChapterPageFactory,
    ExampleBlockFactory,
    LegalRuleFactory,
    RecipePageFactory,
    StepBlockFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/recipes"


def test_list_items_have_the_documented_fields(client, chapter):
    rule = LegalRuleFactory(code="foa-8-8", citation="FOA § 8-8", verified=False)
    recipe = RecipePageFactory(
        parent=chapter,
        phase=Phase.AGREEMENT,
        audience=Audience.MUNICIPALITY,
        sectors=[Sector.objects.get(code="barnevern")],
        legal_rules=[(rule, "Del II")],
    )
    recipe_publish_revision(recipe=recipe, change_note="Første")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["title"] == recipe.title
    assert item["slug"] == recipe.slug
    assert item["url"] == f"/kokeboka/forsta-og-mote/{recipe.slug}/"
    assert item["summary"] == recipe.summary
    assert (item["phase"], item["audience"]) == ("avtale", "kommune")
    assert item["sectors"] == ["barnevern"]
    assert item["chapter"] == {"title": "Forstå og møte", "slug": "forsta-og-mote"}
    assert item["legal_rules"] == [
        {
            "code": "foa-8-8",
            "citation": "FOA § 8-8",
            "verified": False,
            "pending": False,
            "note": "Del II",
        }
    ]
    assert item["last_published_at"]


def test_list_filters_by_phase_sector_and_audience(client, chapter):
    child_welfare = Sector.objects.get(code="barnevern")
    RecipePageFactory(parent=chapter, slug="a", phase=Phase.NEEDS, sectors=[child_welfare])
    RecipePageFactory(parent=chapter, slug="b", phase=Phase.NEEDS, audience=Audience.ENTREPRENEUR)
    RecipePageFactory(
        parent=chapter,
        slug="c",
        phase=Phase.SCALING,
        audience=Audience.MUNICIPALITY,
        sectors=[Sector.objects.get(code="folkehelse")],
    )

    def slugs(query):
        response = client.get(LIST_URL + query)
        assert response.status_code == 200
        return [item["slug"] for item in response.json()["items"]]

    assert slugs("?phase=behov") == ["a", "b"]
    assert slugs("?sector=barnevern") == ["a", "b"]  # b has no sector: it fits all
    assert slugs("?audience=entreprenor") == ["a", "b"]  # a is for both
    assert slugs("?audience=kommune") == ["a", "c"]
    assert slugs("?audience=kommune&phase=behov") == ["a"]
    assert slugs("?limit=1&offset=1") == ["b"]


def test_list_rejects_unknown_filter_values(client, chapter):
    assert client.get(LIST_URL + "?phase=matlaging").status_code == 422
    response = client.get(LIST_URL + "?sector=finnes-ikke")
    assert response.status_code == 422
    assert "finnes-ikke" in response.json()["detail"]


def test_list_and_detail_only_show_live_public_recipes(client, cookbook, chapter):
    RecipePageFactory(parent=chapter, slug="synlig")
    RecipePageFactory(parent=chapter, slug="kladd", live=False)
    private = ChapterPageFactory(parent=cookbook)
    RecipePageFactory(parent=private, slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    body = client.get(LIST_URL).json()
    assert [item["slug"] for item in body["items"]] == ["synlig"]
    assert body["count"] == 1
    assert client.get(f"{LIST_URL}/synlig").status_code == 200
    assert client.get(f"{LIST_URL}/kladd").status_code == 404
    assert client.get(f"{LIST_URL}/privat").status_code == 404
    assert client.get(f"{LIST_URL}/finnes-ikke").status_code == 404


def test_detail_has_content_steps_examples_and_related(client, chapter):
    related = RecipePageFactory(parent=chapter, slug="neste")
    RecipePageFactory(parent=chapter, slug="utkast", live=False)
    recipe = RecipePageFactory(
        parent=chapter,
        slug="hoved",
        situation="<p>Når kommunen har et <b>behov</b>.</p>",
        steps=[("step", StepBlockFactory(title="Start", tip="Tips", pitfall="Felle"))],
        examples=[("example", ExampleBlockFactory(source_url="https://example.org/kilde"))],
    )
    RelatedRecipe.objects.create(page=recipe, related=related, sort_order=0)
    RelatedRecipe.objects.create(
        page=recipe, related=RecipePage.objects.get(slug="utkast"), sort_order=1
    )

    body = client.get(f"{LIST_URL}/hoved").json()

    assert body["situation"] == "<p>Når kommunen har et <b>behov</b>.</p>"
    assert body["ingredients"]["who"] == recipe.ingredients_who
    assert body["steps"] == [
        {"title": "Start", "text": "<p>Gjør dette først.</p>", "tip": "Tips", "pitfall": "Felle"}
    ]
    assert body["examples"][0]["source_url"] == "https://example.org/kilde"
    assert body["related"] == [
        {"title": related.title, "slug": "neste", "url": "/kokeboka/forsta-og-mote/neste/"}
    ]
    assert body["chapter"]["slug"] == "forsta-og-mote"


def test_list_query_count_does_not_grow_with_the_number_of_recipes(client, cookbook, chapter):
    sectors = list(Sector.objects.all()[:2])
    rules = [LegalRuleFactory(), LegalRuleFactory()]
    other = ChapterPageFactory(parent=cookbook)

    def add(count):
        for number in range(count):
            RecipePageFactory(
                parent=(chapter, other)[number % 2], sectors=sectors, legal_rules=rules
            )

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            response = client.get(LIST_URL + "?limit=100")
        assert response.status_code == 200
        return len(context.captured_queries), response.json()["count"]

    add(10)
    few, count = queries()
    assert count == 10
    add(50)
    many, count = queries()
    assert count == 60
    assert many == few


def test_the_schema_documents_the_recipe_fields(client):
    schema = client.get("/api/v1/openapi.json").json()
    item = schema["components"]["schemas"]["RecipeListItem"]
    assert "description" in item["properties"]["sectors"]
    assert "/api/v1/recipes/{slug}" in schema["paths"]
