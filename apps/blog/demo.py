"""Builds Kokebokloggen's demo posts from apps/blog/demo_content.py. Safe to run again:
it only adds the index and the posts that are missing."""

import datetime as dt

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import RichText

from .models import BlogIndexPage, BlogPostPage
from .video import parse_video_url

INDEX_SLUG = "kokebokloggen"
INDEX_TITLE = "Kokebokloggen"
INDEX_INTRO = (
    "Historier, erfaringer og nyheter fra arbeidet med kokeboka: kommuner og sosiale "
    "entreprenører som prøver ut nye måter å samarbeide på."
)


def text_to_html(text: str) -> str:
    """Plain text to rich text HTML: blank lines separate paragraphs, "- " starts a bullet."""
    parts: list[str] = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        paragraph: list[str] = []
        bullets: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    parts.append(f"<p>{escape(' '.join(paragraph))}</p>")
                    paragraph = []
                bullets.append(f"<li>{escape(line[2:].strip())}</li>")
            else:
                if bullets:
                    parts.append(f"<ul>{''.join(bullets)}</ul>")
                    bullets = []
                paragraph.append(line)
        if paragraph:
            parts.append(f"<p>{escape(' '.join(paragraph))}</p>")
        if bullets:
            parts.append(f"<ul>{''.join(bullets)}</ul>")
    return "".join(parts)


def _index(*, home: Page) -> BlogIndexPage:
    index = BlogIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = BlogIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO, live=False)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _body(data: dict) -> list[tuple]:
    body: list[tuple] = []
    video = data.get("video")
    if video:
        # Fails loudly on a wrong address in the content file rather than storing a dead player.
        parse_video_url(video["url"])
        body.append(
            (
                "video",
                {
                    "url": video["url"],
                    "title": video["title"],
                    "transcript": video["transcript"],
                    "captions_url": video.get("captions_url") or "",
                },
            )
        )
    body.append(("paragraph", RichText(text_to_html(data["body"]))))
    return body


def _post(*, index: BlogIndexPage, data: dict) -> BlogPostPage | None:
    if BlogPostPage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return None
    post = BlogPostPage(
        title=data["title"],
        slug=data["slug"],
        author=data["author"],
        date=dt.date.fromisoformat(data["date"]),
        intro=data["intro"],
        body=_body(data),
        live=False,
    )
    post.tags.add(*data.get("tags", []))
    index.add_child(instance=post)
    post.save_revision().publish()
    return post


def load(*, home: Page, posts: list[dict] | None = None) -> None:
    if posts is None:
        from .demo_content import POSTS

        posts = POSTS
    index = _index(home=home)
    for data in posts:
        _post(index=index, data=data)
