"""The cookbook in the Wagtail admin: its part of the rules app's law watch."""

from django.urls import path
from wagtail import hooks

from apps.rules.admin_views import LAW_WATCH_RECIPES_HOOK

from . import admin_views
from .selectors import recipes_to_review


@hooks.register(LAW_WATCH_RECIPES_HOOK)
def law_watch_recipes():
    """The recipes the law watch lists (apps/rules/admin_views.py reads this hook)."""
    return recipes_to_review()


@hooks.register("register_admin_urls")
def register_recipe_reviewed_url():
    return [
        path(
            "lovvakt/gjennomgatt/<int:page_id>/",
            admin_views.recipe_reviewed,
            name="rules_recipe_reviewed",
        ),
    ]
