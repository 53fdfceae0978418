"""Presentation of chart numbers: suppression, totals, summary, SVG and CSV agree."""

import xml.etree.ElementTree as ET

from apps.insights.charts import SUPPRESSED, ChartData, Kind, Row, Series, Unit, present

SVG = "{http://www.w3.org/2000/svg}"


def _bar(values: dict[str, int]) -> ChartData:
    rows = tuple(Row(key, key, (n,), (n,)) for key, n in values.items())
    return ChartData("test", "Test chart", "Place", (Series("n", "Number"),), rows)


def _stacked(values: dict[str, tuple[int, int]]) -> ChartData:
    rows = tuple(Row(key, key, n, n) for key, n in values.items())
    return ChartData(
        "test", "Stacked", "Place", (Series("a", "A"), Series("b", "B")), rows, kind=Kind.STACKED
    )


def test_two_is_hidden_and_three_is_shown_on_public_charts():
    chart = present(_bar({"Asker": 2, "Bærum": 3, "Oslo": 0}), suppress=True)
    cells = {row.label: row.cells[0] for row in chart.rows}
    assert cells["Asker"].hidden and cells["Asker"].display == SUPPRESSED
    assert not cells["Bærum"].hidden and cells["Bærum"].display == "3"
    # Zero identifies no one.
    assert cells["Oslo"].display == "0"
    assert chart.any_hidden


def test_exact_small_counts_in_a_municipality_view():
    chart = present(_bar({"Asker": 2, "Bærum": 1}), suppress=False)
    assert [row.cells[0].display for row in chart.rows] == ["2", "1"]
    assert chart.grand_total.display == "3" and chart.grand_total.exact


def test_a_total_that_would_reveal_a_hidden_count_is_a_lower_bound():
    chart = present(_bar({"Asker": 2, "Bærum": 10}), suppress=True)
    # 12 would give away Asker's 2 by subtraction; 11 is only what anyone knows already.
    assert not chart.grand_total.exact
    assert chart.grand_total.display == "≥11"
    assert "12" not in chart.summary and "≥11" in chart.summary


def test_totals_without_hidden_cells_are_exact():
    chart = present(_stacked({"Asker": (3, 4), "Bærum": (5, 0)}), suppress=True)
    assert [row.total.display for row in chart.rows] == ["7", "5"]
    assert [total.display for total in chart.column_totals] == ["8", "4"]
    assert chart.grand_total.display == "12"


def test_row_and_column_totals_with_a_hidden_cell_are_lower_bounds():
    chart = present(_stacked({"Asker": (1, 4), "Bærum": (5, 3)}), suppress=True)
    assert chart.rows[0].cells[0].display == SUPPRESSED
    assert chart.rows[0].total.display == "≥5"
    assert chart.column_totals[0].display == "≥6"
    assert chart.rows[1].total.display == "8"


def test_kroner_are_not_suppressed_but_medians_of_few_are():
    money = ChartData(
        "money",
        "Money",
        "Sector",
        (Series("2024", "2024"),),
        (Row("x", "X", (250_000,), (1,)),),
        unit=Unit.NOK,
    )
    assert not present(money, suppress=True).rows[0].cells[0].hidden
    days = ChartData(
        "days",
        "Days",
        "Stage",
        (Series("median", "Median"),),
        (Row("a", "A", (12,), (2,)), Row("b", "B", (30,), (3,))),
        unit=Unit.DAYS,
    )
    chart = present(days, suppress=True)
    assert chart.rows[0].cells[0].hidden and chart.rows[0].count_display == SUPPRESSED
    assert chart.rows[1].cells[0].display == "30 days"
    assert "B" in chart.summary


def test_svg_is_well_formed_and_named_for_screen_readers():
    chart = present(_stacked({"Asker & Bærum <test>": (1, 4), "Oslo": (5, 3)}), suppress=True)
    root = ET.fromstring(str(chart.svg))  # noqa: S314 (our own output)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "Stacked"
    assert desc.text == chart.summary
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert "Asker & Bærum <test>" in texts
    assert "≥5" in texts and "8" in texts
    # A hidden cell is never drawn: Asker's row has only the visible segment (4).
    assert "style" not in str(chart.svg)


def test_hidden_cell_is_not_drawn_to_scale():
    chart = present(_bar({"Asker": 2, "Bærum": 3}), suppress=True)
    root = ET.fromstring(str(chart.svg))  # noqa: S314 (our own output)
    bars = list(root.iter(f"{SVG}rect"))
    assert len(bars) == 1
    assert SUPPRESSED in [element.text for element in root.iter(f"{SVG}text")]


def test_csv_rows_say_what_the_table_says():
    chart = present(_stacked({"Asker": (1, 4), "Bærum": (5, 3)}), suppress=True)
    assert chart.csv_rows() == [
        ["Place", "A", "B", "Total"],
        ["Asker", "<3", "4", "≥5"],
        ["Bærum", "5", "3", "8"],
        ["Total", "≥6", "7", "≥13"],
    ]


def test_empty_chart_says_so():
    chart = present(_bar({}), suppress=True)
    assert chart.summary == "There is nothing to show for the chosen filters."
    ET.fromstring(str(chart.svg))  # noqa: S314 (our own output)
