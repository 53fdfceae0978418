"""Absolute links come from one configured address (WAGTAILADMIN_BASE_URL), never from
`localhost` or whatever host a request or a job happened to see."""

import pytest
from wagtail.models import Site

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.core.siteaddress import page_url, site_host_and_port, site_url, sync_default_site
from apps.home.testing import ensure_home_page

pytestmark = pytest.mark.django_db


def test_site_url_joins_paths_without_double_slashes(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kokeboka.example.no/"
    assert site_url() == "https://kokeboka.example.no"
    assert site_url("/kokeboka/") == "https://kokeboka.example.no/kokeboka/"
    assert site_url("kokeboka/") == "https://kokeboka.example.no/kokeboka/"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://kokeboka.example.no", ("kokeboka.example.no", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://intern.example", ("intern.example", 80)),
    ],
)
def test_host_and_port_for_wagtails_site_row(settings, address, expected):
    settings.WAGTAILADMIN_BASE_URL = address
    assert site_host_and_port() == expected


def test_the_default_site_follows_the_configured_address(settings):
    home = ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "https://kokeboka.example.no"
    assert sync_default_site() is True
    assert sync_default_site() is False  # already in step: nothing written
    home.refresh_from_db()
    assert home.full_url == "https://kokeboka.example.no/"
    assert page_url(home) == "https://kokeboka.example.no/"


def test_feeds_link_to_the_configured_address_not_the_requesting_host(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kokeboka.example.no"
    home = ensure_home_page()
    blog = home.add_child(instance=BlogIndexPage(title="Kokebokloggen", slug="kokebokloggen"))
    blog.add_child(
        instance=BlogPostPage(
            title="Første innlegg",
            slug="forste-innlegg",
            date="2026-11-02",
            intro="Om samarbeid.",
            author="Redaksjonen",
        )
    )
    for feed in ("rss", "atom"):
        body = client.get(f"/kokebokloggen/{feed}/", HTTP_HOST="localhost").content.decode()
        assert "https://kokeboka.example.no/kokebokloggen/forste-innlegg/" in body
        assert "localhost" not in body
