"""Eksempelbanken: real collaborations between municipalities and social entrepreneurs, as
Wagtail pages under one index at /eksempler/."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from apps.core import limits
from apps.core.content_language import in_default_language
from apps.core.pages import live_parent, restricted_ancestor_or_self

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CollaborationForm(models.TextChoices):
    PURCHASE_BELOW_THRESHOLD = "kjop_under_terskel", _("Purchase below the threshold")
    COMPETITION = "konkurranse", _("Competition")
    RESERVED_COMPETITION = "reservert_konkurranse", _("Reserved competition")
    PILOT = "pilot", _("Pilot")
    INNOVATION_PARTNERSHIP = "innovasjonspartnerskap", _("Innovation partnership")
    GRANT = "tilskudd", _("Grant")
    OUTCOMES_CONTRACT = "effektkontrakt", _("Outcomes contract")
    INNOVATION_FUND = "innovasjonsfond", _("Innovation fund")
    COOPERATION_AGREEMENT = "samarbeidsavtale", _("Cooperation agreement")


class CaseQuerySet(PageQuerySet):
    def published(self) -> CaseQuerySet:
        """Live examples whose index is live too, outside any private section."""
        return (
            self.live()
            .filter(in_default_language())
            .filter(~restricted_ancestor_or_self())
            .filter(live_parent())
        )


CasePageManager = PageManager.from_queryset(CaseQuerySet)


class CaseIndexPage(RoutablePageMixin, Page):
    """The examples bank: the filtered list at its own address and the county overview at
    fylker/."""

    intro = models.TextField(_("intro"), max_length=limits.SUMMARY, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count = 1
    template = "cases/case_index_page.html"

    class Meta:
        verbose_name = _("examples bank")
        verbose_name_plural = _("examples banks")

    def get_context(self, request, *args, **kwargs):
        from .page_context import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(page=self, request=request))
        return context

    def counties_url(self, *, request=None) -> str:
        return self.get_url(request=request) + self.reverse_subpage("counties")

    @path("fylker/", name="counties")
    def counties_view(self, request):
        from .page_context import counties_context

        context = {"page": self, "self": self, "request": request}
        context.update(counties_context(page=self, request=request))
        return TemplateResponse(request, "cases/county_overview.html", context)


class CasePageForm(WagtailAdminPageForm):
    """A draft may be incomplete (a meeting input turned into an example starts so); a
    published example must say where it happened."""

    def clean(self):
        cleaned_data = super().clean()
        if self.data.get("action-publish") and not cleaned_data.get("municipality"):
            self.add_error(
                "municipality", _("Choose the municipality before publishing the example.")
            )
        return cleaned_data


class CasePage(Page):
    summary = models.TextField(
        _("summary"),
        # TEXT, not SUMMARY: a draft made from a meeting's input carries the input's text.
        max_length=limits.TEXT,
        help_text=_("One to three sentences; shown in the list and in search results."),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("municipality"),
        help_text=_("Where the collaboration took place. Required before publishing."),
    )
    entrepreneur_name = models.CharField(
        _("social entrepreneur"),
        max_length=200,
        blank=True,
        help_text=_("The social entrepreneur's name; leave empty if not known."),
    )
    entrepreneur_url = models.URLField(_("entrepreneur's website"), blank=True)
    entrepreneur_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("entrepreneur's organisation"),
        help_text=_(
            "The social entrepreneur's organisation on Kokeboka, when it has one; its name and "
            "page are then shown with the example."
        ),
    )
    sectors = ParentalManyToManyField(
        "core.Sector", blank=True, related_name="cases", verbose_name=_("sectors")
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="cases", verbose_name=_("target groups")
    )
    collaboration_form = models.CharField(
        _("form of collaboration"),
        max_length=30,
        choices=CollaborationForm.choices,
        blank=True,
        db_index=True,
        help_text=_("Leave empty when the sources do not say how the parties worked together."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty when not known."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty while the collaboration is ongoing."),
    )
    story = RichTextField(_("story"), features=TEXT_FEATURES, blank=True)
    lessons_learned = RichTextField(_("lessons learned"), features=TEXT_FEATURES, blank=True)
    unconfirmed_note = models.TextField(
        _("unconfirmed details"),
        max_length=limits.TEXT,
        blank=True,
        help_text=_(
            "Say which details could not be confirmed; shown to readers as a warning. "
            "Leave empty when everything is confirmed."
        ),
    )
    origin_note = models.TextField(
        _("where the example comes from"),
        max_length=limits.TEXT,
        blank=True,
        help_text=_("E.g. input from a dialogue meeting, crediting the person who gave it."),
    )
    recipes = ParentalManyToManyField(
        "cookbook.RecipePage",
        blank=True,
        related_name="cases",
        verbose_name=_("recipes it illustrates"),
    )

    objects = CasePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("entrepreneur_name"),
                FieldPanel("entrepreneur_url"),
                FieldPanel("entrepreneur_organisation"),
                FieldPanel("collaboration_form"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Who, how and when"),
        ),
        FieldPanel("story"),
        InlinePanel("outcomes", heading=_("Outcomes"), label=_("Indicator")),
        FieldPanel("lessons_learned"),
        InlinePanel("sources", heading=_("Sources"), label=_("Source")),
        FieldPanel("unconfirmed_note"),
        FieldPanel("origin_note"),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=CheckboxSelectMultiple),
                FieldPanel("recipes", widget=CheckboxSelectMultiple),
            ],
            heading=_("Tags and recipes"),
        ),
    ]
    base_form_class = CasePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("entrepreneur_name", boost=2),
        index.SearchField("story"),
        index.SearchField("lessons_learned"),
        index.FilterField("collaboration_form"),
        index.RelatedFields(
            "municipality",
            [
                index.SearchField("name"),
                index.RelatedFields("county", [index.SearchField("name")]),
            ],
        ),
        index.RelatedFields("sectors", [index.SearchField("name"), index.FilterField("code")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("outcomes", [index.SearchField("name"), index.SearchField("note")]),
    ]

    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types: list[str] = []
    template = "cases/case_page.html"

    class Meta:
        verbose_name = _("example")
        verbose_name_plural = _("examples")

    def clean(self) -> None:
        super().clean()
        if self.end_year and not self.start_year:
            raise ValidationError({"start_year": _("Give the start year with the end year.")})
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    def get_search_description(self) -> str:
        return self.search_description or self.summary

    @property
    def entrepreneur_display_name(self) -> str:
        """The organisation's name when linked, else the name typed on the example."""
        if self.entrepreneur_organisation_id:
            return self.entrepreneur_organisation.name
        return self.entrepreneur_name

    @property
    def is_ongoing(self) -> bool:
        return bool(self.start_year) and not self.end_year

    @property
    def period_label(self) -> str:
        if not self.start_year:
            return str(_("Not stated"))
        if not self.end_year:
            return str(_("%(start)s – ongoing") % {"start": self.start_year})
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    def get_context(self, request, *args, **kwargs):
        from .selectors import case_page_details

        context = super().get_context(request, *args, **kwargs)
        context.update(case_page_details(case=self))
        parent = self.get_parent()
        context["list_url"] = parent.get_url(request=request) if parent else "/"
        return context


class CaseOutcome(Orderable):
    """One indicator of what the collaboration achieved, with a number where one is known."""

    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="outcomes")
    name = models.CharField(_("indicator"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_("E.g. «kr», «deltakere», «%».")
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(
        _("unconfirmed"),
        default=False,
        help_text=_("Tick when the figure could not be checked against a source."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("note"),
        FieldPanel("unconfirmed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def formatted_value(self) -> str:
        """The value as Norwegians write it: spaces between thousands, a decimal comma,
        no trailing zeros ("2 000 000", "12,5"); empty when no value is known."""
        if self.value is None:
            return ""
        integer, _sep, fraction = f"{self.value:f}".partition(".")
        sign = "-" if integer.startswith("-") else ""
        grouped = f"{int(integer.lstrip('-')):,}".replace(",", "\u00a0")
        fraction = fraction.rstrip("0")
        return f"{sign}{grouped}" + (f",{fraction}" if fraction else "")


class CaseSource(Orderable):
    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(
        _("address"), max_length=500, blank=True, help_text=_("Leave empty for a printed source.")
    )

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title
