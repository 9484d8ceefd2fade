"""Rows whose codes nest: a head adds up its direct children, a "Total-" line its block.

The excerpts are enrvb-01 and enrvb-03 (development half of tests/unseen): Pakistan's federal budget,
Demands for Grants 2020-21. Object heads nest by their codes ("A01" over "A011" over "A011-1"), the
third level printed in brackets as "of which" details, and "Total- NAME" lines close each block.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_found_tables, find_page_tables
from factcheck.tables.cells import parse_cell
from factcheck.tables.code_tree import _code_run, _key, _tree_checks, _under
from factcheck.tables.detect import Cell, Row, Table
from factcheck.tables.records import TableCheck
from factcheck.tables.totals import check_table

DOCS = Path(__file__).parent / "unseen" / "docs"
VOLUME_I = DOCS / "enrvb-01.pdf"
VOLUME_V = DOCS / "enrvb-03.pdf"


def test_a_code_is_read_where_the_label_starts_or_after_the_lines_joined_to_it() -> None:
    assert _code_run("A011-1 Pay of Officers".split()) == ("A011-1", 1)
    assert _code_run("011102- A01 Employees Related Expenses".split()) == ("011102- A01", 2)
    # a label joined with the wrapped line and the block heading above it ends with its own code
    joined = "STATE ID0073 ADVISER TO THE PRIME MINISTER 011102- A01 Employees Related Expenses".split()
    assert _code_run(joined) == ("011102- A01", 9)
    assert _code_run("MINISTER 011102 Total- Federal Executive".split()) == ("011102", 2)
    assert _code_run("1.2 Subsidies to municipalities".split()) == ("1.2", 1)
    assert _code_run("Regular Allowances".split()) is None
    assert _code_run("Pay of Officers 2020".split()) is None  # a number ending the label is no code


def test_a_head_is_a_strict_prefix_of_its_rows_codes_without_separators() -> None:
    assert _under(_key("A011-1"), _key("A011"))
    assert _under(_key("011102- A011"), _key("011102- A01"))
    assert _under(_key("1.2.3"), _key("1.2"))
    assert not _under(_key("A03"), _key("A01"))
    assert not _under(_key("A01"), _key("A01"))


def _page(pdf: Path, number: int) -> Table:
    (table,) = find_page_tables(pdf, "en", [number], all_pages=True)[number][:1]
    return table


def _by_label(checks: list[TableCheck]) -> dict[str, list[TableCheck]]:
    out: dict[str, list[TableCheck]] = {}
    for c in checks:
        out.setdefault(c.total_label, []).append(c)
    return out


def test_heads_add_up_their_direct_children_and_brackets_are_details() -> None:
    checks = _by_label(check_table(_page(VOLUME_I, 1)))
    employees = checks["A01 Employees Related Expenses"]
    assert [c.verdict for c in employees] == [Verdict.CONSISTENT, Verdict.CONSISTENT]
    # A01 = A011 + A012, not the bracketed details under them
    assert [p.stated for p in employees[0].parts] == ["114,500,000", "77,450,000"]
    # A012 = A012-1 + A012-2: printed "(69,350,000)", "(8,100,000)", read as details it holds
    (allowances, _re) = checks["A012 Allowances"]
    assert allowances.verdict is Verdict.CONSISTENT
    assert [(p.stated, p.value, p.sign) for p in allowances.parts] == [
        ("(69,350,000)", Fraction(-69350000), -1), ("(8,100,000)", Fraction(-8100000), -1)]
    assert "details it holds" in allowances.reading
    # the object classification's Total adds the top-level heads A01, A03, A13
    totals = [c for c in checks["Total"] if len(c.parts) == 3]
    assert totals and all(c.verdict is Verdict.CONSISTENT for c in totals)
    assert [p.stated for p in totals[0].parts] == ["191,950,000", "82,280,000", "47,000"]


def test_a_block_total_adds_the_top_level_heads_of_its_block() -> None:
    checks = _by_label(check_table(_page(VOLUME_I, 2)))
    (ministers, _re) = checks["Total- FEDERAL MINISTERS/MINISTERS OF"]
    assert ministers.verdict is Verdict.CONSISTENT
    assert [p.stated for p in ministers.parts] == ["150,950,000", "66,385,000", "47,000"]
    # the next block's heading was joined to its first row's label; its code is still read
    (adviser, _re) = checks["Total- ADVISER TO THE PRIME MINISTER"]
    assert [p.stated for p in adviser.parts] == ["18,000,000", "10,285,000"]
    # a head whose rows run on over the page break is left alone, not doubted
    assert not [c for c in check_table(_page(VOLUME_I, 2)) if c.doubt]


def test_a_row_whose_code_heads_nothing_is_no_total() -> None:
    # the layout alone reads "A038 Travel & Transportation" as the sum of the rows above it (the
    # bracketed details taken off their heads); its code says it is an item of A03
    checks = check_table(_page(VOLUME_I, 2))
    assert not [c for c in checks if c.total_label.endswith("A038 Travel & Transportation")]
    assert [c.verdict for c in checks if c.total_label == "011102- A03 Operating Expenses"] == [Verdict.CONSISTENT] * 4


def test_coded_totals_add_the_totals_within_their_code() -> None:
    found = find_page_tables(VOLUME_I, "en", [6], all_pages=True)
    checks = _by_label(check_found_tables(VOLUME_I, found))
    (social,) = [c for c in checks["1091 Total- Social Protection & Poverty Alleviation"] if len(c.parts) == 2]
    assert social.verdict is Verdict.CONSISTENT
    assert [p.stated for p in social.parts] == ["152,954,000", "2,000,000,000"]
    # the accountant general's total adds the functional totals in front of it
    (demand,) = [c for c in checks["TOTAL - DEMAND"] if c.total.stated == "2,152,954,000"]
    assert demand.verdict is Verdict.CONSISTENT


def _with_cell(table: Table, label: str, lanes: tuple[int, ...], text: str) -> Table:
    """The table with the figure of the row ``label`` printed as ``text`` in ``lanes``."""
    rows = []
    for row in table.rows:
        if row.label == label:
            cells = dict(row.cells)
            for lane in lanes:
                old = cells[lane]
                cells[lane] = Cell(text, parse_cell(text, table.decimal_sep), old.col, old.bbox)
            row = replace(row, cells=cells)
        rows.append(row)
    return replace(table, rows=rows)


def test_a_head_that_fails_where_its_other_column_holds_is_an_alarm() -> None:
    table = _with_cell(_page(VOLUME_V, 5), "019101- A09 Physical Assets", (1,), "20,310,000")
    checks, _leaves = _tree_checks(table, "")
    (wrong,) = [c for c in checks if c.total.stated == "20,310,000"]
    assert wrong.verdict is Verdict.MISMATCH and wrong.alarm
    assert wrong.difference == 100000


def test_a_head_that_fails_in_every_column_is_a_doubt() -> None:
    table = _with_cell(_page(VOLUME_V, 5), "019101- A09 Physical Assets", (0, 1), "20,310,000")
    checks, _leaves = _tree_checks(table, "")
    wrong = [c for c in checks if c.total.stated == "20,310,000"]
    assert len(wrong) == 2 and all(c.verdict is Verdict.MISMATCH and c.doubt and not c.alarm for c in wrong)


def test_rows_numbered_one_after_another_are_no_tree() -> None:
    # a list whose rows are numbered 1, 2, 3 ... (no code extends another) heads nothing
    cells = {0: Cell("1,000", parse_cell("1,000", "."), 0, (300.0, 0.0, 340.0, 8.0))}
    labels = ["1 Salaries", "2 Travel", "3 Rent", "4 Utilities", "5 Printing", "6 Training", "7 Audit",
              "8 Insurance", "9 Postage", "10 Bank charges", "11 Repairs", "Total"]
    rows = [Row(label, dict(cells), 10.0 * k, 10.0 * k + 8) for k, label in enumerate(labels)]
    table = replace(_page(VOLUME_V, 5), rows=rows)
    assert _tree_checks(table, "") == ([], [])
