"""RSS 2.0 and Atom 1.0 feeds of Kokebokloggen, served by BlogIndexPage's routes."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from apps.core.siteaddress import page_url

from . import selectors
from .models import BlogIndexPage, BlogPostPage

# Feed readers keep what they have fetched; 50 covers years of posts at the blog's pace.
FEED_LIMIT = 50
# Posts carry a date, not a time; noon keeps the day the same in every reader's time zone.
PUBLISHING_TIME = dt.time(12, 0)


class PostsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = True

    def get_object(self, request, index: BlogIndexPage) -> BlogIndexPage:
        # One feed object serves one request, so the request can be kept for page URLs.
        self.request = request
        return index

    def title(self, index: BlogIndexPage) -> str:
        return index.title

    # Links are absolute from the configured site address (apps.core.siteaddress), never from
    # the host the feed was fetched through (an internal name or localhost behind a proxy).
    def link(self, index: BlogIndexPage) -> str:
        return page_url(index, self.request)

    def feed_url(self, index: BlogIndexPage) -> str:
        return self.link(index) + index.reverse_subpage(self.route_name)

    route_name = "rss"

    def description(self, index: BlogIndexPage) -> str:
        return index.intro or _(
            "News and stories from Kokeboka: municipalities and social entrepreneurs working "
            "together."
        )

    def items(self, index: BlogIndexPage) -> list[BlogPostPage]:
        return selectors.feed_posts(limit=FEED_LIMIT)

    def item_title(self, post: BlogPostPage) -> str:
        return post.title

    def item_link(self, post: BlogPostPage) -> str:
        return page_url(post, self.request)

    def item_description(self, post: BlogPostPage) -> str:
        return post.intro

    def item_pubdate(self, post: BlogPostPage) -> dt.datetime:
        return dt.datetime.combine(post.date, PUBLISHING_TIME, tzinfo=ZoneInfo(settings.TIME_ZONE))

    def item_updateddate(self, post: BlogPostPage) -> dt.datetime:
        published = self.item_pubdate(post)
        if post.last_published_at and post.last_published_at > published:
            return post.last_published_at
        return published

    def item_author_name(self, post: BlogPostPage) -> str:
        return post.author

    def item_categories(self, post: BlogPostPage) -> list[str]:
        return [tag.name for tag in post.tags.all()]


class PostsAtomFeed(PostsRssFeed):
    feed_type = Atom1Feed
    route_name = "atom"

    def subtitle(self, index: BlogIndexPage) -> str:
        return self.description(index)
