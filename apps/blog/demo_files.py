"""Kokebokloggen's demo content as files: `content/demo/blog/kokebokloggen.md` (the blog's
front page; its body is the introduction) and `content/demo/blog/kokebokloggen/<slug>.md`
(one post each: front matter for the title, date, author, tags, intro and video; the body is
the post). File names are the slugs. `read_demo_content()` reads and checks them all.

Facts come from shared/domain/legal-facts.md and the two seed texts; every sentence is our own
wording. Proposed rules are called proposals, and facts that could not be confirmed are said
to be unconfirmed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from apps.core.content_files import DEMO_DIR, ContentModel
from apps.core.demo_markdown import IndexPage, Prose, read_index_with_pages

from .video import parse_video_url

FOLDER = DEMO_DIR / "blog"


def _video_url(url: str) -> str:
    # Fails on a wrong address in the file rather than storing a dead player.
    parse_video_url(url)
    return url


def _tag(tag: str) -> str:
    if not tag.strip() or tag != tag.lower():
        raise ValueError("a tag is written in lower case")
    return tag


class Video(ContentModel):
    url: Annotated[str, AfterValidator(_video_url)]
    title: str = Field(min_length=1)
    transcript: Prose = Field(min_length=1)
    captions_url: str = Field(default="", pattern=r"^(https://\S+)?$")


class Post(ContentModel):
    """One post. `body` is the post's text; a video, when there is one, comes first."""

    slug: str = ""
    title: str = Field(min_length=1)
    date: dt.date
    author: str = Field(min_length=1)
    tags: list[Annotated[str, AfterValidator(_tag)]] = []
    intro: Prose = Field(min_length=1)
    video: Video | None = None
    body: Prose = Field(min_length=1)


@dataclass(frozen=True)
class BlogContent:
    index: IndexPage
    posts: list[Post]


def read_demo_content(folder: Path = FOLDER) -> BlogContent:
    """Every blog file, checked; posts oldest first (the order they are published in)."""
    index, posts = read_index_with_pages(folder, Post)
    return BlogContent(index=index, posts=sorted(posts, key=lambda post: (post.date, post.slug)))
