"""The demo's small Markdown: wrapped lines, paragraphs, bullet items and links become the
same text and rich text every time, and Markdown it does not know is refused."""

import pytest

from apps.core.content_files import ContentFileError
from apps.core.demo_files import PageText
from apps.core.demo_markdown import check_prose, read_pages, slug_of, to_html, unwrap


def test_wrapped_lines_join_and_bullets_keep_their_own_line():
    text = "Første linje\n  fortsetter.\n\nListe:\n- én\n  to\n- tre\n\n\nSlutt."

    assert unwrap(text) == "Første linje fortsetter.\n\nListe:\n- én to\n- tre\n\nSlutt."


def test_html_has_paragraphs_lists_links_and_escapes_the_rest():
    html = to_html(
        "Først <b>\nsamme avsnitt.\n\nListe:\n- én\n- to & tre\n\n"
        "Skriv til [post@kokeboka.no](mailto:post@kokeboka.no) eller les\n"
        "[uutilsynet.no](https://www.uutilsynet.no/)."
    )

    assert html == (
        "<p>Først &lt;b&gt; samme avsnitt.</p><p>Liste:</p>"
        "<ul><li>én</li><li>to &amp; tre</li></ul>"
        '<p>Skriv til <a href="mailto:post@kokeboka.no">post@kokeboka.no</a> eller les '
        '<a href="https://www.uutilsynet.no/">uutilsynet.no</a>.</p>'
    )


def test_a_wrapped_line_that_starts_with_a_number_stays_in_its_paragraph():
    assert (
        to_html("Grensen gjelder fra\n1. juli 2026.") == "<p>Grensen gjelder fra 1. juli 2026.</p>"
    )


def test_a_link_to_another_scheme_is_left_as_text():
    assert to_html("[klikk](javascript:alert(1))") == "<p>[klikk](javascript:alert(1))</p>"


@pytest.mark.parametrize(
    "text",
    ["### Under\ntekst", "* punkt", "Tekst med <b>fet</b> skrift", "Tekst\n# Overskrift"],
)
def test_markdown_it_does_not_know_is_refused(text):
    with pytest.raises(ValueError):
        check_prose(text)


def test_pages_take_their_slug_from_the_file_name(tmp_path):
    page = "---\ntitle: Om oss\nintro: Kort.\n---\n\n## Del\n\nTekst.\n"
    (tmp_path / "02-om-oss.md").write_text(page, encoding="utf-8")
    (tmp_path / "01-kontakt.md").write_text(page.replace("Om oss", "Kontakt"), encoding="utf-8")

    pages = read_pages(tmp_path, PageText)

    assert [(p.slug, p.title) for p in pages] == [("kontakt", "Kontakt"), ("om-oss", "Om oss")]
    assert pages[1].parts == [("Del", "<p>Tekst.</p>")]
    assert slug_of(tmp_path / "07-a-b.md") == "a-b"


def test_a_slug_in_the_front_matter_or_a_bad_file_name_is_refused(tmp_path):
    page = "---\ntitle: Om oss\nintro: Kort.\n---\n\n## Del\n\nTekst.\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "om-oss.md").write_text(page.replace("title:", "slug: x\ntitle:"))
    with pytest.raises(ContentFileError) as caught:
        read_pages(tmp_path / "a", PageText)
    assert caught.value.field == "slug"

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "Om oss.md").write_text(page)
    with pytest.raises(ContentFileError) as caught:
        read_pages(tmp_path / "b", PageText)
    assert caught.value.field == "(file name)"
