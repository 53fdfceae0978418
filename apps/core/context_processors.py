from django.conf import settings
from django.http import HttpRequest


def site_context(request: HttpRequest) -> dict:
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
