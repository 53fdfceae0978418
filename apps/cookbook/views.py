"""Context for the cookbook pages; the pages' own get_context calls these."""

from django.http import QueryDict

from . import selectors
from .forms import RecipeFilterForm
from .models import CookbookIndexPage


def index_context(*, page: CookbookIndexPage, query: QueryDict) -> dict:
    submitted = any(query.get(name) for name in RecipeFilterForm.base_fields)
    form = RecipeFilterForm(query if submitted else None)
    filters = form.active_filters()
    context = {
        "filter_form": form,
        "filters": filters,
        "filter_errors": form.is_bound and form.errors,
    }
    if filters:
        context["recipes"] = selectors.recipe_index(**filters)
    else:
        context["book"] = selectors.book_contents()
    return context
