"""Variance columns a reader checks: a header line that starts with the table's unit over the labels
("$ millions   Q3 Actuals  Q3 Budget ... Variance $ Variance %"), and negative percentages printed
with the % inside the brackets ("(1.6%)"). First met on unseen dev documents."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import find_page_tables
from factcheck.tables.cells import looks_numeric, parse_cell
from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_a_negative_percentage_with_its_sign_inside_the_brackets() -> None:
    number = parse_cell("(1.6%)", ".")
    assert number is not None and number.percent and number.value * 10 == -16
    other = parse_cell("(1.6)%", ".")
    assert other is not None and (other.value, other.half, other.percent) == (number.value, number.half, True)
    assert parse_cell("1.6%)", ".") is None and parse_cell("(1.6", ".") is None
    # in running text "(3,2%)" is a parenthetical as often as a figure: it does not make a line tabular
    assert not looks_numeric("(3,2%)") and looks_numeric("(1.6)%")


def test_a_unit_over_the_labels_on_the_first_header_line_keeps_that_line_in_the_header() -> None:
    (table,) = find_page_tables(DOCS / "enmun-01.pdf", "en", pages=[2], all_pages=True)[2]
    headers = [c.header for c in table.columns]
    assert headers[2:] == ["Q3 Variance $", "Q3 Variance %", "Forecasted Year-end", "Annual Budget",
                           "Variance $", "Variance %"]
    assert table.scale is not None and table.scale.text == "$ millions"


def test_the_full_year_variance_and_its_percentage_are_checked() -> None:
    checks = checks_by_label(DOCS / "enmun-01.pdf", [2])
    variance = {c.lane_label: c for c in checks["Variance $"]}
    utilities = variance["Utilities *"]
    assert (utilities.total.stated, [p.stated for p in utilities.parts]) == ("(4.07)", ["259.68", "263.76"])
    assert utilities.verdict is Verdict.ROUNDING
    share = {c.lane_label: c for c in checks["Variance %"]}["Utilities *"]
    assert (share.total.stated, [p.stated for p in share.parts]) == ("(1.6%)", ["(4.07)", "259.68"])
    assert share.verdict in HOLDS
    assert not [c for cs in checks.values() for c in cs if c.alarm]
