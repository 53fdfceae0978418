import pytest

from apps.cases import demo, demo_content
from apps.cases.models import CaseIndexPage, CasePage
from apps.cookbook.tests.factories import RecipePageFactory

pytestmark = pytest.mark.django_db


def test_demo_builds_its_published_examples_and_is_idempotent(home_page, chapter):
    recipe = RecipePageFactory(parent=chapter, title="Effektkontrakt", slug="effektkontrakt")

    demo.load(home=home_page)
    demo.load(home=home_page)

    index = CaseIndexPage.objects.get()
    assert index.live and index.url == "/eksempler/"
    cases = CasePage.objects.child_of(index)
    assert cases.count() == len(demo_content.CASES) >= 10
    assert all(case.live for case in cases)
    assert all(case.municipality_id for case in cases)
    assert all(case.summary and case.story for case in cases)
    lier = cases.get(slug="lier-trygg-av-natur-effektkontrakt")
    # The other slugs of this example are not in this small book and were skipped.
    assert [r.slug for r in lier.recipes.all()] == ["effektkontrakt"]
    assert lier.municipality.code == "3312"
    assert recipe.cases.count() == 1


def test_demo_examples_state_only_sourced_facts(home_page):
    demo.load(home=home_page)

    cases = CasePage.objects.all()
    # Every real example names its sources; open questions are for editors, not readers.
    assert all(case.sources.exclude(url="").exists() for case in cases)
    assert not cases.exclude(unconfirmed_note="").exists()
    young_happy_minds = CasePage.objects.get(slug="young-happy-minds-baerum")
    assert young_happy_minds.collaboration_form == ""
    assert "tanketanken.no" in " ".join(s.url for s in young_happy_minds.sources.all())
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


def test_demo_unpublishes_examples_withdrawn_for_want_of_a_source(home_page):
    from apps.cases.tests.factories import CasePageFactory

    demo.load(home=home_page)
    index = CaseIndexPage.objects.get()
    withdrawn_slug = demo_content.WITHDRAWN_SLUGS[0]
    CasePageFactory(parent=index, slug=withdrawn_slug, title="Et eldre demoeksempel")
    assert CasePage.objects.get(slug=withdrawn_slug).live

    demo.load(home=home_page)

    assert not CasePage.objects.get(slug=withdrawn_slug).live
    assert CasePage.objects.live().filter(slug="lier-trygg-av-natur-effektkontrakt").exists()


def test_demo_rewrites_the_old_intro_that_promised_only_real_collaborations(home_page):
    demo.load(home=home_page)
    index = CaseIndexPage.objects.get()
    index.intro = demo_content.OLD_INTRO_START + " og sosiale entreprenører."
    index.save_revision().publish()

    demo.load(home=home_page)

    index.refresh_from_db()
    assert index.intro == demo_content.INDEX["intro"]
    assert "fiktivt eksempel" in index.intro
