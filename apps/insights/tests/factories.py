"""Rows for the insights tests, built directly so that the tests depend only on the other
apps' models, not on their factories."""

import datetime
import itertools

from django.utils import timezone

from apps.accounts.models import Organisation, OrganisationType
from apps.broker.models import Need, NeedStatus, NeedVisibility
from apps.collaborations.models import Collaboration, StageChange
from apps.core.models import Municipality, Sector
from apps.fund.models import Application, ApplicationStatus, Call, Fund
from apps.grants.models import Decision

_sequence = itertools.count(1)


def municipality_org(code: str = "3201") -> Organisation:
    municipality = Municipality.objects.get(code=code)
    org, _created = Organisation.objects.get_or_create(
        municipality=municipality,
        defaults={
            "name": f"{municipality.name} kommune",
            "slug": f"kommune-{code}",
            "type": OrganisationType.KOMMUNE,
            # As staff leave a municipality: power roles exist only in verified ones.
            "verified_at": timezone.now(),
            "verified_via": "staff",
        },
    )
    return org


def entrepreneur_org() -> Organisation:
    n = next(_sequence)
    return Organisation.objects.create(
        name=f"Entreprenør {n} AS",
        slug=f"entreprenor-{n}",
        type=OrganisationType.SOSIAL_ENTREPRENOR,
    )


def need(
    *,
    code: str = "3201",
    sectors: list[str] = (),
    status: str = NeedStatus.OPEN,
    visibility: str = NeedVisibility.PUBLIC,
) -> Need:
    org = municipality_org(code)
    created = Need.objects.create(
        organisation=org,
        municipality=org.municipality,
        title=f"Behov {next(_sequence)}",
        description="Ungdom faller ut av skolen og trenger et tilbud.",
        status=status,
        visibility=visibility,
    )
    created.sectors.set(Sector.objects.filter(code__in=sectors))
    return created


def collaboration(*, code: str = "3201", stages: list[tuple[str, int]]) -> Collaboration:
    """A collaboration that entered each (stage, days ago) in turn; the last is its stage."""
    now = timezone.now()
    created = Collaboration.objects.create(
        municipality_org=municipality_org(code),
        entrepreneur_org=entrepreneur_org(),
        title=f"Samarbeid {next(_sequence)}",
        stage=stages[-1][0],
        stage_changed_at=now - datetime.timedelta(days=stages[-1][1]),
    )
    previous = ""
    for stage, days_ago in stages:
        StageChange.objects.create(
            collaboration=created,
            from_stage=previous,
            to_stage=stage,
            changed_at=now - datetime.timedelta(days=days_ago),
        )
        previous = stage
    return created


def fund(*, code: str = "3201") -> Fund:
    n = next(_sequence)
    return Fund.objects.create(
        organisation=municipality_org(code), name=f"Innovasjonsfond {n}", slug=f"fond-{n}"
    )


def call(*, fund: Fund) -> Call:
    n = next(_sequence)
    return Call.objects.create(
        fund=fund,
        title=f"Utlysning {n}",
        slug=f"utlysning-{n}",
        opens_at=timezone.now() - datetime.timedelta(days=90),
        published=True,
    )


def application(
    *,
    call: Call,
    status: str = ApplicationStatus.SUBMITTED,
    sector: str | None = None,
    amount_requested: int = 100_000,
) -> Application:
    return Application.objects.create(
        call=call,
        organisation=entrepreneur_org(),
        title=f"Prosjekt {next(_sequence)}",
        status=status,
        sector=Sector.objects.filter(code=sector).first() if sector else None,
        amount_requested=amount_requested,
    )


def decision(
    *, application: Application, outcome: str, amount: int, decided_at: datetime.datetime
) -> Decision:
    return Decision.objects.create(
        application=application, outcome=outcome, amount=amount, decided_at=decided_at
    )
