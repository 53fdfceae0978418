import pytest
from django.conf import settings

from apps.accounts.models import MembershipRole, OrganisationType
from apps.core.models import Sector, TargetGroup

from .factories import (
    EntrepreneurOrgFactory,
    MembershipFactory,
    NeedFactory,
    ProfileFactory,
    UserFactory,
    municipality_org,
)


@pytest.fixture
def english(client):
    """UI strings in English, so assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def baerum(db):
    return municipality_org("3201")


@pytest.fixture
def oslo(db):
    return municipality_org("0301")


@pytest.fixture
def sectors(db):
    return list(Sector.objects.order_by("position")[:3])


@pytest.fixture
def groups(db):
    return list(TargetGroup.objects.order_by("position")[:2])


@pytest.fixture
def people(db, baerum, oslo):
    """The actors of the permission matrix, by name."""
    entrepreneur_org = EntrepreneurOrgFactory(name="Grønn Arbeidstrening SA")
    ProfileFactory(organisation=entrepreneur_org)
    ngo = EntrepreneurOrgFactory(name="Frivillig forening", type=OrganisationType.FORSKNING)

    def person(org, role):
        return MembershipFactory(organisation=org, role=role).user

    return {
        "anonymous": None,
        "own_member": person(baerum, MembershipRole.MEMBER),
        "other_member": person(ngo, MembershipRole.MEMBER),
        "entrepreneur": person(entrepreneur_org, MembershipRole.ADMIN),
        "own_broker": person(baerum, MembershipRole.BROKER),
        "other_broker": person(oslo, MembershipRole.BROKER),
        # A superuser has no power in the site's own views (issue 19): only granted roles.
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        # National staff; logged in with the second factor by `login` in the tests.
        "staff": _staff(),
    }


def _staff():
    from django.contrib.auth.models import Group

    from apps.accounts.permissions import PLATFORM_STAFF_GROUP

    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0])
    return user


@pytest.fixture
def needs(db, baerum, sectors):
    return {
        "public": NeedFactory(organisation=baerum, title="Offentlig behov om frafall"),
        "members": NeedFactory(
            organisation=baerum, title="Behov bare for medlemmer", visibility="members"
        ),
        "draft": NeedFactory(organisation=baerum, title="Hemmelig utkast om rus", status="draft"),
    }
