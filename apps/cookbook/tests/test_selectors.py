import pytest
from wagtail.models import PageViewRestriction

from apps.cookbook import selectors
from apps.cookbook.models import Audience, Phase, RecipePage
from apps.cookbook.services import recipe_publish_revision
from apps.core.models import Sector

from .factories import ChapterPageFactory, LegalRuleFactory, RecipePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sectors(db):
    return {sector.code: sector for sector in Sector.objects.all()}


def test_chapters_for_home_counts_published_recipes_in_book_order_in_one_query(
    cookbook, chapter, django_assert_num_queries
):
    second = ChapterPageFactory(parent=cookbook, title="Prøve ut")
    ChapterPageFactory(parent=cookbook, live=False)
    private = ChapterPageFactory(parent=cookbook)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    RecipePageFactory(parent=chapter)
    RecipePageFactory(parent=chapter)
    RecipePageFactory(parent=chapter, live=False)
    RecipePageFactory(parent=second, live=False)

    with django_assert_num_queries(1):
        chapters = [(c.title, c.recipe_count) for c in selectors.chapters_for_home()]

    assert chapters == [(chapter.title, 2), ("Prøve ut", 0)]


def test_recipe_index_is_in_book_order_with_chapters_set(cookbook, chapter):
    later_chapter = ChapterPageFactory(parent=cookbook)
    first = RecipePageFactory(parent=chapter, title="B kommer først")
    second = RecipePageFactory(parent=chapter, title="A kommer etter")
    third = RecipePageFactory(parent=later_chapter)

    recipes = selectors.recipe_index()

    assert recipes == [first, second, third]
    assert [recipe.chapter for recipe in recipes] == [chapter, chapter, later_chapter]


def test_recipe_index_filters_by_phase(chapter):
    needs = RecipePageFactory(parent=chapter, phase=Phase.NEEDS)
    RecipePageFactory(parent=chapter, phase=Phase.SCALING)
    assert selectors.recipe_index(phase="behov") == [needs]


def test_recipe_index_sector_filter_includes_general_recipes(chapter, sectors):
    child_welfare = RecipePageFactory(parent=chapter, sectors=[sectors["barnevern"]])
    RecipePageFactory(parent=chapter, sectors=[sectors["folkehelse"]])
    general = RecipePageFactory(parent=chapter)
    both = RecipePageFactory(parent=chapter, sectors=[sectors["folkehelse"], sectors["barnevern"]])

    assert selectors.recipe_index(sector="barnevern") == [child_welfare, general, both]


def test_recipe_index_audience_filter_includes_recipes_for_both(chapter):
    municipality = RecipePageFactory(parent=chapter, audience=Audience.MUNICIPALITY)
    entrepreneur = RecipePageFactory(parent=chapter, audience=Audience.ENTREPRENEUR)
    both = RecipePageFactory(parent=chapter, audience=Audience.BOTH)

    assert selectors.recipe_index(audience="kommune") == [municipality, both]
    assert selectors.recipe_index(audience="entreprenor") == [entrepreneur, both]
    assert selectors.recipe_index(audience="begge") == [both]


def test_recipe_index_combines_filters(chapter, sectors):
    match = RecipePageFactory(
        parent=chapter,
        phase=Phase.TRIAL,
        audience=Audience.MUNICIPALITY,
        sectors=[sectors["barnevern"]],
    )
    RecipePageFactory(parent=chapter, phase=Phase.TRIAL, audience=Audience.ENTREPRENEUR)
    RecipePageFactory(parent=chapter, phase=Phase.NEEDS, audience=Audience.MUNICIPALITY)
    RecipePageFactory(parent=chapter, phase=Phase.TRIAL, sectors=[sectors["folkehelse"]])

    result = selectors.recipe_index(phase="utproving", sector="barnevern", audience="kommune")

    assert result == [match]


def test_book_contents_groups_published_recipes_under_their_chapters(cookbook, chapter):
    empty = ChapterPageFactory(parent=cookbook)
    recipe = RecipePageFactory(parent=chapter)
    RecipePageFactory(parent=chapter, live=False)

    book = selectors.book_contents()

    assert [(entry.chapter, entry.recipes) for entry in book] == [(chapter, [recipe]), (empty, [])]


def test_recipes_citing_rules_puts_most_matches_first_and_respects_the_limit(chapter):
    reserved, light, protocol = (
        LegalRuleFactory(code="foa-8-8"),
        LegalRuleFactory(code="foa-kap-30"),
        LegalRuleFactory(code="foa-7-1"),
    )
    one = RecipePageFactory(parent=chapter, legal_rules=[reserved])
    two = RecipePageFactory(parent=chapter, legal_rules=[protocol, light, reserved])
    RecipePageFactory(parent=chapter, legal_rules=[protocol])
    RecipePageFactory(parent=chapter, legal_rules=[reserved, light], live=False)
    also_one = RecipePageFactory(parent=chapter, legal_rules=[light])

    codes = ["foa-8-8", "foa-kap-30"]
    result = selectors.recipes_citing_rules(codes=codes)

    assert result == [two, one, also_one]
    assert [recipe.matches for recipe in result] == [2, 1, 1]
    assert selectors.recipes_citing_rules(codes=codes, limit=1) == [two]
    assert selectors.recipes_citing_rules(codes=[]) == []
    assert selectors.recipes_citing_rules(codes=["ukjent"]) == []


def test_published_revisions_lists_published_ones_newest_first_with_notes(chapter):
    recipe = RecipePageFactory(parent=chapter)
    first = recipe_publish_revision(recipe=recipe, change_note="Første versjon")
    recipe.summary = "Utkast som ikke er publisert"
    recipe.change_note = "Bare et utkast"
    recipe.save_revision()
    recipe.summary = "Ny oppsummering"
    second = recipe_publish_revision(recipe=recipe, change_note="Ny oppsummering")

    revisions = selectors.published_revisions(recipe=recipe)

    assert [(r.revision_id, r.change_note, r.previous_revision_id) for r in revisions] == [
        (second.pk, "Ny oppsummering", first.pk),
        (first.pk, "Første versjon", None),
    ]
    assert revisions[0].published_at >= revisions[1].published_at


def test_revision_comparison_only_accepts_this_recipes_published_revisions(chapter):
    recipe = RecipePageFactory(parent=chapter)
    other = RecipePageFactory(parent=chapter)
    first = recipe_publish_revision(recipe=recipe, change_note="En")
    recipe.summary = "Endret"
    second = recipe_publish_revision(recipe=recipe, change_note="To")
    draft = recipe.save_revision()
    foreign = recipe_publish_revision(recipe=other, change_note="Annen")

    comparison = selectors.revision_comparison(
        recipe=recipe, old_revision_id=first.pk, new_revision_id=second.pk
    )
    assert comparison.has_changes
    for old_id, new_id in [(first.pk, draft.pk), (foreign.pk, second.pk), (first.pk, 999999)]:
        assert (
            selectors.revision_comparison(
                recipe=recipe, old_revision_id=old_id, new_revision_id=new_id
            )
            is None
        )


def test_recipes_for_api_annotates_the_chapter(chapter):
    RecipePageFactory(parent=chapter)
    (recipe,) = selectors.recipes_for_api()
    assert (recipe.chapter_title, recipe.chapter_slug) == (chapter.title, chapter.slug)


def test_recipe_for_api_hides_unpublished_related_recipes(chapter):
    hidden = RecipePageFactory(parent=chapter, live=False)
    shown = RecipePageFactory(parent=chapter)
    recipe = RecipePageFactory(parent=chapter, related=[hidden, shown])

    found = selectors.recipe_for_api(slug=recipe.slug)

    assert found.related_recipes == [shown]
    assert selectors.recipe_for_api(slug=hidden.slug) is None
    assert isinstance(found, RecipePage)
