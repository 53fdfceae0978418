"""The Wagtail dashboard's «Venter på deg» panel: what waits for an editor or a moderator,
with counts and a link to each queue (the contributions moderation queue, suggested changes,
recipes whose rules changed after review, and the law watch). Pages waiting in a workflow
already have Wagtail's own panel beside it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from laces.components import Component

from apps.accounts.permissions import is_editor, is_moderator
from apps.cookbook.selectors import recipes_to_review
from apps.rules import selectors as rule_selectors

from .selectors import suggestions_waiting_count, waiting_count


class WaitingForYouPanel(Component):
    name = "waiting_for_you"
    template_name = "contributions/admin/waiting_panel.html"
    order = 50

    def __init__(self, request) -> None:
        self.request = request

    def rows(self) -> list[dict[str, Any]]:
        user = self.request.user
        rows = []
        if is_moderator(user):
            rows.append(
                {
                    "label": _("Tips, reports and comments to moderate"),
                    "count": waiting_count(),
                    "url": reverse("contributions_admin:queue"),
                }
            )
        if is_editor(user):
            rows.append(
                {
                    "label": _("Suggested changes to recipes"),
                    "count": suggestions_waiting_count(),
                    "url": reverse("contributions_admin:suggestions"),
                }
            )
            rows.append(
                {
                    "label": _("Recipes to review after a change in the law"),
                    "count": len(recipes_to_review()),
                    "url": reverse("rules_law_watch"),
                }
            )
            rows.append(
                {
                    "label": _("Legal rules and thresholds to check"),
                    "count": len(rule_selectors.law_watch()),
                    "url": reverse("rules_law_watch"),
                }
            )
        return rows

    def get_context_data(self, parent_context=None) -> dict[str, Any]:
        rows = self.rows()
        return {"rows": rows, "total": sum(row["count"] for row in rows)}


def add_waiting_panel(request, panels: list) -> None:
    if is_editor(request.user) or is_moderator(request.user):
        panels.insert(0, WaitingForYouPanel(request))
