"""Kokeboka as Wagtail pages: one index, chapters in book order, recipes inside chapters.

Book order is the page tree order (the `path` column), so editors reorder chapters and
recipes by dragging them in the admin.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q
from django.db.models.functions import Length, Substr
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from apps.core.content_language import (
    DEFAULT_CONTENT_LANGUAGE,
    content_language,
    in_default_language,
    live_translation,
)
from apps.core.pages import live_parent, restricted_ancestor_or_self

from .blocks import TEXT_FEATURES, ExampleBlock, StepBlock


class Phase(models.TextChoices):
    NEEDS = "behov", _("Needs")
    DIALOGUE = "dialog", _("Dialogue")
    TRIAL = "utproving", _("Trial/pilot")
    AGREEMENT = "avtale", _("Agreement/procurement")
    SCALING = "skalering", _("Scaling")


class Audience(models.TextChoices):
    MUNICIPALITY = "kommune", _("Municipality")
    ENTREPRENEUR = "entreprenor", _("Social entrepreneur")
    BOTH = "begge", _("Both")


class BookQuerySet(PageQuerySet):
    def published(self) -> BookQuerySet:
        """Live bokmål pages outside any private section: the book. A nynorsk version is
        shown in its bokmål page's place (apps.core.content_language), never beside it."""
        return self.live().filter(in_default_language()).filter(~restricted_ancestor_or_self())


class RecipeQuerySet(BookQuerySet):
    def published(self) -> RecipeQuerySet:
        """Live, public recipes whose chapter is live too."""
        return super().published().filter(live_parent())

    def in_phase(self, phase: str) -> RecipeQuerySet:
        return self.filter(phase=phase)

    def for_audience(self, audience: str) -> RecipeQuerySet:
        """Recipes marked for both audiences are for either of them."""
        if audience == Audience.BOTH:
            return self.filter(audience=Audience.BOTH)
        return self.filter(audience__in=[audience, Audience.BOTH])

    def in_sector(self, code: str) -> RecipeQuerySet:
        """Recipes tagged with the sector, and the general ones tagged with no sector."""
        links = RecipePage.sectors.through.objects
        return self.filter(
            Q(pk__in=links.filter(sector__code=code).values("recipepage_id"))
            | ~Q(pk__in=links.values("recipepage_id"))
        )

    def with_chapter(self) -> RecipeQuerySet:
        """Annotates chapter_title and chapter_slug from the parent page, in the same query."""
        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        )
        return self.annotate(
            chapter_title=models.Subquery(parent.values("title")[:1]),
            chapter_slug=models.Subquery(parent.values("slug")[:1]),
        )


ChapterPageManager = PageManager.from_queryset(BookQuerySet)
RecipePageManager = PageManager.from_queryset(RecipeQuerySet)


class CookbookIndexPage(Page):
    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cookbook.ChapterPage"]
    max_count = 1
    template = "cookbook/cookbook_index_page.html"

    class Meta:
        verbose_name = _("cookbook")
        verbose_name_plural = _("cookbooks")

    def get_context(self, request, *args, **kwargs):
        from .page_context import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(query=request.GET, language=content_language(request)))
        return context


class ChapterPage(Page):
    intro = models.TextField(_("intro"), blank=True, help_text=_("One to three sentences."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cookbook.CookbookIndexPage"]
    subpage_types = ["cookbook.RecipePage"]
    template = "cookbook/chapter_page.html"

    objects = ChapterPageManager()

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def get_context(self, request, *args, **kwargs):
        from apps.core.content_language import DEFAULT_CONTENT_LANGUAGE, localize_for_display

        from .selectors import chapter_recipes

        context = super().get_context(request, *args, **kwargs)
        # A nynorsk chapter lists the whole chapter: its bokmål recipes, each in nynorsk
        # where it has been translated.
        chapter = self
        if self.locale.language_code != DEFAULT_CONTENT_LANGUAGE:
            chapter = self.get_translation_or_none(Locale.get_default()) or self
        language = content_language(request)

        def recipes():
            recipes = chapter_recipes(chapter=chapter)
            localize_for_display(recipes, language=language, fields=("title", "summary"))
            return recipes

        # Lazy: a list that comes from the fragment cache runs none of these queries.
        context["recipes"] = SimpleLazyObject(recipes)
        return context


class RecipePageForm(WagtailAdminPageForm):
    """The change note belongs to one version: it starts empty once the last version is
    published, and publishing needs one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.has_unpublished_changes:
            self.initial["change_note"] = ""

    def clean(self):
        cleaned_data = super().clean()
        if self.data.get("action-publish") and not (cleaned_data.get("change_note") or "").strip():
            self.add_error(
                "change_note", _("Say briefly what changed in this version before publishing.")
            )
        return cleaned_data


class RecipePage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"),
        help_text=_("One or two sentences; shown as the intro and in search results."),
    )
    situation = RichTextField(
        _("when it fits"),
        features=TEXT_FEATURES,
        help_text=_("The situation in which this recipe is the right one."),
    )
    ingredients_who = models.TextField(_("who takes part"), blank=True)
    ingredients_budget = models.TextField(_("budget"), blank=True)
    ingredients_time = models.TextField(_("time"), blank=True)
    ingredients_prerequisites = models.TextField(_("prerequisites"), blank=True)
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"))
    examples = StreamField([("example", ExampleBlock())], blank=True, verbose_name=_("examples"))
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, db_index=True)
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.BOTH,
        db_index=True,
    )
    sectors = ParentalManyToManyField(
        "core.Sector",
        blank=True,
        related_name="recipes",
        verbose_name=_("sectors"),
        help_text=_("Leave empty if the recipe fits every sector."),
    )
    change_note = models.CharField(
        _("What changed in this version"),
        max_length=255,
        blank=True,
        help_text=_(
            "Shown in the recipe's public change log. Fill it in before you publish, "
            "e.g. «Step 3 now explains the protocol duty»."
        ),
    )

    objects = RecipePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("situation"),
        MultiFieldPanel(
            [
                FieldPanel("ingredients_who"),
                FieldPanel("ingredients_budget"),
                FieldPanel("ingredients_time"),
                FieldPanel("ingredients_prerequisites"),
            ],
            heading=_("Ingredients"),
        ),
        FieldPanel("steps"),
        InlinePanel("legal_rule_links", heading=_("Legal basis"), label=_("Legal rule")),
        FieldPanel("examples"),
        InlinePanel("related_links", heading=_("Related recipes"), label=_("Related recipe")),
        MultiFieldPanel(
            [
                FieldPanel("phase"),
                FieldPanel("audience"),
                FieldPanel("sectors", widget=CheckboxSelectMultiple),
            ],
            heading=_("Tags"),
        ),
        FieldPanel("change_note"),
    ]
    base_form_class = RecipePageForm

    search_fields = [
        *Page.search_fields,
        # Page indexes the title without a boost; engines that honour boosts weigh it higher.
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("situation"),
        index.SearchField("steps"),
        index.SearchField("ingredients_who"),
        index.SearchField("ingredients_budget"),
        index.SearchField("ingredients_time"),
        index.SearchField("ingredients_prerequisites"),
        index.FilterField("phase"),
        index.FilterField("audience"),
        index.RelatedFields("sectors", [index.SearchField("name"), index.FilterField("code")]),
        index.RelatedFields(
            "legal_rule_links",
            [index.RelatedFields("rule", [index.SearchField("citation")])],
        ),
    ]

    parent_page_types = ["cookbook.ChapterPage"]
    subpage_types: list[str] = []
    template = "cookbook/recipe_page.html"

    class Meta:
        verbose_name = _("recipe")
        verbose_name_plural = _("recipes")

    def clean(self) -> None:
        super().clean()
        # The API and the demo data address recipes by slug, so it is unique in the whole book.
        # Its translation shares the slug (the same address in the other written standard).
        others = RecipePage.objects.exclude(pk=self.pk).exclude(
            translation_key=self.translation_key
        )
        if self.slug and others.filter(slug=self.slug).exists():
            raise ValidationError(
                {"slug": _("Another recipe already uses this slug; recipe slugs are unique.")}
            )

    def get_search_description(self) -> str:
        return self.search_description or self.summary

    @cached_property
    def chapter(self) -> ChapterPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def ingredients(self) -> list[tuple[str, str]]:
        """(label, text) pairs in reading order, empty ones left out."""
        pairs = [
            (_("Who"), self.ingredients_who),
            (_("Budget"), self.ingredients_budget),
            (_("Time"), self.ingredients_time),
            (_("Prerequisites"), self.ingredients_prerequisites),
        ]
        return [(label, text) for label, text in pairs if text.strip()]

    def get_context(self, request, *args, **kwargs):
        from .selectors import recipe_page_details

        context = super().get_context(request, *args, **kwargs)
        # Lazy: read only when the template draws the recipe's body, so a body that comes
        # from the fragment cache (apps/core/templatetags/public_fragment.py) runs none of
        # these queries.
        details = SimpleLazyObject(lambda: recipe_page_details(recipe=self))
        for name in ("sectors", "cited_rules", "related_recipes"):
            context[name] = SimpleLazyObject(lambda name=name: details[name])
        context["changes_url"] = self.changes_url(request=request)
        return context

    def changes_url(self, *, request=None) -> str:
        """Empty for a page that has no address yet (the preview of a new recipe)."""
        url = self.get_url(request=request)
        return url + self.reverse_subpage("changes") if url else ""

    def compare_url(self, *, old_revision_id: int, new_revision_id: int, request=None) -> str:
        return self.get_url(request=request) + self.reverse_subpage(
            "compare", args=[old_revision_id, new_revision_id]
        )

    def _breadcrumbs(self, request, *, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
        items = [(_("Home"), "/")]
        items += [(page.title, page.get_url(request=request)) for page in self.get_ancestors()[2:]]
        return [*items, (self.title, self.get_url(request=request)), *extra]

    @path("endringer/", name="changes")
    def changes_view(self, request):
        from .selectors import published_revisions

        changes_url = self.changes_url(request=request)
        revisions = published_revisions(recipe=self)
        compare_urls = {
            entry.revision_id: self.compare_url(
                old_revision_id=entry.previous_revision_id,
                new_revision_id=entry.revision_id,
                request=request,
            )
            for entry in revisions
            if entry.previous_revision_id
        }
        return TemplateResponse(
            request,
            "cookbook/recipe_changes.html",
            {
                "page": self,
                "self": self,
                "revisions": [(entry, compare_urls.get(entry.revision_id)) for entry in revisions],
                "breadcrumb_items": self._breadcrumbs(
                    request, extra=[(_("Change log"), changes_url)]
                ),
            },
        )

    @path("endringer/<int:old_revision_id>/<int:new_revision_id>/", name="compare")
    def compare_view(self, request, old_revision_id: int, new_revision_id: int):
        from .selectors import revision_comparison

        comparison = revision_comparison(
            recipe=self, old_revision_id=old_revision_id, new_revision_id=new_revision_id
        )
        if comparison is None:
            # A link to a comparison of the bokmål recipe, opened by a nynorsk reader, is
            # routed to the nynorsk version, whose revisions are its own: show the bokmål
            # comparison it names (marked as bokmål) instead of a 404.
            original = live_translation(self, DEFAULT_CONTENT_LANGUAGE)
            if original is not None and original.pk != self.pk:
                return original.compare_view(request, old_revision_id, new_revision_id)
            raise Http404
        changes_url = self.changes_url(request=request)
        compare_url = self.compare_url(
            old_revision_id=old_revision_id, new_revision_id=new_revision_id, request=request
        )
        return TemplateResponse(
            request,
            "cookbook/recipe_compare.html",
            {
                "page": self,
                "self": self,
                "comparison": comparison,
                "changes_url": changes_url,
                "breadcrumb_items": self._breadcrumbs(
                    request,
                    extra=[(_("Change log"), changes_url), (_("Compare versions"), compare_url)],
                ),
            },
        )


class RecipeLegalRule(Orderable):
    page = ParentalKey(RecipePage, on_delete=models.CASCADE, related_name="legal_rule_links")
    rule = models.ForeignKey(
        "rules.LegalRule",
        on_delete=models.PROTECT,
        related_name="recipe_links",
        verbose_name=_("legal rule"),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Optional: how the rule applies in this recipe."),
    )

    panels = [FieldPanel("rule"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("legal rule of a recipe")
        verbose_name_plural = _("legal rules of recipes")

    def __str__(self) -> str:
        return f"{self.page_id} → {self.rule_id}"


class RelatedRecipe(Orderable):
    page = ParentalKey(RecipePage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        RecipePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipe"),
    )

    panels = [PageChooserPanel("related", page_type="cookbook.RecipePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related recipe")
        verbose_name_plural = _("related recipes")

    def clean(self) -> None:
        if self.page_id and self.related_id == self.page_id:
            raise ValidationError({"related": _("A recipe cannot be related to itself.")})

    def __str__(self) -> str:
        return f"{self.page_id} → {self.related_id}"
