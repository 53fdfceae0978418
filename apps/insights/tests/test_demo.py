import pytest

from apps.core.content_files import ContentFileError
from apps.insights import demo
from apps.insights.demo_files import FOLDER, read_demo_content
from apps.insights.models import RouteGuideTally
from tests.content import broken_copy

pytestmark = pytest.mark.django_db


def test_demo_tallies_load_twice_without_growing():
    demo.load()
    first = list(RouteGuideTally.objects.values_list("day", "question", "answer", "count"))
    demo.load()
    assert sorted(first) == sorted(
        RouteGuideTally.objects.values_list("day", "question", "answer", "count")
    )
    content = read_demo_content()
    assert len(first) == content.days * len(content.answers_per_day) == 28 * 15


def test_a_question_the_route_guide_does_not_count_names_the_file_and_the_field(tmp_path):
    folder, _path = broken_copy(
        FOLDER, tmp_path, "route_guide_tallies.yaml", "question: authority", "question: mood"
    )

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)

    assert caught.value.path.name == "route_guide_tallies.yaml"
    assert caught.value.field == "answers_per_day.12.question"
