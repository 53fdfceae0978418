"""Score aggregation, the streaming .xlsx writer and reminder dates: no database."""

import datetime
import io
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

import openpyxl
import pytest

from apps.core import xlsx
from apps.grants.reminders import ReminderKind, look_ahead, reminder_kind
from apps.grants.scoring import CriterionInfo, ReviewInfo, spread, summarise, weighted_total

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

CRITERIA = [
    CriterionInfo(id=1, name="Nytte", weight=3),
    CriterionInfo(id=2, name="Gjennomføring", weight=1),
]


def test_weighted_total_is_the_weighted_mean():
    assert weighted_total(scores={1: 4, 2: 2}, criteria=CRITERIA) == 3.5
    assert weighted_total(scores={1: 5, 2: 5}, criteria=CRITERIA) == 5.0
    assert weighted_total(scores={1: 0, 2: 4}, criteria=CRITERIA) == 1.0


def test_weighted_total_is_none_while_a_criterion_is_unscored():
    assert weighted_total(scores={1: 4}, criteria=CRITERIA) is None
    assert weighted_total(scores={1: 4, 2: None}, criteria=CRITERIA) is None
    assert weighted_total(scores={}, criteria=[]) is None


def test_spread_gives_range_and_population_stdev():
    result = spread([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    assert result.range == 7.0
    assert result.stdev == 2.0
    assert spread([3.0]).range == 0 and spread([3.0]).stdev == 0
    assert spread([]) is None


def test_summary_leaves_out_conflicted_reviewers_and_counts_missing_reviews():
    reviews = [
        ReviewInfo(reviewer_id=1, reviewer_name="A", scores={1: 4, 2: 2}),
        ReviewInfo(reviewer_id=2, reviewer_name="B", scores={1: 2, 2: 2}),
        ReviewInfo(reviewer_id=3, reviewer_name="C", scores={1: 5}),
        ReviewInfo(reviewer_id=4, reviewer_name="D", scores={1: 0, 2: 0}, conflicted=True),
    ]
    summary = summarise(criteria=CRITERIA, reviews=reviews)
    assert [review.reviewer_name for review in summary.reviewers] == ["A", "B", "C"]
    assert [review.reviewer_name for review in summary.conflicted] == ["D"]
    assert summary.totals == [3.5, 2.0, None]
    assert summary.mean_total == 2.75
    assert summary.total_spread.range == 1.5
    assert summary.total_spread.stdev == 0.75
    assert [review.reviewer_name for review in summary.missing] == ["C"]
    assert summary.missing_cells == 1
    first = summary.rows[0]
    assert first.scores == [4, 2, 5]
    assert first.mean == pytest.approx(3.67)
    assert first.spread.range == 3
    second = summary.rows[1]
    assert second.scores == [2, 2, None]
    assert second.spread.range == 0


def test_summary_without_reviews_has_no_totals():
    summary = summarise(criteria=CRITERIA, reviews=[])
    assert summary.mean_total is None
    assert summary.total_spread is None
    assert summary.missing == []


def _build(rows, header=("Tittel", "Beløp", "Dato"), title="Søknader"):
    chunks = list(xlsx.stream_xlsx(header=header, rows=rows, title=title))
    return chunks, b"".join(chunks)


def test_xlsx_opens_and_keeps_text_numbers_and_dates():
    rows = [
        ["Aktivitet for alle", 250000, datetime.date(2027, 3, 1)],
        ["Æ, ø & å <b>", Decimal("1200.50"), None],
        ["  mellomrom  ", 0, datetime.datetime(2027, 1, 2, 13, 45)],
        ["kontroll\x01tegn", True, ""],
    ]
    _, data = _build(rows)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = set(archive.namelist())
    assert {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} <= names
    for name in names:
        ElementTree.fromstring(archive.read(name))  # noqa: S314 - our own output; every part is well-formed XML
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314
    assert workbook.find("m:sheets/m:sheet", NS).get("name") == "Søknader"
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Tittel", "Beløp", "Dato")
    assert values[1] == ("Aktivitet for alle", 250000, "2027-03-01")
    assert values[2] == ("Æ, ø & å <b>", 1200.5, None)
    assert values[3] == ("  mellomrom  ", 0, "2027-01-02 13:45")
    assert values[4] == ("kontrolltegn", True, None)
    assert sheet["A1"].font.b is True
    assert sheet["A2"].font.b is False


def test_xlsx_streams_in_pieces_while_rows_are_read():
    consumed = []

    def rows():
        for number in range(20000):
            consumed.append(number)
            yield [f"Prosjekt {number * 7919 % 100003}", number * 104729]

    stream = xlsx.stream_xlsx(header=["Tittel", "Nr"], rows=rows())
    next(stream)  # the fixed parts
    next(stream)  # the first rows
    assert len(consumed) < 20000
    rest = list(stream)
    assert len(rest) >= 3
    assert len(consumed) == 20000


def test_xlsx_with_many_rows_reads_back_whole():
    _, data = _build(([f"P{n}", n] for n in range(1500)), header=["Tittel", "Nr"])
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 1501
    assert values[-1] == ("P1499", 1499)


def test_xlsx_helpers():
    assert xlsx.column_letter(0) == "A"
    assert xlsx.column_letter(25) == "Z"
    assert xlsx.column_letter(26) == "AA"
    assert xlsx.column_letter(701) == "ZZ"
    assert xlsx.sheet_name("Søknader: 2027/1 [alle]") == "Søknader  2027 1  alle"
    assert len(xlsx.sheet_name("x" * 40)) == 31
    assert xlsx.sheet_name("[]") == "Sheet1"


@pytest.mark.parametrize(
    ("days_left", "kind"),
    [
        (15, None),
        (14, ReminderKind.UPCOMING),
        (8, None),
        (7, ReminderKind.UPCOMING),
        (1, ReminderKind.UPCOMING),
        (0, ReminderKind.DUE_TODAY),
        (-1, None),
        (-7, ReminderKind.OVERDUE),
        (-10, None),
        (-14, ReminderKind.OVERDUE),
    ],
)
def test_reminder_kind(days_left, kind):
    today = datetime.date(2027, 3, 28)  # DST starts in Norway this night; dates do not care
    due = today + datetime.timedelta(days=days_left)
    assert reminder_kind(due_date=due, today=today) == kind


def test_look_ahead_covers_the_earliest_reminder():
    assert look_ahead(today=datetime.date(2027, 1, 1)) == datetime.date(2027, 1, 15)
