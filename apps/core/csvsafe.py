"""CSV cells that a spreadsheet shows as text and never runs, and the one CSV download
(csv_response) that every export uses.

Excel, LibreOffice and Google Sheets read a cell that starts with `=`, `+`, `-` or `@` as a
formula (`=HYPERLINK(...)` becomes a link, DDE payloads run programs), and a leading tab or
carriage return hides such a start from a naive check while the spreadsheet still strips it.
Texts in our exports come from visitors, applicants and entrepreneurs, so each such cell gets a
leading apostrophe, which every spreadsheet takes as "this is text" (OWASP's advice for CSV
injection). Real numbers are left alone: a cell that is only a number cannot run anything, and
an apostrophe would turn it into text in the sheet.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number, signed or not, with a decimal point or comma: safe as it is.
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?\Z")


def safe_cell(value: object) -> str:
    """The value as a CSV cell that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def safe_row(values: Iterable[object]) -> list[str]:
    return [safe_cell(value) for value in values]


class _Echo:
    """A file-like object whose write() returns what it is given, for csv.writer."""

    def write(self, value: str) -> str:
        return value


class CsvLines:
    """Turns rows into CSV lines one at a time, for streamed responses; every cell is safe.

    `delimiter=";"` suits the private exports opened in Excel set up for Norwegian, which reads
    commas as decimal marks; open data keeps the standard comma."""

    def __init__(self, *, delimiter: str = ",") -> None:
        self._writer = csv.writer(_Echo(), delimiter=delimiter)

    def row(self, values: Iterable[object]) -> str:
        return self._writer.writerow(safe_row(values))


BOM = "\ufeff"  # makes Excel read the file as UTF-8 (æ, ø, å)


def csv_response(
    rows: Iterable[Iterable[object]],
    *,
    filename: str,
    header: Iterable[object] | None = None,
    delimiter: str = ",",
    stream: bool = True,
) -> HttpResponse | StreamingHttpResponse:
    """A CSV download: the byte order mark, the header, then each row as a formula-safe line.

    Streamed by default, so a large export is written as its rows are read and never sits
    whole in memory; `stream=False` for a small table that is rendered at once (it can then
    be page-cached). Every export in the project answers through this."""
    lines = CsvLines(delimiter=delimiter)

    def body() -> Iterator[str]:
        yield BOM
        if header is not None:
            yield lines.row(header)
        for row in rows:
            yield lines.row(row)

    if stream:
        response = StreamingHttpResponse(body(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse("".join(body()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
