"""HTML to PDF with WeasyPrint, offline: only the app's own static files are ever fetched.

The whole book is laid out in two parts (docs/decisions/0031): everything up to the index,
then the index as a follow-on document whose page numbers are written in as plain numbers
from the first part's layout. WeasyPrint would otherwise lay the index's hundreds of
`target-counter()` links out again in every pass of its balanced two columns, which cost
more than all the recipes together at national size.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pydyf
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_ROOT = (Path(__file__).resolve().parent / "static" / "printbook").resolve()
PRINT_CSS = STATIC_ROOT / "print.css"

# WeasyPrint 70 supports PDF/UA-1 directly; the variant also switches on tagging (pdf_tags).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}

# Splits book HTML into the first part and its follow-on (see the module docstring).
FOLLOW_ON = "<!-- kokeboka:follow-on -->"
# In the follow-on, an empty link `<a … data-page-of="ANCHOR"></a>` (the attribute written
# last) is given the number of the page ANCHOR is on in the first part.
PAGE_OF = re.compile(r'data-page-of="([^"<>]+)"></a>')


def _page_references_once(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's `PDF.page_references` builds the tuple of every page's reference each time it
    is read, and WeasyPrint's tagging reads it once per tagged box: pages x boxes work, about
    100 s for the 900-page national book. This memoised copy rebuilds the tuple only when a
    page has been added since, so each read is a lookup; the references are the same."""
    count = len(pdf.pages["Kids"])
    cached = pdf.__dict__.get("_kokeboka_page_references")
    if cached is None or cached[0] != count:
        cached = (count, _PYDYF_PAGE_REFERENCES.fget(pdf))
        pdf.__dict__["_kokeboka_page_references"] = cached
    return cached[1]


_PYDYF_PAGE_REFERENCES = pydyf.PDF.page_references
if getattr(_PYDYF_PAGE_REFERENCES, "fget", None) is not _page_references_once:
    pydyf.PDF.page_references = property(_page_references_once)


class RefusedURLError(ValueError):
    """The fetcher only serves the print stylesheet's own files; everything else is refused."""


class LocalStaticFetcher(URLFetcher):
    """Serves file: URLs inside apps/printbook/static/printbook/ (the stylesheet and the
    vendored fonts) and data: URLs. Network URLs and files elsewhere are refused, so a
    render never leaves the machine and content cannot pull in local files."""

    def __init__(self, *, root: Path = STATIC_ROOT):
        super().__init__(allowed_protocols=("file", "data"))
        self.root = root.resolve()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedURLError(f"Refused to fetch {url!r}: only local static files are served.")
        parts = urlsplit(url)
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if parts.netloc not in ("", "localhost") or not path.is_relative_to(self.root):
            raise RefusedURLError(f"Refused to fetch {url!r}: not one of the print static files.")
        if not path.is_file():
            raise RefusedURLError(f"Refused to fetch {url!r}: no such print static file.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".woff2":
            content_type = "font/woff2"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


def _layout_part(*, html: str, font_config: FontConfiguration, extra_css: str = "") -> Document:
    fetcher = LocalStaticFetcher()
    stylesheets = [CSS(filename=str(PRINT_CSS), url_fetcher=fetcher, font_config=font_config)]
    if extra_css:
        stylesheets.append(CSS(string=extra_css, font_config=font_config))
    return HTML(string=html, base_url=STATIC_ROOT.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=stylesheets, font_config=font_config, **PDF_OPTIONS
    )


def anchor_pages(document: Document) -> dict[str, int]:
    """{anchor id: number of the page (from 1) it starts on}. An element that runs over
    several pages has its anchor on each of them; the first is the one a reader turns to."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def continuation_css(*, first_page: int) -> str:
    """Numbers a follow-on document's pages on from `first_page` and starts it on the side
    that page has in the book (even numbers are left-hand pages), so the :left margins and
    the footer's page numbers run on as if it had been laid out with the rest."""
    side = "left" if first_page % 2 == 0 else "right"
    return f"@page :first {{ counter-reset: page {first_page}; }}\nhtml {{ break-before: {side}; }}"


def _fill_page_numbers(html: str, pages: dict[str, int]) -> str:
    def number(match: re.Match) -> str:
        anchor = match.group(1)
        if anchor not in pages:
            raise ValueError(f"The follow-on refers to {anchor!r}, which the book does not have.")
        return f'data-page-of="{anchor}">{pages[anchor]}</a>'

    return PAGE_OF.sub(number, html)


def layout(*, html: str) -> Document:
    """Lays out the HTML in pages with the print stylesheet.

    HTML with a FOLLOW_ON marker is laid out in two parts: the first part's last page is a
    stand-in that only marks where the follow-on starts (the contents take that page's number
    from it); it is dropped, and the follow-on, with its page numbers filled in, is laid out
    numbered on from there. The parts' pages are joined into one document, so links, anchors,
    bookmarks and tags cross between them as in a single one."""
    font_config = FontConfiguration()
    if FOLLOW_ON not in html:
        return _layout_part(html=html, font_config=font_config)
    first_html, follow_on_html = html.split(FOLLOW_ON, 1)
    first = _layout_part(html=first_html, font_config=font_config)
    pages = anchor_pages(first)
    body = first.pages[:-1]
    follow_on = _layout_part(
        html=_fill_page_numbers(follow_on_html, pages),
        font_config=font_config,
        extra_css=continuation_css(first_page=len(body) + 1),
    )
    stand_in = set(first.pages[-1].anchors)
    if not follow_on.pages or not stand_in <= set(follow_on.pages[0].anchors):
        raise ValueError("The first part must end with a page marking the follow-on's start.")
    return first.copy([*body, *follow_on.pages])


def render_pdf(*, html: str) -> RenderedPdf:
    """The laid-out HTML as a tagged PDF (PDF/UA-1)."""
    document = layout(html=html)
    content = document.write_pdf(**PDF_OPTIONS)
    return RenderedPdf(content=content, page_count=len(document.pages))
