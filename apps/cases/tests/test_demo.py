import pytest

from apps.cases import demo, demo_content
from apps.cases.models import CaseIndexPage, CasePage
from apps.cookbook.tests.factories import RecipePageFactory

pytestmark = pytest.mark.django_db


def test_demo_builds_at_least_fifteen_published_examples_and_is_idempotent(home_page, chapter):
    recipe = RecipePageFactory(parent=chapter, title="Effektkontrakt", slug="effektkontrakt")

    demo.load(home=home_page)
    demo.load(home=home_page)

    index = CaseIndexPage.objects.get()
    assert index.live and index.url == "/eksempler/"
    cases = CasePage.objects.child_of(index)
    assert cases.count() == len(demo_content.CASES) >= 15
    assert all(case.live for case in cases)
    assert all(case.municipality_id for case in cases)
    assert all(case.summary and case.story for case in cases)
    lier = cases.get(slug="lier-trygg-av-natur-effektkontrakt")
    # The other slugs of this example are not in this small book and were skipped.
    assert [r.slug for r in lier.recipes.all()] == ["effektkontrakt"]
    assert lier.municipality.code == "3312"
    assert recipe.cases.count() == 1


def test_demo_marks_what_is_unconfirmed(home_page):
    demo.load(home=home_page)

    young_happy_minds = CasePage.objects.get(slug="young-happy-minds-baerum")
    assert "ikke" in young_happy_minds.unconfirmed_note
    assert young_happy_minds.collaboration_form == ""
    fund = CasePage.objects.get(slug="baerum-fond-for-sosiale-entreprenorer")
    assert [str(o.value) for o in fund.outcomes.all()] == ["10000000.00", "2000000.00"]


def test_demo_examples_are_shown(client, home_page):
    demo.load(home=home_page)

    listing = client.get("/eksempler/")
    overview = client.get("/eksempler/fylker/")
    page = client.get("/eksempler/baerum-fond-for-sosiale-entreprenorer/")

    assert listing.status_code == overview.status_code == page.status_code == 200
    assert listing.context["case_count"] == len(demo_content.CASES)
    assert "2\u00a0000\u00a0000" in page.content.decode()
