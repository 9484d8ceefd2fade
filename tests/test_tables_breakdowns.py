"""Totals printed above several breakdowns, labels set around their figures, and change rows
that are siblings rather than differences; on unseen dev excerpts."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from tests.support.tables import check_all_alarms

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_a_total_above_two_breakdowns_is_checked_against_the_first() -> None:
    # DUS-I, Monitorrapportage RIF 2023, Tabel 1: "Totaal aantal aanvragen" over Starters +
    # Opschalers (36 = 33 + 3 in 2019), then Nieuwe aanvragen + Heraanvragers (36 = 20 + 16):
    # all four rows together add up to twice the total.
    checks = check_pdf(DOCS / "nlmix-01.pdf", lang="nl", pages=[3], all_pages=True)
    first = [c for c in checks if c.total_label == "Totaal aantal aanvragen" and c.orientation == "row"]
    assert len(first) >= 5
    by_year = {c.lane_label: c for c in first}
    assert by_year["2019"].total.stated == "36"
    assert [p.stated for p in by_year["2019"].parts] == ["33", "3"]
    assert all(c.verdict is Verdict.CONSISTENT for c in first)
    assert not [c for c in checks if c.alarm]


def test_figures_set_between_the_two_lines_of_their_label() -> None:
    # the same report, Tabel 4: "Totale" / € 66.261.029,00 ... / "projectkosten", row after row
    (table,) = find_page_tables(DOCS / "nlmix-01.pdf", lang="nl", pages=[5], all_pages=True)[5]
    assert [r.label for r in table.rows] == [
        "Totale projectkosten", "Totale cofinanciering", "Gevraagd subsidiebedrag", "Toegekend subsidiebedrag",
    ]


def test_a_change_row_that_is_one_of_three_parts_is_no_difference_of_the_rows_above() -> None:
    # SERV on the Flemish budget, Tabel 6: "Uitgaven: waarvan" 57.633 = "Veranderende
    # inflatievooruitzichten" 53.807 + "Verandering rente-uitgaven o.w.v. verandering schuld" 0 +
    # "... o.w.v. verandering rentevoet" 3.827. The middle row equals Uitgaven minus the first
    # wherever the third is zero (four years of five): a coincidence, never an alarm.
    checks = check_pdf(DOCS / "nltaal-05.pdf", lang="nl", pages=[4], all_pages=True)
    assert not [c for c in checks if c.alarm]
    assert not [c for c in checks if c.total_label.startswith("Verandering rente-uitgaven")
                and c.reading.startswith("a change column")]


def test_a_balance_column_is_one_column_taken_from_another() -> None:
    # Kenya Auditor-General 2020/21: "Balance as at 30 June, 2021" = Disbursement - Amount
    # Utilized, row by row (Daadab 262,846,931 - 81,020,077 = 181,826,854)
    checks = check_pdf(DOCS / "enmix-01.pdf", lang="en", pages=[1], all_pages=True)
    balance = [c for c in checks if c.orientation == "column" and c.total_label.startswith("Balance as at")]
    daadab = next(c for c in balance if c.total.stated == "181,826,854")
    assert [(p.stated, p.sign) for p in daadab.parts] == [("262,846,931", 1), ("81,020,077", -1)]
    assert len(balance) >= 6 and all(c.verdict is Verdict.CONSISTENT for c in balance)


def test_an_unworded_difference_column_counts_only_when_exact_in_every_row() -> None:
    # Comptroller's audit, Table III: "Payments Lacking Supporting Documentation" = "EMS Settlement
    # Worksheet" - "Payments to Specific Vendors" in all four rows ($575,164 - $568,562 = $6,602);
    # no header word says so, so it is taken only because it holds exactly everywhere
    checks = check_pdf(DOCS / "enus-01.pdf", lang="en", pages=[4], all_pages=True)
    lacking = [c for c in checks if c.orientation == "column" and c.total_label.startswith("Payments Lacking")]
    assert {c.total.stated for c in lacking} >= {"$6,602", "13,559", "28,332"}
    assert all(c.verdict is Verdict.CONSISTENT for c in lacking)


def test_a_deduction_the_total_added_is_an_alarm() -> None:
    # Town of Hubbardston, FY26 proposed budget: "Total Revenue" FY26 $11,719,755 is the levy
    # rows plus "LESS OFFSETS" $72,765 - added, not taken off (the parts give $11,574,225). In
    # FY25, with no offsets, the same rows add up exactly. "Prop 2.5" is a label ("Proposition
    # 2½"), not a figure, and "New Growth $134,215" is an amount, not a growth rate.
    checks = check_all_alarms(DOCS / "entab-01.pdf", lang="en", pages=[1], all_pages=True)
    revenue = {c.lane_label: c for c in checks if c.total_label == "Total Revenue"}
    assert revenue["FY25"].verdict is Verdict.CONSISTENT
    assert [p.stated for p in revenue["FY25"].parts] == [
        "$8,425,343", "$210,634", "$134,215", "$82,377", "$711,871", "$1,517,964"]
    fy26 = revenue["FY26"]
    assert fy26.verdict is Verdict.MISMATCH and fy26.alarm
    assert fy26.parts[-1].stated == "$72,765" and fy26.parts[-1].sign == -1
    assert fy26.difference == 2 * 72765


def test_a_lane_of_zeros_does_not_make_a_numbered_group() -> None:
    # Colorado JBC, Table 3A: "1 Appropriation Increases" over numbered bill rows; the FY 2025-26
    # column is all zeros (0 = 0 + 0 + 0 + 0), which is no evidence that row 2 is their group.
    checks = check_pdf(DOCS / "entab-03.pdf", lang="en", pages=[3], all_pages=True)
    assert not [c for c in checks if c.alarm]


def test_a_total_wrong_in_one_column_of_a_dense_table_is_an_alarm() -> None:
    # Town of Hubbardston FY26 budget, page 3: the Finance Committee's TOTAL is $30,200 (= $200 +
    # $30,000) in four columns and $30,000 under "FY26 DEPT". The same two rows fill every column,
    # so "it adds up without one part" or "one column over" is no reading of this table: the
    # printed total is wrong.
    checks = check_pdf(DOCS / "entab-01.pdf", lang="en", pages=[3], all_pages=True)
    fc = [c for c in checks if c.page == 3 and c.total_label == "TOTAL" and [p.stated for p in c.parts] == ["$200", "$30,000"]]
    wrong = [c for c in fc if c.alarm]
    assert [c.total.stated for c in wrong] == ["$30,000"]
    assert len([c for c in fc if c.verdict is Verdict.CONSISTENT]) == 4


def test_a_total_adds_the_rows_that_fill_its_columns_not_their_o_w_breakdowns() -> None:
    # Zambia 2025 budget address, allocations by function: each function has an amount and a
    # share of the budget; its "O/w" items under it have an amount only. TOTAL 217,105,378,661
    # (100.0%) is the sum of the ten functions.
    checks = check_pdf(DOCS / "enworld-05.pdf", lang="en", pages=[2], all_pages=True)
    total = [c for c in checks if c.total_label == "TOTAL"]
    assert {c.total.stated for c in total} == {"217,105,378,661", "100.0%"}
    amounts = next(c for c in total if c.total.stated == "217,105,378,661")
    assert len(amounts.parts) == 10 and amounts.parts[1].stated == "10,321,443,219"
    assert all(c.verdict is Verdict.CONSISTENT for c in total)


def test_a_total_column_before_its_parts_after_columns_it_does_not_close() -> None:
    # Virginia's report on proffered cash payments FY 2018-2019 (enqrt-01), Appendix D: "Total
    # Cash Proffer Revenue Collected | Total Pledged … | Total Cash Proffer Revenue Expended |
    # Schools | Roads … | Miscellaneous": the third column adds up the eleven after it. King
    # William's categories add up to 3,000.00 more than its printed total, and that slip runs
    # into Total Counties and Grand Totals; Leesburg's total holds 594,620.57 more than its
    # categories, which the checker takes for parts printed elsewhere (a doubt, not an alarm).
    checks = check_all_alarms(DOCS / "enqrt-01.pdf", lang="en", pages=[4])
    expended = {c.lane_label: c for c in checks
                if c.orientation == "column" and c.total_label.startswith("Total Cash Proffer Revenue Expended")}
    assert [p.stated for p in expended["Albemarle"].parts if p.value] == ["705,524.00", "41,384.58"]
    assert expended["Albemarle"].verdict is Verdict.CONSISTENT
    assert sum(c.verdict is Verdict.CONSISTENT for c in expended.values()) >= 20
    assert {k for k, c in expended.items() if c.alarm} == {"King William", "Total Counties", "Grand Totals"}
    assert expended["Leesburg"].verdict is Verdict.MISMATCH and not expended["Leesburg"].alarm


def test_an_opening_bracket_flush_left_of_its_figure_is_its_sign() -> None:
    # the MTA's payroll tax forecast tables (enbvx-03 p3), "(By Place of Work, $ In Millions)":
    # "New York City   (   519,297.28) (   548,459.52) …" with "Total   (   684,389.10)": each
    # bracket stands at its column's left edge, the figure at its right edge. Read as words, the
    # lone brackets broke the rows; read with their figures, each year's total adds up its seven
    # places.
    checks = [c for c in check_pdf(DOCS / "enbvx-03.pdf", lang="en", pages=[3]) if c.total_label == "Total" and c.page == 3]
    first = next(c for c in checks if c.total.stated == "(684,389.10)")
    assert [p.stated for p in first.parts][:3] == ["(519,297.28)", "(99,167.34)", "(38,482.46)"]
    assert len(checks) >= 20 and all(c.verdict in (Verdict.CONSISTENT, Verdict.ROUNDING) for c in checks)


def test_a_table_header_across_a_text_columns_gutter_stays_with_its_table() -> None:
    # The Presidential Employment Stimulus update (enzdq-01 p4): "NUMBER OF YOUTHS TRAINED BY
    # CATEGORY" is set across the page above two columns of running text. The page is read as two
    # text columns; the table's rows stay whole, and so must its header line ("Province CVCW
    # Handymen Enrichment eCadres Curriculum Total"), or the Total column goes unread. Western
    # Cape's printed 606 for 666 (so the labels) then shows in its row and in its column alike.
    checks = check_pdf(DOCS / "enzdq-01.pdf", lang="en", pages=[4])
    rows = {c.lane_label: c for c in checks if c.orientation == "column" and c.total_label == "Total"}
    assert len(rows) == 10 and rows["Eastern Cape"].verdict is Verdict.CONSISTENT
    assert {k for k, c in rows.items() if c.alarm} == {"Western Cape"}
    columns = {c.lane_label: c for c in checks if c.orientation == "row"}
    assert {k for k, c in columns.items() if c.alarm} == {"Sports & Enrichment Assistant"}


def test_a_slip_among_rows_that_include_a_nil_one_is_an_error() -> None:
    # Oregon's audit of its Travel Experience (enxjr-01 p6), "ODOT Costs for FY2009": Labor
    # $448,494, Equipment 107,276, Contracts 390,987, Materials 91,824, Services and Supplies
    # 286,949, Overhead "*", Total $1,325,130: the rows add up to 1,325,530. The total is off by
    # 400, less than any row that counts, so no choice of rows explains it; the starred row adds
    # nothing and does not make the slip a doubt.
    checks = check_pdf(DOCS / "enxjr-01.pdf", lang="en", pages=[6])
    total = next(c for c in checks if c.total_label == "Total" and c.orientation == "row")
    assert total.verdict is Verdict.MISMATCH and total.alarm and total.doubt is None
    assert total.total.stated == "$1,325,130"
