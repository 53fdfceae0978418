"""The demo book's files (content/demo/cookbook/) are read, checked and turned into the data the
builder publishes; a broken file names itself and the field that is wrong."""

import shutil

import pytest
import yaml

from apps.cookbook import demo, demo_files, selectors
from apps.cookbook.models import Audience, ChapterPage, Phase, RecipePage
from apps.core.content_files import ContentFileError
from apps.rules.demo import load as load_rules
from apps.rules.loader import read_data as read_rules
from tests.content import broken_copy

BOOK = demo_files.COOKBOOK_DIR


@pytest.fixture(scope="module")
def content():
    return demo_files.read_demo_content()


@pytest.fixture
def book(tmp_path):
    """A copy of the real book to break."""
    folder = tmp_path / "cookbook"
    shutil.copytree(BOOK, folder)
    return folder


def error_for(folder) -> ContentFileError:
    with pytest.raises(ContentFileError) as caught:
        demo_files.read_demo_content(folder)
    return caught.value


# --- the real files -------------------------------------------------------------------------


def test_every_file_of_the_book_is_read_and_checked(content):
    assert len(content.chapters) == 5
    assert len(content.recipes) == 18
    assert sum(len(chapter.recipes) for chapter in content.chapters) == 18
    assert len(content.history) == 8
    assert sum(len(changes) for changes in content.history.values()) == 10
    assert set(content.nn_chapters) == {chapter.slug for chapter in content.chapters}
    assert len(content.nn_recipes) == 5
    assert set(content.nn_recipes) <= set(content.recipes)
    files = sorted(path.relative_to(BOOK).as_posix() for path in BOOK.rglob("*") if path.is_file())
    assert len(files) == 1 + 5 + 18 + 8 + 1 + 5 + 5
    assert all(name.endswith((".md", ".yaml")) for name in files)


def test_every_cited_rule_and_related_recipe_exists(content):
    shipped = {spec["code"] for spec in read_rules()[0]}
    for recipe in content.recipes.values():
        assert recipe.legal_rules, recipe.slug
        assert set(recipe.legal_rules) <= shipped, recipe.slug
        assert recipe.related and set(recipe.related) <= set(content.recipes), recipe.slug


def test_the_choices_are_the_models_choices():
    assert tuple(Phase.values) == demo_files.PHASES
    assert tuple(Audience.values) == demo_files.AUDIENCES


def test_a_recipe_file_reads_as_the_recipe_does_now(content):
    recipe = content.recipes["markedsdialog-for-anskaffelsen"]
    assert recipe.body.startswith("Dere vet hva som skal bli bedre")
    assert "\n## Still åpne spørsmål\n" in recipe.body
    step = recipe.steps[2]
    assert step.title == "Still åpne spørsmål"
    assert step.text.startswith("Spør hva som er mulig, ikke hvem som er best.")
    assert "\n- Hvordan ville dere målt om tjenesten virker?\n" in step.text
    assert step.tip == (
        "Send spørsmålene ut på forhånd. Da får også små virksomheter tid til å forberede seg."
    )
    assert step.pitfall == ""
    assert recipe.steps[0].pitfall == "Å invitere bare dem dere kjenner fra før."


def test_the_history_replays_forwards_from_the_first_version(content):
    chapters = demo_files.chapters_data(content)
    recipes = {recipe["slug"]: recipe for chapter in chapters for recipe in chapter["recipes"]}
    under = recipes["kjop-under-100000"]
    now = content.recipes["kjop-under-100000"]
    # The first version is what the oldest change's `before` says; the last change gives the
    # text of the recipe file.
    assert "Når samlet verdi er under 100 000 kroner" in under["situation"]
    assert [revision["change_note"] for revision in under["revisions"]] == [
        "La til omtale av forslaget om ny nedre grense i Prop. 147 L.",
        "Stortinget vedtok ny nedre terskelverdi på 500 000 kroner fra 1. juli 2026 "
        "(Innst. 38 L (2025–2026)).",
    ]
    assert "Prop. 147 L" in under["revisions"][0]["set"]["situation"]
    assert under["revisions"][1] == {
        "change_note": under["revisions"][1]["change_note"],
        "set": {"situation": now.situation},
    }
    contact = recipes["entreprenoren-tar-kontakt"]
    assert contact["steps"][0]["pitfall"] == ""
    assert set(contact["revisions"][0]) == {"change_note", "steps"}
    assert contact["revisions"][0]["steps"][0]["pitfall"].startswith("Å love et oppdrag")
    assert "revisions" not in recipes["start-med-behovet"]


def test_plain_text_joins_wrapped_lines_and_keeps_paragraphs_and_bullets():
    text = "  Første linje\n  fortsetter her.\n\nListe:\n- en\n  fortsatt en\n- to\n\n\n"
    assert demo_files.plain_text(text) == (
        "Første linje fortsetter her.\n\nListe:\n- en fortsatt en\n- to"
    )


@pytest.mark.django_db
def test_the_site_shows_what_the_files_hold(home_page, content):
    load_rules()
    demo.load(home=home_page)

    assert [chapter.slug for chapter in ChapterPage.objects.live().order_by("path")] == [
        chapter.slug for chapter in content.chapters
    ]
    assert [recipe.slug for recipe in selectors.recipe_index()] == list(content.recipes)
    page = RecipePage.objects.get(slug="kjop-under-100000")
    assert page.summary == content.recipes["kjop-under-100000"].summary
    assert [step.value["title"] for step in page.steps] == [
        step.title for step in content.recipes["kjop-under-100000"].steps
    ]
    assert [entry.change_note for entry in selectors.published_revisions(recipe=page)] == [
        *reversed([change.change_note for change in content.history["kjop-under-100000"]]),
        content.index.first_change_note,
    ]


# --- broken files name the file and the field --------------------------------------------------


def test_a_misspelt_front_matter_field_names_the_file_and_the_field(tmp_path):
    book, path = broken_copy(BOOK, tmp_path, "recipes/effektkontrakt.md", "\nphase: ", "\nfase: ")
    error = error_for(book)
    assert error.path == path
    assert error.field == "phase"
    assert "recipes/effektkontrakt.md: phase: Field required" in str(error)


def test_an_unknown_choice_names_the_field(tmp_path):
    book, _path = broken_copy(
        BOOK, tmp_path, "recipes/effektkontrakt.md", "\naudience: ", "\naudience: alle #"
    )
    error = error_for(book)
    assert error.field == "audience"
    assert "Input should be 'kommune', 'entreprenor' or 'begge'" in error.message


def test_a_step_without_text_names_the_step(tmp_path):
    book, path = broken_copy(
        BOOK,
        tmp_path,
        "recipes/markedsdialog-for-anskaffelsen.md",
        "## Beskytt forretningshemmeligheter\n\n",
        "## Beskytt forretningshemmeligheter\n\n**Tips:** ",
    )
    error = error_for(book)
    assert error.path == path
    assert error.field == "steps.4.text"
    assert error.message.startswith("Value error, this text is empty")


def test_a_tip_given_twice_names_the_step(tmp_path):
    book, _path = broken_copy(
        BOOK,
        tmp_path,
        "recipes/markedsdialog-for-anskaffelsen.md",
        "\n\n**Tips:** Send spørsmålene ut på forhånd.",
        "\n\n**Tips:** Ett tips.\n\n**Tips:** Send spørsmålene ut på forhånd.",
    )
    error = error_for(book)
    assert error.field == "steps.3"
    assert "«**Tips:**» is written twice in this step" in error.message


def test_a_recipe_without_situation_says_so(book):
    path = book / "nn" / "recipes" / "start-med-behovet.md"
    text = path.read_text(encoding="utf-8")
    front, _rest = text.split("\n---\n", 1)
    steps = text[text.index("\n## ") :]
    path.write_text(f"{front}\n---\n{steps}", encoding="utf-8")
    error = error_for(book)
    assert error.path == path
    assert error.field == "situation"


def test_a_slug_that_is_not_the_file_name_is_refused(tmp_path):
    book, path = broken_copy(
        BOOK,
        tmp_path,
        "recipes/effektkontrakt.md",
        "slug: effektkontrakt\n",
        "slug: effektkontrakter\n",
    )
    error = error_for(book)
    assert (error.path, error.field) == (path, "slug")
    assert "must be «effektkontrakt»" in error.message


def test_a_chapter_listing_a_missing_recipe_names_the_position(tmp_path):
    book, path = broken_copy(
        BOOK,
        tmp_path,
        "chapters/05-skaler-og-mal.md",
        "- male-sosiale-resultater\n",
        "- male-resultater\n",
    )
    error = error_for(book)
    assert (error.path, error.field) == (path, "recipes.2")
    assert error.message == "no recipe «male-resultater»"


def test_a_recipe_in_the_wrong_chapter_is_refused(tmp_path):
    book, path = broken_copy(
        BOOK,
        tmp_path,
        "recipes/effektkontrakt.md",
        "chapter: prov-ut-og-finansier\n",
        "chapter: skaler-og-mal\n",
    )
    error = error_for(book)
    assert (error.path, error.field) == (path, "chapter")
    assert "«prov-ut-og-finansier» lists it" in error.message


def test_an_unknown_related_recipe_names_the_position(tmp_path):
    book, path = broken_copy(
        BOOK,
        tmp_path,
        "recipes/start-med-behovet.md",
        "- kommunen-som-megler\n",
        "- kommunen-som-meglar\n",
    )
    error = error_for(book)
    assert (error.path, error.field) == (path, "related.1")


def test_a_change_that_changes_nothing_is_refused(book):
    path = book / "history" / "soke-kommunalt-innovasjonsfond.yaml"
    now = demo_files.read_demo_content(book).recipes["soke-kommunalt-innovasjonsfond"]
    changes = yaml.safe_load(path.read_text(encoding="utf-8"))
    changes[0]["before"]["summary"] = now.summary
    path.write_text(yaml.safe_dump(changes, allow_unicode=True), encoding="utf-8")
    error = error_for(book)
    assert (error.path, error.field) == (path, "1.before.summary")
    assert error.message == "the same as after the change"


def test_a_nynorsk_file_must_translate_a_bokmal_page(book):
    source = book / "nn" / "recipes" / "start-med-behovet.md"
    target = book / "nn" / "recipes" / "finst-ikkje.md"
    target.write_text(
        source.read_text(encoding="utf-8").replace("slug: start-med-behovet", "slug: finst-ikkje"),
        encoding="utf-8",
    )
    error = error_for(book)
    assert (error.path, error.field) == (target, "slug")


def test_an_empty_folder_is_an_error_not_an_emptier_book(book):
    shutil.rmtree(book / "recipes")
    (book / "recipes").mkdir()
    error = error_for(book)
    assert error.path == book / "recipes"
    assert error.message == "no .md files here"
