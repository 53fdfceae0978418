from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from apps.api.api import api
from apps.core import health as core_health
from apps.core import views as core_views
from apps.core.securitytxt import security_txt
from apps.opendata import views as opendata_views
from apps.opendata.sitemaps import sitemap

handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sprak/<str:code>/", core_views.choose_language, name="choose-language"),
    path("helse/", core_views.health, name="health"),  # liveness
    path("helse/klar/", core_health.readiness, name="readiness"),
    path("api/v1/", api.urls),
    path("data/", include("apps.opendata.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", opendata_views.robots_txt, name="robots"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("sok/", include("apps.search.urls")),
    path("veiviser/", include("apps.routeguide.urls")),
    path("dialogmoter/", include("apps.events.urls")),
    path("nyhetsbrev/", include("apps.newsletter.urls")),
    path("", include("apps.broker.urls")),
    path("", include("apps.matching.urls")),
    path("", include("apps.collaborations.urls")),
    path("", include("apps.fund.urls")),
    path("", include("apps.grants.urls")),
    path("", include("apps.insights.urls")),
    path("", include("apps.contributions.urls")),
    path("", include("apps.accounts.urls")),
    path("", include("apps.rules.urls")),
    path("", include("apps.printbook.urls")),
    path("", include("apps.home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
