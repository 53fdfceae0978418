"""Reading WeasyPrint's output: the PDF through pypdf, the laid-out text through WeasyPrint."""

import io
import re

from pypdf import PdfReader
from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import TextBox


def reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content), strict=True)


def page_count(content: bytes) -> int:
    return len(reader(content).pages)


def catalog(content: bytes):
    """The document catalog (/Root): structure tree, language, metadata."""
    return reader(content).trailer["/Root"]


def xmp(content: bytes) -> bytes:
    """The XMP metadata packet as bytes (where PDF/UA says which part it claims)."""
    metadata = reader(content).xmp_metadata
    return metadata.stream.get_data() if metadata is not None else b""


def page_texts(document: Document) -> list[str]:
    """The text laid out on each page, as drawn into the PDF (generated content included)."""
    texts = []
    for page in document.pages:
        words = [box.text for box in page._page_box.descendants() if isinstance(box, TextBox)]
        text = re.sub(r"\s+", " ", " ".join(words)).strip()
        texts.append(re.sub(r" ([,.])", r"\1", text))
    return texts
