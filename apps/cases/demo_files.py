"""The examples bank's demo content as files: `content/demo/cases/eksempler.md` (the bank's
front page; its body is the introduction) and `content/demo/cases/eksempler/NN-<slug>.md`
(one example each, in the order they are published: the facts in the front matter, the
story and the lessons as the body's `## Historien` and `## Erfaringer`). File names are the
slugs. `read_demo_content()` reads and checks them all.

The examples are real collaborations between a named municipality and an entrepreneur, from
shared/domain/legal-facts.md (A1–A5) and the public sources each example lists, told in our
own words. Only facts a listed source states; what no source confirms is left out of the
published text (the open questions are listed for editors in
docs/decisions/0021-honest-demo-content.md). An example is included only where a source shows
the municipality taking part, so every example lists at least one source with an address.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from apps.core.content_files import DEMO_DIR, ContentModel, sections
from apps.core.demo_markdown import IndexPage, Prose, check_prose, read_index_with_pages
from apps.core.municipalities import MUNICIPALITIES
from apps.core.vocabulary import SECTORS, TARGET_GROUPS

from .models import CollaborationForm

FOLDER = DEMO_DIR / "cases"
STORY = "Historien"
LESSONS = "Erfaringer"


def _one_of(codes: set[str], what: str, where: str = "apps/core/vocabulary.py"):
    def check(code: str) -> str:
        if code not in codes:
            raise ValueError(f"unknown {what} {code!r}; see {where}")
        return code

    return AfterValidator(check)


def _municipality(code: str) -> str:
    if code not in {number for number, _name in MUNICIPALITIES}:
        raise ValueError(f"no municipality has the number {code!r} (apps/core/municipalities.py)")
    return code


SectorCode = Annotated[str, _one_of({code for code, _label in SECTORS}, "sector")]
TargetGroupCode = Annotated[str, _one_of({code for code, _label in TARGET_GROUPS}, "target group")]
FormCode = Annotated[
    str, _one_of({"", *CollaborationForm.values}, "form of collaboration", "apps/cases/models.py")
]
WebAddress = Annotated[str, Field(pattern=r"^https://\S+$")]


def _check_body(body: str) -> str:
    parts = sections(body)
    headings = [heading for heading, _text in parts]
    if headings not in ([STORY], [STORY, LESSONS]):
        raise ValueError(
            f"the body has «## {STORY}» and, when there are lessons, «## {LESSONS}»; "
            f"found {headings}"
        )
    for _heading, text in parts:
        check_prose(text)
    return body


class Source(ContentModel):
    title: str = Field(min_length=1)
    url: WebAddress


class Outcome(ContentModel):
    name: str = Field(min_length=1)
    value: Decimal | None = None
    unit: str = ""
    note: str = ""
    unconfirmed: bool = False


class Case(ContentModel):
    """One example. `story` and `lessons` are the body's two parts, as plain text."""

    slug: str = ""
    title: str = Field(min_length=1)
    summary: Prose = Field(min_length=1)
    municipality: Annotated[str, AfterValidator(_municipality)]
    entrepreneur: str = ""
    entrepreneur_url: str = Field(default="", pattern=r"^(https://\S+)?$")
    form: FormCode = ""
    start_year: int | None = None
    end_year: int | None = None
    sectors: list[SectorCode] = []
    target_groups: list[TargetGroupCode] = []
    recipes: list[str] = []
    outcomes: list[Outcome] = []
    sources: list[Source] = Field(min_length=1)
    unconfirmed_note: str = ""
    body: Annotated[str, AfterValidator(_check_body)]

    def _part(self, heading: str) -> str:
        return next(
            (check_prose(text) for name, text in sections(self.body) if name == heading), ""
        )

    @property
    def story(self) -> str:
        return self._part(STORY)

    @property
    def lessons(self) -> str:
        return self._part(LESSONS)


@dataclass(frozen=True)
class CasesContent:
    index: IndexPage
    cases: list[Case]


def read_demo_content(folder: Path = FOLDER) -> CasesContent:
    """Every examples-bank file, checked; examples in file-name order."""
    index, cases = read_index_with_pages(folder, Case)
    return CasesContent(index=index, cases=cases)
