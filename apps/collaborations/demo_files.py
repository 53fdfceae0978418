"""The demo collaborations as data: one Markdown file per collaboration in
`content/demo/collaborations/` (file-name order is the order they are made in). The front
matter holds the facts (parties, stage, days since, log); the text below holds the prose
under fixed headings: `## Kort fortalt` (summary), `## Resultat` (outcome) and
`## Dette lærte vi` (lessons). `common.yaml` holds the broker's introduction message.

Both parties of a demo collaboration are invented and say so in their names
(docs/decisions/0021-honest-demo-content.md); the file is refused otherwise."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import field_validator

from apps.accounts.demo_files import FictionalName, read_once
from apps.broker.demo_files import SectorCode, TargetGroupCode
from apps.cases.models import CollaborationForm
from apps.core.content_files import (
    DEMO_DIR,
    ContentModel,
    read_folder,
    read_yaml,
    sections,
    unwrap,
)

from .models import LogKind
from .stages import Stage

FOLDER = DEMO_DIR / "collaborations"
# Heading in the file -> field of the collaboration.
HEADINGS = {"Kort fortalt": "summary", "Resultat": "outcome", "Dette lærte vi": "lessons"}


class LogItem(ContentModel):
    kind: Literal[tuple(LogKind.values)]
    days_ago: int
    text: str
    value: Decimal | None = None
    unit: str = ""


class Origin(ContentModel):
    """Words in the titles of the broker demo's need and offer the collaboration grew from."""

    need: str = ""
    offer: str = ""


class Collaboration(ContentModel):
    title: str
    municipality: str
    entrepreneur: FictionalName
    stage: Literal[tuple(Stage.values)]
    days_in_stage: int
    form: Literal["", *CollaborationForm.values] = ""
    sectors: list[SectorCode]
    target_groups: list[TargetGroupCode]
    origin: Origin = Origin()
    published_as_example: bool = False
    log: list[LogItem]
    body: str = ""

    @field_validator("body")
    @classmethod
    def _known_headings(cls, body: str) -> str:
        for heading, _text in sections(body):
            if heading not in HEADINGS:
                known = ", ".join(f"«## {h}»" for h in HEADINGS)
                raise ValueError(f"unknown heading «## {heading}» (use {known})")
        return body.strip()

    def prose(self) -> dict[str, str]:
        """summary, outcome and lessons from the text's headings ("" when absent)."""
        found = dict.fromkeys(HEADINGS.values(), "")
        for heading, text in sections(self.body):
            found[HEADINGS[heading]] = unwrap(text)
        return found


class Common(ContentModel):
    introduction_message: str
    entrepreneur_description: str


class CollaborationsContent(ContentModel):
    collaborations: list[Collaboration]
    common: Common


@read_once(FOLDER)
def read_demo_content(folder: Path = FOLDER) -> CollaborationsContent:
    """Reads and validates the collaborations demo's files."""
    return CollaborationsContent(
        collaborations=read_folder(folder, Collaboration),
        common=read_yaml(folder / "common.yaml", Common),
    )
