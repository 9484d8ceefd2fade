"""What a reader takes from a table's labels and lines, first met on unseen dev documents: a label
that ends in the total word, a result line that repeats the line above it, blocks closed by
unlabelled subtotal lines, and "Rates" as a property tax."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf
from factcheck.tables.labels import row_kind
from tests.support.tables import checks_by_label as _by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_a_label_ending_in_the_total_word_closes_its_group() -> None:
    # Vancouver's 2014 Q3 capital budget by service category: "01. Community Facilities Total"
    # closes the rows since the last group's total, and "Grand Total" adds the eight group totals
    checks = _by_label(DOCS / "enmun-01.pdf", [4])
    community = checks["Community Facilities Total"]
    assert len(community) == 4 and all(c.verdict in HOLDS for c in community)
    assert community[0].reading == "the rows since the previous total"
    grand = {c.total.stated: c for c in checks["Grand Total"]}
    assert [p.stated for p in grand["296,511"].parts] == [
        "34,742", "25,825", "16,287", "4,567", "69,073", "80,718", "57,099", "8,199"]
    assert all(c.verdict in HOLDS for c in grand.values()) and len(grand) == 4
    assert not [c for cs in checks.values() for c in cs if c.alarm]


def test_total_word_at_the_end_of_a_label_and_ratios_of_a_total() -> None:
    # labels quoted from real tables: a grand total and a subtotal named at the end; a share of
    # the total is a ratio, not a total
    assert row_kind("Activities Grand Total:") == "grand"
    assert row_kind("Accomplishments/Planned Programs Subtotals") == "sub"
    assert row_kind("03. Housing Total") == "total"
    assert row_kind("Percent of total") == "none"
    assert row_kind("Share of the total") == "none"


def test_a_result_line_that_repeats_the_line_above_is_that_line_carried_down() -> None:
    # The Carpentries' quarterly profit and loss (QuickBooks): "GROSS PROFIT" under "Total Income"
    # and "NET INCOME" under "NET OPERATING INCOME" print the same figures in every column
    checks = check_pdf(DOCS / "enaud-03.pdf", lang="en")
    gross = [c for c in checks if c.total_label == "GROSS PROFIT" and c.page == 1]
    assert len(gross) == 5 and all(c.verdict is Verdict.CONSISTENT for c in gross)
    assert [p.stated for p in gross[0].parts] == ["367,858.67"]
    net = [c for c in checks if c.total_label == "NET INCOME" and c.page == 4]
    assert len(net) == 5 and [p.stated for p in net[0].parts] == ["-145,377.73"]
    # the totals and the result above them are still read as before
    expenses = [c for c in checks if c.total_label == "Total Expenses" and c.page == 4]
    assert len(expenses) == 5 and all(c.verdict is Verdict.CONSISTENT for c in expenses)
    operating = [c for c in checks if c.total_label == "NET OPERATING INCOME" and c.page == 4]
    assert [p.stated for p in operating[0].parts] == ["367,858.67", "513,236.40"]
    assert not [c for c in checks if c.alarm]
    # (a parish council's "Profit after Taxation" under the profit before it, nothing taxed)
    after = _by_label(DOCS / "enlgv-01.pdf", [1])["Profit after Taxation"]
    assert [(c.total.stated, [p.stated for p in c.parts]) for c in after] == [("32,077.09", ["32,077.09"])]


def test_blocks_closed_by_unlabelled_lines_and_rates_as_an_amount() -> None:
    # London Hackspace's detailed profit and loss account: "Premises costs:" Rent + Rates + Light
    # and heat + Cleaning closed by an unlabelled line (Rates are the property tax, an amount);
    # "Employee costs:" one item closed by its own line; the last line adds the blocks' lines
    checks = [c for c in check_pdf(DOCS / "ennpo-01.pdf", lang="en", pages=[5], all_pages=True) if c.page == 5]
    by_total = {c.total.stated: c for c in checks}
    assert [p.stated for p in by_total["110,608"].parts] == ["79,583", "19,293", "10,792", "940"]
    assert [p.stated for p in by_total["61"].parts] == ["61"]
    assert [p.stated for p in by_total["125,212"].parts] == ["-", "110,608", "14,465", "139"]
    assert [p.stated for p in by_total["125,004"].parts] == ["61", "108,926", "15,812", "205"]
    assert all(by_total[t].verdict is Verdict.CONSISTENT for t in ("110,608", "61", "125,212", "125,004"))
    assert not [c for c in checks if c.alarm]
    assert row_kind("Rates") == "none"  # the label alone says nothing: the figures under it decide


def test_business_rates_are_an_amount_of_the_total() -> None:
    # Southwark's formula grant 2012/13: Total = Revenue support grant + Redistributed business
    # rates (+ Council tax freeze grant where printed), read as the rows since the previous total
    totals = {c.lane_label: c for c in _by_label(DOCS / "enukc-01.pdf", [2])["Total"]}
    assert [p.stated for p in totals["2011/12 Original"].parts] == ["54,966", "177,824"]
    assert [p.stated for p in totals["2012/13 Final"].parts] == ["1,871", "212,950", "2,257"]
    assert all(c.verdict is Verdict.CONSISTENT and c.reading == "the rows since the previous total"
               for c in totals.values())
