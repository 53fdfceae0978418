"""The demo's member contributions as one file, `content/demo/contributions/contributions.yaml`:
the two demo members, their tips (published, and one waiting for a moderator), their "we
tried this" reports and a suggested change waiting for an editor. `recipe` counts the book's
recipes in book order (1 = the first), since the demo writes them on its first recipes
whatever those are. The reports name the demo's invented municipalities (apps.accounts.demo),
never a real one. `read_demo_content()` reads and checks the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from apps.core.content_files import DEMO_DIR, ContentModel, read_yaml
from apps.core.demo_markdown import Prose

from .models import Outcome, SuggestionField

FOLDER = DEMO_DIR / "contributions"


class Member(ContentModel):
    email: str = Field(pattern=r"^demo\.[a-z0-9.]+@example\.no$")
    first_name: str = Field(min_length=1)
    last_name: str = Field(min_length=1)
    # A trusted contributor's tips are published without waiting for a moderator.
    trusted: bool = False


class TipEntry(ContentModel):
    recipe: int = Field(ge=1)
    author: str
    status: Literal["published", "pending"]
    text: Prose = Field(min_length=1)


class TriedEntry(ContentModel):
    recipe: int = Field(ge=1)
    author: str
    municipality: str = Field(pattern=r"^\d{4}$")
    year: int
    outcome: Outcome
    what_we_would_do_differently: Prose = ""


class SuggestionEntry(ContentModel):
    """A suggested change to a recipe's text: `append` is added after the recipe's current
    text of `field` (its summary or when it fits)."""

    recipe: int = Field(ge=1)
    author: str
    field: Literal[SuggestionField.SUMMARY, SuggestionField.SITUATION]
    append: str = Field(min_length=1)
    reason: Prose = Field(min_length=1)


class Contributions(ContentModel):
    members: list[Member] = Field(min_length=1)
    tips: list[TipEntry] = []
    tried_reports: list[TriedEntry] = []
    suggested_changes: list[SuggestionEntry] = []

    @field_validator("tips", "tried_reports", "suggested_changes")
    @classmethod
    def _authors_are_members(cls, entries: list, info: ValidationInfo) -> list:
        emails = {member.email for member in info.data.get("members", [])}
        for number, entry in enumerate(entries, start=1):
            if entry.author not in emails:
                raise ValueError(f"{number}: the author {entry.author!r} is not one of the members")
        return entries


def read_demo_content(folder: Path = FOLDER) -> Contributions:
    return read_yaml(folder / "contributions.yaml", Contributions)
