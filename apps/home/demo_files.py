"""The front page's demo title and introduction (content/demo/home/nb.md and nn.md), and the
check of every app's demo content files before `load_demo` writes anything.

Each content app reads its own files (`apps/<app>/demo_files.py`, `read_demo_content()`);
`check_demo_content()` runs them all so that a wrong file stops the load with its file and field
named, before the database is touched. `manage.py check_content` runs the same check alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from apps.accounts import demo_files as accounts_files
from apps.blog import demo_files as blog_files
from apps.broker import demo_files as broker_files
from apps.cases import demo_files as cases_files
from apps.collaborations import demo_files as collaborations_files
from apps.contributions import demo_files as contributions_files
from apps.cookbook import demo_files as cookbook_files
from apps.core import demo_files as pages_files
from apps.core.content_files import DEMO_DIR, ContentModel, read_markdown
from apps.events import demo_files as events_files
from apps.fund import demo_files as fund_files
from apps.grants import demo_files as grants_files
from apps.insights import demo_files as insights_files
from apps.matching import demo_files as matching_files

FOLDER = DEMO_DIR / "home"


class FrontPage(ContentModel):
    title: str
    body: str

    @property
    def intro(self) -> str:
        """The introduction as one line: the file wraps it for reading."""
        return re.sub(r"\s+", " ", self.body).strip()


def front_page(language: str, folder: Path = FOLDER) -> FrontPage:
    return read_markdown(folder / f"{language}.md", FrontPage)


# Each content folder under content/demo/ and the reader that checks it, in load order.
READERS: list[tuple[str, Callable[[], object]]] = [
    ("home", lambda: [front_page("nb"), front_page("nn")]),
    ("pages", pages_files.read_demo_content),
    ("accounts", accounts_files.read_demo_content),
    ("cookbook", cookbook_files.read_demo_content),
    ("blog", blog_files.read_demo_content),
    ("cases", cases_files.read_demo_content),
    ("events", events_files.read_demo_content),
    ("contributions", contributions_files.read_demo_content),
    ("broker", broker_files.read_demo_content),
    ("matching", matching_files.read_demo_content),
    ("collaborations", collaborations_files.read_demo_content),
    ("fund", fund_files.read_demo_content),
    ("grants", grants_files.read_demo_content),
    ("insights", insights_files.read_demo_content),
]


def check_demo_content() -> list[tuple[str, int]]:
    """Reads and validates every demo content file; returns (folder, files in it) per folder.
    Raises `ContentFileError` (file and field named) at the first wrong file."""
    checked = []
    for folder, read in READERS:
        read()
        files = [p for p in (DEMO_DIR / folder).rglob("*") if p.suffix in (".md", ".yaml")]
        checked.append((folder, len(files)))
    return checked
