"""How much of the installed Wagtail's admin is still English for a bokmål editor.

Wagtail's own nb catalogues lag behind its source: strings added in later versions have no
translation, so the admin mixes English into Norwegian ("55 Pages created"). Our project
catalogue (locale/nb, first in LOCALE_PATHS, so it wins) supplies the missing ones. This
script counts, per installed Wagtail app, the msgids of Wagtail's English template catalogue
that have no bokmål translation: in Wagtail's own nb catalogue ("wagtail"), and after our
catalogue is taken into account ("effective").

    .venv/bin/python scripts/wagtail_nb_gaps.py            # the counts
    .venv/bin/python scripts/wagtail_nb_gaps.py --list     # and every missing msgid

Only the server-side domain (django.po) is counted: the admin's JavaScript catalogue
(djangojs) is served from wagtail.admin's own files only and cannot be supplemented from
LOCALE_PATHS.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import wagtail

ROOT = Path(__file__).resolve().parent.parent
WAGTAIL = Path(wagtail.__file__).resolve().parent
PROJECT_NB = ROOT / "locale" / "nb" / "LC_MESSAGES" / "django.po"
# The Wagtail apps in INSTALLED_APPS (config/settings/base.py) with an admin face.
APPS = [
    "",  # wagtail itself (pages, workflows, moderation, locales' models)
    "admin",
    "snippets",
    "images",
    "documents",
    "users",
    "search",
    "sites",
    "embeds",
    "contrib/forms",
    "contrib/redirects",
    "contrib/settings",
    "contrib/simple_translation",
]
KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), text.strip()[1:-1])


def parse(path: Path) -> dict[tuple[str | None, str], Entry]:
    """The catalogue's messages (header and obsolete entries left out), by (context, msgid)."""
    entries: list[Entry] = []
    current, target, flags = Entry(), None, False
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line or line.startswith("#~"):
            if target is not None:
                current.fuzzy = flags
                entries.append(current)
            if not line:
                current, target, flags = Entry(), None, False
            continue
        if line.startswith("#,"):
            flags = flags or "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            text = _unquote(line)
        else:
            match = KEYWORD.match(line)
            if not match:
                raise ValueError(f"{path}: cannot read {line!r}")
            keyword, value = match.groups()
            if keyword in ("msgctxt", "msgid") and target and target.startswith("msgstr"):
                current.fuzzy = flags
                entries.append(current)
                current, flags = Entry(), False
            target, text = keyword, _unquote(value)
            if target.startswith("msgstr"):
                current.msgstr.append("")
            elif target == "msgctxt":
                current.msgctxt = ""
            elif target == "msgid_plural":
                current.msgid_plural = ""
        if target == "msgctxt":
            current.msgctxt += text
        elif target == "msgid":
            current.msgid += text
        elif target == "msgid_plural":
            current.msgid_plural += text
        else:
            current.msgstr[-1] += text
    return {e.key: e for e in entries if e.msgid}


def gaps() -> list[tuple[str, int, list[Entry], list[Entry]]]:
    """Per app: (app, source msgids, missing in Wagtail's nb, still missing with ours)."""
    ours = {key for key, entry in parse(PROJECT_NB).items() if entry.translated}
    result = []
    for app in APPS:
        locale = WAGTAIL / app / "locale"
        source = parse(locale / "en" / "LC_MESSAGES" / "django.po")
        nb_path = locale / "nb" / "LC_MESSAGES" / "django.po"
        nb = parse(nb_path) if nb_path.exists() else {}
        missing = [e for key, e in source.items() if not (key in nb and nb[key].translated)]
        still = [e for e in missing if e.key not in ours]
        result.append((app or "wagtail", len(source), missing, still))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every missing msgid")
    args = parser.parse_args()
    total = total_missing = total_still = 0
    print(f"{'app':32} {'msgids':>7} {'wagtail nb gaps':>16} {'effective gaps':>15}")
    for app, count, missing, still in gaps():
        total, total_missing, total_still = (
            total + count,
            total_missing + len(missing),
            total_still + len(still),
        )
        print(f"{app:32} {count:7} {len(missing):16} {len(still):15}")
        if args.list:
            for entry in still:
                context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
                print(f"    {context}{entry.msgid!r}")
    print(f"{'total':32} {total:7} {total_missing:16} {total_still:15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
