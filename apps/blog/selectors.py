"""Reads of Kokebokloggen: only live posts without view restrictions, newest first."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from taggit.models import Tag

from apps.core.content_language import in_default_language

from .models import BlogPostPage

POSTS_PER_PAGE = 10


def published_posts() -> QuerySet[BlogPostPage]:
    # Bokmål posts; a nynorsk version is served at its post's address (apps/home/translation.py).
    return (
        BlogPostPage.objects.live()
        .public()
        .filter(in_default_language())
        .order_by("-date", "-first_published_at", "-pk")
    )


def posts_with_tags(*, tag: str | None = None) -> QuerySet[BlogPostPage]:
    """Published posts with their tags fetched in one extra query; `tag` is a tag slug."""
    posts = published_posts().prefetch_related("tags")
    if tag:
        posts = posts.filter(tags__slug=tag)
    return posts


def latest_posts(*, limit: int) -> list[BlogPostPage]:
    return list(published_posts()[:limit])


def posts_page(
    *, tag: str | None, page_number: int | str | None, per_page: int = POSTS_PER_PAGE
) -> PaginatorPage:
    """One page of published posts; a missing or unusable page number gives the first page,
    one past the end the last."""
    paginator = Paginator(posts_with_tags(tag=tag), per_page)
    return paginator.get_page(page_number)


def feed_posts(*, limit: int) -> list[BlogPostPage]:
    return list(posts_with_tags()[:limit])


def post_by_slug(*, slug: str) -> BlogPostPage | None:
    return posts_with_tags().filter(slug=slug).first()


def tag_by_slug(*, slug: str) -> Tag | None:
    """The tag with this slug if at least one published post carries it."""
    return Tag.objects.filter(
        slug=slug, blog_blogposttag_items__content_object__in=published_posts()
    ).first()
