from django.conf import settings
from django.http import HttpRequest

# Each language is offered under its own name, so that a reader finds it whatever the page's
# language is; the template marks each name with its `lang`.
NATIVE_LANGUAGE_NAMES = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}


def site_context(request: HttpRequest) -> dict:
    return {
        "LANGUAGE_CHOICES": [
            (code, NATIVE_LANGUAGE_NAMES.get(code, str(name))) for code, name in settings.LANGUAGES
        ],
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
