import datetime

import factory
from django.utils import timezone

from apps.accounts.models import OrganisationType
from apps.accounts.tests.factories import OrganisationFactory
from apps.broker.models import EntrepreneurProfile, Need, NeedStatus, Offer, ReviewStatus
from apps.collaborations.models import Collaboration, LogEntry, LogKind
from apps.collaborations.stages import Stage
from apps.core.models import Municipality


def _municipality(n: int) -> Municipality:
    return Municipality.objects.order_by("code")[n % Municipality.objects.count()]


class MunicipalityOrgFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")
    type = OrganisationType.KOMMUNE
    legal_form = ""
    municipality = factory.Sequence(_municipality)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    organisation = factory.SubFactory(MunicipalityOrgFactory)
    municipality = factory.LazyAttribute(lambda obj: obj.organisation.municipality)
    title = factory.Sequence(lambda n: f"Flere unge fullfører skolen {n}")
    description = "Mange unge faller ut av videregående skole, og ingen tjeneste eier problemet."
    status = NeedStatus.OPEN


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntrepreneurProfile

    organisation = factory.SubFactory(OrganisationFactory)
    summary = "Arbeidstrening for unge."
    review_status = ReviewStatus.APPROVED
    renewal_due = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    profile = factory.SubFactory(ProfileFactory)
    title = factory.Sequence(lambda n: f"Motivasjonskurs {n}")
    description = "Et kurs som hjelper unge tilbake til skole eller jobb."


class CollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaboration

    municipality_org = factory.SubFactory(MunicipalityOrgFactory)
    entrepreneur_org = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Samarbeid {n}")
    stage = Stage.DIALOG


class LogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LogEntry

    collaboration = factory.SubFactory(CollaborationFactory)
    kind = LogKind.MEETING
    text = "Første møte: vi ble enige om å prøve i en klasse."
