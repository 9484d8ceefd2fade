"""Slips a spreadsheet budget makes, read on a real page: enutl-01 (development half of
tests/unseen), a pension fund's budget 2020 with estimate, previous estimate, actuals, an
INCREASE/(DECREASE) column and a variance column. Each slip was confirmed on the page image by
the person who labelled it."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf
from tests.support.tables import check_all_alarms

PDF = Path(__file__).parent / "unseen" / "docs" / "enutl-01.pdf"


def _page2() -> list:  # type: ignore[type-arg]
    return check_all_alarms(PDF, lang="en", pages=[2], all_pages=True)


def test_a_total_carried_over_from_last_years_column_is_an_alarm() -> None:
    # "Total Other Income" prints 35,000 in both budget years; the 2020 rows add up to 42,000.
    # The parts of the column beside it making 35,000 is no figure slipped one column over, since
    # that column prints the same 35,000 itself
    other = [c for c in _page2() if c.total_label == "Total Other Income"]
    by_lane = {c.lane_label: c for c in other}
    (slip,) = [c for c in other if c.verdict is Verdict.MISMATCH]
    assert slip.alarm and slip.doubt is None and slip.difference == -7000
    assert [p.stated for p in slip.parts] == ["10,000", "5,000", "26,000", "1,000"]
    assert sum(c.verdict is Verdict.CONSISTENT for c in by_lane.values()) == 1
    # the actuals column leaves the total "-" over rows of 35,586: not filled in, no verdict
    assert len(other) == 2


def test_a_change_column_row_that_adds_both_years_is_an_alarm() -> None:
    # INCREASE/(DECREASE) is last year's estimate less this year's in the other rows; two rows
    # print minus both ("(11,000,000)" for 5,400,000 and 5,600,000): a formula slip, not a reading
    change = {c.lane_label: c for c in _page2()
              if c.orientation == "column" and c.total_label.startswith("INCREASE")}
    slips = {k: c for k, c in change.items() if c.verdict is Verdict.MISMATCH}
    assert sorted(slips) == ["4031-38 Public Service Contributions", "Police Contributions"]
    assert all(c.alarm and c.doubt is None for c in slips.values())
    assert sum(c.verdict is Verdict.CONSISTENT for c in change.values()) >= 5


def test_a_zero_total_whose_own_rows_are_not_printed_is_no_alarm() -> None:
    # enint-03 (development half): an association's balance sheet exported from its accounting
    # software; "Total Liabilities €0.00" stands right under "Total Assets" with no rows of its own
    pdf = PDF.with_name("enint-03.pdf")
    (liabilities,) = [c for c in check_pdf(pdf, lang="en", pages=[2], all_pages=True)
                      if c.total_label == "Total Liabilities"]
    assert not liabilities.alarm and liabilities.doubt is not None


def test_a_total_echoing_its_heading_adds_the_groups_entries_each_inner_group_once() -> None:
    # enint-03 p2: "Avoirs €174,621.79", its groups each with heading amount, entries and
    # "Total <group>", then "Total Avoirs €174,621.79" (accounting software's balance sheet)
    checks = {c.total_label: c for c in check_pdf(PDF.with_name("enint-03.pdf"), lang="en", pages=[2], all_pages=True)}
    avoirs = checks["Total Avoirs"]
    assert [p.stated for p in avoirs.parts] == ["€468.42", "€181.61", "€40,000.00", "€133,971.76"]
    assert avoirs.verdict is Verdict.CONSISTENT and "heading" in avoirs.reading
    cash = checks["Total Valeurs disponibles"]
    assert [p.stated for p in cash.parts] == ["€110,129.14", "€19,671.22", "€4,171.40"]


def test_result_lines_take_the_result_above_and_the_signed_totals_since() -> None:
    # enlgv-01 p1 (development half): a parish council's monthly Financial Summary from its
    # accounting software, "Gross Profit (5,714.93)" with no sales above it
    checks = {c.total_label: c for c in check_pdf(PDF.with_name("enlgv-01.pdf"), lang="en", pages=[1], all_pages=True)}
    assert [(p.stated, p.sign) for p in checks["Gross Profit"].parts] == [("5,714.93", -1)]
    assert [(p.stated, p.sign) for p in checks["Operating Profit"].parts] == [("(5,714.93)", 1), ("3,207.98", -1)]
    before_tax = checks["Profit on Ordinary Activities Before Taxation"]
    assert [(p.stated, p.sign) for p in before_tax.parts] == [("(8,922.91)", 1), ("41,000.00", 1)]
    assert all(c.verdict is Verdict.CONSISTENT for c in checks.values())
    # the administrative costs are their seven rows, not the gross profit cancelling its own total
    assert len(checks["Total Administrative Costs"].parts) == 7


def test_an_amount_printed_as_approximate_is_a_cell() -> None:
    # enparl-01 p3 (development half): Singapore Budget 2024 annex, "S&CC Rebate … ~$150" above
    # "Total amount received in FY2024 $5,500"; the tilde had ended the table before its total
    (total,) = [c for c in check_pdf(PDF.with_name("enparl-01.pdf"), lang="en", pages=[3], all_pages=True)
                if c.total_label.startswith("Total amount received")]
    assert [p.stated for p in total.parts] == ["$600", "$3,600", "$300", "$850", "~$150"]
    assert total.verdict is Verdict.CONSISTENT


def test_a_continuation_without_a_sparse_column_is_joined_column_by_column() -> None:
    # enlgv-01 pp2-3: a transactions listing whose REFERENCE column holds a number on page 2 only;
    # page 3 repeats the other headers at the same right edges and closes with the totals
    checks = {c.lane_label: c for c in check_pdf(PDF.with_name("enlgv-01.pdf"), lang="en", pages=[2, 3], all_pages=True)
              if c.total_label == "Total New Bradwell Parish Council" and c.orientation == "row"}
    debit = checks["DEBIT"]
    assert debit.verdict is Verdict.CONSISTENT
    assert [p.stated for p in debit.parts if p.stated != "-"] == ["41,000.00", "34.45", "3,343.93"]
    assert checks["CREDIT"].verdict is Verdict.CONSISTENT and len(checks["CREDIT"].parts) > 20


def test_not_for_publication_cells_and_names_with_change_in_them() -> None:
    # engen-03 p1 (development half): Australia's Budget Paper No. 2 2026-27, a measure with "nfp"
    # (not for publication) in later years, under the portfolio "CLIMATE CHANGE, ENERGY, …"
    checks = check_pdf(PDF.with_name("engen-03.pdf"), lang="en", pages=[1], all_pages=True)
    climate = [c for c in checks if c.total.stated == "1.7"]
    assert [p.stated for p in climate[0].parts] == ["1.4", "0.3"] and climate[0].verdict is Verdict.CONSISTENT
    # the years where the agency's figure is "nfp" add up without it
    assert any(c.total.stated == "1.2" and [p.stated for p in c.parts] == ["1.2"] for c in checks)
    assert not [c for c in checks if c.alarm]
