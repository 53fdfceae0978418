import pytest

from apps.accounts.demo_files import read_demo_content as read_accounts_content
from apps.accounts.models import Membership, User
from apps.broker import demo
from apps.broker.models import EntrepreneurProfile, Need, Offer

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_without_duplicates(client):
    from apps.accounts import demo as accounts_demo

    accounts_demo.load()
    demo.load()
    counts = (Need.objects.count(), Offer.objects.count(), EntrepreneurProfile.objects.count())
    demo.load()
    assert counts == (
        Need.objects.count(),
        Offer.objects.count(),
        EntrepreneurProfile.objects.count(),
    )

    public_profiles = EntrepreneurProfile.objects.public()
    assert public_profiles.count() >= 25
    assert all(p.offers.exists() for p in public_profiles)
    assert Need.objects.count() >= 15
    assert Need.objects.filter(status="draft").exists()
    assert Need.objects.filter(visibility="members").exists()
    assert Need.objects.filter(status="in_dialogue").exists()
    assert Need.objects.filter(no_clear_owner=True).exists()
    assert sum(1 for n in Need.objects.prefetch_related("sectors") if n.is_cross_sector) >= 3
    assert Need.objects.values("municipality").distinct().count() == 3
    # Every need, with its budget and plans, belongs to an invented municipality.
    assert set(Need.objects.values_list("municipality__code", flat=True)) == {
        "9901",
        "9902",
        "9903",
    }
    assert all(
        n.organisation.name.endswith("(fiktiv)")
        for n in Need.objects.select_related("organisation")
    )

    broker = User.objects.get(email="megler@demo.kokeboka.no")
    assert Membership.objects.filter(
        user=broker, role="broker", organisation__municipality__code=accounts_demo.HOME
    ).exists()
    # The demo entrepreneur person runs an invented company, never a real one.
    assert Membership.objects.filter(
        user__email="entreprenor@demo.kokeboka.no",
        role="admin",
        organisation__name="Grønn Arbeidstrening SA (fiktiv)",
    ).exists()
    real = [item.name for item in read_accounts_content().organisations.entrepreneurs]
    assert not Membership.objects.filter(organisation__name__in=real).exists()

    assert client.get("/behov/").status_code == 200
    assert client.get("/entreprenorer/").status_code == 200
    client.force_login(broker)
    need = Need.objects.get(key="demo-fjordvik-frafall")
    response = client.get(need.get_absolute_url())
    assert response.status_code == 200
    assert response.context["can_see_matches"] is True
