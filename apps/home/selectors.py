"""What the front page shows each visitor, live from the data: open calls with their
deadlines, the next dialogue meeting, the newest public needs and a few honest figures.

A fixed number of queries whatever the data size (apps/home/tests/test_front_page.py); the
page itself is cached like every anonymous page and purged when a public row changes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from apps.accounts.models import Membership, Organisation, OrganisationType
from apps.broker import selectors as broker_selectors
from apps.cases.models import CasePage
from apps.collaborations.models import Collaboration
from apps.events import selectors as event_selectors
from apps.fund import selectors as fund_selectors

OPEN_CALLS_SHOWN = 3
NEW_NEEDS_SHOWN = 4


@dataclass(frozen=True)
class Figures:
    municipalities: int  # municipalities with at least one person registered on Kokeboka
    examples: int  # published examples
    collaborations: int  # collaborations started through the broker, whatever their stage


@dataclass(frozen=True)
class FrontPage:
    open_calls: list
    next_meeting: object | None
    new_needs: list
    figures: Figures


def front_page(*, now: datetime.datetime | None = None) -> FrontPage:
    now = now or timezone.now()
    open_calls = list(fund_selectors.calls_open(now=now)[:OPEN_CALLS_SHOWN])
    next_meeting = event_selectors.events_upcoming(now=now).first()
    new_needs = list(
        broker_selectors.needs_public(today=timezone.localdate(now))
        .select_related("organisation", "municipality")
        .order_by("-created_at", "-pk")[:NEW_NEEDS_SHOWN]
    )
    return FrontPage(
        open_calls=open_calls,
        next_meeting=next_meeting,
        new_needs=new_needs,
        figures=figures(),
    )


def figures() -> Figures:
    members = Membership.objects.filter(organisation=OuterRef("pk"))
    return Figures(
        municipalities=Organisation.objects.filter(type=OrganisationType.KOMMUNE)
        .filter(Exists(members))
        .count(),
        examples=CasePage.objects.live().count(),
        collaborations=Collaboration.objects.count(),
    )
