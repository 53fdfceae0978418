import datetime as dt

import pytest

from .factories import BlogPostPageFactory, video_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(blog_index):
    with_video = BlogPostPageFactory(
        parent=blog_index,
        title="Dialogmøte i Bodø",
        slug="dialogmote-i-bodo",
        date=dt.date(2016, 6, 15),
        author="Redaksjonen",
        intro="Kommunen og entreprenørene møttes.",
        tags=["dialogmøte"],
        body=[video_block(url="https://vimeo.com/76979871")],
    )
    plain = BlogPostPageFactory(
        parent=blog_index, title="Kokeboka er ute", slug="kokeboka-er-ute", date=dt.date(2017, 2, 1)
    )
    BlogPostPageFactory(parent=blog_index, slug="utkast", live=False, tags=["dialogmøte"])
    return plain, with_video


def test_list_returns_published_posts_newest_first(client, posts):
    response = client.get("/api/v1/posts")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["kokeboka-er-ute", "dialogmote-i-bodo"]
    video_post = data["items"][1]
    assert video_post == {
        "title": "Dialogmøte i Bodø",
        "slug": "dialogmote-i-bodo",
        "url": "/kokebokloggen/dialogmote-i-bodo/",
        "date": "2016-06-15",
        "author": "Redaksjonen",
        "intro": "Kommunen og entreprenørene møttes.",
        "tags": [{"name": "dialogmøte", "slug": "dialogmøte"}],
        "has_video": True,
    }
    assert data["items"][0]["has_video"] is False


def test_list_filters_by_tag_and_paginates(client, posts):
    tagged = client.get("/api/v1/posts", {"tag": "dialogmøte"}).json()
    second = client.get("/api/v1/posts", {"limit": 1, "offset": 1}).json()

    assert [item["slug"] for item in tagged["items"]] == ["dialogmote-i-bodo"]
    assert tagged["count"] == 1
    assert second["count"] == 2
    assert [item["slug"] for item in second["items"]] == ["dialogmote-i-bodo"]


def test_detail_has_body_html_and_video(client, posts):
    data = client.get("/api/v1/posts/dialogmote-i-bodo").json()

    assert data["video"] == {
        "url": "https://vimeo.com/76979871",
        "title": "Dialogmøtet i Bodø",
        "provider": "vimeo",
        "embed_url": "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
        "transcript": "Velkommen til dialogmøtet.\n\nHer snakker vi om samarbeid.",
        "captions_url": "",
    }
    assert "<figure" in data["body"]
    assert "<iframe" not in data["body"]


def test_detail_of_post_without_video(client, posts):
    data = client.get("/api/v1/posts/kokeboka-er-ute").json()

    assert data["video"] is None
    assert "<p>Et avsnitt om samarbeid.</p>" in data["body"]


def test_unpublished_post_is_not_found(client, posts):
    assert client.get("/api/v1/posts/utkast").status_code == 404
    assert client.get("/api/v1/posts/finnes-ikke").status_code == 404
