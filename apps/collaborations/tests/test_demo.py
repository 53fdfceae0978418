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
    assert collaborations.filter(municipality_org__municipality__code="3201").count() >= 2
    assert collaborations.exclude(municipality_org__municipality__code="3201").exists()
    assert LogEntry.objects.count() >= collaborations.count()
    published = collaborations.get(case__isnull=False)
    assert published.stage == Stage.AVSLUTTET
    assert published.case.live
    assert published.case.outcomes.count() == 2
    assert all(c.stage_changes.exists() for c in collaborations)
    broker = published.case.owner
    assert broker.email == "megler@demo.kokeboka.no"
