"""Builds Kokebokloggen's demo posts from the files in content/demo/blog/ (read and checked
by apps/blog/demo_files.py). Safe to run again: it only adds the index and the posts that
are missing."""

from wagtail.models import Page
from wagtail.rich_text import RichText

from apps.core.demo_markdown import IndexPage, to_html

from .demo_files import Post, read_demo_content
from .models import BlogIndexPage, BlogPostPage
from .video import parse_video_url


def _index(*, home: Page, data: IndexPage) -> BlogIndexPage:
    index = BlogIndexPage.objects.child_of(home).filter(slug=data.slug).first()
    if index is None:
        index = BlogIndexPage(title=data.title, slug=data.slug, intro=data.body, live=False)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _body(data: Post) -> list[tuple]:
    body: list[tuple] = []
    video = data.video
    if video:
        # Fails loudly on a wrong address rather than storing a dead player.
        parse_video_url(video.url)
        body.append(
            (
                "video",
                {
                    "url": video.url,
                    "title": video.title,
                    "transcript": video.transcript,
                    "captions_url": video.captions_url,
                },
            )
        )
    body.append(("paragraph", RichText(to_html(data.body))))
    return body


def _post(*, index: BlogIndexPage, data: Post) -> BlogPostPage | None:
    if BlogPostPage.objects.child_of(index).filter(slug=data.slug).exists():
        return None
    post = BlogPostPage(
        title=data.title,
        slug=data.slug,
        author=data.author,
        date=data.date,
        intro=data.intro,
        body=_body(data),
        live=False,
    )
    post.tags.add(*data.tags)
    index.add_child(instance=post)
    post.save_revision().publish()
    return post


def load(*, home: Page, posts: list[Post] | None = None) -> None:
    """The blog's index and its posts (the demo's, or `posts` for a test)."""
    content = read_demo_content()
    index = _index(home=home, data=content.index)
    for data in content.posts if posts is None else posts:
        _post(index=index, data=data)
