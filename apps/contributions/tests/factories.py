import factory

from apps.accounts.tests.factories import UserFactory
from apps.contributions.models import Comment, Status, SuggestedChange, Tip, TriedReport
from apps.core.models import Municipality


class TipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tip

    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Et godt råd nummer {n}: snakk med innkjøp tidlig.")
    status = Status.PUBLISHED


class TriedReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TriedReport

    author = factory.SubFactory(UserFactory)
    municipality = factory.LazyFunction(lambda: Municipality.objects.order_by("code").first())
    year = 2024
    outcome = TriedReport.Outcome.WORKED
    what_we_would_do_differently = "Vi ville involvert brukerne tidligere."
    status = Status.PUBLISHED


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Kommentar {n}: takk for innlegget.")
    status = Status.PUBLISHED


class SuggestedChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuggestedChange

    author = factory.SubFactory(UserFactory)
    field = SuggestedChange.Field.SUMMARY
    text = "Et bedre sammendrag av oppskriften."
    reason = "Det gamle var uklart."
