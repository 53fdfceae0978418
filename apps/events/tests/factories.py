import datetime

import factory
from django.utils import timezone

from apps.events.models import (
    AgendaItem,
    Event,
    EventStatus,
    Input,
    InputKind,
    InputPhase,
    Registration,
    RegistrationStatus,
    Role,
    Speaker,
)


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    """A published meeting in 30 days, open for registration, 10 seats."""

    title = factory.Sequence(lambda n: f"Dialogmøte {n}")
    slug = factory.Sequence(lambda n: f"dialogmote-{n}")
    summary = "Kommuner og sosiale entreprenører deler råd og eksempler."
    description = "Vi møtes for å lage kokeboka bedre.\n\nTa med erfaringene dine."
    start = factory.LazyFunction(lambda: in_days(30))
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=4))
    registration_deadline = factory.LazyAttribute(
        lambda obj: obj.start - datetime.timedelta(days=2)
    )
    place_name = "Kommunehuset"
    place_address = "Storgata 1, 0155 Oslo"
    capacity = 10
    status = EventStatus.PUBLISHED

    class Meta:
        model = Event
        skip_postgeneration_save = True

    @factory.post_generation
    def organisers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisers.add(*extracted)


class PastEventFactory(EventFactory):
    start = factory.LazyFunction(lambda: in_days(-30))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventFactory)
    time = datetime.time(10, 0)
    title = factory.Sequence(lambda n: f"Programpost {n}")
    speaker = "Kari Nordmann"

    class Meta:
        model = AgendaItem


class SpeakerFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Innleder {n}")
    role = "Bærum kommune"

    class Meta:
        model = Speaker


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration written directly (no capacity check): for setting up."""

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deltaker {n}")
    email = factory.Sequence(lambda n: f"deltaker{n}@example.no")
    organisation = "Eksempel kommune"
    role = Role.MUNICIPALITY
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration


class InputFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventFactory)
    kind = InputKind.EXAMPLE
    title = factory.Sequence(lambda n: f"Innspill {n}")
    text = "Kommunen prøvde ut en tjeneste sammen med en entreprenør."
    author_name = "Kari Nordmann"
    author_email = "kari@example.no"
    phase = InputPhase.BEFORE

    class Meta:
        model = Input
