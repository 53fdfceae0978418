import pytest
from django.conf import settings

from .factories import CaseIndexPageFactory


@pytest.fixture
def case_index(home_page):
    return CaseIndexPageFactory(parent=home_page)


@pytest.fixture
def english(client):
    """UI strings in English, so assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def chapter(home_page):
    """A chapter of the cookbook, for examples that illustrate recipes."""
    from apps.cookbook.tests.factories import ChapterPageFactory, CookbookIndexPageFactory

    return ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
