import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()

# Anonymous page-cache hits are answered in front of Django's handler (docs/decisions/0027).
from apps.core.fastpath import PageCacheApplication  # noqa: E402

application = PageCacheApplication(application)
