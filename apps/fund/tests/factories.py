import datetime

import factory
from django.utils import timezone

from apps.accounts.models import MembershipRole, Organisation, OrganisationType
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.core.models import Municipality
from apps.fund.models import (
    Application,
    BudgetLine,
    Call,
    Criterion,
    EligibilityQuestion,
    Fund,
    Milestone,
    RequiredAttachment,
)


def kommune(code: str = "3201", name: str = "Bærum kommune") -> Organisation:
    municipality = Municipality.objects.get(code=code)
    org = Organisation.objects.filter(municipality=municipality).first()
    if org is None:
        org = Organisation.objects.create(
            name=name,
            slug=f"kommune-{code}",
            type=OrganisationType.KOMMUNE,
            municipality=municipality,
            # As staff leave a municipality: power roles exist only in verified ones.
            verified_at=timezone.now(),
            verified_via="staff",
        )
    return org


class FundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fund

    organisation = factory.LazyFunction(kommune)
    name = factory.Sequence(lambda n: f"Innovasjonsfond {n}")
    slug = factory.Sequence(lambda n: f"innovasjonsfond-{n}")
    description = "Et fond for nye løsninger."


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    fund = factory.SubFactory(FundFactory)
    title = factory.Sequence(lambda n: f"Utlysning {n}")
    slug = factory.Sequence(lambda n: f"utlysning-{n}")
    text = "Søk om midler til samarbeid."
    eligible_applicants = ["own_services", "social_entrepreneurs"]
    partner_requirement = Call.PartnerRequirement.NONE
    budget = 2_000_000
    min_amount = 50_000
    max_amount = 500_000
    cofunding_percent = 20
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    published = True


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Kriterium {n}")
    weight = 1


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EligibilityQuestion

    call = factory.SubFactory(CallFactory)
    text = factory.Sequence(lambda n: f"Spørsmål {n}?")
    required_answer = "yes"


class RequiredAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredAttachment

    call = factory.SubFactory(CallFactory)
    name = "Prosjektplan"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    organisation = factory.LazyAttribute(lambda o: o.call.fund.organisation)
    created_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Prosjekt {n}")
    summary = "Kort om prosjektet."
    description = "Hva vi skal gjøre."
    need_text = "Behovet er reelt."


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    application = factory.SubFactory(ApplicationFactory)
    cost_type = BudgetLine.CostType.PERSONNEL
    year = 2027
    amount = 100_000
    source = BudgetLine.Source.FUND


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    application = factory.SubFactory(ApplicationFactory)
    title = "Oppstart"
    due_date = datetime.date(2027, 6, 1)
    amount = 50_000


def member_of(org, role=MembershipRole.MEMBER, user=None):
    user = user or UserFactory()
    MembershipFactory(user=user, organisation=org, role=role)
    return user


def complete(application: Application, *, fund: int = 200_000, cofunding: int = 50_000):
    """Budget lines that pass the call's factory rules (20 % co-funding, 50–500 k)."""
    BudgetLineFactory(application=application, amount=fund, source="fund")
    BudgetLineFactory(
        application=application, amount=cofunding, source="cofunding", cost_type="services"
    )
    return application


__all__ = [
    "OrganisationFactory",
    "UserFactory",
    "MembershipFactory",
]


# A valid tiny PDF (header, one object, xref table, trailer with startxref).
def tiny_pdf(*, padding: int = 0) -> bytes:
    """padding: bytes of a comment line after the header (to reach a given size)."""
    objects = [
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
    ]
    out = b"%PDF-1.4\n"
    if padding:
        out += b"%" + b" " * max(0, padding - 2) + b"\n"
    offsets = []
    for obj in objects:
        offsets.append(len(out))
        out += obj
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return out


def pdf_of_size(size: int) -> bytes:
    padding = size - len(tiny_pdf())
    content = tiny_pdf(padding=padding)
    while len(content) > size:
        padding -= len(content) - size
        content = tiny_pdf(padding=padding)
    return content
