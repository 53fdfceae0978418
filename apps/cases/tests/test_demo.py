import pytest

from apps.cases import demo
from apps.cases.demo_files import FOLDER, read_demo_content
from apps.cases.models import CaseIndexPage, CasePage
from apps.cookbook.tests.factories import RecipePageFactory
from apps.core.content_files import ContentFileError
from tests.content import broken_copy

pytestmark = pytest.mark.django_db


def test_demo_builds_its_published_examples_and_is_idempotent(home_page, chapter):
    recipe = RecipePageFactory(parent=chapter, title="Effektkontrakt", slug="effektkontrakt")

    demo.load(home=home_page)
    demo.load(home=home_page)

    index = CaseIndexPage.objects.get()
    assert index.live and index.url == "/eksempler/"
    cases = CasePage.objects.child_of(index)
    assert cases.count() == len(read_demo_content().cases) >= 10
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
    assert listing.context["case_count"] == len(read_demo_content().cases)
    assert "2\u00a0000\u00a0000" in page.content.decode()


def test_demo_unpublishes_examples_withdrawn_for_want_of_a_source(home_page):
    from apps.cases.tests.factories import CasePageFactory

    demo.load(home=home_page)
    index = CaseIndexPage.objects.get()
    withdrawn_slug = demo.WITHDRAWN_SLUGS[0]
    CasePageFactory(parent=index, slug=withdrawn_slug, title="Et eldre demoeksempel")
    assert CasePage.objects.get(slug=withdrawn_slug).live

    demo.load(home=home_page)

    assert not CasePage.objects.get(slug=withdrawn_slug).live
    assert CasePage.objects.live().filter(slug="lier-trygg-av-natur-effektkontrakt").exists()


def test_demo_rewrites_the_old_intro_that_promised_only_real_collaborations(home_page):
    demo.load(home=home_page)
    index = CaseIndexPage.objects.get()
    index.intro = demo.OLD_INTRO_START + " og sosiale entreprenører."
    index.save_revision().publish()

    demo.load(home=home_page)

    index.refresh_from_db()
    assert index.intro == read_demo_content().index.body
    assert "fiktivt eksempel" in index.intro


def test_every_example_file_is_read_and_checked():
    content = read_demo_content()

    assert (content.index.slug, content.index.title) == ("eksempler", "Eksempler")
    assert len(content.cases) == 11
    assert content.cases[0].slug == "trondheim-jodacare-betalt-pilot"
    assert all(case.story and case.sources for case in content.cases)
    fund = next(c for c in content.cases if c.slug == "baerum-fond-for-sosiale-entreprenorer")
    assert fund.lessons.startswith("- Fondet er internt.")
    assert fund.lessons.count("\n- ") == 1
    socentral = next(c for c in content.cases if c.slug == "oslo-socentral-boost-refugee")
    assert socentral.lessons == ""


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("- ungdom", "- ungdommer", "target_groups.1"),
        ("form: effektkontrakt", "form: effektavtale", "form"),
        ("municipality: '3312'", "municipality: '3399'", "municipality"),
        ("## Erfaringer", "## Lærdom", "body"),
        ("sources:", "kilder:", "sources"),
    ],
)
def test_a_broken_example_file_names_the_file_and_the_field(tmp_path, old, new, field):
    example = "eksempler/03-lier-trygg-av-natur-effektkontrakt.md"
    folder, _path = broken_copy(FOLDER, tmp_path, example, old, new)

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)

    assert caught.value.path.name == "03-lier-trygg-av-natur-effektkontrakt.md"
    assert caught.value.field == field
