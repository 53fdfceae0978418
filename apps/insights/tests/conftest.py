import pytest
from django.conf import settings as django_settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _english(client, settings):
    """UI strings in English, so assertions hold after the translation pass."""
    settings.KOKEBOKA_REQUIRE_OTP_FOR_STAFF = False
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
