"""The law watch in the Wagtail admin: what editors must check in the rule data."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import selectors

WATCH_PERMISSION = "rules.change_legalrule"

# The cookbook lists here the recipes whose cited rules changed (apps/cookbook/wagtail_hooks.py):
# the rules sit below the cookbook and never import it (docs/decisions/0022).
LAW_WATCH_RECIPES_HOOK = "rules_law_watch_recipes"


def can_watch(user) -> bool:
    """Editors who may change rules (the «Redaktører» group has the permission)."""
    return user.is_authenticated and user.has_perm(WATCH_PERMISSION)


def law_watch(request: HttpRequest) -> TemplateResponse:
    if not can_watch(request.user):
        raise PermissionDenied
    today = selectors.today_oslo()
    items = selectors.law_watch(today=today)
    rows = [
        {
            "item": item,
            "edit_url": reverse(
                "wagtailsnippets_rules_threshold:edit"
                if item.is_threshold
                else "wagtailsnippets_rules_legalrule:edit",
                args=[item.row.pk],
            ),
        }
        for item in items
    ]
    recipes = [
        {
            "page": entry.page,
            "changed_codes": entry.changed_codes,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[entry.page.pk]),
            "review_url": reverse("rules_recipe_reviewed", args=[entry.page.pk]),
        }
        for recipes_to_review in hooks.get_hooks(LAW_WATCH_RECIPES_HOOK)
        for entry in recipes_to_review()
    ]
    return TemplateResponse(
        request,
        "rules/admin/law_watch.html",
        {
            "rows": rows,
            "recipes": recipes,
            "today": today,
            "ending_days": selectors.ENDING_WITHIN_DAYS,
            "page_title": _("Law watch"),
            "header_icon": "warning",
        },
    )
