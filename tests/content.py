"""A broken copy of a demo content folder, for the tests that check a reader names the file and
the field of a mistake: the real files stay untouched, and a test cannot pass by breaking
nothing, because the text it means to break must be in the file."""

from __future__ import annotations

import shutil
from pathlib import Path


def broken_copy(folder: Path, tmp_path: Path, file: str, old: str, new: str) -> tuple[Path, Path]:
    """Copy `folder` to `tmp_path / folder.name` and replace the first `old` by `new` in `file`.

    `file` is relative to the folder and may be a glob pattern ("03-*.md") that matches exactly
    one file. Returns the copied folder (to hand to the reader) and the changed file (to compare
    with the error's path)."""
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    matches = sorted(copy.glob(file))
    assert len(matches) == 1, f"{file!r} matches {len(matches)} files in {folder}"
    [path] = matches
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.relative_to(copy)}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy, path
