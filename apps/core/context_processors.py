from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# Each language is offered under its own name, so that a reader finds it whatever the page's
# language is; the template marks each name with its `lang`.
NATIVE_LANGUAGE_NAMES = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}

# The main menu in four groups, so that a newcomer on a phone meets four doors instead of
# eleven links (templates/components/site_nav.html). Wide screens show every link in one row.
NAV_GROUPS = [
    (
        _("Learn how"),
        [
            ("/kokeboka/", _("The cookbook")),
            ("/veiviser/", _("Route guide")),
            ("/regelverk/", _("Legal rules")),
            ("/eksempler/", _("Examples")),
        ],
    ),
    (
        _("Find partners"),
        [
            ("/behov/", _("Needs")),
            ("/entreprenorer/", _("Entrepreneurs")),
            ("/organisasjoner/", _("Organisations")),
        ],
    ),
    (
        _("Funding and meetings"),
        [
            ("/fond/", _("Innovation funds")),
            ("/dialogmoter/", _("Dialogue meetings")),
        ],
    ),
    (
        _("News and figures"),
        [
            ("/kokebokloggen/", _("Blog")),
            ("/innsikt/", _("Insights")),
        ],
    ),
]


def site_context(request: HttpRequest) -> dict:
    return {
        "LANGUAGE_CHOICES": [
            (code, NATIVE_LANGUAGE_NAMES.get(code, str(name))) for code, name in settings.LANGUAGES
        ],
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "OWNER": owner(),
        "NAV_GROUPS": NAV_GROUPS,
    }


def owner() -> dict[str, str]:
    """Who publishes this installation and how to reach them (settings, one per deployment)."""
    return {
        "name": settings.KOKEBOKA_PUBLISHER_NAME,
        "url": settings.KOKEBOKA_PUBLISHER_URL,
        "email": settings.KOKEBOKA_CONTACT_EMAIL,
        "accessibility_email": settings.KOKEBOKA_ACCESSIBILITY_CONTACT_EMAIL,
    }
