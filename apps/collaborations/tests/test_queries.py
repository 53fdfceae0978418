import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.collaborations.stages import ORDER

from .factories import CollaborationFactory, MunicipalityOrgFactory

pytestmark = pytest.mark.django_db


def _make(count: int, municipality, member_org) -> None:
    for n in range(count):
        CollaborationFactory(
            municipality_org=municipality,
            entrepreneur_org=member_org if n % 2 else OrganisationFactory(),
            stage=ORDER[n % len(ORDER)],
        )


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path", ["/samarbeid/", "/samarbeid/tavle/", "/samarbeid/tabell/?sort=-stage"]
)
def test_list_queries_do_not_grow_with_the_number_of_collaborations(client, path):
    municipality = MunicipalityOrgFactory()
    member_org = OrganisationFactory()
    broker = UserFactory()
    MembershipFactory(user=broker, organisation=municipality, role=MembershipRole.BROKER)
    MembershipFactory(user=broker, organisation=member_org)
    client.force_login(broker)

    _make(5, municipality, member_org)
    few = _queries(client, path)
    _make(25, municipality, member_org)
    many = _queries(client, path)

    assert few == many
