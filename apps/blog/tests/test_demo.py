import pytest
from wagtail.models import Page

from apps.blog import demo
from apps.blog.models import BlogIndexPage, BlogPostPage

pytestmark = pytest.mark.django_db

POSTS = [
    {
        "slug": "dialogmote-i-bodo",
        "title": "Dialogmøte i Bodø",
        "date": "2016-06-15",
        "author": "Redaksjonen",
        "intro": "Kommunen og entreprenørene møttes for første gang.",
        "body": (
            "Første avsnitt\nfortsetter her.\n\nDette lærte vi:\n- lytt først\n- avtal neste steg"
        ),
        "tags": ["dialogmøte", "kokebok"],
        "video": {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Opptak fra dialogmøtet",
            "transcript": "Velkommen.\n\nTakk for i dag.",
            "captions_url": "",
        },
    },
    {
        "slug": "kokeboka-er-ute",
        "title": "Kokeboka er ute",
        "date": "2017-02-01",
        "author": "Prosjektleder",
        "intro": "Nå kan alle lese kokeboka.",
        "body": "Et avsnitt.",
        "tags": [],
        "video": None,
    },
]


def test_text_to_html_makes_paragraphs_and_bullets_and_escapes():
    html = demo.text_to_html("Først <b>\nsamme avsnitt.\n\nListe:\n- én\n- to & tre\n\nSlutt.")

    assert html == (
        "<p>Først &lt;b&gt; samme avsnitt.</p><p>Liste:</p>"
        "<ul><li>én</li><li>to &amp; tre</li></ul><p>Slutt.</p>"
    )


def test_load_builds_index_and_published_posts_once(home_page):
    demo.load(home=home_page, posts=POSTS)
    demo.load(home=home_page, posts=POSTS)

    index = BlogIndexPage.objects.get()
    assert index.url == "/kokebokloggen/"
    assert index.live
    posts = BlogPostPage.objects.child_of(index).order_by("date")
    assert [post.slug for post in posts] == ["dialogmote-i-bodo", "kokeboka-er-ute"]
    assert all(post.live and post.revisions.count() == 1 for post in posts)
    video_post = posts[0]
    assert sorted(tag.name for tag in video_post.tags.all()) == ["dialogmøte", "kokebok"]
    assert video_post.has_video
    assert video_post.videos[0]["title"] == "Opptak fra dialogmøtet"
    assert "<li>lytt først</li>" in str(video_post.body)
    assert not posts[1].has_video
    assert Page.objects.type(BlogIndexPage, BlogPostPage).count() == 3


def test_load_refuses_a_video_from_another_host(home_page):
    bad = [{**POSTS[0], "video": {**POSTS[0]["video"], "url": "https://example.com/v/1"}}]

    with pytest.raises(ValueError, match="example.com"):
        demo.load(home=home_page, posts=bad)


def test_content_file_follows_the_schema_and_loads(home_page):
    content = pytest.importorskip("apps.blog.demo_content")

    assert len(content.POSTS) >= 6
    assert any(post["video"] for post in content.POSTS)
    for post in content.POSTS:
        assert {"slug", "title", "date", "author", "intro", "body", "tags", "video"} <= set(post)
    demo.load(home=home_page)
    assert BlogPostPage.objects.live().count() == len(content.POSTS)
