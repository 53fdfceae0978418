import pytest
from django.conf import settings

from .factories import ChapterPageFactory, CookbookIndexPageFactory


@pytest.fixture
def cookbook(home_page):
    return CookbookIndexPageFactory(parent=home_page)


@pytest.fixture
def chapter(cookbook):
    return ChapterPageFactory(parent=cookbook, title="Forstå og møte", slug="forsta-og-mote")


@pytest.fixture
def english(client):
    """UI strings in English, so assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
