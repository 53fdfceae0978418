from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from apps.accounts.permissions import is_editor

from . import admin_views

admin_urlpatterns = [
    path("", admin_views.issue_list, name="issues"),
    path("ny/", admin_views.issue_create, name="issue-create"),
    path("<int:pk>/", admin_views.issue_edit, name="issue"),
    path("<int:pk>/forhandsvisning/", admin_views.issue_preview, name="issue-preview"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("nyhetsbrev/", include((admin_urlpatterns, "newsletter_admin")))]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"),
        reverse("newsletter_admin:issues"),
        name="newsletter",
        icon_name="mail",
        order=270,
    )
