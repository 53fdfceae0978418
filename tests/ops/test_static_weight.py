"""What a visitor's browser downloads of our own CSS, JavaScript and fonts (issue 13: no page
more than 200 KB, every static file compressed and cached for a year).

The static files are collected the way `make serve` and the container do it (WhiteNoise's
compressed manifest storage: hashed names, .br and .gz beside each file) into a temporary
folder, and the pages are fetched through the middleware stack with a browser's
Accept-Encoding, so the bytes counted are the bytes that would cross the wire."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

BUDGET = 200 * 1024
YEAR = "max-age=315360000, public, immutable"
_LINKS = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')
_CSS_URLS = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# Only what a page of the site can ask for; the admin's static files are not collected here.
_NOT_OURS = ["wagtail*", "admin", "django_otp", "otp_totp", "ninja", "rest_framework"]


_SETTINGS = {
    "WHITENOISE_USE_FINDERS": False,
    "WHITENOISE_AUTOREFRESH": False,
}
_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture(scope="module")
def static_root(tmp_path_factory, django_db_blocker):
    """collectstatic once for the module (it compresses every file: the slow part)."""
    from django.conf import settings
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": _STORAGE}
    with override_settings(STATIC_ROOT=root, STORAGES=storages, **_SETTINGS):
        call_command("collectstatic", "--noinput", "--verbosity", "0", *_ignore_args())
    return root


@pytest.fixture
def collected_static(settings, static_root):
    if connection.vendor != "sqlite":
        pytest.skip("static files do not depend on the database; measured once, on SQLite")
    settings.STATIC_ROOT = static_root
    settings.STORAGES = {**settings.STORAGES, "staticfiles": _STORAGE}
    for name, value in _SETTINGS.items():
        setattr(settings, name, value)
    return static_root


def _ignore_args() -> list[str]:
    return [arg for pattern in _NOT_OURS for arg in ("--ignore", pattern)]


def _fetch(client, url: str):
    return client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _static_of(client, page_url: str) -> dict[str, object]:
    """Every static file the page links to, and the fonts its stylesheets declare (an upper
    bound: a browser fetches only the faces it uses)."""
    page = client.get(page_url)
    assert page.status_code == 200, page_url
    html = page.content.decode()
    queue = list(dict.fromkeys(_LINKS.findall(html)))
    found: dict[str, object] = {}
    while queue:
        url = queue.pop(0)
        if url in found:
            continue
        response = _fetch(client, url)
        found[url] = response
        if url.endswith(".css"):
            plain = client.get(url)  # read the text uncompressed to find its url()s
            for ref in _CSS_URLS.findall(_body(plain).decode()):
                if not ref.startswith(("data:", "#")):
                    queue.append(urljoin(url, ref))
    return found


@pytest.mark.parametrize(
    "page_url",
    [
        "/",
        "/om-kokeboka/",
        "/veiviser/",
        "/behov/",
        "/fond/",
        "/sok/?q=tilskudd",
        "/dialogmoter/",
        "/innsikt/",
        "/konto/logg-inn/",
    ],
)
def test_a_page_downloads_at_most_200_kb_of_our_static_files_compressed_and_cached_for_a_year(
    client, collected_static, home_page, page_url
):
    files = _static_of(client, page_url)
    assert files, "the page links no static files: the test would measure nothing"
    total = 0
    for url, response in files.items():
        assert response.status_code == 200, url
        # Hashed names (the manifest), so a year's cache is safe: a change is a new name.
        assert re.search(r"\.[0-9a-f]{12}\.", url), url
        assert response["Cache-Control"] == YEAR, url
        if url.endswith((".css", ".js", ".svg")):
            assert response["Content-Encoding"] == "br", url
        total += len(_body(response))
    print(f"{page_url}: {len(files)} files, {total} bytes")  # the figure for the note (-s)
    assert total <= BUDGET, f"{page_url}: {total} bytes of static files"
