"""Legal rules and thresholds in the Wagtail admin, under one «Regelverk» menu."""

import django_filters
from django.db.models import QuerySet
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.core.templatetags.kokeboka import nok

from . import admin_views
from .models import LegalRule, Threshold
from .selectors import today_oslo


def _filter_in_force_today(queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
    if value is None:
        return queryset
    in_force = queryset.in_force(today_oslo())
    return in_force if value else queryset.exclude(pk__in=in_force.values("pk"))


class LegalRuleFilterSet(WagtailFilterSet):
    in_force_today = django_filters.BooleanFilter(
        label=_("In force today"), method=_filter_in_force_today
    )

    class Meta:
        model = LegalRule
        fields = ["verified", "pending"]


class ThresholdFilterSet(WagtailFilterSet):
    in_force_today = django_filters.BooleanFilter(
        label=_("In force today"), method=_filter_in_force_today
    )

    class Meta:
        model = Threshold
        fields = ["key", "verified", "pending"]


class AmountColumn(Column):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = f"{nok(instance.amount)} kr"
        return context


VALIDITY_PANEL = MultiFieldPanel(
    [
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("pending"),
    ],
    heading=_("When it applies"),
)
SOURCE_PANEL = MultiFieldPanel(
    [
        FieldPanel("citation"),
        FieldPanel("source_url"),
        FieldPanel("verified"),
        FieldRowPanel([FieldPanel("checked_on"), FieldPanel("review_by")]),
        FieldPanel("verification_note"),
    ],
    heading=_("Source and verification"),
)


class LegalRuleViewSet(SnippetViewSet):
    model = LegalRule
    icon = "doc-full"
    menu_label = _("Legal rules")
    menu_order = 100
    list_display = [
        "title",
        "citation",
        Column("code", label=_("Code"), sort_key="code"),
        "valid_from",
        "valid_to",
        BooleanColumn("verified", label=_("Verified")),
        BooleanColumn("pending", label=_("Pending")),
        UpdatedAtColumn(),
    ]
    filterset_class = LegalRuleFilterSet
    search_fields = ["title", "citation", "code", "summary", "law"]
    search_backend_name = None
    ordering = ["citation"]
    list_per_page = 50
    panels = [
        HelpPanel(
            content=_(
                "Write the summary in plain Norwegian and in your own words. Mark the rule as "
                "verified only after checking it against the source. A proposed rule that is "
                "not law yet is marked as pending and has no start date."
            )
        ),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("code"), FieldPanel("law"), FieldPanel("summary")],
            heading=_("The rule"),
        ),
        VALIDITY_PANEL,
        SOURCE_PANEL,
    ]


class ThresholdViewSet(SnippetViewSet):
    model = Threshold
    icon = "table"
    menu_label = _("Thresholds")
    menu_order = 200
    list_display = [
        "key",
        AmountColumn("amount", label=_("Amount (NOK excl. VAT)"), sort_key="amount"),
        "valid_from",
        "valid_to",
        BooleanColumn("verified", label=_("Verified")),
        BooleanColumn("pending", label=_("Pending")),
        UpdatedAtColumn(),
    ]
    filterset_class = ThresholdFilterSet
    search_fields = ["citation", "key", "verification_note"]
    search_backend_name = None
    ordering = ["key", "-valid_from"]
    list_per_page = 50
    panels = [
        HelpPanel(
            content=_(
                "A threshold has one row per period. To record a new amount from a date, first "
                "give the current row an end date (the day before), then add a new row that "
                "starts on that date. Periods of the same threshold may not overlap."
            )
        ),
        MultiFieldPanel([FieldPanel("key"), FieldPanel("amount")], heading=_("The threshold")),
        VALIDITY_PANEL,
        SOURCE_PANEL,
    ]


class RegelverkGroup(SnippetViewSetGroup):
    # The name of the part of Kokeboka, like «Kokebokloggen»; not translated.
    menu_label = "Regelverk"
    menu_icon = "doc-full"
    menu_order = 300
    items = (LegalRuleViewSet, ThresholdViewSet)


register_snippet(RegelverkGroup)


class LawWatchMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_watch(request.user)


@hooks.register("register_admin_urls")
def register_law_watch_url():
    return [
        path("lovvakt/", admin_views.law_watch, name="rules_law_watch"),
    ]


@hooks.register("register_admin_menu_item")
def register_law_watch_menu_item():
    return LawWatchMenuItem(
        _("Law watch"), reverse("rules_law_watch"), icon_name="warning", order=310
    )
