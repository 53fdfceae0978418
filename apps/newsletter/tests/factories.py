import factory
from django.utils import timezone

from apps.newsletter.models import Issue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"leser{n}@example.no")
    status = Subscriber.Status.CONFIRMED
    language = "nb"
    topics = factory.LazyFunction(list)
    consent_text = "test"
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    title = "Desember"
    subject_nb = "Nytt fra Kokeboka: æøå i desember"
    intro_nb = "Hei! Her er det som er nytt på Kokeboka."
    subject_en = "News from Kokeboka in December"
    intro_en = "Hello! Here is what is new on Kokeboka."
    items = factory.LazyFunction(
        lambda: [
            {
                "kind": "post",
                "title": "Blåbærsyltetøy og tjenestedesign",
                "url": "/kokebokloggen/blabaer/",
                "summary": "Om å prøve smått først.",
                "topics": [],
            },
            {
                "kind": "recipe",
                "title": "Lokal fritidsklubb",
                "url": "/kokeboka/fritid/klubb/",
                "summary": "Kultur for alle.",
                "topics": ["kultur_fritid"],
            },
            {
                "kind": "need",
                "title": "Eldre som bor alene",
                "url": "/behov/1/",
                "summary": "Ensomhet blant eldre.",
                "topics": ["helse_omsorg"],
            },
        ]
    )
