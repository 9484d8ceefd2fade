"""Rows numbered with letters ("b. Active subtotal"), a line of column numbers under the header,
negative percentages in brackets, and rates set among amounts: an actuarial valuation's summary
table (Teacher Retirement System of Texas, valuation 2024, Table 2: development document enpfr-01)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.labels import clean_label, row_kind

DOCS = Path(__file__).parent / "unseen" / "docs"
PDF = DOCS / "enpfr-01.pdf"


def test_a_letter_and_a_full_stop_number_a_row() -> None:
    assert clean_label("e. Subtotal, members") == "Subtotal, members"
    assert clean_label("(b) Grants") == "Grants"
    assert row_kind("e. Subtotal, members") == "sub"
    assert row_kind("b. Active subtotal") == "sub"
    # an abbreviation is no letter: "e.g." and "U.S." keep their words
    assert clean_label("U.S. Treasury") == "U.S. Treasury"


def test_the_columns_numbers_are_a_header_and_lettered_lines_start_a_label() -> None:
    table = find_page_tables(PDF, "en", pages=[2], all_pages=True)[2][0]
    labels = [r.label for r in table.rows]
    # "(1) (2) (3) (4)" under the headers is no first row of negative figures
    assert not any(c.text == "(1)" for r in table.rows for c in r.cells.values())
    # "2. In DROP  2" keeps its 2 in the column of 970,872 above it
    drop = next(r for r in table.rows if r.label.endswith("In DROP"))
    assert {k: c.text for k, c in drop.cells.items()} == {0: "2", 1: "2"}
    # "f. Inactive nonvested members" over "due refunds 439,889" is that row's label, not the end
    # of "e. Subtotal, members" above it
    assert "e. Subtotal, members" in labels
    assert "f. Inactive nonvested members due refunds" in labels


def test_subtotals_of_lettered_rows_and_a_total_of_amounts_under_rates() -> None:
    checks = check_pdf(PDF, lang="en", pages=[2], all_pages=True)
    by_label = {}
    for c in checks:
        by_label.setdefault(c.total_label, []).append(c)
    active = by_label["Active subtotal"]
    assert [p.stated for p in active[0].parts] == ["970,872", "2"]
    members = by_label["Subtotal, members"]
    assert [p.stated for p in members[0].parts] == ["970,874", "138,146", "508,701"]
    total = by_label["Total membership"]
    assert [p.stated for p in total[0].parts] == ["1,617,721", "439,889"]
    # "f. Total" of the present values adds up a. to e., not the normal cost rates printed above
    # them in the same column ("a. Gross normal cost 12.10%", "b. Less employee contribution
    # rate (8.25%)")
    pvfb = by_label["Total"]
    assert [p.stated for p in pvfb[0].parts] == [
        "$133,927,805,157", "2,079,196,524", "7,509,703,539", "187,884,499,767", "1,218,489,735"]
    for c in active + members + total + pvfb:
        assert c.verdict is Verdict.CONSISTENT and not c.alarm
    assert len(active) == len(members) == len(total) == len(pvfb) == 2


def test_a_negative_percentage_in_brackets_is_a_cell_when_set_a_column_apart() -> None:
    tables = find_page_tables(PDF, "en", pages=[2], all_pages=True)[2]
    less = next(r for t in tables for r in t.rows if r.label == "b. Less employee contribution rate")
    cells = sorted(less.cells.values(), key=lambda c: c.col)
    assert [c.text for c in cells] == ["(8.25%)", "(8.25%)"]
    assert all(c.number is not None and c.number.percent and c.number.value < 0 for c in cells)


def test_an_outline_heading_over_its_first_lettered_item_and_a_date_under_the_header() -> None:
    # Table 4, development of the actuarial value of assets: "2. Net new investments" over "a.
    # Contributions  $ 15,642,385,424"; the header "Year Ending" over "August 31, 2024"
    (table, _deferrals) = find_page_tables(PDF, "en", pages=[3], all_pages=True)[3]
    assert table.columns[-1].header == "Year Ending August 31, 2024"
    heading = next(r for r in table.rows if r.label == "2. Net new investments")
    assert heading.section and not heading.cells
    assert any(r.label == "a. Contributions" for r in table.rows)
    checks = check_pdf(PDF, lang="en", pages=[3], all_pages=True)
    (sub,) = [c for c in checks if c.total_label == "Subtotal"]
    assert sub.verdict is Verdict.CONSISTENT
    assert [p.stated for p in sub.parts] == ["15,642,385,424", "(16,002,702,985)", "(84,717,041)"]
    # "5. Expected actuarial value at end of year (1 + 2.d + 4)": item 1, the subtotal and item 4
    (expected,) = [c for c in checks if c.total_label.startswith("Expected actuarial value")]
    assert expected.verdict is Verdict.CONSISTENT
    assert [p.stated for p in expected.parts] == ["199,663,655,982", "(445,034,602)", "13,960,879,708"]

