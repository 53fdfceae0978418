"""One configured public address for the whole site.

Every absolute URL Kokeboka writes (mails, feeds, the printed book, canonical and OpenGraph
links, open-data catalogues) must point at the address people use, not at the host a request
or a background job happened to see. The address is `WAGTAILADMIN_BASE_URL` (environment
variable of the same name; see docs/operations.md). Wagtail builds `page.full_url` from its
default `Site` row, so that row is kept in step with the setting after every `migrate` and
whenever the demo builds the site tree; before this the demo's row said `localhost:80` and
the book and feeds linked to http://localhost/.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path: str = "") -> str:
    """The configured public address, without a trailing slash, followed by `path`."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if path and not path.startswith("/"):
        path = "/" + path
    return base + path


def site_host_and_port() -> tuple[str, int]:
    """The hostname and port Wagtail's Site row needs to produce `site_url()` as its root
    URL (Wagtail writes https for port 443 and leaves out 80 and 443)."""
    parts = urlsplit(site_url() or "http://localhost")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def sync_default_site() -> bool:
    """Points the default Wagtail Site at the configured address. Returns whether it changed.
    Does nothing before the site tree exists."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    Site.clear_site_root_paths_cache()
    return True


def page_url(page, request=None) -> str:
    """A Wagtail page's absolute URL at the configured address ("" if it is not routable)."""
    parts = page.get_url_parts(request=request)
    if not parts or parts[2] is None:
        return ""
    return site_url(parts[2])
