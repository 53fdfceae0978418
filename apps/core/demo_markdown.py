"""The small part of Markdown that the demo's prose files use, and the one way it becomes
the text and the rich text the pages store.

Demo prose under `content/demo/` (posts, examples, information pages, meeting descriptions)
is written as paragraphs separated by blank lines, bullet items starting with "- ", and links
written `[text](https://...)` (or `mailto:`); a page's parts are `## ` headings, split by
`apps.core.content_files.sections`. Lines may be wrapped anywhere: a line that does not start
a bullet item continues the line above, so a file can be rewrapped without changing the page.

Why not a full Markdown library: its meaning is wider than the pages need, and some of it
would change text silently (a wrapped line that starts with «1. juli» would become a numbered
list). What this module does not know, it refuses (`check_prose`), so a file that uses more
Markdown than this fails to load instead of showing stray marks.

Also the reading of a folder of pages whose file names are their slugs (`read_pages`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, Field

from .content_files import ContentFileError, ContentModel, read_markdown, unwrap

Model = TypeVar("Model", bound=BaseModel)

_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^)\s\"<>]+)\)")
_UNSUPPORTED = (
    (re.compile(r"^#"), "only «## » headings split a text into parts; other headings are not used"),
    (re.compile(r"^[*+] "), "bullet items start with «- »"),
    (re.compile(r"<[a-zA-Z/][^>]*>"), "write Markdown, not HTML"),
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ORDER_PREFIX = re.compile(r"^\d+-")


def check_prose(text: str) -> str:
    """Refuses Markdown this module does not turn into the page (a ValueError, which the
    content loader reports with the file and the field); returns the text unwrapped."""
    for line in text.splitlines():
        for pattern, message in _UNSUPPORTED:
            if pattern.search(line.strip()):
                raise ValueError(f"{message}: «{line.strip()[:60]}»")
    return unwrap(text)


# A prose field of a content schema: checked, and stored unwrapped.
Prose = Annotated[str, AfterValidator(check_prose)]


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', escaped)


def to_html(text: str) -> str:
    """Prose as rich text HTML: `<p>` per paragraph, `<ul><li>` for bullet items, `<a>` for
    links; everything else is escaped."""
    parts: list[str] = []
    for paragraph in unwrap(text).split("\n\n"):
        if not paragraph:
            continue
        words: list[str] = []
        items: list[str] = []
        for line in paragraph.split("\n"):
            if line.startswith("- "):
                if words:
                    parts.append(f"<p>{_inline(' '.join(words))}</p>")
                    words = []
                items.append(f"<li>{_inline(line[2:].strip())}</li>")
            else:
                if items:
                    parts.append(f"<ul>{''.join(items)}</ul>")
                    items = []
                words.append(line)
        if words:
            parts.append(f"<p>{_inline(' '.join(words))}</p>")
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def slug_of(path: Path) -> str:
    """A page file's slug: its name without `.md` and without an order prefix such as `01-`."""
    return _ORDER_PREFIX.sub("", Path(path).stem)


def read_pages(folder: Path, schema: type[Model]) -> list[Model]:
    """Every `*.md` page of `folder` in file-name order, each with `slug` set from its file
    name (the schema declares `slug: str = ""`; the front matter must not set it, so the
    name a reader sees in the folder is the address the page gets)."""
    folder = Path(folder)
    files = sorted(path for path in folder.glob("*.md") if path.is_file())
    if not files:
        raise ContentFileError(folder, "", "no .md files here")
    pages: list[Model] = []
    for path in files:
        slug = slug_of(path)
        if not _SLUG.match(slug):
            raise ContentFileError(
                path, "(file name)", "the file name is the slug: lower-case a-z, 0-9 and «-»"
            )
        page = read_markdown(path, schema)
        if page.slug:
            raise ContentFileError(path, "slug", "the file name is the slug; remove this field")
        pages.append(page.model_copy(update={"slug": slug}))
    return pages


class IndexPage(ContentModel):
    """A section's front page (the blog's, the examples bank's); `body` is its introduction,
    and its slug names the folder beside it that holds the section's pages."""

    slug: str = ""
    title: str = Field(min_length=1)
    body: Prose


def read_index_with_pages(folder: Path, schema: type[Model]) -> tuple[IndexPage, list[Model]]:
    """A section written as one front-page file in `folder` and its pages in the folder named
    by its slug (`kokebokloggen.md` beside `kokebokloggen/`)."""
    indexes = read_pages(folder, IndexPage)
    if len(indexes) != 1:
        raise ContentFileError(folder, "", "exactly one .md file here: the section's front page")
    return indexes[0], read_pages(Path(folder) / indexes[0].slug, schema)
