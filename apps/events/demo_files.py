"""The demo's dialogue meetings as files:

- `content/demo/events/NN-<slug>.md`: one meeting each, in the order they are created. The
  front matter has the facts (times in Oslo time, written `2016-06-14 10:00`; the place, the
  programme, the speakers, the video); the body is the meeting's description.
- `content/demo/events/input/<slug>.yaml`: the input sent to that meeting (a list).
- `content/demo/events/registrations/<slug>.yaml`: the people registered for it (a list).

`read_demo_content()` reads and checks them all. The 2016 meeting's date, host, participants
and purpose come from the ministry's own account of it; the times of day, the programme and
the input are written for the demo, and its description says so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field

from apps.core.content_files import DEMO_DIR, ContentFileError, ContentModel, read_yaml_list
from apps.core.demo_markdown import Prose, read_pages, slug_of

from .formatting import OSLO
from .models import InputKind, InputPhase, InputStatus, Role

FOLDER = DEMO_DIR / "events"


def _oslo_time(value: object) -> object:
    """`2016-06-14 10:00` (Oslo time, as the files write it) as an aware datetime."""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError as error:
            raise ValueError("write a time as «2016-06-14 10:00» (Oslo time)") from error
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=OSLO)
    return value


OsloDateTime = Annotated[datetime.datetime, BeforeValidator(_oslo_time)]


class AgendaEntry(ContentModel):
    time: datetime.time
    title: str = Field(min_length=1)
    speaker: str = ""


class SpeakerEntry(ContentModel):
    name: str = Field(min_length=1)
    role: str = ""


class Meeting(ContentModel):
    """One meeting; `body` is its description."""

    slug: str = ""
    title: str = Field(min_length=1)
    summary: Prose = Field(min_length=1)
    start: OsloDateTime
    end: OsloDateTime
    registration_deadline: OsloDateTime
    place_name: str = Field(min_length=1)
    place_address: str = ""
    capacity: int = Field(ge=1)
    accessibility_info: Prose = ""
    video_url: str = ""
    video_transcript: Prose = ""
    # Organised by the demo's invented home municipality (never a real one:
    # docs/decisions/0021-honest-demo-content.md).
    organised_by_demo_municipality: bool = False
    agenda: list[AgendaEntry] = []
    speakers: list[SpeakerEntry] = []
    body: Prose = Field(min_length=1)


class InputEntry(ContentModel):
    """Input sent to a meeting. `recipe` or `chapter` name what it is about (by slug), or
    `topic` does; `became` says what the editors made of input that was converted."""

    title: str = Field(min_length=1)
    kind: InputKind
    phase: InputPhase
    status: InputStatus
    author_name: str = ""
    recipe: str = ""
    chapter: str = ""
    topic: str = ""
    text: Prose = Field(min_length=1)
    became: Prose = ""


class RegistrationEntry(ContentModel):
    """A confirmed registration; the e-mail address is made from the name (example.no)."""

    name: str = Field(min_length=1)
    role: Role
    organisation: str = ""


@dataclass(frozen=True)
class MeetingContent:
    meeting: Meeting
    inputs: list[InputEntry]
    registrations: list[RegistrationEntry]


def _records(folder: Path, schema, slugs: set[str]) -> dict[str, list]:
    """The record files of `folder`, by the meeting they belong to (their file name)."""
    found: dict[str, list] = {}
    for path in sorted(folder.glob("*.yaml")):
        if slug_of(path) not in slugs:
            raise ContentFileError(path, "(file name)", f"no meeting {slug_of(path)!r}")
        found[slug_of(path)] = read_yaml_list(path, schema)
    return found


def read_demo_content(folder: Path = FOLDER) -> list[MeetingContent]:
    """Every meeting file with its input and registrations, checked, in file-name order."""
    meetings = read_pages(folder, Meeting)
    slugs = {meeting.slug for meeting in meetings}
    inputs = _records(folder / "input", InputEntry, slugs)
    registrations = _records(folder / "registrations", RegistrationEntry, slugs)
    return [
        MeetingContent(
            meeting=meeting,
            inputs=inputs.get(meeting.slug, []),
            registrations=registrations.get(meeting.slug, []),
        )
        for meeting in meetings
    ]
