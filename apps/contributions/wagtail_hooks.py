from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from apps.accounts.permissions import is_editor, is_moderator

from . import admin_views
from .selectors import suggestions_waiting_count, waiting_count

admin_urlpatterns = [
    path("moderering/", admin_views.queue_view, name="queue"),
    path("moderering/blokker/<int:user_id>/", admin_views.block_view, name="block"),
    path("moderering/tillit/<int:user_id>/", admin_views.trust_view, name="trust"),
    path(
        "moderering/rapport/<int:pk>/avvis/", admin_views.report_dismiss_view, name="report-dismiss"
    ),
    path("forslag/", admin_views.suggestions_view, name="suggestions"),
    path("forslag/<int:pk>/", admin_views.suggestion_detail_view, name="suggestion"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("bidrag/", include((admin_urlpatterns, "contributions_admin")))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)

    def render_component(self, request):
        count = waiting_count()
        label = _("Moderation (%(count)d)") % {"count": count} if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname
        )


class SuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)

    def render_component(self, request):
        count = suggestions_waiting_count()
        label = _("Suggested changes (%(count)d)") % {"count": count} if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname
        )


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation"),
        reverse("contributions_admin:queue"),
        name="moderation",
        icon_name="warning",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def register_suggestions_menu_item():
    return SuggestionsMenuItem(
        _("Suggested changes"),
        reverse("contributions_admin:suggestions"),
        name="suggested-changes",
        icon_name="edit",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request, panels):
    from .admin_panels import add_waiting_panel

    add_waiting_panel(request, panels)
