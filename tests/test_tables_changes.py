"""Change columns, change rows and percentages beside them, on unseen dev excerpts: "$ Change" and
"% Change" under a two-line header, change columns with no header at all, a percentage that is
also a difference of percentages, change rows along a row, and a base in another table."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, checks_to_claims, find_page_tables

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _at(checks, stated: str, page: int):
    return [c for c in checks if c.total.stated == stated and c.page == page]


def test_percent_change_under_a_two_line_header_is_the_dollar_change_over_last_year() -> None:
    # Pennsylvania budget tracking run 2015-16: "$ Change | % Change" over two lines is read as
    # headers "$ Change %" and "Change"; the "%" belongs to the column whose figures carry it
    checks = check_pdf(DOCS / "enus-02.pdf", lang="en", pages=[1], all_pages=True)
    (first,) = [c for c in _at(checks, "0.3%", 1) if c.relation == "share"]
    assert [p.stated for p in first.parts] == ["$71", "$23,534"] and first.verdict in HOLDS
    # Subtotal 7.2 %: its "$ Change" is net of a transfer (a footnote), not 2015-16 − 2014-15, so
    # the percentage is doubted there, not an alarm
    (subtotal,) = [c for c in _at(checks, "7.2%", 1) if c.relation == "share"]
    assert subtotal.verdict is Verdict.MISMATCH and not subtotal.alarm
    assert subtotal.doubt is not None and "not the difference of the columns" in subtotal.doubt
    assert not [c for c in checks if c.alarm]


def test_an_unheaded_change_column_is_the_one_printed_after_the_columns_it_compares() -> None:
    # Town budget, no header read: FY23 … FY26 proposed, then change $ and change %; 87,275 =
    # 89,775 − 2,500 holds as much as 2,500 = 89,775 − 87,275: the change is the later column
    checks = check_pdf(DOCS / "entab-01.pdf", lang="en", pages=[4], all_pages=True)
    (change,) = [c for c in _at(checks, "$2,500", 4) if c.relation == "difference" and c.lane_label == "TOTAL"]
    assert [(p.stated, p.sign) for p in change.parts] == [("$89,775", 1), ("$87,275", -1)]
    assert not [c for c in checks if c.relation == "difference" and c.total.stated == "$87,275"]
    # and the percentage beside it is that change over the column it was taken from
    (pct,) = [c for c in _at(checks, "3%", 4) if c.lane_label == "TOTAL"]
    assert [p.stated for p in pct.parts] == ["$2,500", "$87,275"] and pct.verdict in HOLDS
    assert not [c for c in checks if c.alarm and c.page == 4]


def test_a_deficit_share_of_gdp_is_read_from_the_amounts_and_gdp_from_the_table_before() -> None:
    # US Budget 2024, Table S-1: "Deficit 5.5%" is Outlays % − Receipts % and Deficit / GDP; it is
    # checked as the share. Table S-2 prints no GDP row: its "Percent of GDP" takes Table S-1's.
    checks = check_pdf(DOCS / "enloc-01.pdf", lang="en", pages=[1, 2], all_pages=True)
    deficit = [c for c in _at(checks, "5.5%", 1) if c.lane_label == "2022"]
    assert [(c.relation, [p.stated for p in c.parts]) for c in deficit] == [("share", ["1,376", "25,000"])]
    s2 = [c for c in checks if c.page == 2 and c.total_label == "Percent of GDP"]
    assert len(s2) == 24 and all(c.verdict in HOLDS for c in s2)
    (y2023,) = [c for c in s2 if c.total.stated == "6.6%"]
    assert [(p.stated, p.page) for p in y2023.parts] == [("1,726", 2), ("26,336", 1)]
    assert "Table S–1" in y2023.reading
    claims = checks_to_claims([y2023])
    assert {c["id"] for c in claims} >= {"t2_1_r2_c2", "t1_1_r7_c2"}  # the GDP cell of page 1 is an input
    assert not [c for c in checks if c.alarm]


def test_a_change_row_of_a_closing_balance_and_a_row_above_a_requirement() -> None:
    # Flemish budget funds: "Geraamde evolutie 2026" = closing − opening balance 2026, the opening
    # balance being a part of the closing balance's sum
    checks = check_pdf(DOCS / "nltaal-03.pdf", lang="nl", pages=[3], all_pages=True)
    evolution = [c for c in checks if c.total_label == "Geraamde evolutie 2026"]
    assert len(evolution) == 6 and all(c.verdict in HOLDS for c in evolution)
    assert [p.stated for p in evolution[-1].parts] == ["856,5", "928,7"]
    # Colorado General Fund: "Year-end Reserve Above Requirement" = Total Year-end Reserve −
    # Required Reserve Amount (which also reads as two rows adding up to the total reserve)
    checks = check_pdf(DOCS / "entab-03.pdf", lang="en", pages=[1], all_pages=True)
    above = [c for c in checks if c.total_label == "Year-end Reserve Above Requirement"]
    assert [[p.stated for p in c.parts] for c in above] == [["$2,378.6", "$2,358.5"], ["$2,449.1", "$2,439.5"]]
    assert all(c.verdict is Verdict.CONSISTENT for c in above)


def test_an_increase_row_compares_the_row_above_with_the_column_before() -> None:
    # Town revenue budget: "Anticipated % Increase" under Gross Revenues FY23 … FY26, and the
    # "Anticipated Revenue Increase" in the last column
    from factcheck.tables.cells import CellNumber
    from factcheck.tables.detect import Cell
    from factcheck.tables.steps import step_checks

    checks = check_pdf(DOCS / "entab-01.pdf", lang="en", pages=[2], all_pages=True)
    growth = [c for c in checks if c.total_label == "Anticipated % Increase"]
    assert [(c.relation, c.total.stated, [p.stated for p in c.parts]) for c in growth] == [
        ("growth", "4.68%", ["$11,082,403.58", "$10,586,482.18"]),
        ("growth", "5.09%", ["$11,646,989.92", "$11,082,403.58"])]
    (increase,) = [c for c in checks if c.total.stated == "$564,586.34"]
    assert increase.relation == "difference" and increase.verdict is Verdict.CONSISTENT
    # a single lane has no majority to ask: misprinted, it says nothing rather than an alarm
    table = next(t for t in find_page_tables(DOCS / "entab-01.pdf", "en", pages=[2], all_pages=True)[2]
                 if any(r.label.startswith("Anticipated Revenue") for r in t.rows))
    row = next(r for r in table.rows if r.label.startswith("Anticipated Revenue"))
    (col, cell), = row.cells.items()
    row.cells[col] = Cell("$564,686.34", CellNumber("$564,686.34", Fraction(56468634, 100), 2, Fraction(1, 200)),
                          cell.col, cell.bbox)
    assert [c.total_label for c in step_checks(table)] == ["Anticipated % Increase"] * 2


def test_net_book_value_is_the_cost_block_less_the_amortization_block() -> None:
    # Capital assets note: the rows at cost, then the accumulated amortization ("Land (ARO
    # amortization)"), then a table of net book values with the same row names
    from factcheck.tables.stacked import stacked_checks

    found = find_page_tables(DOCS / "enaud-01.pdf", "en", pages=[5], all_pages=True)
    checks = stacked_checks(found)
    land = [c for c in checks if c.lane_label == "Land"]
    assert [(c.total.stated, [(p.stated, p.sign) for p in c.parts]) for c in land] == [
        ("$311,244,038", [("$311,244,038", 1), ("-", -1)]),
        ("$322,515,811", [("$324,115,811", 1), ("1,600,000", -1)])]
    assert len(checks) == 20 and all(c.verdict in HOLDS for c in checks)  # nine rows and Total, two years
    # Water infrastructure 2022: 167,022,959 − 62,759,540 = 104,263,419, printed 104,263,418
    (water,) = [c for c in checks if c.lane_label == "Water infrastructure" and c.total.stated == "104,263,418"]
    assert water.verdict is Verdict.ROUNDING
    # a misprinted net value is an alarm: the reading holds in the other rows
    table = found[5][-1]  # the net book value block, under the cost and the amortization blocks
    row = next(r for r in table.rows if r.label == "Roads infrastructure")
    cell = row.cells[1]
    from factcheck.tables.cells import CellNumber
    from factcheck.tables.detect import Cell

    row.cells[1] = Cell("120,892,110", CellNumber("120,892,110", Fraction(120892110), 0, Fraction(1, 2)),
                        cell.col, cell.bbox)
    (roads,) = [c for c in stacked_checks(found) if c.total.stated == "120,892,110"]
    assert roads.verdict is Verdict.MISMATCH and roads.alarm


def test_a_saldo_column_adds_the_costs_printed_negative() -> None:
    # Dutch municipal budget, Tabel 6.2: "baten | lasten | saldo" four times over, lasten printed
    # negative ("+ = voordeel"): each saldo is the baten and lasten before it, off by one in places
    checks = check_pdf(DOCS / "nltaal-02.pdf", lang="nl", pages=[1], all_pages=True)
    saldo = [c for c in checks if c.total_label == "saldo"]
    assert len(saldo) >= 48 and all(c.verdict in HOLDS for c in saldo)
    first = [c for c in saldo if c.lane_label == "P1 Veiligheid en handhaving"]
    assert [(c.total.stated, [p.stated for p in c.parts]) for c in first] == [
        ("-4.496", ["105", "-4.602"]), ("-4.414", ["105", "-4.520"]),
        ("-4.451", ["105", "-4.557"]), ("-4.451", ["105", "-4.557"])]
    assert first[0].verdict is Verdict.ROUNDING and first[0].relation == "sum"


def test_a_section_heading_merged_into_its_first_row_signs_the_rows_under_it() -> None:
    # Business case (Tabel 4.3): "Kosten Licentie …", three more cost rows without a cost word,
    # "Effecten Besparing …" and two more savings; the saldo is the savings less the costs
    checks = check_pdf(DOCS / "nlgem-03.pdf", lang="nl", pages=[2], all_pages=True)
    (saldo,) = [c for c in checks if c.total_label == "Saldo kosten en baten"]
    assert saldo.verdict is Verdict.CONSISTENT
    assert [p.sign for p in saldo.parts] == [-1, -1, -1, -1, 1, 1, 1]


def test_an_unnamed_net_column_is_the_sum_of_the_two_before_it() -> None:
    # Royal Sutton Coldfield Town Council, income and expenditure account: "Gross Expenditure |
    # Income | Net Expenditure", spending in brackets; no word says Net is a total, the rows do
    # ((163,521) + 68,635 = (94,886)), exactly in every row
    checks = check_pdf(DOCS / "engov-03.pdf", lang="en", pages=[2], all_pages=True)
    net = [c for c in checks if c.orientation == "column" and c.total_label.startswith("2018 £ Net Expenditure")]
    assert len(net) >= 10 and all(c.verdict is Verdict.CONSISTENT for c in net)
    culture = next(c for c in net if c.lane_label == "Cultural and Heritage")
    assert [(p.stated, p.sign) for p in culture.parts] == [("(163,521)", 1), ("68,635", 1)]
