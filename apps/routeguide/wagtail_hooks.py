"""Editors read the route guide's feedback in the Wagtail admin; nobody edits it there."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RouteGuideFeedback


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only «view»: feedback comes from visitors and is never added or changed by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


register_permission_policy(RouteGuideFeedback, ReadOnlyPermissionPolicy(RouteGuideFeedback))


class RouteGuideFeedbackViewSet(SnippetViewSet):
    model = RouteGuideFeedback
    menu_label = _("Route guide feedback")
    icon = "help"
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    list_display = ["created_at", "helpful", "regime_label", "comment", "answer_url"]
    list_filter = ["helpful", "regime"]
    list_per_page = 50
    copy_view_enabled = False


register_snippet(RouteGuideFeedbackViewSet)
