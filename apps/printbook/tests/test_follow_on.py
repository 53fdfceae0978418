"""The book is laid out in two parts, the index after the rest with its page numbers written in
(docs/decisions/0031): the joined book must read as if it had been laid out in one piece."""

import re

import pydyf
import pytest
from wagtail.rich_text import RichText

from apps.cookbook.services import recipe_publish_revision
from apps.cookbook.tests.factories import RecipePageFactory, StepBlockFactory
from apps.printbook import pdf
from apps.printbook.pdf import FOLLOW_ON, anchor_pages, continuation_css, layout
from apps.printbook.selectors import book as book_contents
from apps.printbook.services import book_html

from .conftest import EDITION_DATE
from .pdfcheck import page_count, page_texts, reader

NBSP = "\u00a0"
LONG_TEXT = (
    "<p>" + " ".join(["Kommunen og entreprenøren avtaler hva som skal prøves."] * 40) + "</p>"
)


def _texts(document) -> list[str]:
    return [text.replace(NBSP, " ") for text in page_texts(document)]


@pytest.fixture
def long_book(book, settings):
    """The small book with a fourth recipe long enough to run over several pages, cited
    by the index ("markedsdialog" in its text)."""
    settings.PRINTBOOK_RENDER_ON_PUBLISH = False
    long = RecipePageFactory(
        parent=book["chapters"][1],
        title="En lang oppskrift om markedsdialog",
        slug="lang-oppskrift",
        steps=[
            ("step", StepBlockFactory(title=f"Steg {n}", text=RichText(LONG_TEXT)))
            for n in range(1, 7)
        ],
    )
    recipe_publish_revision(recipe=long, change_note="Første versjon")
    return {**book, "long": long}


@pytest.mark.django_db
def test_contents_and_index_give_the_first_page_of_a_long_recipe_and_the_index_runs_on(
    long_book,
):
    document = layout(html=book_html(contents=book_contents(on=EDITION_DATE), number=1))
    texts = _texts(document)
    anchored = [
        number
        for number, page in enumerate(document.pages, 1)
        if "oppskrift-lang-oppskrift" in page.anchors
    ]
    first = anchored[0]
    assert len(anchored) >= 2  # it really runs over pages
    assert re.search(r"En lang oppskrift om markedsdialog[ .]*" + str(first) + r"\b", texts[2])
    index = texts[-1]
    assert index.startswith("Stikkordregister")
    entry = re.search(r"markedsdialog ([\d, ]+)", index).group(1)
    assert str(first) in [number.strip() for number in entry.split(",")]
    assert str(anchored[-1]) not in [number.strip() for number in entry.split(",")]

    # The index runs on from the rest without a blank page.
    pages = anchor_pages(document)
    index_page = pages["register"]
    # The stand-in page is gone: the index directly follows the examples, and is last.
    assert pages["eksempler"] < index_page == len(document.pages)
    assert all(text.strip() for text in texts)
    assert (
        texts[index_page - 2].startswith("Eksempler")
        or "Papillon i Bergen" in texts[index_page - 2]
    )
    # Its footer goes on counting, and the contents give the page it starts on.
    assert re.search(rf"\b{index_page}$", texts[index_page - 1].strip())
    assert re.search(r"Stikkordregister[ .]*" + str(index_page) + r"\b", texts[2])
    # Bookmarks (PDF outline) still list the index, as the last chapter.
    content = document.write_pdf(**pdf.PDF_OPTIONS)
    outline = [item for item in reader(content).outline if not isinstance(item, list)]
    assert outline[-1].title == "Stikkordregister"
    assert page_count(content) == len(document.pages)


@pytest.mark.django_db
def test_every_number_in_the_index_is_a_link_to_that_recipe(book):
    document = layout(html=book_html(contents=book_contents(on=EDITION_DATE), number=1))
    content = document.write_pdf(**pdf.PDF_OPTIONS)
    pdf_reader = reader(content)
    index_page = pdf_reader.pages[-1]
    targets = []
    for annotation in index_page.get("/Annots", []):
        annotation = annotation.get_object()
        if annotation["/Subtype"] == "/Link" and "/Dest" in annotation:
            destination = annotation["/Dest"]
            if isinstance(destination, str):  # a named destination: the recipe's anchor
                destination = pdf_reader.named_destinations[destination]
            targets.append(pdf_reader.get_destination_page_number(destination) + 1)
            assert annotation.get("/StructParent") is not None  # tagged, as before
    contents = book_contents(on=EDITION_DATE)
    pages = anchor_pages(document)
    first_pages = {pages[f"oppskrift-{recipe.slug}"] for recipe in book["recipes"]}
    assert len(targets) == sum(len(entry.recipes) for entry in contents.index) > 0
    assert set(targets) <= first_pages


def test_a_follow_on_is_numbered_on_and_starts_on_the_side_of_its_first_page():
    html = (
        '<html lang="nb"><head><title>T</title></head><body>'
        '<p id="a">Én</p><p id="b" style="break-before: page">To</p>'
        '<div class="follow-on-start" id="slutt"></div></body></html>'
        + FOLLOW_ON
        + '<html lang="nb"><head><title>T</title></head><body><section id="slutt">'
        '<p>Se side <a href="#b" data-page-of="b"></a>.</p></section></body></html>'
    )
    document = layout(html=html)
    texts = _texts(document)
    assert len(document.pages) == 3
    assert texts[2].startswith("Se side 2.")
    assert texts[2].endswith("3")  # the footer counts on from the first part
    assert anchor_pages(document) == {"a": 1, "b": 2, "slutt": 3}
    assert "counter-reset: page 3" in continuation_css(first_page=3)
    assert "break-before: right" in continuation_css(first_page=3)
    assert "break-before: left" in continuation_css(first_page=4)


def test_a_follow_on_referring_to_a_page_the_book_lacks_is_refused():
    html = (
        '<html lang="nb"><body><p>Én</p><div class="follow-on-start" id="slutt"></div>'
        "</body></html>" + FOLLOW_ON + '<html lang="nb"><body><section id="slutt">'
        '<a href="#borte" data-page-of="borte"></a></section></body></html>'
    )
    with pytest.raises(ValueError, match="borte"):
        layout(html=html)


def test_a_first_part_without_a_stand_in_page_is_refused():
    """Dropping the first part's last page is only right when it holds nothing but the
    marker of where the follow-on starts."""
    html = (
        '<html lang="nb"><body><p id="innhold">Én</p></body></html>'
        + FOLLOW_ON
        + '<html lang="nb"><body><section id="slutt"><p>Register</p></section></body></html>'
    )
    with pytest.raises(ValueError, match="stand-in|follow-on"):
        layout(html=html)


def test_page_references_are_built_once_per_page_count_and_stay_the_same():
    """The memoised pydyf.PDF.page_references gives exactly what pydyf's own did, and
    follows pages added after it was first read."""
    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = document.page_references
    assert first == pdf._PYDYF_PAGE_REFERENCES.fget(document)
    assert document.page_references is first  # not rebuilt while no page is added
    document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(document.page_references) == 4
    assert document.page_references == pdf._PYDYF_PAGE_REFERENCES.fget(document)
