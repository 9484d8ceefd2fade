"""Readings from the first look at the development documents of round 25: a total copied from the
column beside it, a difference that slips in one column, a rate each year over a period, a change
whose own words go the other way, lines of named amounts and their aggregate, a section tab up the
margin, running columns, rows named as rates that print amounts, Dutch cash flow statements,
deduction marks, note columns and "N/A" cells."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf
from tests.support.discovered import relations as _relations

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_a_total_that_repeats_the_one_beside_it_is_an_alarm_whatever_it_misses_by() -> None:
    # South Africa's 2009 Estimates of National Expenditure, Vote 16 (enhlb-01), Table 16.5: the
    # beneficiaries' Total for 2007/08 is printed 11 983 141, the 2006/07 Total, while its six grants
    # add up to 12 374 770 (the Budget Review prints that figure). A miss of 391,629 has no digit
    # slip's shape, but no misreading gives the neighbour's printed total to the digit.
    checks = check_pdf(DOCS / "enhlb-01.pdf", lang="en", pages=[5], all_pages=True)
    # (the figures are printed with narrow no-break spaces between their groups of digits)
    totals = [c for c in checks if c.total_label == "Total"
              and c.total.stated.replace("\u202f", " ") in ("10 918 263", "11 983 141")]
    stale = [c for c in totals if c.verdict is Verdict.MISMATCH]
    assert len(stale) == 1 and stale[0].alarm and stale[0].difference == -391629
    assert "repeats the one printed beside it" in stale[0].reading
    # the 2006/07 Total it repeats holds, and stays no alarm
    assert [c.verdict for c in totals if c is not stale[0]] == [Verdict.CONSISTENT] * 2


def test_an_average_annual_rate_is_not_the_change_between_two_levels_years_apart() -> None:
    # Vote 16 (enhlb-01 p2): "Total expenditure grew from R55.1 billion in 2005/06 to R76.6 billion
    # in 2008/09, at an average annual rate of 11.6 per cent": 11.6 % a year over three years, not
    # the 39 % of the whole change, which was a false mismatch (and so were 10.1 and 8.4 per cent).
    found = _relations("enhlb-01.pdf")
    assert not [r for r in found if r[0] in ("11.6 per cent", "10.1 per cent", "8.4 per cent", "7 per cent")]


def test_a_change_whose_own_words_go_the_other_way_is_not_the_from_to_change() -> None:
    # USS Report and Accounts 2019 (ennhs-01 p6): "the deficit … has decreased from £7.5bn at 31
    # March 2017 to £5.7bn at 31 March 2019, a reduction of £1.8bn relative to the 2017 valuation
    # but an increase of £1.4bn relative to the previous year end". The £1.4bn rose from another
    # level; read as £7.5bn − £5.7bn it was a false mismatch. The £1.8bn is the change.
    found = _relations("ennhs-01.pdf")
    assert ("£1.8bn", "difference", ("£7.5bn", "£5.7bn")) in found
    assert not [r for r in found if r[0] == "£1.4bn"]


def test_named_amounts_on_lines_of_their_own_and_the_aggregate_under_them() -> None:
    # LAUSD's Board report 325-24/25 (enmcp-01 p4), a contract's history as lines of named amounts:
    # "Initial Contract Value:   $16,000,000 (Board Report 142-20/21)", "1st authorized increase:
    # $152,000,000 …", "*2nd authorized increase: $36,000,000", "Aggregate Contract Value For
    # Fifty-Six (56) Contracts: $204,000,000". The lines were taken for table rows no table held,
    # so none of their figures was written; and no reading added them up.
    found = _relations("enmcp-01.pdf")
    assert ("$204,000,000", "sum", ("$16,000,000", "$152,000,000", "$36,000,000")) in found
    # report 242-24/25 (enmcp-03 p2, p3): a "Contract Term: …" line between is no part
    found = _relations("enmcp-03.pdf")
    assert ("$860,000", "sum", ("$430,000", "$430,000")) in found
    assert ("$3,700,097", "sum", ("$3,100,097", "$600,000")) in found


def test_a_section_tab_up_the_page_margin_is_not_read_into_the_table() -> None:
    # USS Report and Accounts 2019 (ennhs-01 p1): "Strategic report", "Governance", "Financial
    # statements" and "Actuarial" are set sideways up the right edge, beyond all the page's text.
    # They were read into the membership tables' header and rows ("G o v Total e r 198,652 n a
    # n"), and the sub-totals of the leavers and the year-end total went unchecked.
    checks = check_pdf(DOCS / "ennhs-01.pdf", lang="en", pages=[1], all_pages=True)
    assert not [c for c in checks if " o v " in c.total_label or " o v " in c.lane_label]
    by = {(c.total_label, c.lane_label, c.total.stated): c.verdict for c in checks}
    assert by[("Sub-total", "University institutions", "(24,109)")] is Verdict.CONSISTENT
    assert by[("Total active members at 31 March 2019", "University institutions", "195,507")] is Verdict.CONSISTENT
    assert by[("Membership at 1 April 2018 as restated", "University institutions", "187,653")] is Verdict.CONSISTENT


def test_a_column_each_row_of_which_is_the_one_above_plus_and_less_its_movements() -> None:
    # Idaho PERSI's actuarial section 2019 (enpsn-01 p2): "Total Rolls End of Year | Added to Rolls |
    # Removed from Rolls" year by year; 2011's 567,933,000 is 526,020,000 + 51,647,000 − 9,734,000.
    # The header does not say "running", but nine rows of nine-digit figures do.
    checks = check_pdf(DOCS / "enpsn-01.pdf", lang="en", pages=[2], all_pages=True)
    rolls = [c for c in checks if c.reading.startswith("a running column") and c.total_label == "Total Rolls End of Year"]
    assert len(rolls) == 9 and all(c.verdict is Verdict.CONSISTENT for c in rolls)
    first = next(c for c in rolls if c.total.stated == "567,933,000")
    assert [(p.stated, p.sign) for p in first.parts] == [("$526,020,000", 1), ("51,647,000", 1), ("9,734,000", -1)]


def test_a_dutch_cash_flow_statement_with_its_step_before_interest() -> None:
    # Deventer Ziekenhuis, jaarrekening 2020 (nlzrh-01 p3), the DigiMV cash flow statement:
    # "Kasstroom uit bedrijfsoperaties" (13.879) closes the result and its adjustments above it, and
    # "Totaal kasstroom uit operationele activiteiten" (11.825) is that step plus the interest; the
    # "Mutatie geldmiddelen" is the sum of the three activities' totals, and the "Stand geldmiddelen
    # per 31 december" the one per 1 januari plus that change. The sections' headings merged into
    # their first rows' labels ("Kasstroom uit investeringsactiviteiten Investeringen …") are no
    # activities of their own.
    checks = check_pdf(DOCS / "nlzrh-01.pdf", lang="nl", pages=[3], all_pages=True)
    by = {(c.total_label, c.total.stated): ([p.stated for p in c.parts], c.verdict) for c in checks}
    assert by[("Kasstroom uit bedrijfsoperaties", "13.879")] == (["4.166", "11.484", "-1.771"], Verdict.CONSISTENT)
    assert by[("Totaal kasstroom uit operationele activiteiten", "11.825")] == (["13.879", "-2.054"], Verdict.CONSISTENT)
    # (the statement prints the change twice, the second time as the two balances' difference)
    assert (["11.825", "-7.724", "-5.388"], Verdict.CONSISTENT) in [
        ([p.stated for p in c.parts], c.verdict) for c in checks if c.total_label == "Mutatie geldmiddelen"]
    assert by[("Stand geldmiddelen per 31 december", "47.852")] == (["49.139", "-1.287"], Verdict.CONSISTENT)


def test_a_deduction_mark_in_a_cell_of_its_own_takes_the_row_off() -> None:
    # Bedrijvenschap Harnaschpolder, jaarstukken 2019 (nlwnt-01 p1): "- Minder grondverkoop door
    # meetverschil   -/- € 69.000" in a list whose "Totaal € 572.000" is 85 + 186 + 80 − 69 + 290
    # thousand. The "-/-" stands apart from the label, in the column before the amounts.
    checks = check_pdf(DOCS / "nlwnt-01.pdf", lang="nl", pages=[1], all_pages=True)
    (total,) = [c for c in checks if c.total_label == "Totaal"]
    assert total.verdict is Verdict.CONSISTENT
    assert [p.sign for p in total.parts] == [1, 1, 1, -1, 1]


def test_a_column_of_note_numbers_beside_the_units_is_no_column_of_amounts() -> None:
    # USS Ltd's group statement of income 2019 (ennhs-03 p1): "2019  2018" over "Note  £’000  £’000".
    # The unit line was taken for a line above the table, so the columns had no headers, and the
    # notes' numbers were amounts: "Operating profit 4" was checked as "Turnover 3".
    from factcheck.tables import find_page_tables

    (table,) = find_page_tables(DOCS / "ennhs-03.pdf", "en", pages=[1], all_pages=True)[1]
    assert [c.header for c in table.columns] == ["Note", "", "2019 £’000", "2018 £’000"]
    assert all(r.cells[0].number is None for r in table.rows if 0 in r.cells)
    checks = check_pdf(DOCS / "ennhs-03.pdf", lang="en", pages=[1], all_pages=True)
    assert sorted(c.total.stated for c in checks if c.total_label == "Operating profit") == ["217", "246"]


def test_a_difference_that_holds_in_two_columns_and_slips_in_the_third() -> None:
    # USS Report and Accounts 2019 (ennhs-01 p6), the self-sufficiency table in £bn: "Deficit" is
    # "Self-sufficiency liabilities" less "Value of assets", 82.4 − 60.0 = 22.4 and 92.4 − 67.4 =
    # 25.0, but 21.2 is printed for 84.7 − 63.7 = 21.0, a real error. A guessed difference was
    # reported only where it held in every column, and the "Funding ratio 73% 75% 73%" row made
    # every column one of percentages, whose failures are never reported.
    checks = check_pdf(DOCS / "ennhs-01.pdf", lang="en", pages=[6], all_pages=True)
    deficits = {c.total.stated: c for c in checks if c.total_label == "Deficit"}
    assert deficits["21.2"].verdict is Verdict.MISMATCH and deficits["21.2"].alarm
    assert [p.stated for p in deficits["21.2"].parts] == ["84.7", "63.7"]
    assert deficits["22.4"].verdict is Verdict.CONSISTENT and deficits["25.0"].verdict is Verdict.CONSISTENT


def test_a_row_named_as_growth_that_prints_amounts_is_a_part_where_the_columns_say_so() -> None:
    # Idaho PERSI's analysis of actuarial gains and losses (enpsn-01 p5), in $ millions: "Membership
    # Growth & Return to Employment (Additional) liability for new members. (29.1) (33.2) (34.9)" is
    # an amount, though its label names growth, and the experience total adds it up with the others:
    # 494.3 and 281.8 exactly. In 2018-2019 the total, 178.9, misses its parts (142.7), a real error.
    checks = check_pdf(DOCS / "enpsn-01.pdf", lang="en", pages=[5], all_pages=True)
    totals = sorted((c for c in checks if c.total_label.startswith("Total Gain (Loss)")), key=lambda c: c.total.col)
    assert [(c.total.stated, c.verdict) for c in totals] == [
        ("494.3", Verdict.CONSISTENT), ("281.8", Verdict.CONSISTENT), ("178.9", Verdict.MISMATCH)]
    assert "(29.1)" in [p.stated for p in totals[0].parts]
    # a miss of 36.2 has no slip's shape: a person should look, no alarm
    assert totals[2].doubt is not None


def test_n_a_is_a_cell_and_shared_services_an_amount() -> None:
    # A utility's 2017 budget against imputed expense (ensuc-01 p2): "Allocated Contingency ... 45.0
    # N/A 45.0" lost its 45.0 to the label, since "N/A" in capitals was no cell, and the Total's
    # 3,099.5 of the budget column (3,054.5 + 45.0) missed by 45 against the Subtotal alone: a false
    # mismatch with the shape of two swapped digits. And "Shared Services" read as a share kept
    # the Subtotal from adding up.
    checks = check_pdf(DOCS / "ensuc-01.pdf", lang="en", pages=[2], all_pages=True)
    assert not [c for c in checks if c.alarm]
    totals = {(c.total_label, c.total.stated): c for c in checks if c.total_label in ("Total", "Subtotal")}
    assert [p.stated for p in totals[("Total", "$3,099.5")].parts] == ["$3,054.5", "45.0"]
    assert totals[("Subtotal", "$3,099.2")].verdict is Verdict.CONSISTENT
    assert "194.6" in [p.stated for p in totals[("Subtotal", "$3,054.5")].parts]


def test_shared_services_is_a_row_of_amounts_not_a_share() -> None:
    # USS Ltd's staff costs note 2019 (ennhs-03 p4): the average number of employees, "Group shared
    # services 140 133 138 131" among the others, closed by an unlabelled line "464 433 318 296".
    # "shared" made the row a share, no part, and the line added up nothing.
    checks = check_pdf(DOCS / "ennhs-03.pdf", lang="en", pages=[4], all_pages=True)
    line = [c for c in checks if c.total.stated == "464"]
    assert len(line) == 1 and line[0].verdict is Verdict.CONSISTENT
    assert [p.stated for p in line[0].parts] == ["160", "133", "31", "140"]
