"""The decision letter: HTML laid out as a PDF by apps.printbook's offline renderer."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from apps.core.oslo import OSLO
from apps.fund.models import Application

from .models import Decision


def letter_html(*, application: Application, decision: Decision) -> str:
    return render_to_string(
        "grants/letter.html",
        {
            "application": application,
            "decision": decision,
            "fund": application.call.fund,
            "decided_on": decision.decided_at.astimezone(OSLO).date(),
            "today": timezone.now().astimezone(OSLO).date(),
        },
    )
