"""Layouts first met on unseen dev documents (issue 9, round 15): a column of text after the
figures, a total column under a heading it shares with the columns before it, a unit line inside
the header, and numbered form lines whose results say in words which lines they add."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf
from factcheck.tables.cells import parse_cell
from factcheck.tables.form_lines import _instruction
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
    checks = checks_by_label(DOCS / "enpen-01.pdf", [1, 2, 4])
    fy = checks["FY 2019 Total"]
    # (page 4 sets the exhibit's heading lines right above the same header: they are not read into it)
    assert {c.page for c in fy} == {1, 2, 4}
    assert all(c.reading.startswith("the columns right before it under the same heading") for c in fy)
    first = {(c.page, c.lane_label): [p.stated for p in c.parts] for c in fy}
    assert first[(1, "Total Program Element")] == ["56.853", "-"]
    assert first[(2, "Previous President's Budget")] == ["57.647", "-"]
    assert all(c.verdict in HOLDS for c in fy)
    assert not [c for cs in checks.values() for c in cs if c.alarm]


def test_numbered_form_lines_are_added_as_their_words_say() -> None:
    # IRS Form 990-EZ, Part I: "Total expenses. Add lines 10 through 16" (blank lines are nothing),
    # "Excess or (deficit) for the year (Subtract line 17 from line 9)", "Combine lines 18 through 20"
    checks = check_pdf(DOCS / "enfsx-01.pdf", lang="en", pages=[1], all_pages=True)
    read = {c.total_label.split(".")[0]: (c.total.stated, [p.stated for p in c.parts], c.verdict) for c in checks}
    assert read["Total expenses"] == ("69,660.", ["19,932.", "4,634.", "45,094."], Verdict.CONSISTENT)
    assert read["Total revenue"] == ("77,586.", ["77,586."], Verdict.CONSISTENT)
    excess = next(c for c in checks if c.total_label.startswith("Excess"))
    assert [(p.stated, p.sign) for p in excess.parts] == [("77,586.", 1), ("69,660.", -1)]
    assert read["Net assets or fund balances at end of year"][1] == ["7,926.", "9,408."]
    # the line numbers are no figures: no check adds "8" up to "9"
    assert not [c for c in checks if c.total.stated in {str(n) for n in range(1, 22)}]
    assert not [c for c in checks if c.alarm]


def test_a_form_result_on_other_rows_than_its_words_name_is_no_alarm() -> None:
    # Schedule A, Part II: "Total support. Add lines 7 through 10" whose line 7 the reader does not
    # find among the rows above it: the rows it does find do not add up, and that is a doubt
    checks = check_pdf(DOCS / "enfsx-01.pdf", lang="en", pages=[3], all_pages=True)
    support = [c for c in checks if c.total_label.startswith("Total support")]
    assert support and all(c.doubt is not None for c in support if c.verdict not in HOLDS)
    assert not [c for c in checks if c.alarm]


def test_form_instructions_in_words() -> None:
    # quoted from IRS forms and a Dutch form
    assert _instruction("Total expenses. Add lines 10 through 16") == ([("10", "16")], [])
    assert _instruction("Excess or (deficit) for the year (Subtract line 17 from line 9)") == (
        [], [(1, "9"), (-1, "17")])
    assert _instruction("Add lines 5b, 6c, and 7b to line 9 to determine gross receipts") == (
        [], [(1, "5b"), (1, "6c"), (1, "7b"), (1, "9")])
    assert _instruction("Totaal (regel 3 + regel 4 - regel 5)") == ([], [(1, "3"), (1, "4"), (-1, "5")])
    assert _instruction("Total program service expenses (add lines 28a through 31a)") == ([("28a", "31a")], [])
    assert _instruction("Total revenue") is None


def test_a_tax_forms_whole_amount_ends_in_a_point() -> None:
    # "77,586." on a Form 990-EZ: the cents' box left empty
    n = parse_cell("77,586.", ".")
    assert n is not None and n.value == 77586 and n.decimals == 0
    zero = parse_cell("0.", None)
    assert zero is not None and zero.value == 0
    assert parse_cell("1.234.", ",") is None  # no reading of a Dutch figure with two points
    assert parse_cell("2014.", None) is None  # a caption's year ending its sentence ("vanaf / 2014.")


def test_an_unlabelled_total_line_counts_a_group_by_its_amount() -> None:
    # Hong Kong's Medium Range Forecast, Table 2 (distribution of fiscal reserves): the line of
    # figures under "General Revenue Account", "Funds with designated use" (a group over its seven
    # funds) and "Land Fund" adds the three, the group by its own amount
    checks = check_pdf(DOCS / "enfsx-03.pdf", lang="en", pages=[8], all_pages=True)
    line = [c for c in checks if c.total_label.startswith("unlabelled") and c.reading.startswith("the rows since the previous total, a group")]
    assert [(c.total.stated, [p.stated for p in c.parts]) for c in line][:2] == [
        ("817,333", ["229,921", "281,685", "305,727"]), ("762,966", ["134,943", "273,365", "354,658"])]
    assert len(line) == 5 and all(c.verdict is Verdict.CONSISTENT for c in line)
    assert not [c for c in checks if c.alarm]


def test_a_form_result_read_as_a_group_part_or_off_by_rounding_is_a_doubt() -> None:
    # Schedule A, Part II, column (f): line 1 (266,309) over lines 2, 3 and "Total. Add lines 1
    # through 3" (0, 0, 266,309) is no group of three rows: line 4 is the result of line 1 and the
    # rest; and the page number "2" read into that total's rows puts it off by rounding
    checks = check_pdf(DOCS / "enfsx-01.pdf", lang="en", pages=[3], all_pages=True)
    backwards = [c for c in checks if c.reading.startswith("the rows right below it")
                 and any(p.label.startswith("Total. Add lines") for p in c.parts)]
    assert backwards and all(c.doubt is not None for c in backwards)
    total = [c for c in checks if c.total_label.startswith("Total. Add lines") and c.verdict is not Verdict.CONSISTENT]
    assert total and all(c.doubt is not None for c in total)


def test_form_990_lines_numbered_in_their_labels_are_added_as_their_words_say() -> None:
    # Form 990, Part VIII (Penn State, 2023): the line numbers start the labels ("2a TUITION AND
    # FEES", then "b GRANTS AND CONTRACTS" for 2b), the results say "Total. Add lines 2a–2f" with a
    # dash, and a title set sideways up the margin ("Program Service Revenue") crossed the labels
    checks = check_pdf(DOCS / "enhlt-01.pdf", lang="en", pages=[2], all_pages=True)
    read = {c.total_label: ([p.stated for p in c.parts], c.verdict) for c in checks
            if c.reading.startswith("the form lines")}
    assert read["g Total. Add lines 2a–2f"] == (
        ["2,011,793,000", "1,234,021,000", "4,294,189,000", "586,189,000", "102,765,000", "0"], Verdict.CONSISTENT)
    assert read["e Total. Add lines 11a–11d"][1] is Verdict.CONSISTENT
    # line 1f's label wraps, so its amount is not found: the sum of the rest is a doubt, no alarm
    h = next(c for c in checks if c.total_label.startswith("h Total. Add lines 1a–1f"))
    assert h.doubt is not None and not h.alarm
    assert not [c for c in checks if c.alarm]


def test_sideways_text_stays_out_of_a_pages_words() -> None:
    # the margin titles of Form 990 ("Contributions, Gifts, Grants and Other Similar Amounts"), set
    # one character a line, read into every label they crossed: "', s st t 1a Federated campaigns"
    checks = check_pdf(DOCS / "enhlt-01.pdf", lang="en", pages=[2], all_pages=True)
    labels = {c.total_label for c in checks} | {p.label for c in checks for p in c.parts}
    assert "2a TUITION AND FEES" in labels and "b GRANTS AND CONTRACTS" in labels
    assert not [label for label in labels if label[:2] in {"ic", "re", "Sn", "ae", "gR"}]


def test_form_ranges_with_a_dash() -> None:
    assert _instruction("Total. Add lines 1a–1f") == ([("1a", "1f")], [])
    assert _instruction("Total expenses. Add lines 13-17 (must equal Part IX, column (A), line 25)") == (
        [("13", "17")], [])


def test_columns_of_dates_after_the_figures_leave_the_figures_to_the_row() -> None:
    # Florida's report on local pension plans, Appendix A (2017): each row ends in two dates
    # ("10/01/2015  10/01/2015"); the row was read as one long label, with no figures. Its
    # "Normal Pct", "UAAL Pct" and "Reqd Pct" are percentages of the valuation payroll
    checks = check_pdf(DOCS / "enusd-01.pdf", lang="en", pages=[5], all_pages=True)
    alachua = {c.total_label: ([p.stated for p in c.parts], c.verdict) for c in checks
               if c.lane_label.startswith("ALACHUA COUNTY G")}
    assert alachua["Reqd Cont"] == (["286,012", "631,728"], Verdict.CONSISTENT)
    assert alachua["UAAL Pct"] == (["631,728", "2,720,460"], Verdict.ROUNDING)
    assert not any("10/01/2015" in c.total.stated for c in checks)
    assert not [c for c in checks if c.alarm]


def test_a_row_of_changes_is_read_from_the_level_row_above_it() -> None:
    # Belgium's High Council of Finance (nlbgx-03 p1, Tabel 6): "Genormeerde structurele primaire
    # verbetering" under "Genormeerd structureel primair saldo" (-0,93% in 2024, -0,78% in 2025:
    # 0,16% in 2025, within rounding). The page has no total word: the row of changes makes it one
    # worth reading
    from factcheck.sources.pdf_layout import page_texts
    from factcheck.sources.tabular import looks_tabular

    assert looks_tabular(page_texts(DOCS / "nlbgx-03.pdf")[0])
    checks = check_pdf(DOCS / "nlbgx-03.pdf", lang="nl", pages=[1], all_pages=True)
    changes = {c.lane_label: ([p.stated for p in c.parts], c.verdict) for c in checks
               if c.total_label.startswith("Genormeerde structurele primaire verbetering")}
    assert changes["2025"] == (["-0,78%", "-0,93%"], Verdict.ROUNDING)
    assert len(changes) == 7 and all(v in HOLDS for _, v in changes.values())
    assert not [c for c in checks if c.alarm]


def test_a_page_whose_rows_hold_a_difference_column_is_read_for_tables() -> None:
    # India's budget speech 2025, annex (eninb-01 p8): "8 lac  30,000  20,000  10,000 ..." under a
    # header ("Benefit of Rate/Slab", "Total Benefit") printed on the page before; no total line
    # on the page itself, so the cheap test passed it over
    from factcheck.sources.pdf_layout import page_texts
    from factcheck.sources.tabular import difference_rows, looks_tabular

    text = page_texts(DOCS / "eninb-01.pdf")[7]
    assert difference_rows(text) and looks_tabular(text)
    # years a year apart, and small counts, are no differences
    assert not difference_rows("2023 2024 1\n2024 2025 1\n2025 2026 1\n")
    assert not difference_rows("a 3 2 1\nb 5 3 2\nc 9 5 4\n")
