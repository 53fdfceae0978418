"""Demo content for the fund: the innovation fund of the invented Fjordvik kommune (fiktiv),
one open call with rolling assessment, one closed call with submitted applications for
apps.grants to assess, and the fund's people. The fund, its calls and the applications are
data in content/demo/fund/ (read by apps.fund.demo_files); this module makes the rows.

Honest content (docs/decisions/0021-honest-demo-content.md): the fund, its applicants and
their partners are invented and named «(fiktiv)», so that no amount or grant decision is put
on a real municipality or entrepreneur. The fund is modelled on the kind of internal fund
Bærum kommune set up (its real facts, with sources, are an example in Eksempelbanken)."""

from django.db import transaction

from apps.accounts.demo import HOME, demo_organisation, demo_person
from apps.accounts.models import MembershipRole, Organisation
from apps.core.models import Sector

from . import demo_files
from .models import (
    Application,
    ApplicationPartner,
    BudgetLine,
    Call,
    Criterion,
    EligibilityAnswer,
    EligibilityQuestion,
    Fund,
    Milestone,
    RequiredAttachment,
)
from .services import application_transition

MANAGER_EMAIL = "fondsforvalter@demo.kokeboka.no"
REVIEWER_EMAILS = ("fagvurderer1@demo.kokeboka.no", "fagvurderer2@demo.kokeboka.no")
APPLICANT_EMAIL = "soker@demo.kokeboka.no"


def _people(kommune: Organisation):
    manager = demo_person(MANAGER_EMAIL, memberships=((kommune, MembershipRole.FUND_MANAGER),))
    for email in REVIEWER_EMAILS:
        demo_person(email, memberships=((kommune, MembershipRole.REVIEWER),))
    applicant = demo_person(APPLICANT_EMAIL, memberships=((kommune, MembershipRole.MEMBER),))
    return manager, applicant


def _call(fund: Fund, terms: demo_files.Calls, dates: demo_files.CallDates) -> Call:
    call, created = Call.objects.get_or_create(
        fund=fund,
        slug=dates.slug,
        defaults={
            "title": dates.title,
            "text": terms.body,
            "eligible_applicants": list(terms.eligible_applicants),
            "partner_requirement": terms.partner_requirement,
            "budget": terms.budget,
            "min_amount": 0,
            "max_amount": 0,
            "cofunding_percent": 0,
            "opens_at": dates.opens_at,
            "deadline": dates.deadline,
            "published": True,
        },
    )
    if created:
        for order, item in enumerate(terms.criteria, start=1):
            Criterion.objects.create(
                call=call,
                name=item.name,
                description=item.description,
                weight=item.weight,
                order=order,
            )
        for order, item in enumerate(terms.questions, start=1):
            EligibilityQuestion.objects.create(
                call=call, text=item.text, required_answer=item.required_answer, order=order
            )
        for item in terms.attachments:
            RequiredAttachment.objects.create(
                call=call, name=item.name, description=item.description
            )
    return call


def _application(call: Call, kommune: Organisation, applicant, item: demo_files.Application):
    application = Application.objects.filter(call=call, title=item.title).first()
    if application is not None:
        return application
    partner = demo_organisation(item.partner)
    application = Application.objects.create(
        call=call,
        organisation=kommune,
        created_by=applicant,
        title=item.title,
        summary=item.summary,
        description=item.description,
        need_text=item.need,
        sector=Sector.objects.filter(code=item.sector).first(),
    )
    ApplicationPartner.objects.create(
        application=application,
        organisation=partner,
        name=partner.name,
        kind="social_entrepreneur",
        role=item.partner_role,
    )
    for line in item.budget:
        BudgetLine.objects.create(
            application=application,
            cost_type=line.cost_type,
            year=line.year,
            amount=line.amount,
            source=line.source,
        )
    for milestone in item.milestones:
        Milestone.objects.create(
            application=application,
            title=milestone.title,
            due_date=milestone.due,
            amount=milestone.amount,
        )
    for question in call.eligibility_questions.all():
        EligibilityAnswer.objects.create(
            application=application, question=question, answer=question.required_answer or "no"
        )
    application.amount_requested = item.amount_requested
    application.save(update_fields=["amount_requested"])
    if item.submitted_at is not None:
        application_transition(
            application=application,
            to_status=Application.Status.SUBMITTED,
            actor=applicant,
            at=item.submitted_at,
        )
    return application


@transaction.atomic
def load() -> None:
    """Adds the demo rows (idempotent)."""
    content = demo_files.read_demo_content()
    kommune = demo_organisation(HOME)
    _manager, applicant = _people(kommune)
    fund, _ = Fund.objects.get_or_create(
        slug=content.fund.slug,
        defaults={
            "organisation": kommune,
            "name": content.fund.name,
            "description": content.fund.body,
        },
    )
    calls = {dates.slug: _call(fund, content.calls, dates) for dates in content.calls.calls}
    for item in content.applications:
        _application(calls[item.call], kommune, applicant, item)
