"""The site's URLs plus media served from MEDIA_ROOT, as `make run` (DEBUG) serves them: the
attachment tests prove no private file can be reached that way."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns


def _media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", _media), *site_urlpatterns]
