"""CSV cells that a spreadsheet shows as text and never runs: the one helper every export uses.

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
from collections.abc import Iterable
from decimal import Decimal

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
