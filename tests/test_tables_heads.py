"""Group heads found from the arithmetic (factcheck.tables.heads), on unseen dev excerpts and the corpus."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.heads import head_checks

DOCS = Path(__file__).parent / "unseen" / "docs"
# FBI NICS firearm checks by state and month, copied from ../shared/corpus/us-gov-tables
NICS = Path(__file__).parent / "pdfs" / "nics_background_checks_by_state.pdf"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)
READING = "the rows right below it, which add up to it (a group's amount printed on its heading line)"


def test_nested_group_heads_of_a_pension_schedule_add_their_units() -> None:
    # Nigeria 2026 budget proposal, pensions block: "PENSION TRANSITIONAL ARRANGEMENT DIRECTORATE"
    # heads item 123 and five group heads (each over its own numbered items); one of those,
    # "UNIVERSITIES PENSION INCLUDING ARREARS", repeats its single item's figure.
    tables = find_page_tables(DOCS / "enworld-03.pdf", lang="en", pages=[5], all_pages=True)[5]
    heads = {c.total_label: c for t in tables for c in head_checks(t)}
    ptad = heads["PENSION TRANSITIONAL ARRANGEMENT DIRECTORATE"]
    assert [p.stated for p in ptad.parts] == [
        "23,287,656,970", "18,533,472,973", "18,409,612,175", "13,120,357,752", "194,686,375,535", "17,548,870,129",
    ]
    assert ptad.verdict is Verdict.CONSISTENT and ptad.reading == READING
    assert [p.stated for p in heads["UNIVERSITIES PENSION INCLUDING ARREARS"].parts] == ["13,120,357,752"]
    assert all(c.verdict in HOLDS for c in heads.values())


def test_a_row_that_matches_the_rows_below_in_few_columns_is_a_coincidence() -> None:
    # FBI NICS background checks by state: 22 count columns of small numbers; a state's row adds
    # up to the rows below it in one column here and there, by chance. No head is taken.
    tables = find_page_tables(NICS, lang="en", pages=[1], all_pages=True)[1]
    assert sum(len(t.rows) for t in tables) >= 50
    assert not [c for t in tables for c in head_checks(t) if c.verdict not in HOLDS]
    assert not [c for c in check_pdf(NICS, lang="en", pages=[1], all_pages=True) if c.alarm]


def test_subtotals_without_a_total_word_close_the_rows_above_them() -> None:
    # Rekenhof on the Flemish budget 2026, Tabel 15: "Begrotingstekort voor ESR-correcties" closes
    # the three rows above it, and "Netto toename van de directe schuld" that subtotal and the six
    # rows after it; neither label says total.
    checks = check_pdf(DOCS / "nltaal-03.pdf", lang="nl", pages=[5], all_pages=True)
    deficit = [c for c in checks if c.total_label == "Begrotingstekort voor ESR-correcties"]
    # (its "+714,5" in the Evolutie column is checked as the change 3.401,9 − 2.687,4 instead)
    assert [c.total.stated for c in deficit] == ["2.687,4", "3.401,9"]
    assert [p.stated for p in deficit[0].parts] == ["2.900,1", "-177,5", "-35,2"]
    assert deficit[0].reading.startswith("the rows right above it")
    direct = [c for c in checks if c.total_label == "Netto toename van de directe schuld"]
    assert direct and [p.stated for p in direct[0].parts][0] == "2.687,4" and len(direct[0].parts) == 7
    assert all(c.verdict in HOLDS for c in deficit + direct)
    assert not [c for c in checks if c.alarm]


def test_a_total_counts_a_group_found_from_the_arithmetic_in_place_of_its_items() -> None:
    # Colorado's FY 2025-26 budget, Table 2: line 4 "2025 Legislation Impacting Available General
    # Fund" prints the sum of lines 5-21 (the bills); "Total General Fund Available" is lines 1-4
    from pathlib import Path

    from factcheck.model import Verdict
    from factcheck.tables import check_pdf

    docs = Path(__file__).parent / "unseen" / "docs"
    checks = check_pdf(docs / "entab-03.pdf", lang="en", pages=[2], all_pages=True)
    total = [c for c in checks if c.total_label == "Total General Fund Available"]
    assert len(total) == 2 and all(c.verdict in (Verdict.CONSISTENT, Verdict.ROUNDING) for c in total)
    assert [p.stated for p in total[0].parts] == ["$3,153.5", "17,227.4", "158.0", "338.5"]
    assert "group's amount" in total[0].reading


def test_a_row_named_total_inside_a_group_is_one_of_its_items() -> None:
    # SFUSD Recommended Budget 2021-22, Exhibit 5: "Financing/Transfers $(27,410,659)" over three
    # offsets and "Total, Other Financing (Sources) / Uses $1,414,392"; the grand total adds the
    # three group amounts: 491,987,313 + 125,190,613 - 27,410,659 = 589,767,267
    checks = check_pdf(Path(__file__).parent / "unseen" / "docs" / "enfin-03.pdf", lang="en", pages=[6],
                       all_pages=True)
    (grand,) = [c for c in checks if c.total_label == "Total Unrestricted General Fund Expenditures"]
    assert grand.verdict is Verdict.CONSISTENT
    assert [p.stated for p in grand.parts] == ["491,987,313", "125,190,613", "(27,410,659)"]
    assert not [c for c in checks if c.total_label.startswith("Total, Other Financing")]


def test_a_clear_group_holds_in_a_column_where_one_part_is_printed() -> None:
    # Toronto's staff complement (tests/unseen/docs/enaus-01.pdf, page 3): "City Operations incl.
    # Public Health" closes City Operations and Public Health in the columns that print both; in
    # the Perm columns Public Health is blank, and the subtotal repeats City Operations' figure
    checks = check_pdf(DOCS / "enaus-01.pdf", lang="en", pages=[3], all_pages=True)
    perm = [c for c in checks if c.total_label == "City Operations incl. Public Health" and c.total.stated == "(64.5)"]
    assert perm and all([p.stated for p in c.parts] == ["(64.5)"] and c.verdict is Verdict.CONSISTENT for c in perm)


def test_of_which_rows_stand_beside_their_row_not_between_a_heads_parts() -> None:
    # Barbados BERT 2026, Table 2a (IMF layout): "Total expenditure" heads "Current Expenditure"
    # (itself the head of four rows, the last "Transfers" with three "o/w" rows under it) and
    # "Capital expenditure and net lending". The o/w rows are shares of Transfers, not units.
    tables = find_page_tables(DOCS / "enisl-01.pdf", lang="en", pages=[5], all_pages=True)[5]
    heads = [c for t in tables for c in head_checks(t) if c.total_label == "Total expenditure"]
    assert len(heads) == 11  # every year column
    first = heads[0]
    assert (first.total.stated, [p.stated for p in first.parts]) == ("2,993", ["2,717", "276"])
    assert all(c.verdict in HOLDS for c in heads)
    current = [c for t in tables for c in head_checks(t) if c.total_label == "Current Expenditure"][0]
    assert [p.stated for p in current.parts] == ["808", "400", "343", "1,166"]


def test_memorial_day_is_a_part_and_not_a_memo_row() -> None:
    # Town budget (entab-01 p3): the Select Board's TOTAL closes ten rows, the last "Memorial Day";
    # "memo" as the start of a longer word is no memorandum line.
    checks = check_pdf(DOCS / "entab-01.pdf", lang="en", pages=[3], all_pages=True)
    board = [c for c in checks if c.total_label == "TOTAL" and c.total.stated == "$77,161"]
    assert board and board[0].verdict is Verdict.CONSISTENT
    assert [p.stated for p in board[0].parts][-1] == "$1,500" and len(board[0].parts) == 10


# NCES Digest Table 14 (high school graduates by region and state), copied from
# ../shared/corpus/icdar2013-eu-us-gov-tables/us/us-018.pdf
NCES = Path(__file__).parent / "pdfs" / "nces_us018_projections_rounded_to_tens.pdf"


def test_a_page_of_group_heads_without_a_total_word_is_checked() -> None:
    # Neither page prints "Total": Barbados' debt table heads "Domestic" over three indented rows,
    # the NCES table "Northeast" over its nine states. The cheap page filter now lets them through.
    barbados = check_pdf(DOCS / "enisl-01.pdf", lang="en")
    domestic = [c for c in barbados if c.page == 6 and c.total_label == "Domestic" and c.total.stated == "8,873"]
    assert domestic and [p.stated for p in domestic[0].parts] == ["708", "8,085", "79"]
    assert domestic[0].verdict is Verdict.ROUNDING
    northeast = [c for c in check_pdf(NCES, lang="en") if c.total_label == "Northeast"]
    assert len(northeast) >= 10 and all(len(c.parts) == 9 for c in northeast)


def test_a_sum_of_figures_rounded_to_tens_is_no_alarm_when_off_by_their_rounding() -> None:
    # 2009-10 is the first projected year: every figure ends in 0, and the nine states add up to
    # 558,760 against the printed 558,750. Rounded to tens, as NCES projections are, that is no
    # error; the page says so too ("Detail may not sum to totals because of rounding"), and a
    # whole unit for each of its ten figures covers the 10. The actual years add up.
    northeast = {c.lane_label: c for c in check_pdf(NCES, lang="en") if c.total_label == "Northeast"}
    projected = northeast["2009–10"]
    assert projected.verdict is Verdict.ROUNDING and projected.total.stated == "558,750"
    assert "may not add up because of rounding" in projected.reading and not projected.alarm
    assert all(c.verdict in HOLDS for label, c in northeast.items() if label != "2009–10")


def test_a_us_budget_exhibit_row_ending_in_continuing_is_a_row_of_figures() -> None:
    # DoD R-2 exhibit (enpen-01 p1): "Total Program Element 163.946 … 63.375 Continuing Continuing";
    # the Cost To Complete columns say "Continuing" instead of an amount
    checks = check_pdf(DOCS / "enpen-01.pdf", lang="en", pages=[1], all_pages=True)
    prior = [c for c in checks if c.total_label == "Total Program Element" and c.total.stated == "163.946"]
    assert prior and [p.stated for p in prior[0].parts] == ["145.397", "18.549"]
    assert prior[0].verdict is Verdict.CONSISTENT


def test_a_section_number_is_part_of_the_label_and_a_footnote_mark_not_of_the_figure() -> None:
    # HHS OIG semiannual report (enpen-03 p2): "Total Section 1  213  $965,434,000  $19,370,000",
    # and "Disallowed costs  120  *$575,846,000  $1,169,000" whose asterisk points to a footnote
    checks = check_pdf(DOCS / "enpen-03.pdf", lang="en", pages=[2], all_pages=True)
    one = [c for c in checks if c.total_label == "Total Section 1"]
    assert [c.total.stated for c in one] == ["213", "$965,434,000", "$19,370,000"]
    two = [c for c in checks if c.total_label == "Total Section 2" and c.total.stated == "$602,714,000"]
    assert two and [p.stated for p in two[0].parts] == ["*$575,846,000", "$26,868,000"]
    assert all(c.verdict is Verdict.CONSISTENT for c in one + two)


def test_groups_the_indentation_shows_are_read_with_short_figures() -> None:
    # IMF Country Report 16/252, Afghanistan, Table 3a (dev excerpt enimf-01, page 1): "Domestic
    # revenues 109.0" set in under "Revenues and grants", with "Tax revenues 77.4" (itself over
    # four rows set in further) and "Nontax revenues 31.6" set in under it; figures of three digits
    # that the arithmetic alone would not take as a group
    checks = check_pdf(DOCS / "enimf-01.pdf", lang="en", pages=[1], all_pages=True)
    by = {(c.total_label, c.lane_label): c for c in checks if c.reading == READING}
    domestic = by[("Domestic revenues", "2013 FY")]
    assert domestic.verdict in HOLDS and [p.stated for p in domestic.parts] == ["77.4", "31.6"]
    revenues = by[("Revenues and grants", "2013 FY")]
    assert revenues.verdict in HOLDS and [p.stated for p in revenues.parts] == ["109.0", "114.7", "48.2"]
    tax = by[("Tax revenues", "2013 FY")]
    assert [p.stated for p in tax.parts] == ["27.4", "27.3", "17.3", "5.4"]
    # "Domestic debt (sukuk)" is set in as deep as "Government deposits" under "Central bank,
    # change in", but adds to "Domestic (net)": it is nil wherever the group adds up, so its 18.1
    # in 2020 is no evidence of an error
    assert not [c for c in checks if c.alarm]


def test_two_items_of_one_figure_are_no_heading_and_its_item() -> None:
    # European Parliament briefing on the EDF in the MFF 2021-2027, Table 2 (dev excerpt
    # enngs-01, page 5): "Thematic programmes EUR 6 358 000 000" over "Human rights and democracy
    # EUR 1 362 000 000", "Civil society organisations EUR 1 362 000 000", 908 000 000 and
    # 2 726 000 000. The first two print the same figure, which read the first as the heading of
    # the second and left the group above unread
    checks = check_pdf(DOCS / "enngs-01.pdf", lang="en", pages=[5], all_pages=True)
    by = {c.total_label: c for c in checks if c.reading == READING}
    thematic = by["Thematic programmes EUR"]
    assert thematic.verdict is Verdict.CONSISTENT and len(thematic.parts) == 4
    assert "Human rights and democracy EUR" not in by
    assert by["Geographic programmes EUR"].verdict is Verdict.CONSISTENT


def test_a_page_of_amounts_with_spaced_thousands_is_read_for_its_groups() -> None:
    # the same page has no total word; its group amounts are printed "EUR 60 388 000 000"
    from factcheck.sources.pdf_layout import page_texts
    from factcheck.sources.tabular import group_amounts

    assert group_amounts(page_texts(DOCS / "enngs-01.pdf")[4])
