"""The grants demo's assessment as data: `content/demo/grants/assessment.yaml` holds the
reviewers' scores and comments, the one declared conflict, the screening note, the decisions
(in the order of the fund demo's closed call) and the follow-up of the first two grants
(payments' project accounts, reports and their indicators). `apps.grants.demo` takes every
step through the grants services with the demo people as actors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import model_validator

from apps.accounts.demo_files import read_once
from apps.core.content_files import DEMO_DIR, ContentModel, read_yaml

from .models import Outcome

FOLDER = DEMO_DIR / "grants"


class Conflict(ContentModel):
    """The reviewer (1 or 2) who declares a conflict on the application (counted from 1)."""

    application: int
    reviewer: int
    note: str


class DecisionPlan(ContentModel):
    """A decision; a grant is `share` of the amount applied for, rounded down to thousands."""

    outcome: Literal[tuple(Outcome.values)]
    share: Decimal = Decimal("0")
    conditions: str = ""
    reasons: str

    @model_validator(mode="after")
    def _granted_has_a_share(self):
        if self.outcome == Outcome.GRANTED and not self.share > 0:
            raise ValueError("a granted decision needs a share above 0")
        return self


class Indicator(ContentModel):
    name: str
    target: Decimal
    value: Decimal
    unit: str


class ProgressReport(ContentModel):
    """A progress report due `due_days` from today (negative: in the past)."""

    due_days: int
    text: str = ""
    indicators: list[Indicator] = []


class FinalReport(ContentModel):
    text: str
    results_summary: str
    indicators: list[Indicator]


class Completed(ContentModel):
    """The first grant: paid, reported on and approved."""

    project_account: str
    progress_report: ProgressReport
    final_report: FinalReport


class Running(ContentModel):
    """The second grant: a payment plan and a progress report the applicant still owes."""

    project_account: str
    progress_report: ProgressReport


class Assessment(ContentModel):
    scores: list[list[list[int]]]
    comments: list[str]
    conflict: Conflict
    ineligible_note: str
    decisions: list[DecisionPlan]
    completed: Completed
    running: Running


@read_once(FOLDER)
def read_demo_content(folder: Path = FOLDER) -> Assessment:
    """Reads and validates the grants demo's file."""
    return read_yaml(folder / "assessment.yaml", Assessment)
