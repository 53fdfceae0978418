"""The law watch in the Wagtail admin: what editors must check in the rule data."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services

WATCH_PERMISSION = "rules.change_legalrule"


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
        for entry in selectors.recipes_to_review()
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


@require_POST
def recipe_reviewed(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    """An editor marks a recipe as checked against the changed rules (POST, CSRF-checked)."""
    from apps.cookbook.models import RecipePage

    if not can_watch(request.user):
        raise PermissionDenied
    page = RecipePage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    services.recipe_rules_mark_reviewed(page=page, actor=request.user)
    messages.success(
        request, _("“%(title)s” is marked as reviewed against the rules.") % {"title": page.title}
    )
    return HttpResponseRedirect(reverse("rules_law_watch") + "#oppskrifter")
