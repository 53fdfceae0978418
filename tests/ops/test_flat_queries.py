"""List pages that had no two-size query test (issue 13): each is read at N and 4N rows and
must cost the same number of queries. The other list pages have theirs beside their app
(grep `do_not_grow`/`flat`), and apps/home/tests/test_volume.py checks every page type of
`make bench-volume` at two volumes of `load_volume`."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.models import MembershipRole
from apps.accounts.permissions import PLATFORM_STAFF_GROUP
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root, vocabularies), as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


def test_staff_verification_queue_is_flat(client):
    staff = UserFactory()
    staff.groups.add(Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0])
    force_login_verified(client, staff)

    def grow(count: int) -> None:
        for _ in range(count):
            organisation = OrganisationFactory(unverified=True)
            MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN)

    grow(3)
    small = _queries(client, "/organisasjoner/verifisering/")
    grow(9)
    large = _queries(client, "/organisasjoner/verifisering/")
    assert large == small


def test_members_page_is_flat(client):
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    force_login_verified(client, admin)
    url = f"/organisasjoner/{organisation.slug}/medlemmer/"

    def grow(count: int) -> None:
        for _ in range(count):
            MembershipFactory(organisation=organisation, role=MembershipRole.MEMBER)

    grow(3)
    small = _queries(client, url)
    grow(9)
    large = _queries(client, url)
    assert large == small
    assert organisation.memberships.count() == 13


@pytest.mark.parametrize("suffix", ["deltakere/", "deltakere.csv"])
def test_an_organisers_attendee_list_and_export_are_flat(client, suffix):
    organiser = UserFactory()
    event = EventFactory(organisers=[organiser], capacity=100)
    force_login_verified(client, organiser)
    url = f"/dialogmoter/{event.slug}/{suffix}"

    def grow(count: int) -> None:
        for _ in range(count):
            RegistrationFactory(event=event)

    grow(5)
    small = _queries(client, url)
    grow(15)
    large = _queries(client, url)
    assert large == small
    assert event.registrations.count() == 20
