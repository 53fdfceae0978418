"""The front page shows each visitor what is open now, live from the data: open calls with
their deadlines, the next dialogue meeting, the newest public needs and honest figures, in a
fixed number of queries whatever the data size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.accounts.models import Membership, MembershipRole
from apps.accounts.tests.factories import UserFactory
from apps.broker.models import NeedStatus, NeedVisibility
from apps.broker.tests.factories import MunicipalityOrgFactory, NeedFactory
from apps.core.services import vocabulary_ensure
from apps.events.tests.factories import EventFactory, PastEventFactory
from apps.fund.tests.factories import CallFactory
from apps.home.selectors import front_page
from apps.home.testing import ensure_home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    vocabulary_ensure()
    return ensure_home_page()


def _body(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_shows_open_calls_the_next_meeting_and_new_public_needs(client, home):
    CallFactory(title="Utlysning om unge i arbeid")
    CallFactory(title="Lukket utlysning", deadline=timezone.now() - datetime.timedelta(days=1))
    CallFactory(title="Upublisert utlysning", published=False)
    PastEventFactory(title="Møtet som var")
    EventFactory(title="Møtet som kommer", start=timezone.now() + datetime.timedelta(days=9))
    EventFactory(title="Møtet etterpå", start=timezone.now() + datetime.timedelta(days=40))
    NeedFactory(title="Oppfølging av unge voksne")
    NeedFactory(title="Et utkast", status=NeedStatus.DRAFT)
    NeedFactory(title="Bare for medlemmer", visibility=NeedVisibility.MEMBERS)

    body = _body(client)
    assert "Utlysning om unge i arbeid" in body
    assert "Lukket utlysning" not in body and "Upublisert utlysning" not in body
    assert "Møtet som kommer" in body
    assert "Møtet som var" not in body and "Møtet etterpå" not in body
    assert "Oppfølging av unge voksne" in body
    assert "Et utkast" not in body and "Bare for medlemmer" not in body
    for door in ("Legg ut et behov", "Se hva kommunene trenger", "Åpne data (API)"):
        assert door in body


def test_says_so_when_nothing_is_open(client, home):
    body = _body(client)
    assert "Ingen utlysning er åpen akkurat nå." in body
    assert "Ingen møter er planlagt ennå." in body
    assert "Ingen offentlige behov akkurat nå." in body


def test_figures_count_municipalities_with_people_not_every_municipality(home):
    baerum = MunicipalityOrgFactory()
    MunicipalityOrgFactory(municipality__code="0301")  # a municipality nobody has joined
    Membership.objects.create(user=UserFactory(), organisation=baerum, role=MembershipRole.MEMBER)
    assert front_page().figures.municipalities == 1


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        _body(client)
    return len(captured)


def test_query_count_does_not_grow_with_the_data(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    CallFactory()
    EventFactory()
    NeedFactory()
    client.get("/")  # warm per-process caches (site root, vocabularies)
    small = _queries(client)
    assert small >= 6  # the page was built, not served from the page cache
    CallFactory.create_batch(8)
    EventFactory.create_batch(6)
    NeedFactory.create_batch(12)
    assert _queries(client) == small
