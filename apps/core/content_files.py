"""Reads content files: the demo's recipes, chapters, posts, examples, meetings and broker data
live under `content/demo/` as Markdown with YAML front matter (prose) or YAML (records), so an
editor or a reviewer reads them as text and a change of model cannot break them silently.

One loader for every app:
- `read_markdown(path, Schema)`: the front matter's fields plus the text below it as `body`.
- `read_yaml(path, Schema)`: one record per file; `read_yaml_list(path, Schema)`: a list.
- `read_folder(folder, Schema)`: every `*.md` (or `*.yaml`) file of a folder, in file-name order.
- `sections(body)`: splits a Markdown body at its `## ` headings, for steps and sections.
- `unwrap(text)`: the one text rule of every file: a blank line starts a paragraph, a line
  starting with `- ` is a bullet item, any other line break is only wrapping.

Each file is validated by a pydantic model that forbids unknown fields (a misspelt key is an
error, not a silently missing value). Any fault raises `ContentFileError`, which names the file
(relative to the repository), the field (as a dotted path, list items by number from 1) and
what is wrong, e.g. `content/demo/cookbook/recipes/markedsdialog.md: steps.3.title: Field
required`.

Why pydantic and python-frontmatter: pydantic is already installed with django-ninja and says
which field is wrong; python-frontmatter is the well-kept reader of the format.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

import frontmatter
import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

# libyaml's safe loader where it is built in (it is in PyYAML's wheels): ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONTENT_DIR = Path(settings.BASE_DIR) / "content"
DEMO_DIR = CONTENT_DIR / "demo"

Model = TypeVar("Model", bound=BaseModel)


class ContentModel(BaseModel):
    """Base of every content schema: unknown fields are errors; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ContentFileError(ValueError):
    """A content file that cannot be used, with the file and the field that are wrong."""

    def __init__(self, path: Path, field: str, message: str):
        self.path = Path(path)
        self.field = field
        self.message = message
        super().__init__(f"{_shown(self.path)}: {field or '(file)'}: {message}")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)


def _field(loc: tuple) -> str:
    """pydantic's location as a dotted path; list positions counted from 1, as a reader would."""
    return ".".join(str(part + 1) if isinstance(part, int) else str(part) for part in loc)


def _validate(path: Path, data: object, adapter: TypeAdapter):
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = errors[0]
        message = first["msg"]
        if len(errors) > 1:
            others = "; ".join(f"{_field(e['loc'])}: {e['msg']}" for e in errors[1:4])
            message = f"{message} (also: {others})"
        raise ContentFileError(path, _field(first["loc"]), message) from exc


def _load_yaml_text(path: Path, text: str) -> object:
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader, C or Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", exc)
        raise ContentFileError(path, where, f"not valid YAML: {problem}") from exc


def read_markdown(path: Path, schema: type[Model]) -> Model:
    """A Markdown file with YAML front matter: the front matter's fields, and the text below
    it (stripped) as `body` when the schema has a `body` field."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise ContentFileError(path, where, f"front matter is not valid YAML: {exc}") from exc
    data = dict(post.metadata)
    if "body" in schema.model_fields:
        if "body" in data:
            raise ContentFileError(path, "body", "the body is the text below the front matter")
        data["body"] = post.content.strip()
    elif post.content.strip():
        raise ContentFileError(path, "body", "this kind of file has no text below its front matter")
    return _validate(path, data, TypeAdapter(schema))


def read_yaml(path: Path, schema: type[Model]) -> Model:
    """A YAML file holding one record."""
    path = Path(path)
    data = _load_yaml_text(path, path.read_text(encoding="utf-8"))
    return _validate(path, data, TypeAdapter(schema))


def read_yaml_list(path: Path, schema: type[Model]) -> list[Model]:
    """A YAML file holding a list of records."""
    path = Path(path)
    data = _load_yaml_text(path, path.read_text(encoding="utf-8"))
    return _validate(path, data, TypeAdapter(list[schema]))


def read_folder(folder: Path, schema: type[Model], *, suffix: str = ".md") -> list[Model]:
    """Every file of `folder` ending in `suffix`, in file-name order (name files `01-...` to
    set the order). An empty or missing folder is an error: content that vanished must not
    load as an emptier site."""
    folder = Path(folder)
    files = sorted(p for p in folder.glob(f"*{suffix}") if p.is_file())
    if not files:
        raise ContentFileError(folder, "", f"no {suffix} files here")
    reader = read_markdown if suffix == ".md" else read_yaml
    return [reader(path, schema) for path in files]


_HEADING = re.compile(r"^## +(.+?)\s*$", re.MULTILINE)


def sections(body: str) -> list[tuple[str, str]]:
    """Splits a Markdown body at its level-2 headings: `[(heading, text), ...]`, text stripped.
    Text before the first heading is returned with an empty heading when there is any."""
    parts = _HEADING.split(body)
    result: list[tuple[str, str]] = []
    if parts[0].strip():
        result.append(("", parts[0].strip()))
    for heading, text in zip(parts[1::2], parts[2::2], strict=True):
        result.append((heading.strip(), text.strip()))
    return result


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def unwrap(text: str) -> str:
    """Wrapped prose in the plain form the site stores: paragraphs separated by one blank line,
    each paragraph and each bullet item (`- `) on one line. The files keep short lines; any
    line break that does not start a paragraph or a bullet item is only wrapping."""
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split((text or "").strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("- ") or not lines:
                lines.append(line)
            else:
                lines[-1] = f"{lines[-1]} {line}"
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
