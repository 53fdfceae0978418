import pytest

from apps.accounts import demo
from apps.accounts.models import Membership, Organisation, User, VerificationSource
from apps.accounts.permissions import PLATFORM_STAFF_GROUP
from apps.core.models import AuditEvent

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
    # The one person is the demo's national staff, who verified every demo organisation.
    staff = User.objects.get()
    assert staff.email == demo.STAFF_EMAIL
    assert staff.groups.filter(name=PLATFORM_STAFF_GROUP).exists()
    assert not Membership.objects.exists()
    assert not Organisation.objects.filter(verified_at__isnull=True).exists()
    assert set(Organisation.objects.values_list("verified_by", "verified_via")) == {
        (staff.pk, VerificationSource.STAFF)
    }
    assert AuditEvent.objects.filter(action="organisation.verified", actor=staff).count() == count
    response = client.get("/organisasjoner/?type=kommune")
    assert response.status_code == 200
    assert response.content.decode().count('class="ds-card"') == 5
