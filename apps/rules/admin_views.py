"""The law watch in the Wagtail admin: what editors must check in the rule data."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors

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
    return TemplateResponse(
        request,
        "rules/admin/law_watch.html",
        {
            "rows": rows,
            "today": today,
            "ending_days": selectors.ENDING_WITHIN_DAYS,
            "page_title": _("Law watch"),
            "header_icon": "warning",
        },
    )
