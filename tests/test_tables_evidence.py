"""No alarm without evidence: table checks on unseen documents' dev excerpts (tests/unseen)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, checks_to_claims
from tests.support.tables import check_all_alarms

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_of_which_rows_among_the_parts_are_left_out_of_the_total() -> None:
    # Zambia 2025 budget by function: indented "O/w" breakdowns sit between the functions. They
    # fill the amount column only; the functions fill the share column too, and the TOTAL adds
    # them (before: the O/w rows were summed in, and the total was left unchecked with a doubt).
    checks = check_pdf(DOCS / "enworld-05.pdf", lang="en", all_pages=True)
    total = [c for c in checks if c.total.stated == "217,105,378,661"]
    assert total and all(not c.alarm for c in total)
    assert total[0].verdict is Verdict.CONSISTENT and "O/w" in total[0].reading
    (claim,) = [c for c in checks_to_claims(total) if c.get("stated") == "217,105,378,661" and "expr" in c]
    assert claim["expr"].startswith("sum(")


def test_change_column_and_closing_balance_are_checked() -> None:
    # Public Accounts of Canada 2021: "Change $" = 2021 - 2020, and a statement of operations.
    checks = check_pdf(DOCS / "enworld-01.pdf", lang="en", all_pages=True)
    change = [c for c in checks if c.reading.startswith("a change column") and c.page == 2]
    assert len(change) == 13 and all(c.verdict is Verdict.CONSISTENT for c in change)
    personal = next(c for c in change if c.total.stated == "7,179")
    assert [(p.sign, p.stated) for p in personal.parts] == [(1, "174,755"), (-1, "167,576")]
    net_debt = [c for c in checks if c.total_label == "Net debt"]
    assert [c.verdict for c in net_debt] == [Verdict.CONSISTENT, Verdict.CONSISTENT]
    assert not [c for c in checks if c.alarm]


def test_a_deductions_heading_is_not_a_deduction_row() -> None:
    # NYC Comptroller audit, Table I: "Deductions" heads four costs that add up to their Total.
    checks = check_pdf(DOCS / "enus-01.pdf", lang="en", all_pages=True)
    total = [c for c in checks if c.total.stated == "$1,187,117"]
    assert total and total[0].verdict is Verdict.CONSISTENT
    assert all(p.sign == 1 for p in total[0].parts)
    net = [c for c in checks if c.total_label == "Net Paid to the City"]
    assert net and all(c.verdict is Verdict.CONSISTENT for c in net)


def test_zero_is_never_a_scale_slip() -> None:
    from fractions import Fraction

    from factcheck.tables.cells import CellNumber
    from factcheck.tables.judging import judge

    zero = CellNumber("0.00", Fraction(0), 2, Fraction(1, 200))
    part = CellNumber("5", Fraction(5), 0, Fraction(1, 2))
    assert judge([(1, part)], zero).verdict is Verdict.MISMATCH


def test_a_total_with_one_part_is_checked_but_never_an_alarm() -> None:
    # Nigeria Appropriation Bill 2026 schedule: "TOTAL - AID AND GRANTS" closes one item; the
    # label line "20 SPECIAL ACCOUNTS" has no figure and is not glued to the total below it.
    checks = check_pdf(DOCS / "enworld-03.pdf", lang="en", all_pages=True)
    aid = next(c for c in checks if c.total_label == "TOTAL - AID AND GRANTS")
    assert aid.verdict is Verdict.CONSISTENT and [p.stated for p in aid.parts] == ["1,367,151,828,000"]
    levies = next(c for c in checks if c.total_label.startswith("TOTAL - SPECIAL LEVIES"))
    assert levies.verdict is Verdict.CONSISTENT
    assert not [c for c in checks if c.alarm]
    # Wassenaar jaarstukken, Tabel 0.1: "Totaal lasten" read over the one row above it fails; that
    # is our reading (its rows stand apart), so it is doubted, not an alarm
    wassenaar = check_pdf(DOCS / "nltaal-01.pdf", lang="nl", pages=[1], all_pages=True)
    one_part_failing = [c for c in wassenaar if len(c.parts) == 1 and c.verdict is Verdict.MISMATCH]
    assert one_part_failing and all(c.doubt and "only one part" in c.doubt for c in one_part_failing)
    assert not [c for c in one_part_failing if c.alarm]


def test_share_rows_of_amounts_and_percent_in_parentheses_are_parts() -> None:
    checks = check_pdf(DOCS / "enworld-03.pdf", lang="en", pages=[2], all_pages=True)
    share = next(c for c in checks if c.total_label == "TOTAL - SHARE OF FEDERATION REVENUES" and c.page == 2)
    assert share.verdict is Verdict.CONSISTENT and len(share.parts) == 3
    goes = next(c for c in checks if c.total_label.startswith("TOTAL - GOEs REVENUE"))
    assert [p.stated for p in goes.parts] == ["9,400,398,417,348", "(4,419,520,452,217)"]
    assert goes.verdict is Verdict.CONSISTENT


def test_unnumbered_rows_over_numbered_items_are_their_groups() -> None:
    checks = check_pdf(DOCS / "enworld-03.pdf", lang="en", pages=[5], all_pages=True)
    groups = {c.total_label: c for c in checks if c.reading == "the numbered rows under the group row"}
    nia = groups["NIGERIA INTELLIGENCE AGENCY"]
    assert nia.verdict is Verdict.CONSISTENT
    assert [p.stated for p in nia.parts] == ["15,450,070,461", "1,000,000,000", "7,087,951,972"]
    assert "UNIVERSITIES PENSION INCLUDING ARREARS" in groups


def test_unlabelled_subtotal_lines_are_checked_when_they_close_the_rows_above() -> None:
    # Autoriteit Persoonsgegevens jaarrekening 2022, Materiële kosten: two blocks closed by a
    # line of figures under a rule, then Totaal over both subtotals and the single item between.
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[16], all_pages=True)
    subs = [c for c in checks if c.total_label.startswith("unlabelled subtotal")]
    assert sorted(c.total.stated for c in subs) == ["2.115.132", "2.691.320", "2.756.785", "3.992.859"]
    assert all(c.verdict is Verdict.CONSISTENT for c in subs)
    total = next(c for c in checks if c.total_label == "Totaal" and c.total.stated == "7.561.068")
    assert [p.stated for p in total.parts] == ["3.992.859", "876.889", "2.691.320"]
    assert total.verdict is Verdict.CONSISTENT


def test_som_der_totals_over_a_subtotal_and_a_budget_column_without_parts() -> None:
    # Autoriteit Persoonsgegevens, Staat van baten en lasten 2022: "Som der apparaatkosten" adds
    # "Totaal personeelskosten" and the rows after it; the budget column prints only that total.
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[5], all_pages=True)
    som = [c for c in checks if c.total_label == "Som der apparaatkosten"]
    assert [c.total.stated for c in som] == ["29.647.089", "29.980.752", "23.516.081"]
    assert all(c.verdict is Verdict.CONSISTENT for c in som)
    assert [p.stated for p in som[0].parts][0] == "16.603.424"
    personnel = [c for c in checks if c.total_label == "Totaal personeelskosten"]
    assert [c.lane_label for c in personnel] == ["2022 EUR", "2021 EUR"]  # not the budget's dashes
    assert not [c for c in checks if c.alarm]


def test_currency_signs_in_a_column_of_their_own_and_variance_signs() -> None:
    # Village of Scarsdale statements: "$       7,742,380" with the sign set apart; the budget
    # variance column is actual - budget for revenues and budget - actual for expenditures.
    checks = check_pdf(DOCS / "enus-03.pdf", lang="en", all_pages=True)
    revenues = [c for c in checks if c.page == 2 and c.total_label == "Total Revenues"]
    assert revenues and revenues[0].parts[0].stated == "7,742,380"
    assert all(c.verdict is Verdict.CONSISTENT for c in revenues)
    variance = [c for c in checks if c.page == 5 and c.reading.startswith(("a change column", "a variance column"))]
    ways = {c.total.stated: [(p.sign, p.stated) for p in c.parts] for c in variance}
    assert ways["460,440"] == [(1, "7,930,600"), (-1, "7,470,160")]  # final budget - actual
    assert ways["(2,704)"] == [(1, "30,827,797"), (-1, "30,830,501")]  # actual - final budget
    assert any(c.reading.startswith("a variance column read the other way") for c in variance)
    assert all(c.verdict is Verdict.CONSISTENT for c in variance)
    assert not [c for c in checks if c.alarm]


def test_a_result_line_set_apart_under_a_table_is_its_last_row() -> None:
    # "Exploitatieresultaat" a few blank lines below "Som der exploitatielasten", in its columns
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[5], all_pages=True)
    result = [c for c in checks if c.total_label == "Exploitatieresultaat"]
    assert [c.total.stated for c in result] == ["-2.649.189", "-839.626", "3.251.755"]
    assert [(p.sign, p.stated) for p in result[0].parts] == [(1, "27.147.900"), (-1, "29.797.089")]
    assert all(c.verdict is Verdict.CONSISTENT for c in result)


def test_a_total_printed_above_its_waarvan_rows() -> None:
    # Autoriteit Persoonsgegevens productietabel: "Datalekmeldingen EU (ontvangen), waarvan:"
    # over three rows; the wrapped "toezichthouder" stays part of the label above it.
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[2], all_pages=True)
    heads = {(c.total_label, c.lane_label): c for c in checks if c.reading == "the rows printed below the total"}
    eu = heads[("Datalekmeldingen EU (ontvangen), waarvan:", "2021")]
    assert eu.total.stated == "184" and [p.stated for p in eu.parts] == ["100", "48", "36"]
    assert all(c.verdict is Verdict.CONSISTENT for c in heads.values()) and len(heads) == 6


def test_an_unlabelled_subtotal_closes_only_the_rows_it_adds() -> None:
    # Kortlopende schulden: the line under "Nog te ontvangen facturen" adds the three accruals
    # above it, not the creditors and taxes before them; Totaal then adds those and the subtotal.
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[13], all_pages=True)
    sub = [c for c in checks if c.page == 13 and c.total_label.startswith("unlabelled subtotal")]
    assert [[p.stated for p in c.parts] for c in sub][0] == ["60.041", "1.725.672", "773.360"]
    total = [c for c in checks if c.page == 13 and c.total_label == "Totaal"]
    assert [p.stated for p in total[0].parts][-1] == "2.559.073"
    assert all(c.verdict is Verdict.CONSISTENT for c in sub + total)


def test_a_total_of_its_blocks_first_rows_and_an_evolutie_column() -> None:
    # Rekenhof on the Flemish budget 2026, Tabel 14: "Totaal geconsolideerde schuld" is the sum of
    # its first two rows in every column (the rows after them are items outside it); the
    # "Evolutie (b) – (a)" column is a change column.
    checks = check_pdf(DOCS / "nltaal-03.pdf", lang="nl", pages=[4], all_pages=True)
    total = [c for c in checks if c.total_label == "Totaal geconsolideerde schuld"]
    assert [c.total.stated for c in total] == ["50.171,9", "56.551,5", "56.971,1", "+6.799,1"]
    assert [p.stated for p in total[0].parts] == ["42.396,6", "7.775,3"]
    assert all(c.verdict in HOLDS for c in total) and total[0].reading.startswith("the first rows of its block only")
    change = [c for c in checks if c.total_label == "Evolutie (b) – (a)"]
    assert len(change) == 7 and all(c.verdict in HOLDS for c in change)
    assert not [c for c in checks if c.alarm]


def test_a_change_column_with_a_sign_slip_is_an_alarm_on_a_page_without_a_total() -> None:
    # KiM on commuting distance, Tabel 4.4 (no total row): "Verandering woon-werk afstand" is
    # after minus before. For "Andere reden" 19,8 − 19,9 = −0,1, printed 0,1: a plain change
    # column is not a variance that may run the other way in some rows, so this is an alarm.
    checks = check_all_alarms(DOCS / "nlrijk-03.pdf", lang="nl")
    change = {c.lane_label: c for c in checks if c.total_label.startswith("Verandering woon-werk")}
    assert len(change) == 10
    assert [k for k, c in change.items() if c.alarm] == ["Andere reden"]
    assert change["Andere reden"].difference == Fraction(1, 5)
    assert all(c.verdict in HOLDS for k, c in change.items() if k != "Andere reden")


def test_a_delta_row_of_percentages_is_the_difference_of_the_two_rows_above() -> None:
    # SERV advice, Tabel 7: "Delta schuld SERV- MJR" under the two debt ratios, in percentage
    # points: 91,53% − 91,88% = −0,35, printed −0,34% (both ratios rounded to two decimals).
    checks = check_pdf(DOCS / "nltaal-05.pdf", lang="nl", pages=[5], all_pages=True)
    delta = [c for c in checks if c.total_label == "Delta schuld SERV- MJR"]
    assert [c.total.stated for c in delta] == ["-0,34%", "0,29%", "-0,01%", "-0,21%", "-0,33%"]
    assert [(p.sign, p.stated) for p in delta[0].parts] == [(1, "91,53%"), (-1, "91,88%")]
    assert all(c.verdict in HOLDS for c in delta)


def test_a_total_over_the_one_row_that_repeats_it_below_is_read_from_above() -> None:
    # Autoriteit Persoonsgegevens jaarrekening 2022: "Som der bedrijfsopbrengsten" adds the
    # contribution and the subtotal line above it; "Brutomarge" below repeats the figure and is
    # no part of it.
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[14], all_pages=True)
    som = [c for c in checks if c.total_label == "Som der bedrijfsopbrengsten"]
    assert [c.total.stated for c in som] == ["29.240.127", "26.899.855"]
    assert [p.stated for p in som[0].parts] == ["29.020.000", "220.127"]
    assert all(c.verdict in HOLDS for c in som)
    assert not [c for c in checks if c.reading.startswith("the rows right below") and len(c.parts) == 1
                and not c.parts[0].label.strip()]


def test_of_which_columns_are_parts_of_the_column_before_them() -> None:
    # KiM, Tabel 3.1 (no total word on the page): "Aantal respondenten | Waarvan niet-verhuizers |
    # Waarvan verhuizers". For 2015, 55.396 + 7.040 = 62.436, printed 62.463 (two digits swapped);
    # the other years add up. The headers state the relation, so the slip is an alarm.
    checks = check_pdf(DOCS / "nlrijk-03.pdf", lang="nl")
    rows = {c.lane_label: c for c in checks if c.total_label == "Aantal respondenten"}
    assert sorted(rows) == ["2015", "2018", "2021"]
    assert rows["2015"].alarm and rows["2015"].difference == 27
    assert rows["2018"].verdict is Verdict.CONSISTENT and rows["2021"].verdict is Verdict.CONSISTENT
    assert "of which" in rows["2015"].reading


def test_a_saldo_with_the_wrong_sign_under_a_sign_legend_is_an_alarm() -> None:
    # Wassenaar jaarstukken 2023, "Bedragen x €1.000, + = voordelig, - = nadelig": -913 − 1.410
    # + 506 = −1.817 (nadelig), printed "Saldo tot en met Najaarsnota 2023  1.817".
    checks = check_all_alarms(DOCS / "nltaal-01.pdf", lang="nl", pages=[2], all_pages=True)
    saldo = next(c for c in checks if c.total_label == "Saldo tot en met Najaarsnota 2023")
    assert saldo.alarm and saldo.verdict is Verdict.MISMATCH
    assert [p.stated for p in saldo.parts] == ["-913", "-1.410", "506"]
    assert "other sign" in saldo.reading
    # "Mutaties reserves" on page 3 is an item, not the change of two rows (278 = 278 − 0 tells nothing)
    page3 = check_all_alarms(DOCS / "nltaal-01.pdf", lang="nl", pages=[3], all_pages=True)
    assert not [c for c in page3 if c.total_label == "Mutaties reserves"]


def test_bracketed_negatives_with_the_closing_bracket_set_apart() -> None:
    # Audit of a museum's donations, Table I: variances printed "$  ( 110,958.96 )". Each is one
    # negative figure, so the rows that hold one are read and the totals add up in every column.
    checks = check_pdf(DOCS / "enus-05.pdf", lang="en", pages=[3], all_pages=True)
    restricted = [c for c in checks if c.total_label == "Total Restricted"]
    assert [c.total.stated for c in restricted] == ["626,830.80", "618,598.87", "8,231.93"]
    assert [p.stated for p in restricted[2].parts] == ["-", "(1,968.07)", "81,539.00", "(71,339.00)"]
    assert all(c.verdict is Verdict.CONSISTENT for c in checks)
    # and the first column, "Per Donor Perfect", is the two after it added up in each of its 8 rows
    # (the books' figure and the variance): 20 checks of the columns' totals, 8 of the rows
    first = [c for c in checks if "columns right after it" in c.reading]
    assert len(first) == 8 and len(checks) == 28
    unrestricted = next(c for c in first if c.lane_label == "Unrestricted Individual")
    assert (unrestricted.total.stated, [p.stated for p in unrestricted.parts]) == ("317,945.17", ["428,904.13", "(110,958.96)"])


def test_a_total_off_by_less_than_any_of_its_rows_is_an_alarm_though_no_column_adds_up() -> None:
    # Regeldruk annex (IenW 2024): "Totaal € 384.037,-" under seven rows that add up to 384.328;
    # the other column's Totaal is off as well (19.956 printed, 19.977 added up). The gap (291) is
    # smaller than any row, so no row too many or too few explains it. The table's header is on
    # page 2 and page 1 was read: no rows of it stand on the page before.
    checks = check_all_alarms(Path(__file__).parent / "unseen" / "docs" / "nlwat-01.pdf", lang="nl")
    (total,) = [c for c in checks if c.total_label == "Totaal" and c.total.stated == "€384.037,-"]
    assert total.verdict is Verdict.MISMATCH and total.alarm and total.difference == -291
    assert len(total.parts) == 7


def test_a_total_more_than_twice_its_parts_has_its_parts_elsewhere() -> None:
    # A building cost estimate's last page: "Totale bouwkosten €252.462,86" under five rows of
    # labour (€7.678,01); the estimate's other ten pages hold the rest. No alarm, a doubt.
    checks = check_pdf(Path(__file__).parent / "unseen" / "docs" / "nlver-01.pdf", lang="nl")
    (total,) = [c for c in checks if c.total_label == "Totale bouwkosten"]
    assert total.verdict is Verdict.MISMATCH and not total.alarm
    assert total.doubt is not None and "less than half" in total.doubt


def test_a_net_change_in_cash_off_from_the_activities_it_names_is_an_alarm() -> None:
    # A dining workers' union's cash flow statement, 2018: "Net Cash Provided by Operating
    # Activities 214.78" and "... Investing Activities 0.00", but "NET CHANGE IN CASH 202.28"
    # (2019 adds up: 6,310.41 - 265.69 = 6,044.72). The parts are named by their labels, so one
    # larger than the total is no sign that the rows were misread, as it is for rows found by place.
    checks = check_all_alarms(DOCS / "enngo-01.pdf", lang="en", pages=[4], all_pages=True)
    change = {c.lane_label: c for c in checks if c.total_label.startswith("NET CHANGE IN CASH")}
    assert change["2019"].verdict is Verdict.CONSISTENT
    assert change["2018"].verdict is Verdict.MISMATCH and change["2018"].alarm
    assert [p.stated for p in change["2018"].parts] == ["214.78", "0.00"]
    assert [c for c in checks if c.alarm] == [change["2018"]]


def test_a_currency_sign_set_apart_from_the_figures_is_the_tables_unit() -> None:
    # Rhode Island CAFR 2014, governmental funds' balances "(expressed in thousands)": only
    # "$         174" and "$   1,011,310" carry a sign, set apart in a column of its own. The
    # table is in thousands of dollars, so the text's "a decrease of $46.5 million" can meet it.
    checks = check_pdf(DOCS / "enqua-01.pdf", lang="en", pages=[7], all_pages=True)
    total = [c for c in checks if c.page == 7 and c.total.stated == "1,011,310"]
    assert total and total[0].verdict in HOLDS
    assert total[0].unit == "USD" and total[0].multiplier == 1000


def test_a_letter_in_brackets_glued_to_a_figure_is_a_mark_not_part_of_it() -> None:
    # New York City's adopted capital budget FY2020 (enwtd-01), a line printer's layout: the
    # non-city funds carry their source glued on, "1,449,697(F)" (federal), "200,000(S)" (state).
    # The figure is the cell, so the row's total of all funds adds up.
    checks = check_pdf(DOCS / "enwtd-01.pdf", lang="en", pages=[1], all_pages=True)
    cuny = [c for c in checks if c.lane_label == "CITY UNIVERSITY OF NEW YORK"]
    assert cuny and cuny[0].verdict is Verdict.CONSISTENT
    assert [p.stated for p in cuny[0].parts][-1] == "1,449,697"
