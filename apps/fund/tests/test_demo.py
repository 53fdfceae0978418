import pytest
from django.utils import translation

from apps.accounts import demo as accounts_demo
from apps.accounts.models import MembershipRole, User
from apps.fund import demo
from apps.fund.demo_files import read_demo_content
from apps.fund.models import Application, Call, Fund, StatusChange
from apps.fund.services import submission_problems

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_complete(client):
    content = read_demo_content()
    open_slug, closed_slug = (call.slug for call in content.calls.calls)
    submitted_in_files = [a for a in content.applications if a.submitted_at is not None]
    accounts_demo.load()
    demo.load()
    demo.load()
    fund = Fund.objects.get(slug=content.fund.slug)
    assert fund.organisation.name == "Fjordvik kommune (fiktiv)"
    assert "oppdiktet" in fund.description
    # Every applicant's partner is invented too: no grant is put on a real entrepreneur.
    partners = {p.name for a in Application.objects.all() for p in a.partners.all()}
    assert partners and all(name.endswith("(fiktiv)") for name in partners)
    assert Call.objects.filter(fund=fund).count() == 2
    open_call = Call.objects.get(slug=open_slug)
    closed_call = Call.objects.get(slug=closed_slug)
    assert open_call.is_open() and open_call.is_rolling
    assert closed_call.is_closed()
    submitted = Application.objects.filter(call=closed_call)
    assert submitted.count() == len(submitted_in_files) == 5
    assert set(submitted.values_list("status", flat=True)) == {"submitted"}
    assert all(a.submitted_at < closed_call.deadline for a in submitted)
    assert StatusChange.objects.filter(to_status="submitted").count() == len(submitted_in_files)
    assert all(a.amount_requested > 0 for a in submitted)
    draft = Application.objects.get(call=open_call)
    assert draft.status == "draft"
    roles = {
        "fondsforvalter@demo.kokeboka.no": MembershipRole.FUND_MANAGER,
        "fagvurderer1@demo.kokeboka.no": MembershipRole.REVIEWER,
        "fagvurderer2@demo.kokeboka.no": MembershipRole.REVIEWER,
        "soker@demo.kokeboka.no": MembershipRole.MEMBER,
    }
    for email, role in roles.items():
        user = User.objects.get(email=email)
        assert user.memberships.filter(organisation=fund.organisation, role=role).exists()
    # the draft lacks only the project plan attachment
    with translation.override("en"):
        problems = submission_problems(application=draft)
    assert problems == ["Attach the required document «Prosjektplan»."]
    client.force_login(User.objects.get(email="soker@demo.kokeboka.no"))
    assert client.get(f"/fond/soknader/{draft.pk}/").status_code == 200
    assert client.get(f"/fond/{fund.slug}/{open_call.slug}/").status_code == 200
