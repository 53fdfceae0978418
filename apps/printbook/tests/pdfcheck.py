"""Reading WeasyPrint's output without a PDF library: its objects sit in Flate streams."""

import re
import zlib

from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import TextBox


def expanded(content: bytes) -> bytes:
    """The PDF with every Flate stream (object streams included) decompressed beside it."""
    parts = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def page_count(content: bytes) -> int:
    """Page objects («/Type /Page», not «/Type /Pages»)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", expanded(content)))


def page_texts(document: Document) -> list[str]:
    """The text laid out on each page, as drawn into the PDF (generated content included)."""
    texts = []
    for page in document.pages:
        words = [box.text for box in page._page_box.descendants() if isinstance(box, TextBox)]
        text = re.sub(r"\s+", " ", " ".join(words)).strip()
        texts.append(re.sub(r" ([,.])", r"\1", text))
    return texts
