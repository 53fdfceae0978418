import factory
import wagtail_factories

from apps.cases.models import CaseIndexPage, CaseOutcome, CasePage, CaseSource, CollaborationForm
from apps.core.models import Municipality


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Eksempler"
    slug = "eksempler"
    intro = "Ekte samarbeid mellom kommuner og sosiale entreprenører."

    class Meta:
        model = CaseIndexPage


class CasePageFactory(wagtail_factories.PageFactory):
    """A live example. Pass parent=<index>; municipality defaults to Bærum (3201).
    sectors=, target_groups=, recipes= take lists; outcomes= and sources= lists of dicts."""

    title = factory.Sequence(lambda n: f"Eksempel {n}")
    slug = factory.Sequence(lambda n: f"eksempel-{n}")
    summary = "En kommune og en sosial entreprenør prøvde noe nytt sammen."
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="3201"))
    entrepreneur_name = factory.Sequence(lambda n: f"Entreprenør {n} AS")
    collaboration_form = CollaborationForm.PILOT
    start_year = 2017
    end_year = factory.LazyAttribute(lambda obj: obj.start_year + 1 if obj.start_year else None)
    story = "<p>Slik begynte det.</p>"
    lessons_learned = "<p>Start smått.</p>"

    class Meta:
        model = CasePage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if create and extracted:
            # Written to the table directly: a parental relation is only stored on save.
            CasePage.sectors.through.objects.bulk_create(
                CasePage.sectors.through(casepage=obj, sector=sector) for sector in extracted
            )

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):
        if create and extracted:
            CasePage.target_groups.through.objects.bulk_create(
                CasePage.target_groups.through(casepage=obj, targetgroup=group)
                for group in extracted
            )

    @factory.post_generation
    def recipes(obj, create, extracted, **kwargs):
        if create and extracted:
            CasePage.recipes.through.objects.bulk_create(
                CasePage.recipes.through(casepage=obj, recipepage=recipe) for recipe in extracted
            )

    @factory.post_generation
    def outcomes(obj, create, extracted, **kwargs):
        if create and extracted:
            for position, data in enumerate(extracted):
                CaseOutcome.objects.create(page=obj, sort_order=position, **data)

    @factory.post_generation
    def sources(obj, create, extracted, **kwargs):
        if create and extracted:
            for position, data in enumerate(extracted):
                CaseSource.objects.create(page=obj, sort_order=position, **data)
