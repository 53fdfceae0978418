"""Context for the cookbook pages; the pages' own get_context calls these."""

from django.http import QueryDict

from . import selectors
from .forms import RecipeFilterForm


def index_context(*, query: QueryDict) -> dict:
    """The filter form, and either the matching recipes (a valid filter is set) or the whole
    book in chapters (no filter, or an invalid one, which the form reports)."""
    submitted = any(query.get(name) for name in RecipeFilterForm.base_fields)
    form = RecipeFilterForm(query if submitted else None)
    filters = form.active_filters()
    context = {"filter_form": form, "filters": filters}
    if filters:
        context["recipes"] = selectors.recipe_index(**filters)
    else:
        context["book"] = selectors.book_contents()
    return context
