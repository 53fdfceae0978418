import pytest

from apps.contributions import demo, selectors
from apps.contributions.models import SuggestedChange, Tip

pytestmark = pytest.mark.django_db


def test_demo_loads_once(recipe):
    assert demo.load() == 7
    assert demo.load() == 0
    assert Tip.objects.published().count() == 3
    assert Tip.objects.pending().count() == 1
    assert selectors.recipe_tried_count(recipe=recipe) == 2
    assert SuggestedChange.objects.count() == 1


def test_demo_without_recipes_does_nothing(db):
    assert demo.load() == 0
