"""HTML to PDF with WeasyPrint, offline: only the app's own static files are ever fetched."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_ROOT = (Path(__file__).resolve().parent / "static" / "printbook").resolve()
PRINT_CSS = STATIC_ROOT / "print.css"

# WeasyPrint 70 supports PDF/UA-1 directly; the variant also switches on tagging (pdf_tags).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


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


def layout(*, html: str) -> Document:
    """Lays out the HTML in pages with the print stylesheet."""
    fetcher = LocalStaticFetcher()
    font_config = FontConfiguration()
    stylesheet = CSS(filename=str(PRINT_CSS), url_fetcher=fetcher, font_config=font_config)
    return HTML(string=html, base_url=STATIC_ROOT.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=[stylesheet], font_config=font_config, **PDF_OPTIONS
    )


def render_pdf(*, html: str) -> RenderedPdf:
    """The laid-out HTML as a tagged PDF (PDF/UA-1)."""
    document = layout(html=html)
    content = document.write_pdf(**PDF_OPTIONS)
    return RenderedPdf(content=content, page_count=len(document.pages))
