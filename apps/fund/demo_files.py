"""The fund demo as data, in `content/demo/fund/`: `fund.md` (the invented fund; its
description is the text), `calls.md` (the calls, the terms they share, and the call text),
and `applications.yaml` (the applications with their partners, budgets and milestones, in the
order they are made). `apps.fund.demo` builds the rows from what `read_demo_content()` returns.

Times are written as Norwegian local time (`2026-10-15 12:00`) and read as Europe/Oslo. Every
partner is invented and says so (docs/decisions/0021-honest-demo-content.md)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import field_validator, model_validator

from apps.accounts.demo_files import FictionalName, read_once
from apps.broker.demo_files import SectorCode
from apps.core.content_files import (
    DEMO_DIR,
    ContentFileError,
    ContentModel,
    read_markdown,
    read_yaml_list,
    unwrap,
)

from .models import (
    CostType,
    EligibleApplicant,
    FundingSource,
    PartnerRequirement,
    RequiredAnswer,
)

FOLDER = DEMO_DIR / "fund"
OSLO = ZoneInfo("Europe/Oslo")


def _oslo(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=OSLO)
    return value


class Fund(ContentModel):
    slug: str
    name: str
    body: str

    @field_validator("body")
    @classmethod
    def _says_it_is_invented(cls, body: str) -> str:
        if "oppdiktet" not in body:
            raise ValueError("the fund's description says that it is invented («oppdiktet»)")
        return unwrap(body)


class CallDates(ContentModel):
    slug: str
    title: str
    opens_at: datetime.datetime
    deadline: datetime.datetime | None = None

    _in_oslo = field_validator("opens_at", "deadline")(_oslo)


class Criterion(ContentModel):
    name: str
    description: str
    weight: int


class Question(ContentModel):
    text: str
    required_answer: Literal[tuple(RequiredAnswer.values)]


class Attachment(ContentModel):
    name: str
    description: str


class Calls(ContentModel):
    """The demo calls and the terms they share; the text below is every call's text."""

    calls: list[CallDates]
    budget: int
    eligible_applicants: list[Literal[tuple(EligibleApplicant.values)]]
    partner_requirement: Literal[tuple(PartnerRequirement.values)]
    criteria: list[Criterion]
    questions: list[Question]
    attachments: list[Attachment]
    body: str

    _unwrapped = field_validator("body")(unwrap)


class BudgetLine(ContentModel):
    year: int
    amount: int
    cost_type: Literal[tuple(CostType.values)]
    source: Literal[tuple(FundingSource.values)]


class Milestone(ContentModel):
    title: str
    due: datetime.date
    amount: int


class Application(ContentModel):
    """An application of the fund's municipality; submitted when `submitted_at` is given."""

    call: str
    title: str
    partner: FictionalName
    partner_role: str
    sector: SectorCode
    summary: str
    description: str
    need: str
    budget: list[BudgetLine]
    milestones: list[Milestone]
    submitted_at: datetime.datetime | None = None

    _in_oslo = field_validator("submitted_at")(_oslo)

    @model_validator(mode="after")
    def _asks_the_fund_for_something(self):
        if not any(line.source == FundingSource.FUND for line in self.budget):
            raise ValueError("the budget has no line applied for from the fund")
        return self

    @property
    def amount_requested(self) -> int:
        return sum(line.amount for line in self.budget if line.source == FundingSource.FUND)


class FundContent(ContentModel):
    fund: Fund
    calls: Calls
    applications: list[Application]


@read_once(FOLDER)
def read_demo_content(folder: Path = FOLDER) -> FundContent:
    """Reads and validates the fund demo's files; every application names one of the calls."""
    content = FundContent(
        fund=read_markdown(folder / "fund.md", Fund),
        calls=read_markdown(folder / "calls.md", Calls),
        applications=read_yaml_list(folder / "applications.yaml", Application),
    )
    slugs = {call.slug for call in content.calls.calls}
    for number, application in enumerate(content.applications, start=1):
        if application.call not in slugs:
            raise ContentFileError(
                folder / "applications.yaml",
                f"{number}.call",
                f"no call «{application.call}» in calls.md (there are: {', '.join(sorted(slugs))})",
            )
    return content
