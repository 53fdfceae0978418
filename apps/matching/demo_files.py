"""The matching demo's words as data: `content/demo/matching/invitation.yaml` holds the demo
broker's open invitation and the demo entrepreneur's answer to it. `apps.matching.demo` makes
the rows through the same services a broker uses."""

from __future__ import annotations

from pathlib import Path

from apps.accounts.demo_files import read_once
from apps.core.content_files import DEMO_DIR, ContentModel, read_yaml

FOLDER = DEMO_DIR / "matching"


class Answer(ContentModel):
    interested: bool
    comment: str = ""


class Invitation(ContentModel):
    """The open invitation: answer within `deadline_days` of loading the demo."""

    deadline_days: int
    message: str
    answer: Answer


class MatchingContent(ContentModel):
    invitation: Invitation


@read_once(FOLDER)
def read_demo_content(folder: Path = FOLDER) -> MatchingContent:
    """Reads and validates the matching demo's file."""
    return MatchingContent(invitation=read_yaml(folder / "invitation.yaml", Invitation))
