"""Reads of the fund app."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from apps.accounts.models import Organisation

from .models import Application, Call, Fund
from .permissions import APPLICANT_ROLES


def funds_public() -> QuerySet[Fund]:
    """Funds with the number of open calls (published, opened, deadline not reached)."""
    now = timezone.now()
    last_minute = now.replace(second=0, microsecond=0)
    open_q = Q(calls__published=True, calls__opens_at__lte=now) & (
        Q(calls__deadline__isnull=True) | Q(calls__deadline__gte=last_minute)
    )
    return (
        Fund.objects.select_related("organisation")
        .annotate(open_calls=Count("calls", filter=open_q, distinct=True))
        .order_by("name")
    )


def calls_open(*, now=None, fund: Fund | None = None) -> QuerySet[Call]:
    now = now or timezone.now()
    calls = Call.objects.open_at(now).select_related("fund", "fund__organisation")
    if fund is not None:
        calls = calls.filter(fund=fund)
    return calls.order_by("deadline", "title")


def calls_of_fund(*, fund: Fund, include_unpublished: bool = False) -> QuerySet[Call]:
    calls = Call.objects.filter(fund=fund).select_related("fund")
    if not include_unpublished:
        calls = calls.published()
    return calls.order_by("-opens_at", "title")


def fund_by_slug(*, slug: str) -> Fund | None:
    return Fund.objects.select_related("organisation").filter(slug=slug).first()


def call_by_slugs(*, fund_slug: str, call_slug: str) -> Call | None:
    return (
        Call.objects.select_related("fund", "fund__organisation")
        .prefetch_related("criteria", "eligibility_questions", "required_attachments")
        .filter(fund__slug=fund_slug, slug=call_slug)
        .first()
    )


def application_for_page(*, pk: int) -> Application | None:
    return (
        Application.objects.select_related(
            "call",
            "call__fund",
            "call__fund__organisation",
            "organisation",
            "created_by",
            "sector",
            "decision",  # apps.grants' decision, shown to the applicant once made
        )
        .prefetch_related(
            "partners",
            "budget_lines",
            "milestones",
            Prefetch("attachments", queryset=_attachments()),
            "eligibility_answers",
            "call__eligibility_questions",
            "call__required_attachments",
            "call__criteria",
        )
        .filter(pk=pk)
        .first()
    )


def _attachments():
    from .models import Attachment

    return Attachment.objects.select_related("required", "uploaded_by")


def applications_of_user(*, user) -> QuerySet[Application]:
    """Applications of every organisation where the user is a member or admin."""
    organisations = Organisation.objects.filter(
        memberships__user=user, memberships__role__in=APPLICANT_ROLES
    )
    return (
        Application.objects.filter(organisation__in=organisations)
        .select_related("call", "call__fund", "organisation", "decision")
        .order_by("-updated_at", "-pk")
    )


def budget_totals(*, lines) -> dict[str, int]:
    """Totals of budget lines (model rows or dicts with amount and source)."""
    fund = cofunding = 0
    for line in lines:
        amount = line["amount"] if isinstance(line, dict) else line.amount
        source = line["source"] if isinstance(line, dict) else line.source
        if amount is None:
            continue
        if source == "cofunding":
            cofunding += int(amount)
        else:
            fund += int(amount)
    total = fund + cofunding
    percent = round(cofunding * 100 / total, 1) if total else 0.0
    return {"fund": fund, "cofunding": cofunding, "total": total, "cofunding_percent": percent}


def calls_published() -> QuerySet[Call]:
    """Published calls, open, upcoming or closed: what anyone may open, and so what site
    search may show. Unpublished calls stay with the fund's managers."""
    return Call.objects.published()
