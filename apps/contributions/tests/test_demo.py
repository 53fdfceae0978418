import pytest

from apps.contributions import demo, selectors
from apps.contributions.demo_files import FOLDER, read_demo_content
from apps.contributions.models import SuggestedChange, Tip
from apps.core.content_files import ContentFileError
from tests.content import broken_copy

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


def test_the_contributions_file_is_read_and_checked():
    content = read_demo_content()

    assert [member.email for member in content.members] == [
        "demo.ingrid@example.no",
        "demo.jonas@example.no",
    ]
    assert [tip.status for tip in content.tips] == ["published"] * 3 + ["pending"]
    assert [report.municipality for report in content.tried_reports] == ["9901", "9902"]
    assert content.suggested_changes[0].field == "summary"


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("author: demo.jonas@example.no", "author: demo.kari@example.no", "tips"),
        ("outcome: partly", "outcome: halvveis", "tried_reports.2.outcome"),
        ("status: pending", "status: hidden", "tips.4.status"),
    ],
)
def test_a_broken_contributions_file_names_the_file_and_the_field(tmp_path, old, new, field):
    folder, _path = broken_copy(FOLDER, tmp_path, "contributions.yaml", old, new)

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)

    assert caught.value.path.name == "contributions.yaml"
    assert caught.value.field == field
