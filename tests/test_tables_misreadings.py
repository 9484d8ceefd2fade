"""Readings that made false alarms on the first look at new unseen documents (round 11): account
codes read as a column of amounts, a percentage 'found' in a column that repeats another, and a
row formula summed in a column of rates of change."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_account_codes_before_the_labels_are_no_column_and_the_first_row_counts() -> None:
    # UCLA student government's encumbrance budget: "24682   Alumni Scholars Club Bruin   250.00
    # 0.00   0.00   250.00" under the group codes "4130", "110", "6220" on lines of their own.
    # Read as a column of amounts, the codes cut the table after its first row and the Total
    # (7,388.33) missed those 250.00: two false mismatches.
    (table,) = find_page_tables(DOCS / "enedu-03.pdf", "en", pages=[4], all_pages=True)[4]
    first = table.rows[0]
    assert [c.text for _, c in sorted(first.cells.items())] == ["250.00", "0.00", "0.00", "250.00"]
    assert "24682" not in {c.text for r in table.rows for c in r.cells.values()}
    checks = check_pdf(DOCS / "enedu-03.pdf", lang="en", pages=[4], all_pages=True)
    assert not [c for c in checks if c.alarm]
    allocated = next(c for c in checks if c.total.stated == "7,388.33")
    assert allocated.verdict is Verdict.CONSISTENT and len(allocated.parts) == 24


def test_a_column_that_repeats_another_is_no_percentage_of_an_amount_and_a_rate() -> None:
    # OWASP's management report: "Budget (full FY)" repeats "Budget (YTD)" figure for figure in
    # December, so it "is" the change over the change in percent (25,608 / 2.86 % = 895,385 ≈
    # 893,925): a consequence of the % column, written as 37 claims that `check` found false.
    checks = check_pdf(DOCS / "enngo-03.pdf", lang="en", pages=[6], all_pages=True)
    assert not [c for c in checks if c.lane_label and "Budget (full FY)" in c.total_label]
    assert not [c for c in checks if c.alarm]
    # the printed percentages are still read, as the change over the budget
    share = [c for c in checks if c.total.stated == "2.86%"]
    assert share and all(c.verdict in HOLDS for c in share)


def test_a_row_formula_is_not_summed_in_a_column_of_rates_of_change() -> None:
    # PRS's Union Budget 2026-27 analysis: "Receipts (without borrowings) (C+D+E)" holds in the
    # amount columns, while its "% change" (7.2 %) is no sum of the rows' 7.2 %, -0.2 % and 84.9 %
    checks = check_pdf(DOCS / "enasi-03.pdf", lang="en", pages=[2], all_pages=True)
    formula = [c for c in checks if c.total_label.startswith("Receipts (without borrowings)")
               and c.reading.startswith("the formula")]
    assert len(formula) == 4 and all(c.verdict in HOLDS for c in formula)
    assert all("%" not in c.total.stated for c in formula)
    rate = [c for c in checks if c.total.stated == "7.2%" and "Receipts" in c.lane_label]
    assert rate and all(c.verdict in HOLDS for c in rate)
    assert not [c for c in checks if c.alarm]


def test_a_column_of_what_is_left_takes_two_columns_off_the_first() -> None:
    # UCLA student government: "Available" = Allocated - Expenses - Reserved on every line
    # ("105,000.00  8,963.60  1,250.00  94,786.40"), the Total line included
    checks = check_pdf(DOCS / "enedu-03.pdf", lang="en", pages=[2], all_pages=True)
    left = [c for c in checks if c.total_label == "Available" and c.relation == "difference"]
    assert len(left) >= 15 and all(c.verdict is Verdict.CONSISTENT for c in left)
    total = next(c for c in left if c.lane_label == "Total")
    assert [(p.stated, p.sign) for p in total.parts] == [("446,509.92", 1), ("162,732.96", -1), ("10,113.57", -1)]
    assert total.reading.startswith("a column of what is left")


def test_rates_of_change_are_not_added_up_and_a_negative_base_has_no_growth_rate() -> None:
    # Southwark's budget book 2012/13, formula grant blocks: a "%" column (its sign lost to the
    # units line) is the change from 2011/12 Adjusted to the Settlement in four rows; its
    # Sub-total "(7.40)" is no sum of the rows' rates, and "(30,023) to (28,188)" printed as
    # 6.11 is the change over the amount's size, a convention a ratio cannot judge
    checks = check_pdf(DOCS / "enukc-01.pdf", lang="en", pages=[1], all_pages=True)
    assert not [c for c in checks if c.alarm]
    rates = [c for c in checks if c.relation == "growth" and c.verdict in HOLDS]
    assert len(rates) >= 4
    assert not [c for c in checks if c.total.stated == "6.11" and c.relation == "growth"]
    subtotal = next(c for c in checks if c.total.stated == "(7.40)")
    assert subtotal.doubt is not None and "rates of change" in subtotal.doubt
    assert [c.verdict for c in checks if c.total_label == "Sub-total" and c.lane_label == "Change"] == [
        Verdict.CONSISTENT]
