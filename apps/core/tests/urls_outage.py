"""The site's URLs plus one page whose database is always away, for the 503 page's browser
test (a live server cannot lose its database for one page only otherwise)."""

from django.db import OperationalError
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"


def database_away(request):
    raise OperationalError("connection to server failed: Connection refused")


urlpatterns = [path("utilgjengelig/", database_away), *site_urlpatterns]
