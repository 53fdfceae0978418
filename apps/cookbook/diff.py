"""Readable differences between two versions of a recipe, word by word.

Plain functions on plain data: a version is first turned into a `RecipeSnapshot` (text only),
then `diff_recipes` compares two snapshots. Nothing here touches the database.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

# Steps whose words overlap less than this are a removal plus an addition, not an edit.
STEP_PAIRING_MIN_SIMILARITY = 0.3

# A word with the whitespace after it; changed words then read as whole phrases.
TOKEN = re.compile(r"\S+\s*|\s+")
BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|ul|ol)>|<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)


class Status(StrEnum):
    UNCHANGED = "unchanged"
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass(frozen=True)
class FieldText:
    key: str
    label: str
    text: str


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    tip: str = ""
    pitfall: str = ""


@dataclass(frozen=True)
class Citation:
    key: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class RecipeSnapshot:
    fields: tuple[FieldText, ...]
    steps: tuple[Step, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class TextDiff:
    label: str
    status: Status
    old: str
    new: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class StepDiff:
    status: Status
    old_number: int | None
    new_number: int | None
    title: TextDiff
    parts: tuple[TextDiff, ...]


@dataclass(frozen=True)
class CitationDiff:
    status: Status
    label: str
    note: TextDiff


@dataclass(frozen=True)
class RecipeDiff:
    fields: tuple[TextDiff, ...]
    steps: tuple[StepDiff, ...]
    citations: tuple[CitationDiff, ...]

    @property
    def has_changes(self) -> bool:
        parts = (*self.fields, *self.steps, *self.citations)
        return any(part.status != Status.UNCHANGED for part in parts)


def html_to_text(value: str) -> str:
    """Rich text as plain text: one line per paragraph or list item, entities decoded."""
    value = LIST_ITEM.sub("- ", value or "")
    value = BLOCK_END.sub("\n", value)
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(value)).splitlines())
    return "\n".join(line for line in lines if line)


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return tuple(merged)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments whose equal and inserted parts rebuild `new`; the equal and deleted parts give
    the words of `old` (whitespace as in `new` where the words are unchanged)."""
    old_tokens = TOKEN.findall(old or "")
    new_tokens = TOKEN.findall(new or "")
    # Words are compared without the whitespace that follows them.
    matcher = SequenceMatcher(
        None,
        [token.strip() or token for token in old_tokens],
        [token.strip() or token for token in new_tokens],
        autojunk=False,
    )
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", "".join(new_tokens[j1:j2])))
            continue
        if tag in ("delete", "replace"):
            removed = "".join(old_tokens[i1:i2])
            if tag == "replace" and not removed[-1:].isspace():
                removed += " "  # keeps the removed and the added words apart when read
            segments.append(Segment("delete", removed))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", "".join(new_tokens[j1:j2])))
    return _merge(segments)


def text_diff(label: str, old: str, new: str) -> TextDiff:
    old, new = (old or "").strip(), (new or "").strip()
    if old == new:
        status = Status.UNCHANGED
        segments = (Segment("equal", new),) if new else ()
    elif not old:
        status, segments = Status.ADDED, (Segment("insert", new),)
    elif not new:
        status, segments = Status.REMOVED, (Segment("delete", old),)
    else:
        status, segments = Status.CHANGED, word_diff(old, new)
    return TextDiff(label=label, status=status, old=old, new=new, segments=segments)


def _similarity(old: Step, new: Step) -> float:
    old_words = f"{old.title} {old.text}".lower().split()
    new_words = f"{new.title} {new.text}".lower().split()
    return SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def _step_parts(old: Step | None, new: Step | None) -> tuple[TextDiff, ...]:
    labels = (("text", _("What to do")), ("tip", _("Tip")), ("pitfall", _("Pitfall")))
    parts = []
    for attribute, label in labels:
        old_value = getattr(old, attribute) if old else ""
        new_value = getattr(new, attribute) if new else ""
        if old_value or new_value:
            parts.append(text_diff(str(label), old_value, new_value))
    return tuple(parts)


def _step_diff(
    old: Step | None, new: Step | None, old_number: int | None, new_number: int | None
) -> StepDiff:
    title = text_diff(str(_("Title")), old.title if old else "", new.title if new else "")
    parts = _step_parts(old, new)
    if old is None:
        status = Status.ADDED
    elif new is None:
        status = Status.REMOVED
    elif title.status == Status.UNCHANGED and all(p.status == Status.UNCHANGED for p in parts):
        status = Status.UNCHANGED
    else:
        status = Status.CHANGED
    return StepDiff(
        status=status, old_number=old_number, new_number=new_number, title=title, parts=parts
    )


def diff_steps(old: Sequence[Step], new: Sequence[Step]) -> tuple[StepDiff, ...]:
    """Steps are aligned by title; where titles differ, steps in the same place are paired
    when their words are alike, so an edited title reads as a change, not as two steps."""
    matcher = SequenceMatcher(
        None,
        [" ".join(step.title.lower().split()) for step in old],
        [" ".join(step.title.lower().split()) for step in new],
        autojunk=False,
    )
    result: list[StepDiff] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                i, j = i1 + offset, j1 + offset
                result.append(_step_diff(old[i], new[j], i + 1, j + 1))
            continue
        old_block, new_block = list(range(i1, i2)), list(range(j1, j2))
        while old_block and new_block:
            i, j = old_block[0], new_block[0]
            if _similarity(old[i], new[j]) >= STEP_PAIRING_MIN_SIMILARITY:
                result.append(_step_diff(old[i], new[j], i + 1, j + 1))
                old_block.pop(0)
                new_block.pop(0)
            elif len(old_block) >= len(new_block):
                result.append(_step_diff(old[i], None, i + 1, None))
                old_block.pop(0)
            else:
                result.append(_step_diff(None, new[j], None, j + 1))
                new_block.pop(0)
        result.extend(_step_diff(old[i], None, i + 1, None) for i in old_block)
        result.extend(_step_diff(None, new[j], None, j + 1) for j in new_block)
    return tuple(result)


def diff_citations(old: Sequence[Citation], new: Sequence[Citation]) -> tuple[CitationDiff, ...]:
    """Rules in the new version's order, then the removed ones."""
    old_by_key = {citation.key: citation for citation in old}
    new_keys = {citation.key for citation in new}
    note_label = str(_("Note"))
    result = []
    for citation in new:
        before = old_by_key.get(citation.key)
        note = text_diff(note_label, before.note if before else "", citation.note)
        if before is None:
            status = Status.ADDED
        elif note.status == Status.UNCHANGED:
            status = Status.UNCHANGED
        else:
            status = Status.CHANGED
        result.append(CitationDiff(status=status, label=citation.label, note=note))
    for citation in old:
        if citation.key not in new_keys:
            note = text_diff(note_label, citation.note, "")
            result.append(CitationDiff(status=Status.REMOVED, label=citation.label, note=note))
    return tuple(result)


def diff_fields(old: Sequence[FieldText], new: Sequence[FieldText]) -> tuple[TextDiff, ...]:
    old_by_key = {field.key: field for field in old}
    new_keys = {field.key for field in new}
    result = []
    for field in new:
        before = old_by_key.get(field.key)
        result.append(text_diff(field.label, before.text if before else "", field.text))
    result.extend(
        text_diff(field.label, field.text, "") for field in old if field.key not in new_keys
    )
    return tuple(result)


def diff_recipes(old: RecipeSnapshot, new: RecipeSnapshot) -> RecipeDiff:
    return RecipeDiff(
        fields=diff_fields(old.fields, new.fields),
        steps=diff_steps(old.steps, new.steps),
        citations=diff_citations(old.citations, new.citations),
    )


def snapshot_from_recipe(recipe, *, rule_labels: Mapping[int, str]) -> RecipeSnapshot:
    """Reads a RecipePage as restored from a revision (its inline rows are in memory).
    `rule_labels` maps LegalRule ids to the label to show; unknown ids show their number."""
    fields = (
        FieldText("title", str(_("Title")), recipe.title),
        FieldText("summary", str(_("Summary")), recipe.summary),
        FieldText("situation", str(_("When the recipe fits")), html_to_text(recipe.situation)),
        FieldText("who", str(_("Ingredients: who")), recipe.ingredients_who),
        FieldText("budget", str(_("Ingredients: budget")), recipe.ingredients_budget),
        FieldText("time", str(_("Ingredients: time")), recipe.ingredients_time),
        FieldText(
            "prerequisites",
            str(_("Ingredients: prerequisites")),
            recipe.ingredients_prerequisites,
        ),
    )
    steps = tuple(
        Step(
            title=block.value.get("title") or "",
            text=html_to_text(block.value["text"].source if block.value.get("text") else ""),
            tip=block.value.get("tip") or "",
            pitfall=block.value.get("pitfall") or "",
        )
        for block in recipe.steps
        if block.block_type == "step"
    )
    citations = tuple(
        Citation(
            key=str(link.rule_id),
            label=rule_labels.get(link.rule_id, f"#{link.rule_id}"),
            note=link.note,
        )
        for link in recipe.legal_rule_links.all().order_by("sort_order")
    )
    return RecipeSnapshot(fields=fields, steps=steps, citations=citations)
