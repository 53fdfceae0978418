import pytest
from wagtail.models import Page

from apps.blog import demo
from apps.blog.demo_files import FOLDER, Post, Video, read_demo_content
from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.core.content_files import ContentFileError
from tests.content import broken_copy

pytestmark = pytest.mark.django_db

POSTS = [
    Post(
        slug="dialogmote-i-bodo",
        title="Dialogmøte i Bodø",
        date="2016-06-15",
        author="Redaksjonen",
        intro="Kommunen og entreprenørene møttes for første gang.",
        body="Første avsnitt\nfortsetter her.\n\nDette lærte vi:\n- lytt først\n- avtal neste steg",
        tags=["dialogmøte", "kokebok"],
        video=Video(
            url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            title="Opptak fra dialogmøtet",
            transcript="Velkommen.\n\nTakk for i dag.",
        ),
    ),
    Post(
        slug="kokeboka-er-ute",
        title="Kokeboka er ute",
        date="2017-02-01",
        author="Prosjektleder",
        intro="Nå kan alle lese kokeboka.",
        body="Et avsnitt.",
    ),
]


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


def test_every_blog_file_is_read_and_checked():
    content = read_demo_content()

    assert (content.index.slug, content.index.title) == ("kokebokloggen", "Kokebokloggen")
    assert len(content.posts) == 9
    assert [post.date for post in content.posts] == sorted(post.date for post in content.posts)
    assert content.posts[0].slug == "dialogmote-juni-2016-kokebok"
    video = content.posts[0].video
    assert video is not None and video.url == "https://vimeo.com/76979871"
    # Wrapped lines in the file are one paragraph or one bullet item in the post.
    assert "\n- At utfordringer uten en tydelig eier lett faller mellom flere stoler.\n" in (
        video.transcript
    )
    assert [post.slug for post in content.posts if post.video] == ["dialogmote-juni-2016-kokebok"]


def test_a_video_from_another_host_names_the_file_and_the_field(tmp_path):
    folder, _path = broken_copy(
        FOLDER,
        tmp_path,
        "kokebokloggen/dialogmote-juni-2016-kokebok.md",
        "https://vimeo.com/76979871",
        "https://example.com/v/1",
    )

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)

    assert caught.value.path.name == "dialogmote-juni-2016-kokebok.md"
    assert caught.value.field == "video.url"
    assert "example.com" in str(caught.value)


def test_a_misspelt_field_and_a_bad_date_name_the_file_and_the_field(tmp_path):
    post = "kokebokloggen/nye-eu-terskelverdier-2026.md"
    folder, _path = broken_copy(FOLDER, tmp_path, post, "\nauthor:", "\nforfatter:")
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path.name == "nye-eu-terskelverdier-2026.md"
    assert "forfatter" in str(caught.value) and "author" in str(caught.value)

    folder, _path = broken_copy(
        FOLDER, tmp_path / "2", post, "date: 2026-01-12", "date: 12.01.2026"
    )
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.field == "date"


def test_load_builds_the_demo_posts(home_page):
    demo.load(home=home_page)

    content = read_demo_content()
    assert BlogPostPage.objects.live().count() == len(content.posts) >= 6
    post = BlogPostPage.objects.get(slug="prosessverktoy-fra-ks-og-ferd")
    assert "<li>Begynn med behovet. Oppskriften «Start med behovet» hjelper dere" in str(post.body)
