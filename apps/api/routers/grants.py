"""Grants from municipal innovation funds as open data. Mounted at /api/v1/grants.

Only granted projects, and only their public fields: no scores, reviewers, budgets or
reports beyond the approved final report's public summary of results."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from apps.api.listing import list_endpoint
from apps.fund.models import Fund
from apps.grants import selectors
from apps.grants.models import Decision

router = Router(tags=["Fund grants"])


class FundRef(Schema):
    name: str = Field(description="The fund's name.")
    slug: str = Field(description="The fund's identifier.")
    organisation: str = Field(
        description="The organisation (usually a kommune) that owns the fund."
    )


class CallRef(Schema):
    title: str = Field(description="The call the application answered.")
    slug: str = Field(description="The call's identifier within the fund.")


class PartnerOut(Schema):
    name: str = Field(description="The partner's name.")
    kind: str = Field(
        description="municipal, social_entrepreneur, research or other; empty when not given."
    )


class GrantOut(Schema):
    """A granted project."""

    id: int = Field(description="The grant's identifier; use it with GET /grants/{id}.")
    title: str = Field(description="The project's title.")
    organisation: str = Field(description="The applicant organisation.")
    fund: FundRef = Field(description="The fund that granted the money.")
    call: CallRef = Field(description="The call.")
    amount: int = Field(description="The amount granted, in Norwegian kroner (NOK).")
    decided_at: datetime.datetime = Field(description="When the grant was decided.")
    status: str = Field(description="granted, in_progress or completed.")
    sector: str | None = Field(description="Sector code; null when not given.")
    partners: list[PartnerOut] = Field(description="The project's partners.")
    results_summary: str = Field(
        description="The public summary of results from the approved final report; empty "
        "until then."
    )

    @staticmethod
    def resolve_id(obj: Decision) -> int:
        return obj.pk

    @staticmethod
    def resolve_title(obj: Decision) -> str:
        return obj.application.title

    @staticmethod
    def resolve_organisation(obj: Decision) -> str:
        return obj.application.organisation.name

    @staticmethod
    def resolve_fund(obj: Decision) -> dict:
        fund = obj.application.call.fund
        return {"name": fund.name, "slug": fund.slug, "organisation": fund.organisation.name}

    @staticmethod
    def resolve_call(obj: Decision) -> dict:
        call = obj.application.call
        return {"title": call.title, "slug": call.slug}

    @staticmethod
    def resolve_status(obj: Decision) -> str:
        return obj.application.status

    @staticmethod
    def resolve_sector(obj: Decision) -> str | None:
        sector = obj.application.sector
        return sector.code if sector else None

    @staticmethod
    def resolve_partners(obj: Decision) -> list[dict]:
        return [
            {"name": partner.name, "kind": partner.kind}
            for partner in obj.application.partners.all()
        ]

    @staticmethod
    def resolve_results_summary(obj: Decision) -> str:
        return selectors.public_results(obj)


class GrantFilters(Schema):
    fund: str | None = Field(
        None, description="Only this fund (its slug).", examples=["innovasjonsfondet"]
    )
    year: int | None = Field(
        None,
        ge=1900,
        le=9999,
        description="Only grants decided this year (Oslo time).",
        examples=[2026],
    )


@list_endpoint(
    router,
    "/grants",
    response=GrantOut,
    updated_field="decided_at",
    summary="List granted projects",
    description="Projects granted money from a fund, newest decision first.",
)
def grant_list(request: HttpRequest, filters: Query[GrantFilters]):
    fund = None
    if filters.fund:
        fund = Fund.objects.filter(slug=filters.fund).first()
        if fund is None:
            return []
    return selectors.granted_projects(fund=fund, year=filters.year)


@router.get(
    "/grants/{grant_id}",
    response=GrantOut,
    summary="One granted project",
    description="A granted project by its identifier.",
)
def grant_detail(request: HttpRequest, grant_id: int):
    decision = selectors.granted_projects().filter(pk=grant_id).first()
    if decision is None:
        raise HttpError(404, "No granted project has this identifier.")
    return decision
