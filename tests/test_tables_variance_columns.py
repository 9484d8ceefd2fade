"""Differences and running columns a reader checks: a header line that starts with the table's unit
over the labels ("$ millions   Q3 Actuals  Q3 Budget ... Variance $ Variance %"), negative
percentages printed with the % inside the brackets ("(1.6%)"), running balances and cumulative
shares. First met on unseen dev documents."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import find_page_tables
from factcheck.tables.cells import looks_numeric, parse_cell
from factcheck.tables.running import running_checks
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


def test_a_running_balance_is_read_on_one_page_not_over_a_joined_table() -> None:
    # a parish council's account transactions (Xero): RUNNING BALANCE after every payment and
    # receipt, over two pages joined into one table; read page by page, a figure's claim id would
    # name another column of the joined table, so it is not read there (yet)
    (table,) = find_page_tables(DOCS / "enlgv-01.pdf", "en", pages=[2], all_pages=True)[2]
    by_row = {c.total.stated: [p.stated for p in c.parts] for c in running_checks(table)}
    assert by_row["(276.40)"] == ["(154.00)", "(122.40)"]
    assert by_row["34,713.56"] == ["(6,286.44)", "41,000.00"]
    assert len(by_row) >= 20
    joined = checks_by_label(DOCS / "enlgv-01.pdf", [2, 3])
    assert "RUNNING BALANCE" not in joined
    # the total under both pages adds up the debits, credits and gross amounts of all 29 rows (since
    # round 28 the join is made: a one-part check of a piece no longer refuses it); its running
    # balance is no sum, and the failing sum there is a doubt, no alarm
    total = {c.lane_label: c for c in joined["Total New Bradwell Parish Council"]}
    assert all(total[lane].verdict is Verdict.CONSISTENT and len(total[lane].parts) == 29
               for lane in ("DEBIT", "CREDIT", "GROSS"))
    assert total["RUNNING BALANCE"].doubt and not total["RUNNING BALANCE"].alarm


def test_a_cumulative_share_is_the_row_above_plus_the_rows_share() -> None:
    # a water board's billing by consumption band: "% of Consumers (Cumulative)" beside "% of Consumers"
    checks = [c for cs in checks_by_label(DOCS / "enutl-03.pdf", [4]).values() for c in cs
              if c.reading.startswith("a running column")]
    first = checks[0]
    assert (first.total.stated, [p.stated for p in first.parts]) == ("78.3%", ["60.6%", "17.8%"])
    assert first.verdict is Verdict.ROUNDING
    assert len(checks) == 6 and all(c.verdict in HOLDS for c in checks)
    # the cumulative share of the bill value has no per-band column beside it: nothing is read
    assert not [c for c in checks if c.total.stated == "34.1%"]
