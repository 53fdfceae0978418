"""The demo book's files: what `content/demo/cookbook/` holds and how it is checked.

The book is text an editor reads and corrects, so it lives as files, not as Python
(content/demo/README.md is the guide for editors). The files, under `COOKBOOK_DIR`:

- `index.md`: front matter `slug`, `title`, `first_change_note`; the body is the intro.
- `chapters/NN-<slug>.md`: `slug`, `title`, `recipes` (slugs, in the chapter's order); the
  body is the intro. The number in the file name sets the chapters' order.
- `recipes/<slug>.md`: a recipe as readers see it now. Front matter: `slug`, `title`,
  `chapter`, `summary`, `phase`, `audience`, `sectors`, `ingredients` (`who`, `budget`,
  `time`, `prerequisites`), `legal_rules`, `related`, `examples` (`title`, `text`,
  `source_url`). The body is the situation, then each step as a `## <title>` section whose
  text may end with a `**Tips:** …` and a `**Fallgruve:** …` paragraph.
- `history/<slug>.yaml`: the recipe's changes, oldest first, each a `change_note` and
  `before`, the fields as they read before the change. Kept backwards from the recipe file so
  that file always reads as the recipe does now; the loader replays the versions forwards.
- `nn/index.md`, `nn/chapters/NN-<slug>.md`, `nn/recipes/<slug>.md`: the nynorsk text of the
  bokmål pages with the same slugs (recipes: `slug`, `title`, `summary`, `ingredients`, and
  the body as above).

Every text field and body is plain text: a blank line separates paragraphs, a line starting
with "- " is a bullet item, any other line break is wrapping (`plain_text`). Slugs, codes,
choices and cross-references are checked here, so a wrong file stops `read_demo_content()`
with a `ContentFileError` naming the file and the field.

`apps/cookbook/demo.py` builds the pages from `chapters_data()` and `nynorsk_data()`: the plain
dictionaries its builder and `apps/home/volume.py` consume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from apps.core.content_files import (
    DEMO_DIR,
    ContentFileError,
    ContentModel,
    read_markdown,
    read_yaml_list,
    sections,
    unwrap,
)
from apps.core.vocabulary import SECTORS

COOKBOOK_DIR = DEMO_DIR / "cookbook"

TIP_MARK = "**Tips:**"
PITFALL_MARK = "**Fallgruve:**"
PHASES = ("behov", "dialog", "utproving", "avtale", "skalering")  # cookbook.models.Phase
AUDIENCES = ("kommune", "entreprenor", "begge")  # cookbook.models.Audience
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
NUMBERED_NAME = re.compile(r"^\d+-(?P<slug>.+)$")


def plain_text(text: str) -> str:
    """The one form of every text (`apps.core.content_files.unwrap`)."""
    return unwrap(text)


def _required(text: str) -> str:
    if not text:
        raise ValueError("this text is empty")
    return text


Text = Annotated[str, AfterValidator(plain_text)]
RequiredText = Annotated[str, AfterValidator(plain_text), AfterValidator(_required)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=255)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
SectorCode = Literal[tuple(code for code, _label in SECTORS)]


def _unique(values: list[str]) -> list[str]:
    repeated = sorted({value for value in values if values.count(value) > 1})
    if repeated:
        raise ValueError(f"given more than once: {', '.join(repeated)}")
    return values


@dataclass(frozen=True)
class _StepSection:
    """A `## ` section of a body, before it is split into the step's text, tip and pitfall."""

    title: str
    markdown: str


def _split_step(markdown: str) -> dict[str, str]:
    """The text of a step section as its text, tip and pitfall: paragraphs up to the first
    marker are the text; a marker's paragraph and those after it, up to the next marker,
    are the tip or the pitfall."""
    parts = {"text": [], "tip": [], "pitfall": []}
    current = "text"
    for paragraph in markdown.split("\n\n"):
        stripped = paragraph.strip()
        for mark, key in ((TIP_MARK, "tip"), (PITFALL_MARK, "pitfall")):
            if stripped.startswith(mark):
                if parts[key]:
                    raise ValueError(f"«{mark}» is written twice in this step")
                current = key
                stripped = stripped.removeprefix(mark).strip()
                break
        parts[current].append(stripped)
    return {key: "\n\n".join(paragraphs) for key, paragraphs in parts.items()}


class Step(ContentModel):
    title: Line
    text: RequiredText
    tip: Text = ""
    pitfall: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _from_section(cls, data: Any) -> Any:
        if isinstance(data, _StepSection):
            return {"title": data.title, **_split_step(data.markdown)}
        return data


class Ingredients(ContentModel):
    who: RequiredText
    budget: RequiredText
    time: RequiredText
    prerequisites: RequiredText


class Example(ContentModel):
    title: Line
    text: RequiredText
    source_url: Url | Literal[""] = ""


class RecipeText(ContentModel):
    """The text of a recipe, in either language: the front matter's title, summary and
    ingredients, and the body's situation and steps."""

    slug: Slug
    title: Line
    summary: RequiredText
    ingredients: Ingredients
    body: str
    situation: RequiredText
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_body(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "body" not in data:
            return data
        for key in ("situation", "steps"):
            if key in data:
                raise ValueError(f"«{key}» is written in the text below the front matter")
        parts = sections(data["body"])
        situation = parts.pop(0)[1] if parts and parts[0][0] == "" else ""
        steps = [_StepSection(title, markdown) for title, markdown in parts]
        return {**data, "situation": situation, "steps": steps}


class Recipe(RecipeText):
    """`recipes/<slug>.md`: a bokmål recipe as readers see it now."""

    chapter: Slug
    phase: Literal[PHASES]
    audience: Literal[AUDIENCES]
    sectors: Annotated[list[SectorCode], AfterValidator(_unique)] = []
    legal_rules: Annotated[list[Slug], AfterValidator(_unique)] = []
    related: Annotated[list[Slug], AfterValidator(_unique)] = []
    examples: list[Example] = Field(default=[], max_length=3)


class Before(ContentModel):
    """What a change replaced: the fields as they read before it (only those it changed)."""

    title: Line | None = None
    summary: RequiredText | None = None
    situation: RequiredText | None = None
    phase: Literal[PHASES] | None = None
    audience: Literal[AUDIENCES] | None = None
    sectors: Annotated[list[SectorCode], AfterValidator(_unique)] | None = None
    steps: list[Step] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _names_something(self) -> Before:
        if not self.model_fields_set:
            raise ValueError("name at least one field the change replaced")
        return self


class Change(ContentModel):
    """One entry of `history/<slug>.yaml`."""

    change_note: Annotated[
        str,
        StringConstraints(max_length=255),
        AfterValidator(plain_text),
        AfterValidator(_required),
    ]
    before: Before


class Index(ContentModel):
    """`index.md`: the cookbook's front page."""

    slug: Slug
    title: Line
    first_change_note: Line
    body: RequiredText


class Chapter(ContentModel):
    """`chapters/NN-<slug>.md`."""

    slug: Slug
    title: Line
    recipes: Annotated[list[Slug], AfterValidator(_unique), Field(min_length=1)]
    body: RequiredText


class NynorskIndex(ContentModel):
    """`nn/index.md`: the nynorsk intro, and the change note of every nynorsk recipe's first
    version."""

    first_change_note: Line
    body: RequiredText


class NynorskChapter(ContentModel):
    """`nn/chapters/NN-<slug>.md`: the nynorsk title and intro of the bokmål chapter `slug`."""

    slug: Slug
    title: Line
    body: RequiredText


@dataclass(frozen=True)
class CookbookContent:
    """Every file of the demo book, checked: bokmål chapters and recipes in book order, each
    recipe's changes, and the nynorsk texts by the slug of the page they translate."""

    folder: Path
    index: Index
    chapters: list[Chapter]
    recipes: dict[str, Recipe]
    history: dict[str, list[Change]]
    nn_index: NynorskIndex
    nn_chapters: dict[str, NynorskChapter]
    nn_recipes: dict[str, RecipeText]


def _files(folder: Path, suffix: str) -> list[Path]:
    files = sorted(path for path in folder.glob(f"*{suffix}") if path.is_file())
    if not files:
        raise ContentFileError(folder, "", f"no {suffix} files here")
    return files


def _slug_of(path: Path, *, numbered: bool) -> str:
    if not numbered:
        return path.stem
    match = NUMBERED_NAME.match(path.stem)
    if match is None:
        raise ContentFileError(path, "", "the file name must start with a number: 01-<slug>.md")
    return match["slug"]


def _read_named(folder: Path, schema, *, numbered: bool = False) -> dict[str, tuple[Path, Any]]:
    """Every Markdown file of the folder by its slug, whose front matter must name it."""
    found: dict[str, tuple[Path, Any]] = {}
    for path in _files(folder, ".md"):
        item = read_markdown(path, schema)
        slug = _slug_of(path, numbered=numbered)
        if item.slug != slug:
            raise ContentFileError(path, "slug", f"must be «{slug}», as the file's name says")
        found[slug] = (path, item)
    return found


def _check_book(chapters, recipes) -> None:
    """Every recipe is in the one chapter it names, and points only at recipes that exist."""
    listed: dict[str, str] = {}
    for path, chapter in chapters.values():
        for number, slug in enumerate(chapter.recipes, start=1):
            if slug not in recipes:
                raise ContentFileError(path, f"recipes.{number}", f"no recipe «{slug}»")
            if slug in listed:
                raise ContentFileError(
                    path, f"recipes.{number}", f"«{slug}» is listed by «{listed[slug]}» too"
                )
            listed[slug] = chapter.slug
    for slug, (path, recipe) in recipes.items():
        if listed.get(slug) != recipe.chapter:
            where = f"«{listed[slug]}» lists it" if slug in listed else "no chapter lists it"
            raise ContentFileError(
                path, "chapter", f"«{recipe.chapter}» does not list this recipe ({where})"
            )
        for number, related in enumerate(recipe.related, start=1):
            if related == slug or related not in recipes:
                raise ContentFileError(path, f"related.{number}", f"no other recipe «{related}»")


def _read_history(folder: Path, recipes) -> dict[str, list[Change]]:
    history: dict[str, list[Change]] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.stem not in recipes:
            raise ContentFileError(path, "", f"no recipe «{path.stem}» to be the history of")
        changes = read_yaml_list(path, Change)
        if not changes:
            raise ContentFileError(path, "", "no changes listed")
        history[path.stem] = changes
        _replay(path, recipes[path.stem][1], changes)
    return history


_REVISABLE = ("title", "summary", "situation", "phase", "audience", "sectors", "steps")


def _state(recipe: Recipe) -> dict[str, Any]:
    return recipe.model_dump(include=set(_REVISABLE))


def _replay(path: Path, recipe: Recipe, changes: list[Change]) -> list[dict[str, Any]]:
    """The recipe's versions, oldest first: going back from the recipe file through each
    change's `before`. A change that replaces a field with the same text is an error."""
    states = [_state(recipe)]
    for number in range(len(changes), 0, -1):
        before = changes[number - 1].before
        earlier = {**states[0], **before.model_dump(include=before.model_fields_set)}
        for key in before.model_fields_set:
            if earlier[key] == states[0][key]:
                raise ContentFileError(
                    path, f"{number}.before.{key}", "the same as after the change"
                )
        states.insert(0, earlier)
    return states


def read_demo_content(folder: Path | None = None) -> CookbookContent:
    """Reads and checks every file of the demo book (in `COOKBOOK_DIR` unless `folder` is
    given); the first fault raises `ContentFileError` with its file and field."""
    folder = Path(folder or COOKBOOK_DIR)
    index = read_markdown(folder / "index.md", Index)
    chapters = _read_named(folder / "chapters", Chapter, numbered=True)
    recipes = _read_named(folder / "recipes", Recipe)
    _check_book(chapters, recipes)
    history = _read_history(folder / "history", recipes)
    nn_index = read_markdown(folder / "nn" / "index.md", NynorskIndex)
    nn_chapters = _read_named(folder / "nn" / "chapters", NynorskChapter, numbered=True)
    nn_recipes = _read_named(folder / "nn" / "recipes", RecipeText)
    for slugs, known in ((nn_chapters, chapters), (nn_recipes, recipes)):
        for slug, (path, _item) in slugs.items():
            if slug not in known:
                raise ContentFileError(path, "slug", f"no bokmål page «{slug}» to translate")
    return CookbookContent(
        folder=folder,
        index=index,
        chapters=[chapter for _path, chapter in chapters.values()],
        recipes={
            slug: recipes[slug][1]
            for _path, chapter in chapters.values()
            for slug in chapter.recipes
        },
        history=history,
        nn_index=nn_index,
        nn_chapters={slug: item for slug, (_path, item) in nn_chapters.items()},
        nn_recipes={slug: item for slug, (_path, item) in nn_recipes.items()},
    )


def recipe_data(recipe: RecipeText) -> dict[str, Any]:
    """A recipe's text (and, for a bokmål recipe, its metadata) as the plain dictionary
    `demo.apply_recipe_data` takes."""
    return recipe.model_dump(exclude={"body", "chapter"})


def _nynorsk_recipe_data(recipe: RecipeText) -> dict[str, Any]:
    return recipe.model_dump(exclude={"body", "slug"})


def chapters_data(content: CookbookContent) -> list[dict[str, Any]]:
    """The book as plain data: chapters with their recipes, and each changed recipe's first
    version with its `revisions` (change note, the fields it `set` and the `steps` it
    replaced), oldest first, as the builder publishes them."""
    chapters = []
    for chapter in content.chapters:
        recipes = []
        for slug in chapter.recipes:
            recipe = content.recipes[slug]
            data = recipe_data(recipe)
            changes = content.history.get(slug, [])
            if changes:
                states = _replay(content.folder / "history" / f"{slug}.yaml", recipe, changes)
                data.update(states[0])
                data["revisions"] = [
                    _revision(change, after)
                    for change, after in zip(changes, states[1:], strict=True)
                ]
            recipes.append(data)
        chapters.append(
            {
                "slug": chapter.slug,
                "title": chapter.title,
                "intro": chapter.body,
                "recipes": recipes,
            }
        )
    return chapters


def _revision(change: Change, after: dict[str, Any]) -> dict[str, Any]:
    changed = change.before.model_fields_set
    revision: dict[str, Any] = {"change_note": change.change_note}
    values = {key: after[key] for key in _REVISABLE if key in changed and key != "steps"}
    if values:
        revision["set"] = values
    if "steps" in changed:
        revision["steps"] = after["steps"]
    return revision


def nynorsk_data(content: CookbookContent) -> dict[str, Any]:
    """The nynorsk texts as plain data: the intro, chapters' titles and intros, and recipes,
    by the bokmål slug."""
    return {
        "intro": content.nn_index.body,
        "first_change_note": content.nn_index.first_change_note,
        "chapters": {
            slug: {"title": chapter.title, "intro": chapter.body}
            for slug, chapter in content.nn_chapters.items()
        },
        "recipes": {
            slug: _nynorsk_recipe_data(recipe) for slug, recipe in content.nn_recipes.items()
        },
    }
