import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import BlogPostPageFactory, video_block

pytestmark = pytest.mark.django_db

VIDEO_HOSTS = re.compile(r"(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com)$")
URL = re.compile(r"""(?:https?:)?//([a-z0-9.-]+)""", re.IGNORECASE)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        # A JSON-LD data block is not executed (and CSP allows it); it is not an inline script.
        self._in_script = (
            tag == "script"
            and "src" not in attributes
            and attributes.get("type") != "application/ld+json"
        )

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="ds-heading" data-size="sm"><a [^>]*>([^<]+)</a>', html)


def test_index_lists_posts_newest_first_with_byline_and_tag_links(client, blog_index):
    BlogPostPageFactory(parent=blog_index, title="Eldst", date=dt.date(2016, 6, 15))
    BlogPostPageFactory(
        parent=blog_index,
        title="Nyest",
        date=dt.date(2024, 3, 1),
        author="Prosjektleder",
        tags=["dialogmøte"],
    )
    BlogPostPageFactory(parent=blog_index, title="Midt i", date=dt.date(2020, 1, 1))

    html = get(client, "/kokebokloggen/")

    assert titles(html) == ["Nyest", "Midt i", "Eldst"]
    assert "1. mars 2024" in html
    assert 'datetime="2024-03-01"' in html
    assert "Prosjektleder" in html
    assert 'href="/kokebokloggen/emne/dialogm%C3%B8te/"' in html
    assert html.count("<h1") == 1


def test_index_is_paginated_ten_per_page(client, blog_index):
    for number in range(12):
        BlogPostPageFactory(
            parent=blog_index, title=f"Post {number:02}", date=dt.date(2020, 1, 1 + number)
        )

    first = get(client, "/kokebokloggen/")
    second = get(client, "/kokebokloggen/?page=2")

    assert titles(first) == [f"Post {number:02}" for number in range(11, 1, -1)]
    assert titles(second) == ["Post 01", "Post 00"]
    assert 'rel="next"' in first and "page=2" in first
    assert 'rel="prev"' in second
    assert titles(get(client, "/kokebokloggen/?page=nonsense")) == titles(first)


def test_unpublished_and_restricted_posts_are_not_listed(client, blog_index):
    from wagtail.models import PageViewRestriction

    BlogPostPageFactory(parent=blog_index, title="Synlig")
    BlogPostPageFactory(parent=blog_index, title="Utkast", live=False, tags=["hemmelig"])
    restricted = BlogPostPageFactory(parent=blog_index, title="Lukket")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    assert titles(get(client, "/kokebokloggen/")) == ["Synlig"]
    assert client.get("/kokebokloggen/emne/hemmelig/").status_code == 404


def test_tag_page_lists_only_posts_with_the_tag(client, blog_index):
    BlogPostPageFactory(parent=blog_index, title="Med emne", tags=["dialogmøte", "kokebok"])
    BlogPostPageFactory(parent=blog_index, title="Uten emne", tags=["kokebok"])

    html = get(client, "/kokebokloggen/emne/dialogm%C3%B8te/")

    assert titles(html) == ["Med emne"]
    assert re.search(r"<h1[^>]*>[^<]*dialogmøte", html)
    assert 'aria-current="page" href="/kokebokloggen/emne/dialogm%C3%B8te/"' in html
    assert client.get("/kokebokloggen/emne/finnes-ikke/").status_code == 404


def test_post_page_shows_byline_tags_body_and_breadcrumbs(client, blog_index):
    post = BlogPostPageFactory(
        parent=blog_index,
        title="Dialogmøte i Bodø",
        date=dt.date(2016, 6, 15),
        author="Redaksjonen",
        intro="Et møte om samarbeid.",
        tags=["kokebok", "dialogmøte"],
    )

    html = get(client, post.url)

    assert "<h1" in html and "Dialogmøte i Bodø" in html
    assert "15. juni 2016" in html
    assert "Redaksjonen" in html
    assert "Et møte om samarbeid." in html
    assert "Et avsnitt om samarbeid." in html
    assert re.search(r'<a href="/kokebokloggen/">Kokebokloggen</a>', html)
    assert html.index(">dialogmøte</a>") < html.index(">kokebok</a>")
    assert "blog/video.js" not in html


def test_post_page_video_is_a_placeholder_that_loads_nothing_from_the_video_host(
    client, blog_index
):
    post = BlogPostPageFactory(
        parent=blog_index,
        body=[video_block(captions_url="https://example.org/teksting.vtt")],
    )

    html = get(client, post.url)
    parsed = elements(html)

    assert not [tag for tag, _attrs in parsed.elements if tag in ("iframe", "embed", "object")]
    assert parsed.inline_scripts == 0
    assert not [attrs for _tag, attrs in parsed.elements if "style" in attrs]
    # Every mention of a video host in markup is either the plain link to the video's own
    # page or the player address that video.js uses after the click.
    for tag, attrs in parsed.elements:
        for name, value in attrs.items():
            for host in URL.findall(value or ""):
                if VIDEO_HOSTS.search(host.lower()):
                    assert (tag, name) in {("a", "href"), ("figure", "data-video-src")}, (
                        tag,
                        name,
                        value,
                    )
    links = [attrs["href"] for tag, attrs in parsed.elements if tag == "a" and "href" in attrs]
    assert "https://www.youtube.com/watch?v=dQw4w9WgXcQ" in links
    assert "#video-youtube-dQw4w9WgXcQ-transcript" in links
    assert "https://example.org/teksting.vtt" in links
    assert '<script src="/static/blog/video.js" defer></script>' in html
    buttons = [attrs for tag, attrs in parsed.elements if tag == "button"]
    assert any("data-video-play" in attrs and "hidden" in attrs for attrs in buttons)


def test_post_with_reserved_slug_is_refused(blog_index):
    with pytest.raises(ValidationError) as error:
        BlogPostPageFactory(parent=blog_index, slug="rss")

    assert "slug" in error.value.message_dict


def _queries(client, url: str) -> int:
    # The first request warms caches (site root paths, content types) that every later
    # request reuses; the query string keeps the warm-up out of the page cache entry.
    client.get(f"{url}{'&' if '?' in url else '?'}warm=1")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


LIST_URLS = [
    "/kokebokloggen/",
    "/kokebokloggen/emne/kokebok/",
    "/kokebokloggen/rss/",
    "/kokebokloggen/atom/",
    "/api/v1/posts?limit=100",
    "/api/v1/posts?tag=kokebok",
]


def test_lists_and_feeds_use_the_same_number_of_queries_for_10_and_60_posts(client, blog_index):
    for _ in range(10):
        BlogPostPageFactory(parent=blog_index, tags=["kokebok", "samarbeid"])
    with_10 = {url: _queries(client, url) for url in LIST_URLS}
    for _ in range(50):
        BlogPostPageFactory(parent=blog_index, tags=["kokebok", "samarbeid"])
    with_60 = {url: _queries(client, url) for url in LIST_URLS}

    assert with_10 == with_60
