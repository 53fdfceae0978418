"""The cookbook's part of the law watch (/admin/lovvakt/, apps/rules/admin_views.py): an
editor marks a recipe as checked against the rules that changed since its last review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.rules.admin_views import can_watch
from apps.rules.services import recipe_rules_mark_reviewed

from .models import RecipePage


@require_POST
def recipe_reviewed(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    """An editor marks a recipe as checked against the changed rules (POST, CSRF-checked)."""
    if not can_watch(request.user):
        raise PermissionDenied
    page = RecipePage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    recipe_rules_mark_reviewed(page=page, actor=request.user)
    messages.success(
        request, _("“%(title)s” is marked as reviewed against the rules.") % {"title": page.title}
    )
    return HttpResponseRedirect(reverse("rules_law_watch") + "#oppskrifter")
