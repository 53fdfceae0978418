from django import template

from apps.cases.selectors import cases_for_recipe

register = template.Library()


@register.simple_tag
def recipe_cases(recipe) -> list:
    """The published examples that illustrate the recipe (for the recipe page)."""
    if recipe is None or not getattr(recipe, "pk", None):
        return []
    return cases_for_recipe(recipe_id=recipe.pk)
