"""Kokebokloggen's posts: only live posts without view restrictions."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from apps.api.listing import list_endpoint
from apps.blog import selectors

router = Router(tags=["posts"])


class TagOut(Schema):
    name: str
    slug: str


class VideoOut(Schema):
    url: str
    title: str
    provider: str
    embed_url: str
    transcript: str
    captions_url: str


class PostOut(Schema):
    title: str
    slug: str
    url: str
    date: dt.date
    author: str
    intro: str
    tags: list[TagOut]
    has_video: bool

    @staticmethod
    def resolve_url(post, context) -> str:
        return post.get_url(request=context["request"])

    @staticmethod
    def resolve_tags(post) -> list[dict]:
        return [{"name": tag.name, "slug": tag.slug} for tag in post.tags.all()]


class PostDetailOut(PostOut):
    body: str
    video: VideoOut | None

    @staticmethod
    def resolve_body(post) -> str:
        return str(post.body)

    @staticmethod
    def resolve_video(post) -> dict | None:
        videos = post.videos
        if not videos:
            return None
        value = videos[0]
        return {
            "url": value.ref.watch_url,
            "title": value["title"],
            "provider": value.ref.provider,
            "embed_url": value.ref.embed_url,
            "transcript": value["transcript"],
            "captions_url": value.get("captions_url") or "",
        }


@list_endpoint(
    router,
    "",
    response=PostOut,
    updated_field="last_published_at",
    summary="List posts, newest first",
)
def list_posts(request: HttpRequest, tag: str | None = None):
    """Published posts, newest first; `tag` filters by a tag's slug."""
    return selectors.posts_with_tags(tag=tag)


@router.get("/{slug}", response=PostDetailOut, summary="One post with its body as HTML")
def get_post(request: HttpRequest, slug: str):
    """The post's body is rendered HTML; `video` is the post's first video, if any."""
    post = selectors.post_by_slug(slug=slug)
    if post is None:
        raise Http404
    return post
