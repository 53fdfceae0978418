import datetime as dt

import pytest

from apps.blog import selectors

from .factories import BlogPostPageFactory

pytestmark = pytest.mark.django_db


def test_latest_posts_are_live_and_newest_first(blog_index):
    for day in (3, 1, 2):
        BlogPostPageFactory(parent=blog_index, title=f"Dag {day}", date=dt.date(2021, 5, day))
    BlogPostPageFactory(parent=blog_index, title="Utkast", date=dt.date(2030, 1, 1), live=False)

    assert [post.title for post in selectors.latest_posts(limit=2)] == ["Dag 3", "Dag 2"]


def test_posts_on_the_same_date_keep_a_stable_order(blog_index):
    first = BlogPostPageFactory(parent=blog_index, date=dt.date(2021, 5, 1))
    second = BlogPostPageFactory(parent=blog_index, date=dt.date(2021, 5, 1))

    posts = selectors.posts_page(tag=None, page_number=1).object_list

    assert [post.pk for post in posts] == [second.pk, first.pk]


def test_posts_page_filters_by_tag_slug_and_clamps_page_numbers(blog_index):
    for number in range(3):
        BlogPostPageFactory(
            parent=blog_index, tags=["samarbeid"], date=dt.date(2022, 1, 1 + number)
        )
    BlogPostPageFactory(parent=blog_index, tags=["annet"])

    page = selectors.posts_page(tag="samarbeid", page_number=9, per_page=2)

    assert page.paginator.count == 3
    assert page.number == 2
    assert [post.date.day for post in page.object_list] == [1]


def test_tag_by_slug_needs_a_published_post(blog_index):
    BlogPostPageFactory(parent=blog_index, tags=["synlig"])
    BlogPostPageFactory(parent=blog_index, tags=["skjult"], live=False)

    assert selectors.tag_by_slug(slug="synlig").name == "synlig"
    assert selectors.tag_by_slug(slug="skjult") is None
    assert selectors.tag_by_slug(slug="ukjent") is None


def test_post_by_slug_finds_only_published_posts(blog_index):
    BlogPostPageFactory(parent=blog_index, slug="ute")
    BlogPostPageFactory(parent=blog_index, slug="inne", live=False)

    assert selectors.post_by_slug(slug="ute").slug == "ute"
    assert selectors.post_by_slug(slug="inne") is None
