"""Dialogue meetings in the Wagtail admin, under one «Dialogue meetings» menu.

Registrations are read-only there: seats change only through the services, which keep the
capacity and the waiting list right and send the emails."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import services
from .models import Event, Input, Registration


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only «view» (and «delete» for removing a person's data on request)."""

    allowed = {"view", "delete"}

    def user_has_permission(self, user, action):
        return action in self.allowed and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in self.allowed])


register_permission_policy(Registration, ViewOnlyPermissionPolicy(Registration))


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Meetings")
    list_display = ["title", "start", "status", "capacity"]
    list_filter = ["status"]
    search_fields = ["title", "summary"]
    ordering = ["-start"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("registration_deadline"),
                FieldPanel("capacity"),
            ],
            heading=_("Time and registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("place_address"),
                FieldPanel("online_url"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Place"),
        ),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("video_transcript")],
            heading=_("Recording (after the meeting)"),
        ),
        FieldPanel("organisation"),
        FieldPanel("organisers"),
        FieldPanel("status"),
    ]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "event", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    search_fields = ["name", "email", "organisation"]
    list_per_page = 50


class InputViewSet(SnippetViewSet):
    model = Input
    icon = "comment"
    menu_label = _("Input")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "event", "kind", "phase", "status", "created_at"]
    list_filter = ["status", "kind", "phase"]
    search_fields = ["title", "text", "topic"]
    list_per_page = 50
    panels = [
        FieldPanel("event"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("recipe"), FieldPanel("chapter"), FieldPanel("topic")],
            heading=_("What it is about"),
        ),
        FieldPanel("municipality_code"),
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("author_email")],
            heading=_("Author"),
        ),
        FieldPanel("phase"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("converted_to_description"),
                FieldPanel("converted_to_url"),
            ],
            heading=_("Review"),
        ),
    ]


class EventsViewSetGroup(SnippetViewSetGroup):
    items = (EventViewSet, RegistrationViewSet, InputViewSet)
    menu_icon = "date"
    menu_label = _("Dialogue meetings")
    menu_name = "dialogue-meetings"
    menu_order = 300


register_snippet(EventsViewSetGroup)


@hooks.register("after_edit_snippet")
def fill_seats_after_edit(request, instance) -> None:
    # A raised capacity gives the new seats to the waiting list at once.
    if isinstance(instance, Event):
        services.event_fill_seats(event=instance, actor=request.user)
