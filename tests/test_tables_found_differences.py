"""Rows and columns that are one other plus or minus another, found from the arithmetic alone
(factcheck.tables.found_differences), on real tables of development documents."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _found(doc: str, page: int, lang: str = "en") -> list:
    return [c for c in check_pdf(DOCS / doc, lang=lang, pages=[page], all_pages=True)
            if c.page == page and c.reading.startswith("found from the arithmetic: in every")]


def test_a_result_row_far_below_the_two_rows_it_combines() -> None:
    # Budget at a Glance: "Revenue Deficit" = Revenue Expenditure − Revenue Receipts, six rows apart,
    # in every column, one of them off by a unit of rounding (36,00,914 − 30,36,619 = 5,64,295)
    found = [c for c in _found("enasi-03.pdf", 1) if c.total_label == "Revenue Deficit"]
    assert len(found) == 4 and all(c.verdict in HOLDS for c in found)
    assert [(p.stated, p.sign) for p in found[0].parts] == [("36,00,914", 1), ("30,36,619", -1)]
    assert found[0].verdict is Verdict.ROUNDING


def test_a_statement_result_read_from_the_two_totals_above_it() -> None:
    # STATEMENT OF ACTIVITIES: "TOTAL CHANGE IN NET ASSETS" = Total Revenues − Total Expenses; the
    # Total column's figure is the row's own sum, checked as that and not read again
    found = [c for c in _found("enngo-01.pdf", 2) if c.total_label == "TOTAL CHANGE IN NET ASSETS"]
    assert found and all(c.verdict in HOLDS and c.doubt is None for c in found)
    assert [p.stated for p in found[0].parts] == ["6,733.31", "545.72"]
    assert {c.lane_label for c in found} <= {"Unrestricted", "Temporarily Restricted", "Permanently Restricted"}


def test_parts_printed_below_their_total() -> None:
    # "II. Correctie op de periodieke aflossingen" = a. − b., the two rows under it
    found = [c for c in _found("nltaal-04.pdf", 2, "nl") if "Correctie" in c.total_label]
    assert len(found) == 6 and all(c.verdict is Verdict.CONSISTENT for c in found)
    assert [p.stated for p in found[0].parts] == ["9.215.000", "2.328.800"]


def test_never_an_alarm_and_no_reading_from_columns_that_repeat_one_figure() -> None:
    # a town budget whose small lines print the same amount in every year ("$100 $100 $100"):
    # $600 = $100 + $500 five times over is one coincidence, not five
    found = _found("entab-01.pdf", 3)
    assert not found
    for doc, page in (("enstat-01.pdf", 3), ("enasi-03.pdf", 1), ("nltaal-04.pdf", 2)):
        assert all(c.verdict in HOLDS for c in _found(doc, page))


def test_a_result_of_three_lines() -> None:
    # Statement of Financial Position: "Accumulated Surplus" = financial assets − liabilities +
    # non-financial assets, in both years, the three lines printed before it
    found = [c for c in _found("enmun-03.pdf", 3) if c.total.stated == "17,295.0"]
    assert len(found) == 1 and found[0].verdict is Verdict.CONSISTENT
    assert sorted((p.stated, p.sign) for p in found[0].parts) == [("14,441.6", 1), ("5,657.7", -1), ("8,511.1", 1)]



def test_a_column_whose_head_was_not_read_in_every_row() -> None:
    # Sri Lanka Fisheries Statistics 2023, Table 6.1 (enpqh-01 p7): the heads stand on four stacked
    # lines and are not read, so no column has a word; "Balance of Fish Trade (Rs.Mn)" is Exports
    # value − Imports value in all nineteen years (10,328 − 5,132 = 5,196; some years a unit off in
    # rounding), no coincidence
    found = _found("enpqh-01.pdf", 7)
    assert len(found) == 19 and all(c.verdict in HOLDS for c in found)
    assert sum(c.verdict is Verdict.CONSISTENT for c in found) >= 15
    assert [(p.stated, p.sign) for p in found[0].parts] == [("10,328", 1), ("5,132", -1)]
    assert found[0].total.stated == "5,196"
