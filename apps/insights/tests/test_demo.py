import pytest

from apps.insights import demo
from apps.insights.models import RouteGuideTally

pytestmark = pytest.mark.django_db


def test_demo_tallies_load_twice_without_growing():
    demo.load()
    first = list(RouteGuideTally.objects.values_list("day", "question", "answer", "count"))
    demo.load()
    assert sorted(first) == sorted(
        RouteGuideTally.objects.values_list("day", "question", "answer", "count")
    )
    assert len(first) == demo.DAYS * len(demo.DAILY)
