import datetime as dt

import feedparser
import pytest

from apps.blog import feeds

from .factories import BlogPostPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(blog_index):
    older = BlogPostPageFactory(
        parent=blog_index,
        title="Dialogmøte i Bodø",
        slug="dialogmote-i-bodo",
        date=dt.date(2016, 6, 15),
        author="Redaksjonen",
        intro="Kommunen og entreprenørene møttes.",
        tags=["dialogmøte", "kokebok"],
    )
    newer = BlogPostPageFactory(
        parent=blog_index,
        title="Kokeboka er ute",
        slug="kokeboka-er-ute",
        date=dt.date(2017, 2, 1),
        author="Prosjektleder",
    )
    BlogPostPageFactory(parent=blog_index, title="Et utkast", live=False)
    return newer, older


def parse(client, url: str, content_type: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    ("url", "content_type", "version"),
    [
        ("/kokebokloggen/rss/", "application/rss+xml", "rss20"),
        ("/kokebokloggen/atom/", "application/atom+xml", "atom10"),
    ],
)
def test_feeds_are_valid_and_hold_every_published_post(client, posts, url, content_type, version):
    newer, older = posts

    feed = parse(client, url, content_type)

    assert feed.version == version
    assert feed.feed.title == "Kokebokloggen"
    assert feed.feed.link == "http://testserver/kokebokloggen/"
    assert [entry.title for entry in feed.entries] == ["Kokeboka er ute", "Dialogmøte i Bodø"]
    first, second = feed.entries
    assert first.link == "http://testserver/kokebokloggen/kokeboka-er-ute/"
    assert second.link == "http://testserver/kokebokloggen/dialogmote-i-bodo/"
    assert second.author == "Redaksjonen"
    assert second.summary == "Kommunen og entreprenørene møttes."
    assert sorted(tag.term for tag in second.tags) == ["dialogmøte", "kokebok"]
    # Noon in Oslo (summer time) is 10:00 UTC on the post's date.
    assert tuple(second.published_parsed[:5]) == (2016, 6, 15, 10, 0)
    assert tuple(first.published_parsed[:3]) == (2017, 2, 1)


def test_atom_feed_links_to_itself_and_has_a_subtitle(client, posts):
    feed = parse(client, "/kokebokloggen/atom/", "application/atom+xml")

    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == ["http://testserver/kokebokloggen/atom/"]
    assert feed.feed.subtitle == "Nytt fra arbeidet med kokeboka."
    assert all(entry.updated_parsed for entry in feed.entries)


def test_feed_holds_the_latest_posts_up_to_its_limit(client, blog_index, monkeypatch):
    assert feeds.FEED_LIMIT >= 20
    monkeypatch.setattr(feeds, "FEED_LIMIT", 3)
    for number in range(5):
        BlogPostPageFactory(parent=blog_index, date=dt.date(2020, 1, 1 + number))

    feed = parse(client, "/kokebokloggen/rss/", "application/rss+xml")

    assert [entry.published_parsed[:3] for entry in feed.entries] == [
        (2020, 1, 5),
        (2020, 1, 4),
        (2020, 1, 3),
    ]
