"""The site's fixed information pages as files: the accessibility statement and the privacy
page, in bokmål (`content/demo/pages/NN-<slug>.md`), nynorsk (`pages/nn/`) and English
(`pages/en/`), each named like the bokmål page it translates. Front matter: `title`, `intro`
and (bokmål and nynorsk) `seo_description`; the body is the page, one `## ` heading per part.
`read_demo_content()` reads and checks them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from .content_files import DEMO_DIR, ContentFileError, ContentModel, sections
from .demo_markdown import Prose, check_prose, read_pages, to_html

FOLDER = DEMO_DIR / "pages"


def _check_parts(body: str) -> str:
    parts = sections(body)
    if not parts or parts[0][0] == "":
        raise ValueError("the page starts with a «## » heading and is made of such parts")
    for heading, text in parts:
        if not text:
            raise ValueError(f"the part «{heading}» has no text")
        check_prose(text)
    return body


class PageText(ContentModel):
    """An information page's text in one language."""

    slug: str = ""
    title: str = Field(min_length=1)
    intro: Prose = Field(min_length=1)
    body: Annotated[str, AfterValidator(_check_parts)]

    @property
    def parts(self) -> list[tuple[str, str]]:
        """(heading, rich text HTML) for each part of the body."""
        return [(heading, to_html(text)) for heading, text in sections(self.body)]


class InformationPage(PageText):
    """A page in bokmål or nynorsk, which also has its description for search engines."""

    seo_description: Prose = Field(min_length=1)


@dataclass(frozen=True)
class PagesContent:
    pages: list[InformationPage]
    nynorsk: dict[str, InformationPage]
    english: dict[str, PageText]


def _translations(folder: Path, schema, slugs: list[str]) -> dict:
    found = {page.slug: page for page in read_pages(folder, schema)}
    for slug in slugs:
        if slug not in found:
            raise ContentFileError(folder, "", f"no translation of the page {slug!r} here")
    for slug in found:
        if slug not in slugs:
            raise ContentFileError(folder, "", f"{slug!r} translates no bokmål page")
    return found


def read_demo_content(folder: Path = FOLDER) -> PagesContent:
    """The bokmål pages (in file-name order) and their nynorsk and English texts, checked."""
    pages = read_pages(folder, InformationPage)
    slugs = [page.slug for page in pages]
    return PagesContent(
        pages=pages,
        nynorsk=_translations(folder / "nn", InformationPage, slugs),
        english=_translations(folder / "en", PageText, slugs),
    )
