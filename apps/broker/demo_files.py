"""The broker demo as data: one file per entrepreneur in `content/demo/broker/entrepreneurs/`
(the profile and its offers) and the municipalities' needs in `content/demo/broker/needs.yaml`.
`apps.broker.demo` builds the rows from what `read_demo_content()` returns, and the matching
evaluation (apps/matching/evaluate.py) reads the same offers.

Codes (sectors, target groups, maturity, status, visibility, legal form) are checked against
the platform's vocabularies when the file is read, so a renamed code fails with the file and
the field instead of loading an offer without its sectors."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import ValidationInfo, field_validator

from apps.accounts.demo_files import LegalFormCode, fictional, read_once
from apps.core.content_files import DEMO_DIR, ContentModel, read_folder, read_yaml_list
from apps.core.vocabulary import SECTORS, TARGET_GROUPS

from .models import Maturity, NeedStatus, NeedVisibility

FOLDER = DEMO_DIR / "broker"

SectorCode = Literal[tuple(code for code, _label in SECTORS)]
TargetGroupCode = Literal[tuple(code for code, _label in TARGET_GROUPS)]


class Offer(ContentModel):
    """One offer; its import key is `demo-<entrepreneur key>-<key>`."""

    key: str
    title: str
    description: str
    sectors: list[SectorCode]
    target_groups: list[TargetGroupCode]
    maturity: Literal[tuple(Maturity.values)]
    national: bool = False


class Entrepreneur(ContentModel):
    """An entrepreneur's profile and offers. A named (real) entrepreneur is made by the
    accounts demo and only gets a profile here; an invented one (`invented: true`, name
    marked «(fiktiv)») is made here, with its legal form and work integration."""

    invented: bool = False
    key: str
    name: str
    legal_form: LegalFormCode = ""
    work_integration: bool = False
    summary: str
    evidence: str = ""
    areas: list[str] = []
    national: bool = False
    offers: list[Offer]

    @field_validator("name")
    @classmethod
    def _invented_says_so(cls, name: str, info: ValidationInfo) -> str:
        return fictional(name) if info.data.get("invented") else name

    @field_validator("legal_form", "work_integration")
    @classmethod
    def _named_from_accounts(cls, value, info: ValidationInfo):
        if value and not info.data.get("invented"):
            raise ValueError("a named entrepreneur's legal form comes from apps.accounts")
        return value


class Need(ContentModel):
    """A need of an invented municipality; its import key is `demo-<key>`."""

    key: str
    municipality: str
    title: str
    description: str
    affected: str
    tried: str = ""
    outcome: str
    sectors: list[SectorCode]
    target_groups: list[TargetGroupCode]
    no_clear_owner: bool = False
    budget_min: int | None = None
    budget_max: int | None = None
    timeframe: str = ""
    status: Literal[tuple(NeedStatus.values)]
    visibility: Literal[tuple(NeedVisibility.values)] = "public"


class BrokerContent(ContentModel):
    entrepreneurs: list[Entrepreneur]
    needs: list[Need]

    def entrepreneur(self, key: str) -> Entrepreneur:
        return next(e for e in self.entrepreneurs if e.key == key)


@read_once(FOLDER)
def read_demo_content(folder: Path = FOLDER) -> BrokerContent:
    """Reads and validates the broker demo's files."""
    return BrokerContent(
        entrepreneurs=read_folder(folder / "entrepreneurs", Entrepreneur, suffix=".yaml"),
        needs=read_yaml_list(folder / "needs.yaml", Need),
    )
