import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from apps.cookbook.blocks import ExampleBlock, StepBlock
from apps.cookbook.models import (
    Audience,
    ChapterPage,
    CookbookIndexPage,
    Phase,
    RecipeLegalRule,
    RecipePage,
    RelatedRecipe,
)
from apps.rules.models import LegalRule


class LegalRuleFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"testregel-{n}")
    citation = factory.Sequence(lambda n: f"FOA § {n}-1")
    title = factory.Sequence(lambda n: f"Testregel {n}")
    summary = "Et kort sammendrag av regelen."
    law = "Anskaffelsesforskriften"
    source_url = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974"
    valid_from = datetime.date(2017, 1, 1)
    verified = True
    pending = False

    class Meta:
        model = LegalRule
        django_get_or_create = ("code",)


class StepBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Steg {n}")
    text = factory.LazyFunction(lambda: RichText("<p>Gjør dette først.</p>"))
    tip = ""
    pitfall = ""

    class Meta:
        model = StepBlock


class ExampleBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Et eksempel"
    text = factory.LazyFunction(lambda: RichText("<p>Slik gikk det.</p>"))
    source_url = ""

    class Meta:
        model = ExampleBlock


class CookbookIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kokeboka"
    slug = "kokeboka"
    intro = "Oppskrifter for samarbeid."

    class Meta:
        model = CookbookIndexPage


class ChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapittel {n}")
    intro = "En kort innledning til kapitlet."

    class Meta:
        model = ChapterPage


class RecipePageFactory(wagtail_factories.PageFactory):
    """A live recipe without revisions; publish through services.recipe_publish_revision when
    a test needs history. Pass parent=<chapter>."""

    title = factory.Sequence(lambda n: f"Oppskrift {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Når kommunen og entreprenøren vil prøve noe sammen."
    situation = "<p>Kommunen har et behov og kjenner en entreprenør.</p>"
    ingredients_who = "Tjenesteleder og entreprenør"
    ingredients_budget = "Under 100 000 kroner"
    ingredients_time = "To måneder"
    ingredients_prerequisites = "Et beskrevet behov"
    phase = Phase.DIALOGUE
    audience = Audience.BOTH
    steps = factory.LazyFunction(
        lambda: [("step", StepBlockFactory()), ("step", StepBlockFactory())]
    )
    last_published_at = factory.LazyFunction(timezone.now)
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = RecipePage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if create and extracted:
            # Written to the table directly: a parental relation is only stored on save.
            RecipePage.sectors.through.objects.bulk_create(
                RecipePage.sectors.through(recipepage=obj, sector=sector) for sector in extracted
            )

    @factory.post_generation
    def legal_rules(obj, create, extracted, **kwargs):
        """legal_rules=[rule, (rule, "note"), ...]"""
        if not (create and extracted):
            return
        for position, item in enumerate(extracted):
            rule, note = item if isinstance(item, tuple) else (item, "")
            RecipeLegalRule.objects.create(page=obj, rule=rule, note=note, sort_order=position)

    @factory.post_generation
    def related(obj, create, extracted, **kwargs):
        if not (create and extracted):
            return
        for position, other in enumerate(extracted):
            RelatedRecipe.objects.create(page=obj, related=other, sort_order=position)
