"""A column that adds up the columns right before it, found from the arithmetic (tables.column_sums):
the City of Mississauga's 2025 budget (dev excerpt ensbh-01, pages 2 and 3)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _sums(page: int) -> dict[str, list[str]]:
    checks = check_pdf(DOCS / "ensbh-01.pdf", lang="en", pages=[page], all_pages=True)
    found = [c for c in checks if c.reading.startswith("the columns right before it added up")]
    assert found and all(c.verdict in HOLDS and not c.alarm for c in found)
    return {c.total.stated: [p.stated for p in c.parts] for c in found}


def test_next_years_budget_is_this_years_plus_the_changes_in_every_row() -> None:
    # "2024 Operating Budget | Maintain Current Service Levels | New Initiatives | 2025 Proposed
    # Budget": no header word says so, the rows do (163,114 for 156,971 + 5,473 + 671: rounding)
    sums = _sums(2)
    assert sums["37,108"] == ["46,846", "(9,738)", "0"]
    assert sums["163,114"] == ["156,971", "5,473", "671"]
    # the Total row's figure is read as its column's total already; the change column is no sum
    assert "707,974" not in sums and "3.8%" not in sums


def test_an_adjusted_budget_adds_up_its_row_with_signs() -> None:
    # "Adjusted Budget" after seven columns of revenue and contributions from reserves in brackets
    sums = _sums(3)
    assert sums["196,101"] == ["243,925", "0", "(76,212)", "31,887", "(18,300)", "0", "14,800"]


def test_a_total_under_a_total_adds_the_total_and_the_rows_between() -> None:
    # "Total 707,974", "Public Safety Fire Program 6,820", "Capital Infrastructure & Debt Repayment
    # Levy 20,460", "Total Tax Levy Funded 735,254" (tables.total_of_totals): the reader cut the
    # page into two tables at "Assessment Growth", which prints a percentage only
    checks = check_pdf(DOCS / "ensbh-01.pdf", lang="en", pages=[2], all_pages=True)
    levy = [c for c in checks if c.total.stated == "735,254"]
    assert len(levy) == 1 and levy[0].verdict is Verdict.CONSISTENT and levy[0].doubt is None
    assert [p.stated for p in levy[0].parts] == ["707,974", "6,820", "20,460"]
    assert levy[0].reading.startswith("the total above it ('Total')")


def test_a_column_headed_by_a_range_of_years_adds_up_those_years() -> None:
    # The Joint Committee on Taxation's estimate of the Consolidated Appropriations Act, 2021
    # (dev excerpt enfcs-01, page 2): "2021 … 2030  2021-25  2021-30" with no word "total";
    # "TOTAL OF DIVISION N  -167,473  39  29  26  20  16  7  -1  -4  -4  -167,356  -167,344"
    # (the range columns are summed before rounding: within the rounding of the years)
    checks = check_pdf(DOCS / "enfcs-01.pdf", lang="en", pages=[2], all_pages=True)
    found = {c.total.stated: [p.stated for p in c.parts] for c in checks
             if c.total.stated in ("-167,356", "-167,344") and c.verdict in HOLDS and not c.alarm}
    assert found["-167,356"] == ["-167,473", "39", "29", "26", "20"]
    assert found["-167,344"] == ["-167,473", "39", "29", "26", "20", "16", "7", "-1", "-4", "-4"]


def test_a_row_drawn_in_dashes_across_the_columns_is_no_row_of_nil_cells() -> None:
    # enfcs-01 page 5: "5. Treatment of certain possessions ... DOE - - - - - - - Estimate Included
    # in Division EE, Items III.1.-III.3. - - - -" had made 28 columns of dashes; the years are
    # the columns, and "[16]" (a footnote: "Loss of less than $500,000") is a figure under half
    # the unit, as "*" is
    checks = check_pdf(DOCS / "enfcs-01.pdf", lang="en", pages=[5], all_pages=True)
    by_total = {c.total.stated: c for c in checks}
    low_income = by_total["-337"]
    assert low_income.verdict in HOLDS and [p.stated for p in low_income.parts] == ["-7", "-44", "-79", "-99", "-108"]
    casualty = by_total["-8,300"]
    assert casualty.verdict in HOLDS and [p.stated for p in casualty.parts][:4] == ["-5,395", "-1,660", "-830", "-415"]
