"""Context for the cookbook pages; the pages' own get_context calls these.

The page models import this module inside get_context (a Wagtail page is its own controller);
it is the app's only context module and no views module exists, so a page model never imports
views (docs/decisions/0022-import-contracts.md, the `.importlinter` contracts)."""

from django.http import QueryDict
from django.utils.functional import SimpleLazyObject

from apps.core.content_language import DEFAULT_CONTENT_LANGUAGE, localize_for_display

from . import selectors
from .forms import RecipeFilterForm


def index_context(*, query: QueryDict, language: str = DEFAULT_CONTENT_LANGUAGE) -> dict:
    """The filter form, and either the matching recipes (a valid filter is set) or the whole
    book in chapters (no filter, or an invalid one, which the form reports), in `language`
    where a chapter or recipe has been translated. The lists are lazy: read only when the
    template draws them, so a list that comes from the fragment cache
    (apps/core/templatetags/public_fragment.py) runs none of their queries."""
    submitted = any(query.get(name) for name in RecipeFilterForm.base_fields)
    form = RecipeFilterForm(query if submitted else None)
    filters = form.active_filters()
    context = {"filter_form": form, "filters": filters}
    if filters:
        context["recipes"] = SimpleLazyObject(lambda: _matching_recipes(filters, language))
    else:
        context["book"] = SimpleLazyObject(lambda: _whole_book(language))
    return context


def _matching_recipes(filters: dict, language: str) -> list:
    recipes = selectors.recipe_index(**filters)
    chapters = {recipe.chapter.pk: recipe.chapter for recipe in recipes}.values()
    localize_for_display(chapters, language=language, fields=("title", "intro"))
    localize_for_display(recipes, language=language, fields=("title", "summary"))
    return recipes


def _whole_book(language: str) -> list:
    book = selectors.book_contents()
    localize_for_display(
        [part.chapter for part in book], language=language, fields=("title", "intro")
    )
    localize_for_display(
        [recipe for part in book for recipe in part.recipes],
        language=language,
        fields=("title", "summary"),
    )
    return book
