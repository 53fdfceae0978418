import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.utils import translation

from apps.accounts.permissions import EDITORS_GROUP, MODERATORS_GROUP
from apps.accounts.tests.factories import EditorFactory, UserFactory
from apps.blog.tests.factories import BlogIndexPageFactory, BlogPostPageFactory
from apps.cookbook.services import recipe_publish_revision
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.core.models import Municipality


@pytest.fixture(autouse=True)
def _english_and_no_otp(client, settings):
    """UI strings and emails in English, so assertions hold after the translation pass
    (mail follows the recipient's account: `member` and `moderator` read English)."""
    settings.KOKEBOKA_REQUIRE_OTP_FOR_STAFF = False
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def chapter(home_page):
    cookbook = CookbookIndexPageFactory(parent=home_page)
    return ChapterPageFactory(parent=cookbook, title="Forstå og møte", slug="forsta-og-mote")


@pytest.fixture
def recipe(chapter):
    page = RecipePageFactory(parent=chapter, title="Dialogmøte med entreprenøren")
    recipe_publish_revision(recipe=page, change_note="Første versjon")
    page.refresh_from_db()
    return page


@pytest.fixture
def post(home_page):
    index = BlogIndexPageFactory(parent=home_page)
    return BlogPostPageFactory(parent=index, title="Et innlegg om samarbeid")


@pytest.fixture
def municipalities(db):
    return list(Municipality.objects.order_by("code")[:3])


@pytest.fixture
def member(db):
    return UserFactory(language="en")


@pytest.fixture
def trusted(db):
    from apps.contributions.models import ContributorStanding

    person = UserFactory()
    ContributorStanding.objects.create(user=person, trusted=True)
    return person


@pytest.fixture
def moderator(db):
    person = UserFactory(language="en")
    person.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    return person


@pytest.fixture
def group_editor(db):
    person = UserFactory()
    person.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    return person


@pytest.fixture
def superuser(db):
    """The demo editor's kind: a superuser in the group "Redaktører"."""
    return EditorFactory()


@pytest.fixture
def bare_superuser(db):
    """A superuser with no granted role: gains nothing in the site's own powers."""
    return UserFactory(is_superuser=True, is_staff=True)
