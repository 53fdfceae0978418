import re

import pytest

from apps.printbook.pdf import STATIC_ROOT, LocalStaticFetcher, RefusedURLError, layout, render_pdf
from apps.printbook.selectors import book as book_contents
from apps.printbook.services import book_html

from .conftest import EDITION_DATE
from .pdfcheck import catalog, page_count, page_texts, xmp

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "url",
    [
        "https://fonts.gstatic.com/s/inter/v1/inter.woff2",
        "http://127.0.0.1:8000/static/css/kokeboka.css",
        "ftp://example.org/font.ttf",
        "file:///etc/passwd",
        (STATIC_ROOT.parent.parent / "models.py").as_uri(),
        (STATIC_ROOT / ".." / ".." / "models.py").as_uri(),
    ],
)
def test_fetcher_refuses_network_urls_and_files_outside_the_print_statics(url):
    with pytest.raises(RefusedURLError):
        LocalStaticFetcher().fetch(url)


def test_fetcher_serves_the_vendored_font():
    font = STATIC_ROOT / "fonts" / "inter-latin-400-normal.woff2"
    response = LocalStaticFetcher().fetch(font.as_uri())
    assert response.headers["Content-Type"] == "font/woff2"
    assert response.read() == font.read_bytes()


def test_fonts_are_shipped_with_their_licence():
    fonts = STATIC_ROOT / "fonts"
    assert len(list(fonts.glob("inter-latin-*.woff2"))) == 6
    assert "SIL Open Font License" in (fonts / "LICENSE-inter").read_text()
    css = (STATIC_ROOT / "print.css").read_text()
    assert re.findall(r'url\("([^"]+)"\)', css) == [
        f"fonts/inter-latin-{weight}-{style}.woff2"
        for weight in (400, 600, 700)
        for style in ("normal", "italic")
    ]


def test_a_remote_stylesheet_in_the_html_is_not_fetched(monkeypatch):
    fetched = []
    original = LocalStaticFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(LocalStaticFetcher, "fetch", spy)
    html = (
        '<html lang="nb"><head><title>T</title>'
        '<link rel="stylesheet" href="https://example.org/evil.css"></head>'
        "<body><p>Hei</p></body></html>"
    )
    rendered = render_pdf(html=html)
    assert rendered.page_count == 1
    assert "https://example.org/evil.css" in fetched  # asked for, and refused
    assert any(url.endswith("inter-latin-400-normal.woff2") for url in fetched)


@pytest.mark.django_db
def test_book_html_feeds_everything_in_book_order(book):
    html = book_html(contents=book_contents(on=EDITION_DATE), number=3)
    assert '<html lang="nb">' in html
    titles = [recipe.title for recipe in book["recipes"]]
    positions = [html.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    assert html.index("Forstå og møte") < html.index("Kjøp og avtaler")
    assert f"2{NBSP}300{NBSP}000" in html and f"1{NBSP}300{NBSP}000" in html
    assert f"9{NBSP}876{NBSP}543" not in html  # only in force from 2027
    assert "FOA § 5-4" in html and "https://lovdata.no/forskrift/2016-08-12-974/§5-4" in html
    assert "Dialogen må dokumenteres." in html
    assert "Snakk med brukerne først." in html and "Å hoppe rett til løsningen." in html
    assert "Papillon i Bergen" in html
    assert 'href="#oppskrift-markedsdialog-i-praksis"' in html  # contents and index link


@pytest.mark.django_db
def test_book_pdf_pages_show_titles_thresholds_and_page_numbers(book):
    html = book_html(contents=book_contents(on=EDITION_DATE), number=1)
    document = layout(html=html)
    texts = [text.replace(NBSP, " ") for text in page_texts(document)]
    whole = " ".join(texts)
    for recipe in book["recipes"]:
        assert recipe.title in whole
    assert "2 300 000" in whole and "1 300 000" in whole
    assert "Papillon i Bergen" in whole
    # The contents page gives each recipe the page it starts on.
    first_pages = {
        recipe.title: next(
            number
            for number, page in enumerate(document.pages, 1)
            if f"oppskrift-{recipe.slug}" in page.anchors
        )
        for recipe in book["recipes"]
    }
    contents = texts[2]
    for title, number in first_pages.items():
        assert re.search(re.escape(title) + r"[ .]*" + str(number) + r"\b", contents), title
    # The index lists the cited rule's citation with the page of the recipe citing it.
    index = texts[-1]
    assert re.search(r"FOA § 5-4 " + str(first_pages["Markedsdialog i praksis"]) + r"\b", index)
    # The footer numbers the pages; the header carries the running chapter title.
    recipe_page = texts[first_pages["Kjøp under terskelverdien"] - 1]
    assert "Kjøp og avtaler" in recipe_page
    assert re.search(rf"\b{first_pages['Kjøp under terskelverdien']}$", recipe_page.strip()) or (
        f" {first_pages['Kjøp under terskelverdien']} " in f" {recipe_page} "
    )

    content = document.write_pdf(pdf_variant="pdf/ua-1")
    assert page_count(content) == len(document.pages)
    root = catalog(content)
    assert "/StructTreeRoot" in root  # tagged
    assert root["/Lang"] == "nb"
    assert b'pdfuaid:part="1"' in xmp(content)
