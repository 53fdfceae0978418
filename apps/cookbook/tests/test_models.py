import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from apps.cookbook.models import ChapterPage, CookbookIndexPage, RecipeLegalRule, RecipePage
from apps.cookbook.services import recipe_publish_revision
from apps.core.models import AuditEvent, StandardPage

from .factories import ChapterPageFactory, LegalRuleFactory, RecipePageFactory

pytestmark = pytest.mark.django_db


def test_the_tree_only_allows_index_then_chapters_then_recipes(home_page):
    assert CookbookIndexPage.can_create_at(home_page)
    assert not ChapterPage.can_create_at(home_page)
    assert not RecipePage.can_create_at(home_page)
    assert ChapterPage.allowed_parent_page_models() == [CookbookIndexPage]
    assert RecipePage.allowed_parent_page_models() == [ChapterPage]
    assert RecipePage.allowed_subpage_models() == []
    assert CookbookIndexPage.allowed_subpage_models() == [ChapterPage]
    assert StandardPage not in ChapterPage.allowed_subpage_models()


def test_there_is_only_one_cookbook(cookbook, home_page):
    assert not CookbookIndexPage.can_create_at(home_page)


def test_the_cookbook_lives_at_kokeboka(cookbook):
    assert cookbook.url == "/kokeboka/"


def test_recipe_slugs_are_unique_in_the_whole_book(cookbook, chapter):
    RecipePageFactory(parent=chapter, slug="dialogmote")
    other_chapter = ChapterPageFactory(parent=cookbook)
    duplicate = RecipePage(
        title="Dialogmøte",
        slug="dialogmote",
        summary="S",
        situation="<p>S</p>",
        phase="dialog",
        steps=[("step", {"title": "En", "text": "<p>T</p>"})],
    )
    with pytest.raises(ValidationError) as error:
        other_chapter.add_child(instance=duplicate)
    assert "slug" in error.value.message_dict


def test_published_excludes_drafts_private_sections_and_recipes_in_draft_chapters(
    cookbook, chapter
):
    visible = RecipePageFactory(parent=chapter)
    RecipePageFactory(parent=chapter, live=False)
    draft_chapter = ChapterPageFactory(parent=cookbook, live=False)
    RecipePageFactory(parent=draft_chapter)
    private_chapter = ChapterPageFactory(parent=cookbook)
    RecipePageFactory(parent=private_chapter)
    PageViewRestriction.objects.create(
        page=private_chapter, restriction_type=PageViewRestriction.LOGIN
    )

    assert list(RecipePage.objects.published()) == [visible]
    assert list(ChapterPage.objects.published()) == [chapter]


def test_legal_rules_and_change_note_are_stored_in_each_revision(chapter):
    first_rule, second_rule = LegalRuleFactory(), LegalRuleFactory()
    recipe = RecipePageFactory(parent=chapter, legal_rules=[first_rule])
    first = recipe_publish_revision(recipe=recipe, change_note="Første versjon")

    recipe = RecipePage.objects.get(pk=recipe.pk)
    recipe.legal_rule_links.add(RecipeLegalRule(rule=second_rule, note="Ny regel", sort_order=1))
    recipe.change_note = "La til en regel"
    draft = recipe.save_revision()

    # The draft holds both rules, the live page still only the first.
    assert [link.rule for link in draft.as_object().legal_rule_links.all()] == [
        first_rule,
        second_rule,
    ]
    assert [link.rule for link in RecipePage.objects.get(pk=recipe.pk).legal_rule_links.all()] == [
        first_rule
    ]
    assert first.as_object().change_note == "Første versjon"
    assert draft.as_object().change_note == "La til en regel"


def test_publishing_a_revision_makes_it_live_and_leaves_an_audit_row(chapter, editor):
    recipe = RecipePageFactory(parent=chapter, live=False)
    recipe.summary = "Oppdatert sammendrag"
    revision = recipe_publish_revision(recipe=recipe, change_note="Ny tekst", user=editor)

    recipe.refresh_from_db()
    assert recipe.live
    assert recipe.live_revision == revision
    assert recipe.summary == "Oppdatert sammendrag"
    event = AuditEvent.objects.get(action="cookbook.recipe.published")
    assert event.actor == editor
    assert event.data == {"revision": revision.pk, "change_note": "Ny tekst"}


def test_publishing_needs_a_change_note(chapter):
    recipe = RecipePageFactory(parent=chapter)
    with pytest.raises(ValueError):
        recipe_publish_revision(recipe=recipe, change_note="  ")
    assert recipe.revisions.count() == 0


def test_ingredients_leave_out_empty_ones(chapter):
    recipe = RecipePageFactory(parent=chapter, ingredients_budget="", ingredients_time=" ")
    assert [text for _label, text in recipe.ingredients] == [
        recipe.ingredients_who,
        recipe.ingredients_prerequisites,
    ]


def test_recipes_are_found_by_words_in_steps_and_ingredients(chapter):
    from wagtail.rich_text import RichText

    from .factories import StepBlockFactory

    in_step = RecipePageFactory(
        parent=chapter,
        steps=[
            ("step", StepBlockFactory(text=RichText("<p>Inviter til dialogmøtet i rådhuset.</p>")))
        ],
    )
    in_ingredients = RecipePageFactory(
        parent=chapter, ingredients_budget="Budsjettet dekker en tolk"
    )
    RecipePageFactory(parent=chapter)

    assert list(RecipePage.objects.live().search("dialogmøte")) == [in_step]
    assert list(RecipePage.objects.live().search("tolken")) == [in_ingredients]
