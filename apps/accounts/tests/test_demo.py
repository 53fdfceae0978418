import pytest

from apps.accounts import demo
from apps.accounts.demo_files import read_demo_content
from apps.accounts.models import Membership, Organisation, User, VerificationSource
from apps.accounts.permissions import PLATFORM_STAFF_GROUP
from apps.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_invents_nothing(client):
    organisations = read_demo_content().organisations
    demo.load()
    count = Organisation.objects.count()
    demo.load()
    assert (
        Organisation.objects.count()
        == count
        == (
            len(organisations.municipalities)
            + len(organisations.entrepreneurs)
            + len(organisations.fictional_entrepreneurs)
        )
    )
    # Every municipality of the demo is invented and says so; no real one is given an
    # account, a description or activity (docs/decisions/0021-honest-demo-content.md).
    home = Organisation.objects.get(municipality__code=demo.HOME)
    assert home.name == "Fjordvik kommune (fiktiv)" and home.county.code == "99"
    kommuner = Organisation.objects.filter(type="kommune")
    assert kommuner.count() == 3
    assert all(org.name.endswith(demo.FICTIONAL_MARK) for org in kommuner)
    assert not kommuner.filter(municipality__county__code__in=["03", "32", "50", "33"]).exists()
    invented = Organisation.objects.filter(
        name__in=[item.name for item in organisations.fictional_entrepreneurs]
    )
    assert invented.count() == len(organisations.fictional_entrepreneurs)
    assert all(org.name.endswith(demo.FICTIONAL_MARK) for org in invented)
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
    assert response.content.decode().count('class="ds-card"') == 3
