import pytest

from apps.accounts import demo
from apps.accounts.models import Membership, Organisation, User

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_invents_nothing(client):
    demo.load()
    count = Organisation.objects.count()
    demo.load()
    assert Organisation.objects.count() == count == 5 + len(demo.ENTREPRENEURS)
    baerum = Organisation.objects.get(municipality__code="3201")
    assert baerum.name == "Bærum kommune" and baerum.county is not None
    assert Organisation.objects.get(municipality__code="0301").name == "Oslo kommune"
    assert not Organisation.objects.exclude(org_number="").exists()
    assert Organisation.objects.get(name="Medarbeiderne AS").legal_form == "AS"
    assert not User.objects.exists() and not Membership.objects.exists()
    response = client.get("/organisasjoner/?type=kommune")
    assert response.status_code == 200
    assert response.content.decode().count('class="ds-card"') == 5
