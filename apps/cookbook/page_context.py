"""Context for the cookbook pages; the pages' own get_context calls these.

The page models import this module inside get_context (a Wagtail page is its own controller);
it is the app's only context module and no views module exists, so a page model never imports
views (docs/decisions/0022-import-contracts.md, the `.importlinter` contracts)."""

from django.http import QueryDict

from apps.core.content_language import DEFAULT_CONTENT_LANGUAGE, localize_for_display

from . import selectors
from .forms import RecipeFilterForm


def index_context(*, query: QueryDict, language: str = DEFAULT_CONTENT_LANGUAGE) -> dict:
    """The filter form, and either the matching recipes (a valid filter is set) or the whole
    book in chapters (no filter, or an invalid one, which the form reports), in `language`
    where a chapter or recipe has been translated."""
    submitted = any(query.get(name) for name in RecipeFilterForm.base_fields)
    form = RecipeFilterForm(query if submitted else None)
    filters = form.active_filters()
    context = {"filter_form": form, "filters": filters}
    if filters:
        context["recipes"] = selectors.recipe_index(**filters)
        recipes = context["recipes"]
        chapters = {recipe.chapter.pk: recipe.chapter for recipe in recipes}.values()
    else:
        context["book"] = selectors.book_contents()
        recipes = [recipe for part in context["book"] for recipe in part.recipes]
        chapters = [part.chapter for part in context["book"]]
    localize_for_display(chapters, language=language, fields=("title", "intro"))
    localize_for_display(recipes, language=language, fields=("title", "summary"))
    return context
