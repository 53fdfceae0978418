import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.cookbook import selectors
from apps.cookbook.models import Audience, Phase, RecipePage
from apps.cookbook.services import recipe_publish_revision
from apps.core.models import Sector

from .factories import ChapterPageFactory, LegalRuleFactory, RecipePageFactory, StepBlockFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def main(response) -> str:
    text = html(response)
    return text[text.index("<main") : text.index("</main>")]


def queries_for(client, url: str) -> int:
    cache.clear()  # neither the page cache nor Wagtail's site cache may hide queries
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# The index ------------------------------------------------------------------------------------


def test_index_shows_chapters_in_book_order_with_their_recipes(english, cookbook, chapter):
    second = ChapterPageFactory(parent=cookbook, title="Prøve ut sammen")
    RecipePageFactory(parent=chapter, title="Første oppskrift")
    RecipePageFactory(parent=second, title="Andre oppskrift")

    page = main(english.get("/kokeboka/"))

    positions = [page.index(text) for text in ("Forstå og møte", "Første oppskrift")]
    positions += [page.index(text) for text in ("Prøve ut sammen", "Andre oppskrift")]
    assert positions == sorted(positions)
    assert page.count("<h1") == 1


def test_index_filter_by_phase_lists_matches_with_count_and_chapter(english, chapter):
    RecipePageFactory(parent=chapter, title="Behovsoppskrift", phase=Phase.NEEDS)
    RecipePageFactory(parent=chapter, title="Skaleringsoppskrift", phase=Phase.SCALING)

    page = main(english.get("/kokeboka/?phase=behov"))

    assert "1 recipe matches" in page
    assert "Behovsoppskrift" in page
    assert "Skaleringsoppskrift" not in page
    chapter_link = f'<a class="ds-link" href="{chapter.url}">Forstå og møte</a>'
    assert f'<span lang="en">Chapter:</span> {chapter_link}' in page


def test_index_filter_by_sector(english, chapter):
    child_welfare = Sector.objects.get(code="barnevern")
    RecipePageFactory(parent=chapter, title="Barnevernsoppskrift", sectors=[child_welfare])
    RecipePageFactory(
        parent=chapter, title="Folkehelseoppskrift", sectors=[Sector.objects.get(code="folkehelse")]
    )

    page = main(english.get("/kokeboka/?sector=barnevern"))

    assert "1 recipe matches" in page
    assert "Barnevernsoppskrift" in page
    assert "Folkehelseoppskrift" not in page


def test_index_filter_by_audience(english, chapter):
    RecipePageFactory(parent=chapter, title="For kommunen", audience=Audience.MUNICIPALITY)
    RecipePageFactory(parent=chapter, title="For entreprenøren", audience=Audience.ENTREPRENEUR)

    page = main(english.get("/kokeboka/?audience=entreprenor"))

    assert "For entreprenøren" in page
    assert "For kommunen" not in page


def test_index_combined_filters(english, chapter):
    RecipePageFactory(
        parent=chapter, title="Treffer", phase=Phase.TRIAL, audience=Audience.MUNICIPALITY
    )
    RecipePageFactory(
        parent=chapter, title="Feil fase", phase=Phase.NEEDS, audience=Audience.MUNICIPALITY
    )
    RecipePageFactory(
        parent=chapter, title="Feil målgruppe", phase=Phase.TRIAL, audience=Audience.ENTREPRENEUR
    )

    page = main(english.get("/kokeboka/?phase=utproving&audience=kommune&sector="))

    assert "1 recipe matches" in page
    assert "Treffer" in page
    assert "Feil fase" not in page and "Feil målgruppe" not in page


def test_index_with_no_match_says_so(english, chapter):
    RecipePageFactory(parent=chapter, phase=Phase.NEEDS)
    page = main(english.get("/kokeboka/?phase=skalering"))
    assert "0 recipes match" in page
    assert "No recipe matches all the chosen filters" in page


def test_invalid_filter_values_give_a_clear_message_and_the_whole_book(english, chapter):
    RecipePageFactory(parent=chapter, title="Alltid med")

    page = main(english.get("/kokeboka/?phase=matlaging&sector=finnes-ikke"))

    assert "ds-error-summary" in page
    assert "Some filter values could not be used" in page
    assert 'href="#id_phase"' in page and 'href="#id_sector"' in page
    assert 'aria-invalid="true"' in page
    assert "Alltid med" in page


def test_index_never_shows_unpublished_recipes_or_chapters(english, cookbook, chapter):
    RecipePageFactory(parent=chapter, title="Synlig oppskrift", phase=Phase.NEEDS)
    RecipePageFactory(parent=chapter, title="Hemmelig utkast", phase=Phase.NEEDS, live=False)
    draft_chapter = ChapterPageFactory(parent=cookbook, title="Kladdkapittel", live=False)
    RecipePageFactory(parent=draft_chapter, title="Under kladd", phase=Phase.NEEDS)

    for url in ("/kokeboka/", "/kokeboka/?phase=behov"):
        page = main(english.get(url))
        assert "Synlig oppskrift" in page
        for hidden in ("Hemmelig utkast", "Kladdkapittel", "Under kladd"):
            assert hidden not in page


def test_index_filter_fields_are_labelled(english, cookbook):
    page = main(english.get("/kokeboka/"))
    for name in ("phase", "sector", "audience"):
        assert f'<label class="ds-label" for="id_{name}">' in page
    assert 'method="get"' in page


@pytest.mark.parametrize("query", ["", "?phase=dialog&audience=kommune"])
def test_index_query_count_does_not_grow_with_the_number_of_recipes(
    english, cookbook, chapter, query
):
    sectors = list(Sector.objects.all()[:2])
    other_chapter = ChapterPageFactory(parent=cookbook)
    for number in range(10):
        RecipePageFactory(parent=(chapter, other_chapter)[number % 2], sectors=sectors)
    few = queries_for(english, "/kokeboka/" + query)
    for number in range(50):
        RecipePageFactory(parent=(chapter, other_chapter)[number % 2], sectors=sectors)
    many = queries_for(english, "/kokeboka/" + query)
    assert len(selectors.recipe_index()) == 60
    assert many == few


# Chapter -------------------------------------------------------------------------------------


def test_chapter_page_lists_its_published_recipes_in_order_with_tags(english, chapter):
    sector = Sector.objects.get(code="helse_omsorg")
    RecipePageFactory(parent=chapter, title="Først", phase=Phase.NEEDS, sectors=[sector])
    RecipePageFactory(parent=chapter, title="Deretter", summary="Kort om den andre.")
    RecipePageFactory(parent=chapter, title="Kladd", live=False)

    page = main(english.get(chapter.url))

    assert page.index("Først") < page.index("Deretter")
    assert "Kort om den andre." in page
    assert "Needs" in page and "Health and care" in page
    assert "Kladd" not in page
    assert "ds-tag" in page


def test_chapter_query_count_does_not_grow(english, chapter):
    for _ in range(10):
        RecipePageFactory(parent=chapter)
    few = queries_for(english, chapter.url)
    for _ in range(50):
        RecipePageFactory(parent=chapter)
    assert queries_for(english, chapter.url) == few


# Recipe --------------------------------------------------------------------------------------


@pytest.fixture
def recipe(chapter):
    verified = LegalRuleFactory(
        code="foa-8-8",
        citation="FOA § 8-8",
        title="Reserverte kontrakter",
        source_url="https://lovdata.no/dokument/SF/forskrift/2016-08-12-974/KAPITTEL_2-1#%C2%A78-8",
    )
    unverified = LegalRuleFactory(code="foa-5-4", citation="FOA § 5-4", verified=False)
    pending = LegalRuleFactory(
        code="prop-147-l", citation="Prop. 147 L", valid_from=None, pending=True, verified=False
    )
    expired = LegalRuleFactory(
        code="gammel", citation="FOA § 1-1", valid_to=datetime.date(2018, 4, 5)
    )
    related = RecipePageFactory(parent=chapter, title="Relatert oppskrift")
    draft_related = RecipePageFactory(parent=chapter, title="Relatert kladd", live=False)
    recipe = RecipePageFactory(
        parent=chapter,
        title="Reservert kontrakt",
        sectors=[Sector.objects.get(code="arbeid_inkludering")],
        audience=Audience.MUNICIPALITY,
        legal_rules=[(verified, "Gjelder del II"), unverified, pending, expired],
        related=[related, draft_related],
        steps=[
            ("step", StepBlockFactory(title="Sjekk vilkårene", tip="Spør KS.", pitfall="")),
            ("step", StepBlockFactory(title="Kunngjør", tip="", pitfall="Glem ikke Doffin.")),
        ],
    )
    recipe_publish_revision(recipe=recipe, change_note="Første versjon")
    return recipe


def test_recipe_page_shows_rules_with_sources_and_marks_unverified_and_pending(english, recipe):
    page = main(english.get(recipe.url))

    assert "The law that applies" in page
    assert (
        'href="https://lovdata.no/dokument/SF/forskrift/2016-08-12-974/KAPITTEL_2-1#%C2%A78-8"'
        in page
    )
    assert 'href="/regelverk/#foa-8-8"' in page
    assert "Reserverte kontrakter" in page
    assert "Gjelder del II" in page
    assert "In force since 1. January 2017" in page
    assert "no longer in force" in page
    cards = {
        code: page[page.index(f'id="regel-{code}"') :].split("</li>\n")[0]
        for code in ("foa-8-8", "foa-5-4", "prop-147-l")
    }
    assert "Not verified – to be checked" not in cards["foa-8-8"]
    assert "Not verified – to be checked" in cards["foa-5-4"]
    assert "Proposed, not in force" in cards["prop-147-l"]
    assert "Proposed, not in force" not in cards["foa-5-4"]


def test_recipe_page_shows_content_in_order_with_labelled_tips_and_pitfalls(english, recipe):
    page = main(english.get(recipe.url))

    assert page.count("<h1") == 1
    headings = [int(level) for level in re.findall(r"<h([1-6])", page)]
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False))
    assert page.index("When the recipe fits") < page.index("What it takes")
    assert page.index("What it takes") < page.index("Steps")
    # English labels inside the Norwegian content keep their own language (WCAG 3.1.2).
    assert '<dt lang="en">Who</dt>' in page
    assert '<ol class="recipe-steps">' in page
    assert '<div class="ds-alert recipe-step__note" data-color="success">' in page
    assert '<strong lang="en">Tip:</strong> Spør KS.' in page
    assert '<strong lang="en">Pitfall:</strong> Glem ikke Doffin.' in page
    assert "Municipality" in page and "Dialogue" in page and "Work and inclusion" in page
    assert "Relatert oppskrift" in page
    assert "Relatert kladd" not in page
    assert f'href="{recipe.url}endringer/"' in page
    assert "Last updated" in page


def test_recipe_page_has_breadcrumbs_to_the_book_and_chapter(english, recipe, chapter):
    text = html(english.get(recipe.url))
    crumbs = text[text.index("ds-breadcrumbs") : text.index("</nav>", text.index("ds-breadcrumbs"))]
    assert 'href="/kokeboka/"' in crumbs
    assert f'href="{chapter.url}"' in crumbs
    assert 'aria-current="page"' in crumbs


def test_recipe_page_query_count_is_small(english, recipe):
    # 3 of them find the content's language and versions: Wagtail's active locale for the
    # site's root, and the recipe's bokmål/nynorsk versions for hreflang and lang marking.
    assert queries_for(english, recipe.url) <= 23


def test_unpublished_recipe_is_not_served(client, chapter):
    draft = RecipePageFactory(parent=chapter, live=False)
    assert client.get(f"{chapter.url}{draft.slug}/").status_code == 404


# Change log and comparison --------------------------------------------------------------------


@pytest.fixture
def history(recipe):
    """The recipe with three published versions and one unpublished draft."""
    first = recipe.live_revision
    recipe = RecipePage.objects.get(pk=recipe.pk)
    recipe.summary = "Et nytt og bedre sammendrag."
    second = recipe_publish_revision(recipe=recipe, change_note="Nytt sammendrag")
    steps = list(recipe.steps)
    recipe.steps = [
        ("step", steps[0].value),
        ("step", StepBlockFactory(title="Les regelverket", tip="Bruk veiviseren.")),
        ("step", steps[1].value),
    ]
    third = recipe_publish_revision(recipe=recipe, change_note="Nytt steg om regelverket")
    recipe.summary = "Et utkast ingen skal se."
    recipe.change_note = "Hemmelig utkast"
    draft = recipe.save_revision()
    return recipe, [first, second, third], draft


def test_change_log_lists_published_revisions_newest_first_with_notes(english, history):
    recipe, (first, second, third), _draft = history

    page = main(english.get(f"{recipe.url}endringer/"))

    notes = ["Nytt steg om regelverket", "Nytt sammendrag", "Første versjon"]
    assert [page.index(note) for note in notes] == sorted(page.index(note) for note in notes)
    assert "Hemmelig utkast" not in page
    assert f'href="{recipe.url}endringer/{second.pk}/{third.pk}/"' in page
    assert f'href="{recipe.url}endringer/{first.pk}/{second.pk}/"' in page
    assert '<th scope="col">' in page


def test_change_log_dates_are_shown_in_oslo_time(english, history):
    recipe, _revisions, _draft = history
    published = selectors.published_revisions(recipe=recipe)[0].published_at
    oslo = published.astimezone(ZoneInfo("Europe/Oslo"))

    page = main(english.get(f"{recipe.url}endringer/"))

    assert f'<time datetime="{oslo.isoformat()}">' in page
    assert oslo.strftime("%H:%M") in page


def test_compare_view_shows_a_step_by_step_diff(english, history):
    recipe, (first, second, third), _draft = history

    summary_page = main(english.get(f"{recipe.url}endringer/{first.pk}/{second.pk}/"))
    assert "<del>" in summary_page and "<ins>" in summary_page
    assert "[removed: </span>" in summary_page and "[added: </span>" in summary_page
    inserted = re.findall(r"<ins>(.*?)</ins>", summary_page)
    assert any("bedre sammendrag." in text for text in inserted)
    fields = summary_page[: summary_page.index('id="steps-heading"')]
    assert "Changed" in fields and "Unchanged" in fields

    steps_page = main(english.get(f"{recipe.url}endringer/{second.pk}/{third.pk}/"))
    step_section = steps_page[steps_page.index('id="steps-heading"') :]
    assert "Les regelverket" in step_section
    assert "Added" in step_section
    assert "Was step 2." in step_section
    assert "Bruk veiviseren." in step_section


@pytest.mark.parametrize("which", ["draft", "other_recipe", "missing"])
def test_compare_view_is_404_for_revisions_that_are_not_published_ones_of_this_recipe(
    client, history, chapter, which
):
    recipe, (first, _second, third), draft = history
    other = RecipePageFactory(parent=chapter)
    foreign = recipe_publish_revision(recipe=other, change_note="Annen")
    old_id, new_id = {
        "draft": (third.pk, draft.pk),
        "other_recipe": (foreign.pk, third.pk),
        "missing": (first.pk, 987654),
    }[which]
    assert client.get(f"{recipe.url}endringer/{old_id}/{new_id}/").status_code == 404
