import pytest
from django.conf import settings


@pytest.fixture
def english(client):
    """UI strings in English, so assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
