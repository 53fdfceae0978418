"""The demo's organisations and people as data: `content/demo/accounts/organisations.yaml`
(the invented county and municipalities, the real social entrepreneurs of the checked
facts, the invented entrepreneurs) and `content/demo/accounts/people.yaml` (every demo
person's name). `apps.accounts.demo` builds the rows from what `read_demo_content()` returns.

Why the honesty rules are checked here too: an invented body must say so in its name
(docs/decisions/0021-honest-demo-content.md), and a file that forgets the «(fiktiv)» mark
should fail when it is read, naming the file and the field, not after the site is built."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator

from apps.core.content_files import DEMO_DIR, ContentModel, read_yaml, read_yaml_list

from .models import LegalForm

FOLDER = DEMO_DIR / "accounts"
FICTIONAL_MARK = "(fiktiv)"


def _stamp(folder: Path) -> tuple:
    return tuple(
        sorted(
            (str(path), path.stat().st_mtime_ns, path.stat().st_size)
            for path in Path(folder).rglob("*")
            if path.is_file()
        )
    )


def read_once(default: Path) -> Callable:
    """Keeps a `read_demo_content(folder)`'s last answer per folder until a file of the folder
    changes. Why: one run of load_demo asks for the demo people's names dozens of times, and
    reading YAML is the slow part; a changed file is read again, so an edit is never missed."""

    def decorate(reader: Callable) -> Callable:
        memo: dict[Path, tuple] = {}

        @functools.wraps(reader)
        def read(folder: Path = default):
            folder = Path(folder)
            stamp = _stamp(folder)
            if folder not in memo or memo[folder][0] != stamp:
                memo[folder] = (stamp, reader(folder))
            return memo[folder][1]

        return read

    return decorate


def fictional(name: str) -> str:
    """The name, when it says that the body is invented; ValueError otherwise."""
    if not name.endswith(FICTIONAL_MARK):
        raise ValueError(f"an invented body's name ends in «{FICTIONAL_MARK}»")
    return name


FictionalName = Annotated[str, AfterValidator(fictional)]
LegalFormCode = Literal["", *LegalForm.values]


class County(ContentModel):
    code: str
    name: str


class Municipality(ContentModel):
    """An invented municipality: its kommunenummer (county 99), its name and its
    organisation's name and description."""

    code: str
    name: FictionalName
    organisation: FictionalName
    description: str


class Entrepreneur(ContentModel):
    """A social entrepreneur; legal form only when known from the facts."""

    name: str
    legal_form: LegalFormCode = ""
    work_integration: bool = False
    description: str


class FictionalEntrepreneur(Entrepreneur):
    name: FictionalName


class Organisations(ContentModel):
    county: County
    municipalities: list[Municipality]
    entrepreneurs: list[Entrepreneur]
    fictional_entrepreneurs: list[FictionalEntrepreneur]


class Person(ContentModel):
    email: str
    first_name: str
    last_name: str


class AccountsContent(ContentModel):
    organisations: Organisations
    people: list[Person]

    def person(self, email: str) -> Person:
        """The demo person with this address (KeyError names a person missing from the file)."""
        for person in self.people:
            if person.email == email:
                return person
        raise KeyError(f"{email} is not in content/demo/accounts/people.yaml")


@read_once(FOLDER)
def read_demo_content(folder: Path = FOLDER) -> AccountsContent:
    """Reads and validates the accounts demo's files."""
    return AccountsContent(
        organisations=read_yaml(folder / "organisations.yaml", Organisations),
        people=read_yaml_list(folder / "people.yaml", Person),
    )
