"""sitemap.xml: every live public Wagtail page, the public non-page lists, and the
published dialogue meetings."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from apps.events.models import Event


class PublicListSitemap(Sitemap):
    """Public pages served by views rather than Wagtail."""

    changefreq = "weekly"
    url_names = ("rules:index", "routeguide:start", "events:list")

    def items(self) -> list[str]:
        return list(self.url_names)

    def location(self, item: str) -> str:
        return reverse(item)


class EventSitemap(Sitemap):
    """Published dialogue meetings."""

    def items(self):
        return Event.objects.published().order_by("start", "pk")

    def location(self, event: Event) -> str:
        return event.get_absolute_url()

    def lastmod(self, event: Event):
        return event.updated_at


def sitemap(request: HttpRequest) -> HttpResponse:
    return wagtail_sitemap_views.sitemap(
        request,
        sitemaps={"pages": PageSitemap, "lists": PublicListSitemap(), "events": EventSitemap()},
    )
