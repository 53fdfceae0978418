import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from apps.cookbook import selectors
from apps.cookbook.models import RecipePage
from apps.cookbook.services import recipe_publish_revision

from .factories import LegalRuleFactory, RecipePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipe(chapter):
    recipe = RecipePageFactory(parent=chapter, title="Møt entreprenøren")
    recipe_publish_revision(recipe=recipe, change_note="Første versjon")
    return recipe


def edit_form(recipe, *, rule, **overrides):
    data = {
        "title": recipe.title,
        "slug": recipe.slug,
        "summary": "Et sammendrag skrevet i redigeringen.",
        "situation": rich_text("<p>Når kommunen vil møte en entreprenør.</p>"),
        "ingredients_who": "Tjenesteleder",
        "ingredients_budget": "",
        "ingredients_time": "",
        "ingredients_prerequisites": "",
        "steps": streamfield(
            [
                (
                    "step",
                    {
                        "title": "Avtal møtet",
                        "text": rich_text("<p>Send en kort invitasjon.</p>"),
                        "tip": "",
                        "pitfall": "",
                    },
                )
            ]
        ),
        "examples": streamfield([]),
        "legal_rule_links": inline_formset([{"rule": rule.pk, "note": "Gjelder"}]),
        "related_links": inline_formset([]),
        "phase": "dialog",
        "audience": "begge",
        "change_note": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_the_edit_form_starts_with_an_empty_change_note(client, editor, recipe):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{recipe.pk}/edit/")
    assert response.status_code == 200
    assert response.context["form"].initial["change_note"] == ""


def test_publishing_from_the_admin_needs_a_change_note(client, editor, recipe):
    rule = LegalRuleFactory()
    client.force_login(editor)
    url = f"/admin/pages/{recipe.pk}/edit/"

    refused = client.post(url, {**edit_form(recipe, rule=rule), "action-publish": "publish"})
    assert refused.status_code == 200
    assert "change_note" in refused.context["form"].errors
    assert len(selectors.published_revisions(recipe=recipe)) == 1

    accepted = client.post(
        url,
        {
            **edit_form(recipe, rule=rule, change_note="Nytt sammendrag og ny regel"),
            "action-publish": "publish",
        },
    )
    assert accepted.status_code == 302
    notes = [entry.change_note for entry in selectors.published_revisions(recipe=recipe)]
    assert notes == ["Nytt sammendrag og ny regel", "Første versjon"]
    live = RecipePage.objects.get(pk=recipe.pk)
    assert [link.rule for link in live.legal_rule_links.all()] == [rule]


def test_a_draft_can_be_saved_without_a_change_note(client, editor, recipe):
    rule = LegalRuleFactory()
    client.force_login(editor)
    response = client.post(f"/admin/pages/{recipe.pk}/edit/", edit_form(recipe, rule=rule))
    assert response.status_code == 302
    assert RecipePage.objects.get(pk=recipe.pk).has_unpublished_changes
    assert len(selectors.published_revisions(recipe=recipe)) == 1


@pytest.mark.parametrize("mode", ["add", "edit"])
def test_preview_renders_the_recipe_with_its_unsaved_rules(client, editor, recipe, chapter, mode):
    rule = LegalRuleFactory(citation="FOA § 30-3")
    client.force_login(editor)
    if mode == "add":
        url = f"/admin/pages/add/cookbook/recipepage/{chapter.pk}/preview/"
        data = edit_form(recipe, rule=rule, slug="ny-oppskrift", title="Ny oppskrift")
    else:
        url = f"/admin/pages/{recipe.pk}/edit/preview/"
        data = edit_form(recipe, rule=rule)

    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)

    assert response.status_code == 200
    assert "FOA § 30-3" in response.content.decode()
