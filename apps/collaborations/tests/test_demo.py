import pytest

from apps.collaborations import demo
from apps.collaborations.models import Collaboration, LogEntry
from apps.collaborations.stages import Stage

pytestmark = pytest.mark.django_db


def test_demo_loads_collaborations_across_stages_and_publishes_one_example(home_page):
    from apps.accounts import demo as accounts_demo
    from apps.cases import demo as cases_demo

    accounts_demo.load()
    cases_demo.load(home=home_page)
    demo.load()
    demo.load()

    collaborations = Collaboration.objects.all()
    assert 4 <= collaborations.count() <= 6
    assert len({c.stage for c in collaborations}) >= 5
    home = accounts_demo.HOME
    assert collaborations.filter(municipality_org__municipality__code=home).count() >= 2
    assert collaborations.exclude(municipality_org__municipality__code=home).exists()
    # Both sides of every demo collaboration are invented and say so.
    for collaboration in collaborations.select_related("municipality_org", "entrepreneur_org"):
        assert collaboration.municipality_org.name.endswith("(fiktiv)")
        assert collaboration.entrepreneur_org.name.endswith("(fiktiv)")
    assert LogEntry.objects.count() >= collaborations.count()
    published = collaborations.get(case__isnull=False)
    assert published.stage == Stage.AVSLUTTET
    assert published.case.live
    assert published.case.outcomes.count() == 2
    assert "fiktivt eksempel" in published.case.title
    assert "oppdiktet" in published.case.summary
    assert all(c.stage_changes.exists() for c in collaborations)
    broker = published.case.owner
    assert broker.email == "megler@demo.kokeboka.no"
