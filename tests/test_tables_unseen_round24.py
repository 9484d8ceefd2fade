"""Readings from the first look at the development documents of round 24: a row of figures read as
a header under a line of rate marks, lanes of zeros as support, and a whole printed before the
parts whose shares stand beside them."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_a_figure_read_into_the_header_and_lanes_of_zeros_raise_no_alarm() -> None:
    # HMRC's worked examples of income tax (entax-01): "Earnings 10,000 0 0 …" stands under the
    # header and over a line of rate marks ("@0% =  @20% ="), and was read as a header line, so the
    # Total row's 20,000 missed its 10,000 of earnings. And a "Total liabilities" column read as
    # the sum of the two income columns held only in the Savings and Dividends rows, all zeros:
    # zeros add up under any reading. Both were false mismatches.
    for page in (2, 4):
        checks = check_pdf(DOCS / "entax-01.pdf", lang="en", pages=[page], all_pages=True)
        assert not [c for c in checks if c.alarm], page
    checks = check_pdf(DOCS / "entax-01.pdf", lang="en", pages=[4], all_pages=True)
    (total,) = [c for c in checks if c.total.stated == "20,000" and c.total_label == "Total"]
    assert total.doubt is not None and "10,000" in total.doubt and "header" in total.doubt
    checks = check_pdf(DOCS / "entax-01.pdf", lang="en", pages=[2], all_pages=True)
    (liabilities,) = [c for c in checks if c.total_label == "Total liabilities" and c.lane_label == "Total"]
    assert liabilities.verdict is Verdict.MISMATCH and "no column" in (liabilities.doubt or "")


def test_a_whole_printed_before_the_parts_whose_shares_make_100_percent() -> None:
    # HMRC's disaggregation of tax receipts (enxmx-05): "United Kingdom | England % | Wales % |
    # Scotland % | Northern Ireland %", year by year. The shares of the four nations over the
    # United Kingdom make 100 %, so the United Kingdom is their sum: exact in most years, 9 short
    # in 2001-02 (321,741 printed, 321,750 the sum), a real error of the table.
    checks = check_pdf(DOCS / "enxmx-05.pdf", lang="en", pages=[1], all_pages=True)
    wholes = [c for c in checks if c.total_label == "United Kingdom"]
    assert len(wholes) == 20
    assert all([p.label for p in c.parts] == ["England", "Wales", "Scotland", "Northern Ireland"] for c in wholes)
    first = next(c for c in wholes if c.total.stated == "294,177")
    assert first.verdict is Verdict.CONSISTENT
    slip = next(c for c in wholes if c.total.stated == "321,741")
    assert slip.verdict is Verdict.MISMATCH and slip.alarm and slip.difference == -9
    assert sum(c.verdict in HOLDS for c in wholes) == 15
    # 13 over in 2004-05 is no one digit's slip, but no part can be missing or misread here: an alarm
    off = next(c for c in wholes if c.total.stated == "375,801")
    assert off.alarm and off.difference == 13
    assert sum(c.alarm for c in wholes) == 5


def test_a_lone_dot_between_figures_is_a_nil_cell_and_a_note_number_after_a_word_no_row() -> None:
    # HMRC's taxpayers by marginal rate (enxmx-01): "1990-91  26,100  .  .  24,400  1,700  .  15,400"
    # prints "." for not applicable, and the last header line ends "State Pension Age (7)". The dots
    # ended the row's figures (everything before them became the label) and the "(7)" made the
    # header line a row. And the "65's and over" column, rounded like every figure of the table to
    # three digits, missed All taxpayers less Under 65's by 20 in most rows: rounding, no slip.
    tables = find_page_tables(DOCS / "enxmx-01.pdf", "en", pages=[4], all_pages=True)[4]
    first = tables[0].rows[0]
    assert [c.text for _, c in sorted(first.cells.items())][:7] == ["1990-91", "26,100", ".", ".", "24,400", "1,700", "."]
    assert first.cells[2].number is not None and first.cells[2].number.nil
    assert "Age (7)" in tables[0].columns[-1].header
    checks = check_pdf(DOCS / "enxmx-01.pdf", lang="en", pages=[4], all_pages=True)
    assert not [c for c in checks if c.alarm]


def test_a_biennium_column_adds_up_the_fiscal_years_it_spans() -> None:
    # Washington's fiscal note on HB 1001 (enfsn-01): "FY 2020 | FY 2021 | 2019-21 | 2021-23": the
    # biennium July 2019 to June 2021 is the fiscal years 2020 and 2021, named by the year they end
    # in, in every row, the Total row as well as the account's own
    checks = check_pdf(DOCS / "enfsn-01.pdf", lang="en", pages=[1], all_pages=True)
    biennium = [c for c in checks if c.total_label == "2019-21"]
    assert {(c.total.stated, tuple(p.stated for p in c.parts)) for c in biennium} == {
        ("6,080", ("2,160", "3,920")), ("60,432", ("45,316", "15,116"))}
    assert {c.lane_label for c in biennium if c.total.stated == "6,080"} == {"General Fund-State", "Total"}
    assert all(c.verdict is Verdict.CONSISTENT for c in biennium)


def test_a_numbered_heading_over_its_items_is_their_group_with_short_figures_too() -> None:
    # The coalition agreement's budget annex (nlrek-01): "III. Veiligheid en sterke samenleving
    # 220 640 960" over its one item "h. Veiligheid" with the same figures, and "V. Welvarend land
    # 50 250 300" over "o. Regiodeals". Their figures are short, so nothing read them as heads, and
    # the Totaal, the sum of the eight headings, counted them twice and went unchecked.
    checks = check_pdf(DOCS / "nlrek-01.pdf", lang="nl", pages=[3], all_pages=True)
    heads = {c.total_label.split(".")[0] for c in checks if c.verdict is Verdict.CONSISTENT and len(c.parts) == 1
             and c.total.stated == c.parts[0].stated}
    assert {"III", "V"} <= heads
    totaal = {c.lane_label: c for c in checks if c.total_label == "Totaal"}
    assert totaal["2023"].verdict is Verdict.CONSISTENT and len(totaal["2023"].parts) == 8
    assert not [c for c in checks if c.alarm]


def test_a_groups_amount_over_its_items_in_the_column_beside_it() -> None:
    # SciPost's annual report 2017 (enunv-01): "Incidental subsidies €25 750.00" in the TOTAL column
    # over "NWO €3 750.00", "MPDL €1 000.00" … in the RECEIVED column beside it; no row fills both
    # columns, so the groups went unchecked
    checks = check_pdf(DOCS / "enunv-01.pdf", lang="en", pages=[1], all_pages=True)
    groups = {c.total_label: len(c.parts) for c in checks if "column beside it" in c.reading
              and c.verdict is Verdict.CONSISTENT}
    assert groups == {"Incidental subsidies": 5, "Structural subsidies": 1, "Direct Payment": 2,
                      "Production & Operations": 9, "Membership & Subscription": 7, "Outreach": 1, "Other": 2}
    assert not [c for c in checks if c.alarm]


def test_a_groups_total_named_after_a_dash() -> None:
    # The Scottish Fiscal Commission's forecasts, May 2019 (enukl-01): "Scottish Government social
    # security portfolio – total expenditure" closes the benefits above it, and "Total benefit
    # expenditure" adds it to the two rows below. Read as one more benefit, it was counted twice
    # and neither total was checked.
    checks = check_pdf(DOCS / "enukl-01.pdf", lang="en", pages=[1], all_pages=True)
    portfolio = [c for c in checks if c.total_label.endswith("– total expenditure")]
    total = [c for c in checks if c.total_label == "Total benefit expenditure"]
    assert len(portfolio) == 7 and len(total) == 7
    assert all(c.verdict in HOLDS for c in portfolio + total)
    assert [p.stated for p in total[0].parts] == ["285", "19"]


def test_the_first_column_that_adds_up_the_columns_right_after_it() -> None:
    # A university's Form 990, Part IX (enhlt-01): "(A) Total expenses | (B) Program service
    # expenses | (C) Management and general expenses | (D) Fundraising expenses": the whole printed
    # first, with no word in its header the table's reader takes for a total. It adds up the three
    # after it in every line, to the dollar, and is read so (where nothing else reads the figure)
    checks = check_pdf(DOCS / "enhlt-01.pdf", lang="en", pages=[3], all_pages=True)
    first = [c for c in checks if "columns right after it" in c.reading]
    assert len(first) >= 20 and all(c.verdict is Verdict.CONSISTENT and len(c.parts) == 3 for c in first)
    officers = next(c for c in first if c.lane_label.startswith("Compensation of current officers"))
    assert (officers.total.stated, [p.stated for p in officers.parts]) == ("3,666,043", ["824,634", "2,367,916", "473,493"])
