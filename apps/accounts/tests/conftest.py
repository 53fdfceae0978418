import pytest
from django.contrib.auth.models import Group

from apps.accounts.models import MembershipRole
from apps.accounts.permissions import EDITORS_GROUP, MODERATORS_GROUP

from .factories import MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Kompass & Co", slug="kompass-co")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Folkelig", slug="folkelig")


@pytest.fixture
def org_admin(org):
    return MembershipFactory(organisation=org, role=MembershipRole.ADMIN).user


@pytest.fixture
def member(org):
    return MembershipFactory(organisation=org, role=MembershipRole.MEMBER).user


@pytest.fixture
def moderator(db):
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    return user


@pytest.fixture
def group_editor(db):
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    return user


@pytest.fixture(autouse=True)
def _english(client, settings):
    """The tests read the English source strings; the site itself defaults to bokmål."""
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
