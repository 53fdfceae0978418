import datetime

import factory
from django.utils import timezone

from apps.accounts.models import Organisation, OrganisationType
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.broker.models import (
    EntrepreneurProfile,
    Maturity,
    Need,
    NeedStatus,
    NeedVisibility,
    Offer,
    ReviewStatus,
)
from apps.core.models import Municipality

__all__ = [
    "EntrepreneurOrgFactory",
    "MembershipFactory",
    "MunicipalityOrgFactory",
    "NeedFactory",
    "OfferFactory",
    "ProfileFactory",
    "UserFactory",
    "municipality_org",
]


def municipality_org(code: str) -> Organisation:
    """The organisation of a municipality (one per kommunenummer)."""
    municipality = Municipality.objects.get(code=code)
    org = Organisation.objects.filter(municipality=municipality).first()
    if org is None:
        org = Organisation.objects.create(
            name=f"{municipality.name} kommune",
            slug=f"kommune-{code}",
            type=OrganisationType.KOMMUNE,
            municipality=municipality,
            county=municipality.county,
            verified_at=timezone.now(),
            verified_via="staff",
        )
    return org


class MunicipalityOrgFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("municipality",)

    name = factory.LazyAttribute(lambda o: f"{o.municipality.name} kommune")
    slug = factory.LazyAttribute(lambda o: f"kommune-{o.municipality.code}")
    type = OrganisationType.KOMMUNE
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="3201"))
    county = factory.LazyAttribute(lambda o: o.municipality.county)
    verified_at = factory.LazyFunction(timezone.now)
    verified_via = "staff"


class EntrepreneurOrgFactory(OrganisationFactory):
    type = OrganisationType.SOSIAL_ENTREPRENOR


class NeedFactory(factory.django.DjangoModelFactory):
    """An open, public need of Bærum kommune."""

    class Meta:
        model = Need
        skip_postgeneration_save = True

    organisation = factory.SubFactory(MunicipalityOrgFactory)
    municipality = factory.LazyAttribute(lambda o: o.organisation.municipality)
    title = factory.Sequence(lambda n: f"Behov nummer {n}")
    description = "Unge faller ut av videregående skole, og ingen tjeneste følger dem opp."
    status = NeedStatus.OPEN
    visibility = NeedVisibility.PUBLIC

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.sectors.set(extracted)

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.target_groups.set(extracted)


class ProfileFactory(factory.django.DjangoModelFactory):
    """An approved entrepreneur profile, public for a year."""

    class Meta:
        model = EntrepreneurProfile
        skip_postgeneration_save = True

    organisation = factory.SubFactory(EntrepreneurOrgFactory)
    summary = "Arbeidstrening for unge med mat og hagearbeid."
    review_status = ReviewStatus.APPROVED
    renewal_due = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    profile = factory.SubFactory(ProfileFactory)
    title = factory.Sequence(lambda n: f"Tilbud {n}")
    description = "Motivasjonskurs og oppfølging for unge utenfor skole og arbeid."
    maturity = Maturity.ESTABLISHED

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.sectors.set(extracted)
