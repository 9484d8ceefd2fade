"""Layouts first met on unseen dev documents (issue 9, round 15): a column of text after the
figures, a total column under a heading it shares with the columns before it, a unit line inside
the header."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf
from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_rows_that_end_in_a_text_column_are_read_up_to_their_figures() -> None:
    # A PTA's deposit lists: "Date | Memo | Checks | Cash | Total | Category", each row ending in
    # its category's name ("Book Fair"); Total = Checks + Cash in every row
    checks = check_pdf(DOCS / "enxbk-03.pdf", lang="en", pages=[2], all_pages=True)
    totals = [c for c in checks if c.total_label == "Total"]
    assert [(c.total.stated, [p.stated for p in c.parts]) for c in totals[:4]] == [
        ("6284.35", ["0.00", "6284.35"]), ("750.00", ["0.00", "750.00"]),
        ("750.00", ["0.00", "750.00"]), ("6360.29", ["0.00", "6360.29"])]
    assert all(c.verdict is Verdict.CONSISTENT for c in totals) and len(totals) >= 10
    # the category column is no part of any row: the rows are the date and the memo
    assert totals[0].lane_label == "10/11/2024 Scholastic Book Fair"
    assert [c.lane_label for c in totals if c.total.stated == "52.80"] == ["8/26/2024 Square Deposit"]
    assert not [c for c in checks if c.alarm]


def test_a_total_column_under_a_spanning_heading_adds_the_columns_under_it() -> None:
    # A US RDT&E exhibit: "FY 2019" over "Base | OCO | Total", with "COST ($ in Millions)"
    # set in the labels' column between the two header lines; and a table whose header words
    # stand on its caption's line ("B. Program Change Summary ($ in Millions)  FY 2017 ...")
    checks = checks_by_label(DOCS / "enpen-01.pdf", [1, 2])
    fy = checks["FY 2019 Total"]
    assert {c.page for c in fy} == {1, 2}
    assert all(c.reading.startswith("the columns right before it under the same heading") for c in fy)
    first = {(c.page, c.lane_label): [p.stated for p in c.parts] for c in fy}
    assert first[(1, "Total Program Element")] == ["56.853", "-"]
    assert first[(2, "Previous President's Budget")] == ["57.647", "-"]
    assert all(c.verdict in HOLDS for c in fy)
    assert not [c for cs in checks.values() for c in cs if c.alarm]
