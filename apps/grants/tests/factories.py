import datetime

import factory
from django.utils import timezone

from apps.accounts.models import MembershipRole, OrganisationType
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.core.models import Municipality
from apps.fund.models import (
    Application,
    ApplicationPartner,
    ApplicationStatus,
    Call,
    Criterion,
    Fund,
    Milestone,
)
from apps.grants.models import Decision, Outcome, Payment, Report, ReviewerAssignment, Score


class KommuneFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Kommune {n}")
    slug = factory.Sequence(lambda n: f"kommune-{n}")
    type = OrganisationType.KOMMUNE
    legal_form = ""
    municipality = factory.LazyFunction(
        lambda: Municipality.objects.filter(organisations__isnull=True).order_by("code").first()
    )


class FundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fund

    organisation = factory.SubFactory(KommuneFactory)
    name = factory.Sequence(lambda n: f"Innovasjonsfond {n}")
    slug = factory.Sequence(lambda n: f"innovasjonsfond-{n}")


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    fund = factory.SubFactory(FundFactory)
    title = factory.Sequence(lambda n: f"Utlysning {n}")
    slug = factory.Sequence(lambda n: f"utlysning-{n}")
    eligible_applicants = ["own_services", "social_entrepreneurs"]
    budget = 2_000_000
    max_amount = 500_000
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60))
    deadline = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    published = True


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Kriterium {n}")
    weight = 1
    order = factory.Sequence(lambda n: n)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Prosjekt {n}")
    summary = "Et prosjekt sammen med en sosial entreprenør."
    status = ApplicationStatus.SUBMITTED
    amount_requested = 400_000
    submitted_at = factory.LazyFunction(timezone.now)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationPartner

    application = factory.SubFactory(ApplicationFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = "social_entrepreneur"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    application = factory.SubFactory(ApplicationFactory)
    title = factory.Sequence(lambda n: f"Milepæl {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    amount = 100_000


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewerAssignment

    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.IN_REVIEW)
    reviewer = factory.SubFactory(UserFactory)


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    assignment = factory.SubFactory(AssignmentFactory)
    criterion = factory.SubFactory(CriterionFactory)
    score = 3


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.GRANTED)
    outcome = Outcome.GRANTED
    amount = 300_000
    decided_at = factory.LazyFunction(timezone.now)


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payment

    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.GRANTED)
    amount = 100_000
    due_date = factory.LazyFunction(timezone.localdate)
    project_account = "P-4711"


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.IN_PROGRESS)
    kind = Report.Kind.PROGRESS
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


def member(organisation, role=MembershipRole.MEMBER, **user):
    """A new person with the role in the organisation."""
    return MembershipFactory(organisation=organisation, role=role, user=UserFactory(**user)).user
