import pytest

from apps.cookbook.tests.factories import RecipePageFactory

from .factories import CasePageFactory

pytestmark = pytest.mark.django_db


def test_a_recipe_page_lists_the_published_examples_that_illustrate_it(
    english, case_index, chapter
):
    recipe = RecipePageFactory(parent=chapter, title="Betalt pilot")
    CasePageFactory(parent=case_index, title="Pilot i Trondheim", recipes=[recipe])
    draft = CasePageFactory(parent=case_index, title="Upublisert eksempel", recipes=[recipe])
    draft.unpublish()

    html = english.get(recipe.url).content.decode()

    assert "Real examples of this recipe" in html
    assert "Pilot i Trondheim" in html
    assert "Upublisert eksempel" not in html


def test_a_recipe_without_examples_has_no_examples_section(english, chapter):
    recipe = RecipePageFactory(parent=chapter)
    assert "Real examples of this recipe" not in english.get(recipe.url).content.decode()
