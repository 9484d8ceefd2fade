"""Table layouts first met on unseen dev documents (batches engov, enaud, nlpub): spaces as
thousands separators, an amount column left of the labels, 'w.v.' rows, figures rounded to
thousands, and a reading that fails in a run of rows."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.cells import CellNumber
from factcheck.tables.doubts import typo_explains
from tests.support.tables import check_all_alarms
from tests.support.tables import checks_by_label as _by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_spaces_as_thousands_separators_and_rows_that_name_their_relation() -> None:
    # ACT Budget Paper 3 (2005-06): "1 447 094", "13 340"; "Total Territory Net Assets" under
    # Total Assets and Total Liabilities; "Taxation as a % of GSP" under Taxation and GSP
    tables = find_page_tables(DOCS / "engov-01.pdf", "en", pages=[3], all_pages=True)[3]
    funded = next(t for t in tables if t.title == "Table 1.2.7")
    assert [c.text.replace("\u202f", " ") for _, c in sorted(funded.rows[0].cells.items())] == [
        "1 447 094", "2 480 943", "58%"]
    checks = check_pdf(DOCS / "engov-01.pdf", lang="en", pages=[1, 2, 3], all_pages=True)
    assert not [c for c in checks if c.alarm]
    net = [c for c in checks if c.total_label == "Total Territory Net Assets"]
    assert len(net) == 5 and all(c.verdict is Verdict.CONSISTENT for c in net)
    assert [p.stated.replace("\u202f", " ") for p in net[0].parts] == ["13 340", "4 036"]
    gsp = [c for c in checks if c.relation == "share" and c.total_label == "Taxation as a % of GSP"]
    assert len(gsp) == 5 and all(c.verdict in HOLDS for c in gsp)
    assert [p.stated.replace("\u202f", " ") for p in gsp[0].parts] == ["692", "16 944"]


def test_an_amount_column_printed_left_of_the_labels() -> None:
    # Royal Sutton Coldfield Town Council, budget comparison: last year's budget stands before
    # the labels ("(145,000)   Economic Development   (4,022)   (132,000)   127,978")
    (table,) = find_page_tables(DOCS / "engov-03.pdf", "en", pages=[1], all_pages=True)[1]
    heading, first = table.rows[0], table.rows[1]
    assert heading.section and heading.label == "DIRECT SERVICES TO THE PUBLIC"
    assert first.label == "Economic Development"
    assert [c.text for _, c in sorted(first.cells.items())] == ["(145,000)", "(4,022)", "(132,000)", "127,978"]
    checks = check_pdf(DOCS / "engov-03.pdf", lang="en", pages=[1], all_pages=True)
    totals = [c for c in checks if c.total.stated == "(1,102,339)"]
    assert len(totals) == 1 and totals[0].verdict in HOLDS
    assert not [c for c in checks if c.alarm]
    # the section heading over the first row ("DIRECT SERVICES TO THE PUBLIC") stands over the
    # labels, not over the figures: the header above it still names the columns
    assert [c.header for c in table.columns] == ["2017 £ Budget", "2018 £ Net Expenditure", "2018 £ Budget",
                                                 "2018 £ Variance"]
    variance = next(c for c in checks if c.total.stated == "127,978")
    assert variance.relation == "difference" and variance.verdict is Verdict.CONSISTENT
    assert [p.stated for p in variance.parts] == ["(4,022)", "(132,000)"]


def test_of_which_rows_add_up_to_the_row_above_and_thousands_are_rounded() -> None:
    # WODC/CBS Criminaliteit en rechtshandhaving 2023: "Sancties politie+OM+rechter 193.000" over
    # "w.v. politie 32.000", "w.v. OM 69.000", "w.v. rechter 91.000": 192.000, rounded to thousands
    checks = check_pdf(DOCS / "nlpub-01.pdf", lang="nl", pages=[1, 2], all_pages=True)
    sanctions = next(c for c in checks if c.total.stated == "193.000")
    assert sanctions.verdict is Verdict.ROUNDING
    assert [p.stated for p in sanctions.parts] == ["32.000", "69.000", "91.000"]
    assert "'of which'" in sanctions.reading
    # nested: "w.v. strafrechtelijk 377.000" = w.v. politie + w.v. OM + w.v. rechter
    nested = next(c for c in checks if c.total.stated == "377.000")
    assert [p.stated for p in nested.parts] == ["294.000", "31.000", "53.000"] and nested.verdict in HOLDS
    assert not [c for c in checks if c.alarm]


def test_a_second_movement_block_with_its_own_header_is_its_own_table_and_its_signs_come_from_the_figures() -> None:
    # District of Saanich, note 9: the accumulated-amortization block under the cost block has its
    # own header in the same columns ("Disposals | Amortization expense" where the cost block has
    # "Additions | Disposals and transfers"). Joined to the cost block it failed row after row; on
    # its own, its closing balance is the opening balance less disposals plus amortization, a sign
    # the header words do not give (amortization takes off in the cost block's reading)
    tables = find_page_tables(DOCS / "enaud-01.pdf", "en", pages=[5], all_pages=True)[5]
    assert [len(t.rows) for t in tables] == [10, 10, 10]
    assert [c.header for c in tables[1].columns][1:3] == ["Disposals", "Amortization expense"]
    checks = check_pdf(DOCS / "enaud-01.pdf", lang="en", pages=[5], all_pages=True)
    assert not [c for c in checks if c.alarm]
    cost = [c for c in checks if c.total.stated == "$324,115,811"]
    assert cost and all(c.verdict in HOLDS for c in cost)
    vehicles = next(c for c in checks if c.total.stated == "56,058,234")
    assert vehicles.verdict is Verdict.CONSISTENT and "as the figures say" in vehicles.reading
    assert [(p.stated, p.sign) for p in vehicles.parts] == [("49,204,974", 1), ("1,414,021", -1), ("8,267,281", 1)]


def test_a_total_right_under_subtotals_closes_the_subtotals() -> None:
    # The Carpentries' quarterly profit and loss (QuickBooks layout): "Total Income" right under
    # "Total Fundraising" and "Total Programs" is their sum, in all five columns
    checks = check_pdf(DOCS / "enaud-03.pdf", lang="en", pages=[1], all_pages=True)
    income = [c for c in checks if c.total_label == "Total Income"]
    assert len(income) == 5 and all(c.verdict is Verdict.CONSISTENT for c in income)
    assert [p.stated for p in income[0].parts] == ["12,182.44", "355,676.23"]
    assert income[0].reading.startswith("the subtotals right above it")


def test_a_net_row_is_the_row_above_less_the_one_between() -> None:
    # Royal Sutton Coldfield's balance sheet: current assets 2,344,252 (an unlabelled subtotal),
    # creditors 304,483, "Net Current Assets 2,039,769"; exact in both years
    checks = check_pdf(DOCS / "engov-03.pdf", lang="en", pages=[4], all_pages=True)
    net = [c for c in checks if "Net Current Assets" in c.total_label]
    assert [(c.total.stated, [p.stated for p in c.parts], c.verdict) for c in net] == [
        ("1,309,126", ["1,414,480", "105,354"], Verdict.CONSISTENT),
        ("2,039,769", ["2,344,252", "304,483"], Verdict.CONSISTENT),
    ]


def test_a_department_code_after_its_name_is_no_figure() -> None:
    # Town of Hubbardston FY26 budget: "Select Board -122", "Town Admin -129" head each section
    tables = find_page_tables(DOCS / "entab-01.pdf", "en", pages=[3], all_pages=True)[3]
    assert not [c for t in tables for r in t.rows for c in r.cells.values() if c.text in ("-114", "-122", "-129")]


def test_a_total_label_does_not_swallow_the_heading_of_the_next_block() -> None:
    # Town budget (spreadsheet print, row numbers at left): "64 TOTAL $126,674 ..." is followed by
    # "65 Information Technology - 155" / "66 5200 Services", the heading of the next department;
    # joined to "TOTAL" they hid the total row
    checks = check_pdf(DOCS / "entab-01.pdf", lang="en", pages=[4], all_pages=True)
    treasurer = [c for c in checks if c.page == 4 and c.total.stated == "$126,674"]
    assert len(treasurer) == 1 and treasurer[0].total_label == "TOTAL"
    assert treasurer[0].verdict is Verdict.CONSISTENT
    assert [p.stated for p in treasurer[0].parts] == [
        "$65,000", "$1,000", "$42,204", "$870", "$3,500", "$4,800", "$7,300", "$2,000"]
    assert not [c for c in checks if c.alarm and c.page == 4]


def test_a_percentage_of_a_base_the_table_does_not_print_raises_no_alarm() -> None:
    # Pensioenfonds DNB, jaarverslag 2024, meerjarenoverzicht: "Transactiekosten in percentage van
    # het gemiddeld belegd vermogen"; the average is not printed, and the year-end "Totaal" of the
    # investments comes close to it in four years of five (1.662 / 2.788.401 = 0,06 % in 2021, 0,07 % printed)
    checks = check_pdf(DOCS / "nlrap-03.pdf", lang="nl", pages=[1, 2], all_pages=True)
    costs = [c for c in checks if c.total_label.startswith("Transactiekosten in percentage")]
    assert len(costs) == 5 and not [c for c in checks if c.alarm]
    off = [c for c in costs if c.verdict not in HOLDS]
    assert [c.lane_label for c in off] == ["2021"] and "gemiddeld belegd vermogen" in (off[0].doubt or "")


def test_a_table_turned_on_its_side_with_year_range_totals_and_shares_of_gdp() -> None:
    # Budget of the U.S. Government FY2024, Table S-1: the table is set sideways, with a running
    # title upright in the margin; a unit line ending in ':' heads its first rows; "Totals 2024-
    # 2028" sums five year columns; "Budget totals as a percent of GDP:" heads rows of shares
    (table,) = find_page_tables(DOCS / "enloc-01.pdf", "en", pages=[1], all_pages=True)[1]
    assert [c.header for c in table.columns][:3] == ["2022", "2023", "2024"]
    assert not any(len(w) == 1 and w.isupper() for r in table.rows for w in r.label.split())  # no margin letters
    checks = check_pdf(DOCS / "enloc-01.pdf", lang="en", pages=[1], all_pages=True)
    assert not [c for c in checks if c.alarm]
    receipts = next(c for c in checks if c.total.stated == "28,708" and c.lane_label == "Receipts")
    assert receipts.verdict is Verdict.CONSISTENT and len(receipts.parts) == 5
    # percentages are not summed over the years: no check of 19.3% against five years' shares
    assert not [c for c in checks if c.total.stated == "19.3%" and c.relation == "sum"]
    outlays = [c for c in checks if c.relation == "share" and c.total_label == "Outlays" and c.lane_label == "2022"]
    assert sorted((c.total.stated, c.parts[0].stated, c.parts[1].stated) for c in outlays) == [
        ("24.8%", "6,209", "25,000"), ("25.1%", "6,273", "25,000")]
    assert all(c.verdict in HOLDS for c in outlays)


def test_a_saldo_of_costs_and_benefits_set_flush_left_under_a_gap() -> None:
    # SEO business case for Gemeente Almere, Tabel 4.5: the header stands over a section heading
    # ("Kosten"), the columns are set flush left, and "Saldo kosten en baten" stands three blank
    # lines under the rows: Besparing ziekenhuis - Kosten werken ... - Extra kosten ...
    (_, table) = find_page_tables(DOCS / "nlgem-03.pdf", "nl", pages=[4], all_pages=True)[4]
    assert [c.header for c in table.columns] == ["Gupta min", "Gupta max", "Ziekenhuis500", "Ziekenhuis 300"]
    checks = check_pdf(DOCS / "nlgem-03.pdf", lang="nl", pages=[4], all_pages=True)
    saldo = [c for c in checks if c.total_label == "Saldo kosten en baten"]
    assert [c.total.stated for c in saldo] == ["€250.000", "€1.468.750", "€1.896.830", "€1.138.098"]
    assert all(c.verdict is Verdict.CONSISTENT for c in saldo)
    assert [(p.stated, p.sign) for p in saldo[0].parts] == [("€500.000", -1), ("€485.000", -1), ("€1.235.000", 1)]


def test_a_year_alone_on_its_line_ends_a_label_and_growth_inside_a_word_is_no_ratio() -> None:
    # GGD Flevoland, begroting 2026, inwonerbijdrage: "Wijziging budget ten gevolge van
    # inwonergroei" / figures / "2025": the year ends the label and does not cut the table in two;
    # "inwonergroei" is a change in euros, not a growth rate
    (table,) = find_page_tables(DOCS / "nlgem-01.pdf", "nl", pages=[1], all_pages=True)[1]
    assert [c.header for c in table.columns] == ["2026", "2027", "2028", "2029"]
    checks = check_pdf(DOCS / "nlgem-01.pdf", lang="nl", pages=[1], all_pages=True)
    technical = [c for c in checks if c.total_label == "subtotaal Technische wijzigingen"]
    assert [p.stated for p in technical[0].parts] == ["156", "389"] and technical[0].verdict is Verdict.CONSISTENT
    assert all(c.verdict in HOLDS for c in technical)
    assert not [c for c in checks if c.alarm]


def test_a_change_column_off_in_a_footnoted_row_and_the_totals_after_it_raises_no_alarm() -> None:
    # Pennsylvania 2015-16 tracking run: "School Employees' Retirement*** 1,157,853  0  0  0.0%",
    # its note moving it to a restricted account; the Subtotal and, on the next page, the
    # Education Total carry that row's change (pages 3 and 4 asked for: page 2 ends on a department's
    # "... Total", so its table is closed there and the next page is no continuation to reach for)
    checks = check_pdf(DOCS / "enus-02.pdf", lang="en", pages=[1, 2, 3, 4], all_pages=True)
    assert not [c for c in checks if c.alarm]
    retirement = next(c for c in checks if c.relation == "difference" and "Retirement" in c.lane_label)
    assert retirement.verdict not in HOLDS and "footnote" in (retirement.doubt or "")
    changes = [c for c in checks if c.relation == "difference"]
    assert sum(c.verdict in HOLDS for c in changes) >= 100


def test_a_flemish_balance_sheet_of_numbered_saldos() -> None:
    # Provincie Antwerpen, meerjarenplan 2026-2031, "Staat van het financieel evenwicht" (a page set
    # sideways): "I. Exploitatiesaldo" = "a. Ontvangsten" - "b. Uitgaven"; "III. Saldo exploitatie
    # en investeringen" = I. + II.; "V. Budgettair resultaat van het boekjaar" = III. + IV.; the
    # page has no word "Totaal", and is still read for its tables
    checks = [c for c in check_pdf(DOCS / "nltaal-04.pdf", lang="nl", pages=[1]) if c.page == 1]
    by = {(c.total_label, c.lane_label[-4:]): c for c in checks}
    first = by[("I. Exploitatiesaldo", "2026")]
    assert [(p.stated, p.sign) for p in first.parts] == [("236.862.206", 1), ("204.700.675", -1)]
    third = next(c for (label, lane), c in by.items() if label.endswith("Saldo exploitatie en investeringen")
                 and lane.endswith("2026"))
    assert [p.stated for p in third.parts] == ["32.161.531", "-31.536.482"]
    assert len(checks) >= 40 and all(c.verdict in HOLDS for c in checks)
    # "IX. Beschikbaar budgettair resultaat" repeats VII.: a sibling, not a head over one item
    assert not [c for c in checks if c.total_label.startswith("VII.") and len(c.parts) == 1]


def test_a_table_in_one_column_of_a_two_column_page() -> None:
    # Public Accounts of Canada 2011-2012, vol. I: "Comparison of 2011-2012 Outcomes to June 2011
    # Budget" in the left column, running text in the right one, line for line beside its rows
    (first, *_) = find_page_tables(DOCS / "enworld-04.pdf", "en", pages=[1], all_pages=True)[1]
    assert [r.label for r in first.rows][-3:] == ["Public debt charges", "Total expenses", "Annual deficit"]
    # ("Revenues" over the indented revenue rows, named by "Total revenues", is a section)
    assert all(len(r.cells) == 3 for r in first.rows if not r.section)
    assert [r.label for r in first.rows if r.section] == ["Revenues"]
    checks = check_pdf(DOCS / "enworld-04.pdf", lang="en", pages=[1], all_pages=True)
    program = [c for c in checks if c.total_label == "Total program expenses"]
    assert [p.stated for p in program[0].parts] == ["70,568", "58,208", "39,539", "80,085"]
    assert all(c.verdict in HOLDS for c in program) and not [c for c in checks if c.alarm]


def test_a_table_across_the_page_under_two_columns_of_text_stays_whole() -> None:
    # GGD Flevoland: two columns of text above a table whose figures stand right of the gutter
    (table,) = find_page_tables(DOCS / "nlgem-01.pdf", "nl", pages=[1], all_pages=True)[1]
    assert table.rows[0].label.startswith("Totaal uitgangssituatie") and len(table.rows[0].cells) == 4


def test_a_heading_in_capitals_set_apart_over_rows_in_capitals_is_a_section() -> None:
    # Town of Colchester, adopted revenues: "OTHER REVENUES", a blank line, then
    # "TELECOMMUNICATION PROPERTY TAX  82,399 ..."
    (table,) = find_page_tables(DOCS / "enus-04.pdf", "en", pages=[4], all_pages=True)[4]
    labels = [r.label for r in table.rows]
    assert labels[:2] == ["OTHER REVENUES", "TELECOMMUNICATION PROPERTY TAX"] and table.rows[0].section
    assert "USE OF FUND BALANCE" in labels


def test_a_dash_after_a_heading_introduces_its_rows_and_keeps_the_statement_one_table() -> None:
    # Public Accounts of Canada 2011-2012, Consolidated Statement of Operations: "TAX REVENUES —",
    # "OTHER REVENUES —" are headings; read as nil cells they cut the statement in three tables
    # and TOTAL REVENUES lost its parts
    (table,) = find_page_tables(DOCS / "enworld-04.pdf", "en", pages=[2], all_pages=True)[2]
    assert len(table.columns) == 3
    other = next(r for r in table.rows if r.label.startswith("OTHER REVENUES"))
    assert not other.cells
    checks = check_pdf(DOCS / "enworld-04.pdf", lang="en", pages=[2], all_pages=True)
    revenues = [c for c in checks if c.total_label == "TOTAL REVENUES"]
    assert len(revenues) == 3 and all(c.verdict is Verdict.CONSISTENT for c in revenues)
    assert [p.stated for p in revenues[0].parts] == ["202,693", "18,851", "27,555"]
    deficit = [c for c in checks if c.total_label == "ANNUAL DEFICIT"]
    assert len(deficit) == 3 and all(c.verdict is Verdict.CONSISTENT for c in deficit)


def test_a_subtotal_without_the_word_over_parts_left_blank_in_one_column() -> None:
    # the Statement of Change in Net Debt: the Budget column leaves "CHANGE DUE TO INVENTORIES"
    # and "... PREPAID EXPENSES" blank; "NET INCREASE IN NET DEBT DUE TO OPERATIONS" still adds
    # ANNUAL DEFICIT and the capital-asset total there (32,259 + 2,940 = 35,199)
    checks = check_pdf(DOCS / "enworld-04.pdf", lang="en", pages=[3], all_pages=True)
    due = {c.lane_label: c for c in checks if c.total_label == "NET INCREASE IN NET DEBT DUE TO OPERATIONS"}
    assert set(due) == {"Budget (Note 2)", "2012 Actual", "2011 Actual"}
    assert [p.stated for p in due["Budget (Note 2)"].parts] == ["32,259", "2,940"]
    assert len(due["2012 Actual"].parts) == 4 and all(c.verdict is Verdict.CONSISTENT for c in due.values())
    assert not [c for c in checks if c.alarm]


def test_a_group_heading_with_a_lone_figure_is_a_row_not_the_header() -> None:
    # The Carpentries, quarterly profit and loss (QuickBooks): "Fundraising  0.00" under the
    # quarter header is the group's heading line with its Total; read as the header it hid
    # "Jan - Mar, 2022 ... Total", and page 2 (whose header is printed) no longer joined page 1
    (table,) = find_page_tables(DOCS / "enaud-03.pdf", "en", pages=[1], all_pages=True)[1]
    assert [c.header for c in table.columns] == ["Jan - Mar, 2022", "Apr - Jun, 2022", "Jul - Sep, 2022",
                                                 "Oct - Dec, 2022", "Total"]
    # ("INCOME" over the indented rows, named by "Total INCOME", is a section above it)
    first = next(r for r in table.rows if not r.section)
    assert first.label.endswith("Fundraising") and [c.text for c in first.cells.values()] == ["0.00"]
    checks = check_pdf(DOCS / "enaud-03.pdf", lang="en", pages=[1, 2], all_pages=True)
    team = [c for c in checks if c.total_label == "Total 1 Team Salary & Benefit Expenses"]
    assert len(team) == 5 and all(c.verdict is Verdict.CONSISTENT for c in team)
    assert "6000 Salaries" in {p.label for p in team[0].parts}
    assert not [c for c in checks if c.alarm]


def test_a_new_header_in_the_same_columns_starts_another_table() -> None:
    # Royal Sutton Coldfield Town Council: "Reserve Movements / Balance April 2017 | Movement for
    # Year | Balance March 2018" under the income and expenditure account, in the same four
    # columns; the previous year's column left of the labels is no part of the schedule
    account, reserves = find_page_tables(DOCS / "engov-03.pdf", "en", pages=[2], all_pages=True)[2]
    assert account.rows[-1].label == "Net Surplus for the year"
    assert reserves.rows[0].label == "General Fund"
    checks = check_pdf(DOCS / "engov-03.pdf", lang="en", pages=[2], all_pages=True)
    fund = next(c for c in checks if c.total.stated == "1,212,000" and c.orientation == "column")
    assert fund.verdict is Verdict.CONSISTENT and [p.stated for p in fund.parts] == ["1,309,126", "(97,126)"]
    assert not [c for c in checks if c.alarm]


def test_figures_set_smaller_than_a_long_label_are_figures_not_footnote_marks() -> None:
    # Provincie Antwerpen, "Ontvangsten en uitgaven naar economische aard": rows with long labels
    # in 8 points print their figures in 6 ("e. Onderwijzend personeel ... 307.000"); read as
    # superscripts they vanished, and "2. Bezoldigingen" lost a part
    tables = find_page_tables(DOCS / "nltaal-04.pdf", "nl", pages=[3], all_pages=True)[3]
    rows = {r.label: r for t in tables for r in t.rows}
    assert [c.text for _, c in sorted(rows["e. Onderwijzend personeel ten laste van andere overheden"].cells.items())][:2] == [
        "307.000", "311.000"]
    checks = check_pdf(DOCS / "nltaal-04.pdf", lang="nl", pages=[3], all_pages=True)
    pay = [c for c in checks if c.total_label == "2. Bezoldigingen"]
    assert len(pay) == 6 and all(c.verdict is Verdict.CONSISTENT for c in pay)
    assert "307.000" in [p.stated for p in pay[0].parts]
    assert not [c for c in checks if c.alarm]


def test_a_spreadsheets_row_numbers_are_neither_figures_nor_words() -> None:
    # Town of Hubbardston (MA) FY26 proposed budget, printed from a spreadsheet with its row numbers down the margin ("0", "1", ...,
    # "12" alone on an empty row): read as figures they cut the page into three tables and the
    # department TOTALs lost their parts; two of them are printed wrong
    (table,) = find_page_tables(DOCS / "entab-01.pdf", "en", pages=[3], all_pages=True)[3]
    assert not any(r.label[:1].isdigit() and r.label.split()[0] in {"2", "3", "6", "16"} for r in table.rows)
    checks = [c for c in check_all_alarms(DOCS / "entab-01.pdf", lang="en", pages=[3], all_pages=True) if c.page == 3]
    alarms = {(c.total.stated, c.lane_label) for c in checks if c.alarm}
    # Town Admin: 110,000 + 600 + 6,600 = 117,200, printed $121,253; Finance Committee's FY26 DEPT
    # column: 200 + 30,000 = 30,200, printed $30,000
    assert alarms == {("$121,253", "FY24 ACTUAL"), ("$30,000", "FY26 DEPT")}
    select = next(c for c in checks if c.total.stated == "$77,161")
    assert select.verdict is Verdict.CONSISTENT and len(select.parts) == 10


def test_a_business_case_of_costs_and_effects_set_apart_is_one_table() -> None:
    # Almere, businesscase Transformatieplan (SEO, 2024), Tabel 4.3: "Kosten" and its rows, a blank line, "Effecten" and its
    # rows, a blank line, "Saldo kosten en baten": one table, the rows under Kosten taken off
    (table,) = find_page_tables(DOCS / "nlgem-03.pdf", "nl", pages=[2], all_pages=True)[2]
    assert table.rows[-1].label == "Saldo kosten en baten" and len(table.rows) == 8
    checks = check_pdf(DOCS / "nlgem-03.pdf", lang="nl", pages=[2], all_pages=True)
    (saldo,) = [c for c in checks if c.total_label == "Saldo kosten en baten"]
    assert saldo.verdict is Verdict.CONSISTENT
    assert [p.sign for p in saldo.parts] == [-1, -1, -1, -1, 1, 1, 1]


def test_a_heading_wrapped_over_two_lines_ending_in_a_colon_is_one_section() -> None:
    # US Budget FY2024, Table S-1: "Memorandum, totals standardized to 12 monthly" / "benefit
    # payments:" heads a second Receipts / Outlays / Deficit block; joined to "Receipts" it made
    # that row a memo item, and the block's Deficit lost its parts
    (table,) = find_page_tables(DOCS / "enloc-01.pdf", "en", pages=[1], all_pages=True)[1]
    memo = next(r for r in table.rows if r.label.startswith("Memorandum"))
    assert memo.section and memo.label.endswith("benefit payments:")
    checks = check_pdf(DOCS / "enloc-01.pdf", lang="en", pages=[1], all_pages=True)
    deficit = next(c for c in checks if c.total.stated == "1,312")
    assert deficit.verdict is Verdict.CONSISTENT and [p.stated for p in deficit.parts] == ["6,209", "4,897"]


def test_whole_euros_with_dashed_cents_and_no_rows_dropped_to_make_a_total_fit() -> None:
    # Stichting Apsara, baten en lasten 2022: "Totaal  € 1.214,--" over "Algemene kosten € 119,00"
    # and "Projecten Cambodja € 1.214,00" (119 + 1.214 = 1.333). Dropping the first row would make
    # it fit; with no heading merged there, that reading hid the error
    checks = check_all_alarms(DOCS / "nltaal-06.pdf", lang="nl", pages=[1], all_pages=True)
    (costs,) = [c for c in checks if c.total_label == "Totaal" and c.lane_label == "Lasten"]
    assert costs.total.value == 1214 and costs.verdict is Verdict.MISMATCH
    # an alarm: the row left out is an ordinary item, no subtotal that could be counted twice, and
    # one row equal to the total is what a forgotten row leaves behind, not a smaller block
    assert costs.alarm and costs.doubt is None
    assert [p.stated for p in costs.parts if p.value] == ["119,00", "€1.214,00"]


def test_footnote_stars_a_space_after_the_words_are_no_column() -> None:
    # Gemeente Wassenaar, begroting 2025, geprognosticeerde balans: "Liquide middelen **", "Vorderingen openbare
    # lichamen *": read as cells they made two extra columns, and the page fell into two tables
    (table,) = find_page_tables(DOCS / "nltaal-02.pdf", "nl", pages=[3], all_pages=True)[3]
    assert len(table.columns) == 5
    checks = check_pdf(DOCS / "nltaal-02.pdf", lang="nl", pages=[3], all_pages=True)
    liabilities = [c for c in checks if c.total_label == "Totaal passiva"]
    assert len(liabilities) == 5 and all(c.verdict is Verdict.CONSISTENT for c in liabilities)
    assert len(liabilities[0].parts) == 7


def test_a_closing_balance_over_the_opening_balance_and_an_unexplained_saldo() -> None:
    # A foundation's fund movements ("Fonds Bag of Love"): the inner column's lines add up to an
    # unlabelled subtotal; "Per saldo onttrekking" repeats the net movement in the outer column, and
    # "Stand per 31 december" is "Stand per 1 januari" plus it (3.020 - 409 = 2.611). The inner
    # subtotal must not take the opening balance, which has no figure in its column
    tables = find_page_tables(DOCS / "nltab-03.pdf", "nl", pages=[3], all_pages=True)[3]
    checks = check_pdf(DOCS / "nltab-03.pdf", lang="nl", pages=[3], all_pages=True)
    closing = [c for c in checks if c.total_label == "Stand per 31 december" and c.table == tables[1].index]
    assert {c.total.stated for c in closing} == {"2.611", "3.020"}
    assert all(c.verdict is Verdict.CONSISTENT for c in closing)
    assert [p.stated for p in next(c for c in closing if c.total.stated == "2.611").parts] == ["3.020", "-409"]


def test_a_balance_dated_at_the_year_end_closes_the_movements_after_the_opening_balance() -> None:
    # Pension fund annual report, Tabel 1: "Eigen vermogen per 1 januari 12,6" ... "Eigen vermogen
    # per 31 december 14,2" (12,6 + 4,9 - 3,3). "per 31 december" dates a balance, it is no rate;
    # the heading "Beleggingsresultaten" joined to the first movement's label sets the opening apart
    checks = check_pdf(DOCS / "nlrap-01.pdf", lang="nl", pages=[2], all_pages=True)
    closing = {c.lane_label: c for c in checks if c.total_label == "Eigen vermogen per 31 december"}
    assert set(closing) == {"2024", "2023"} and all(c.verdict is Verdict.CONSISTENT for c in closing.values())
    assert [p.stated for p in closing["2024"].parts if p.value] == ["12,6", "4,9", "-3,3"]


def test_a_result_row_adds_the_reserve_movements_to_the_saldo_and_comes_before_its_allocation() -> None:
    # Gemeente begroting 2025, Tabel 6.2: "Geraamde resultaat 93.255" = "Saldo van baten en lasten
    # 91.793" + "Mutaties reserves 1.462" (an adjective before "resultaat" keeps it a result row)
    checks = check_pdf(DOCS / "nltaal-02.pdf", lang="nl", pages=[1], all_pages=True)
    result = [c for c in checks if c.total_label == "Geraamde resultaat"]
    assert len(result) == 12 and all(c.verdict in HOLDS for c in result)
    assert [p.stated for p in result[0].parts] == ["91.793", "1.462"]
    # Jaarverslag: "Exploitatieresultaat" under the totals of baten and lasten is their difference,
    # not the sum of the allocation rows printed below it
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[6], all_pages=True)
    result = next(c for c in checks if c.total_label == "Exploitatieresultaat" and c.page == 6)
    assert result.relation == "difference" and result.verdict is Verdict.CONSISTENT
    assert [p.stated for p in result.parts] == ["27.147.900", "29.797.089"]


def test_a_row_of_pm_and_figures_set_flush_left_stay_in_the_table() -> None:
    # SEO business case (Tabel 4.6): "Operationele kosten RTP  PM" (pro memorie: not yet known)
    # between the costs, a blank line, then "Effecten"; the figures are set flush left, so their
    # right edges differ; the saldo is printed "€ 594.422 – PM"
    (table,) = find_page_tables(DOCS / "nlgem-03.pdf", "nl", pages=[5], all_pages=True)[5]
    assert [c.header for c in table.columns] == ["Bedrag"]
    assert [(r.label, [c.text for c in r.cells.values()]) for r in table.rows][:3] == [
        ("Kosten Ligdagen in het verpleeghuis", ["€85.260"]), ("Operationele kosten RTP", ["PM"]),
        ("Effecten Besparing ligdagen in een ziekenhuisbed", ["€108.254"])]
    (saldo,) = [c for c in check_pdf(DOCS / "nlgem-03.pdf", lang="nl", pages=[5], all_pages=True)
                if c.total_label == "Saldo kosten en baten"]
    assert saldo.verdict is Verdict.CONSISTENT and saldo.total.stated == "€594.422"
    assert [(p.stated, p.sign) for p in saldo.parts] == [("€85.260", -1), ("€108.254", 1), ("€571.428", 1)]


def test_a_foundations_accounts_with_group_amounts_in_an_outer_column() -> None:
    # Stichting Old School, jaarrekening 2024: items in an inner column, each group's amount in an
    # outer one ("Totaal baten € 168.181", a lone "€ 43.410" under its items), "-€ 198.750" a
    # subsidy taken off the building's cost, and "Exploitatieresultaat" = baten - lasten
    (table,) = find_page_tables(DOCS / "nlbrf-03.pdf", "nl", pages=[1], all_pages=True)[1]
    rows = {r.label: [c.text for c in r.cells.values()] for r in table.rows}
    assert rows["Subsidie gemeente Apeldoorn"] == ["-€198.750"]
    assert rows["Totaal baten"] == ["€168.181"] and rows["Totaal lasten"] == ["€89.044"]
    checks = check_pdf(DOCS / "nlbrf-03.pdf", lang="nl", pages=[1], all_pages=True)
    assert not [c for c in checks if c.alarm]
    (result,) = [c for c in checks if c.total_label == "Exploitatieresultaat"]
    assert result.verdict is Verdict.CONSISTENT and [p.stated for p in result.parts] == ["€168.181", "€89.044"]
    baten = [c for c in checks if c.total_label == "Totaal baten"]
    assert baten and all(c.verdict is Verdict.CONSISTENT for c in baten)


def test_a_parish_councils_accounts_last_years_figures_left_of_the_labels() -> None:
    # Souldern Parish Council, accounts to March 2017: "5700    Precept    5700    5700.00" with
    # 2015/6 printed left of the labels, a tick glyph of a symbol font between the figures, an
    # "underspent/overspent" column (budget - expenditure), and "Balance Brought Forward / Add
    # income / Deduct expenditure / Balance": 9120.00 + 9170.34 - 7881.25 = 10409.09, printed 10409.00
    tables = find_page_tables(DOCS / "enrep-03.pdf", "en", pages=[1], all_pages=True)[1]
    income = tables[0]
    assert [(r.label, [c.text for c in r.cells.values()]) for r in income.rows][0] == (
        "Precept", ["5700", "5700", "5700.00"])
    checks = check_pdf(DOCS / "enrep-03.pdf", lang="en", pages=[1, 2], all_pages=True)
    totals = [c for c in checks if c.total_label == "Totals"]
    assert len(totals) == 10 and all(c.verdict is Verdict.CONSISTENT for c in totals)
    variance = [c for c in checks if c.total_label == "underspent/overspent" and c.lane_label == "Insurance"]
    assert variance and variance[0].verdict is Verdict.CONSISTENT
    (balance,) = [c for c in checks if c.total_label == "Balance"]
    assert balance.alarm and [(p.stated, p.sign) for p in balance.parts] == [
        ("9120.00", 1), ("9170.34", 1), ("7881.25", -1)]


def test_a_page_whose_font_pdfium_cannot_map_is_read_with_pdfplumber() -> None:
    # Stichting Buitenbeesten, jaarrekening 2016: pdfium gives control characters for the glyphs
    # of one font and loses digits with them (".340" for "4.340"); pdfplumber reads the figures
    checks = check_pdf(DOCS / "nlbrf-01.pdf", lang="nl")
    (current,) = [c for c in checks if c.total_label == "Som der vlottende activa"]
    assert current.verdict is Verdict.CONSISTENT and [p.stated for p in current.parts] == ["160", "487"]
    assert any(c.total_label == "Totaal" and [p.stated for p in c.parts] == ["-3.990", "4.637"] for c in checks)


def test_cash_funds_this_year_end_close_last_year_end_and_the_years_net() -> None:
    # UK Python Association, Charity Commission form CC16a: "Cash funds this year end 6,517" =
    # "Net of receipts/(payments) 1,559" + "A5 Transfers between funds -" + "A6 Cash funds last year end 4,958"
    checks = check_pdf(DOCS / "enacc-01.pdf", lang="en", pages=[1], all_pages=True)
    cash = [c for c in checks if c.total_label == "Cash funds this year end"]
    assert cash and all(c.verdict is Verdict.CONSISTENT for c in cash)
    assert [p.stated for p in cash[0].parts] == ["1,559", "-", "4,958"]


def test_note_numbers_in_a_column_of_references_are_no_figures() -> None:
    # Belgian annual accounts (NBB short format): "Materiële vaste activa  6.1.2  22/27  840.588"
    # with the note's section number in a "Toel." column; "VASTE ACTIVA 21/28" is the sum of the
    # groups under it
    (table, *_) = find_page_tables(DOCS / "nlver-03.pdf", "nl", pages=[1], all_pages=True)[1]
    assert [c.header for c in table.columns] == ["Boekjaar", "Vorig boekjaar"]
    assert all("." not in c.text or c.number is not None for r in table.rows for c in r.cells.values())
    checks = check_pdf(DOCS / "nlver-03.pdf", lang="nl", pages=[1], all_pages=True)
    fixed = [c for c in checks if c.total.stated == "7.252.006"]
    assert fixed and fixed[0].verdict is Verdict.CONSISTENT
    assert [p.stated for p in fixed[0].parts] == ["840.588", "6.411.418"]


def test_rules_drawn_with_box_characters_are_no_text() -> None:
    # An Irish charity's FRS 102 balance sheet draws its rules as "───────" and "═══════" in the
    # text layer; read as words they split the table and made a header of "76,150 ───────"
    checks = _by_label(DOCS / "eneur-01.pdf", [3])
    assert [(c.lane_label, c.verdict) for c in checks["Net Current Assets"]] == [
        ("2023 €", Verdict.CONSISTENT), ("2022 €", Verdict.CONSISTENT)]
    assert [p.stated for p in checks["Net Current Assets"][0].parts] == ["509,998", "(16,666)"]
    assert all(c.verdict is Verdict.CONSISTENT for c in checks["Members' Funds"])


def test_a_total_named_after_a_heading_adds_the_rows_under_that_heading() -> None:
    # India, Notes on Demands for Grants 2024-25 (DPIIT): "Total-Industrial Development of Backward
    # and Remote Areas" adds items 18-24, not items 15-17 above its heading, which the layout
    # joined to item 17's label; "Gross" is no group of the rows below it (Net = Gross + Recoveries)
    checks = _by_label(DOCS / "enafr-01.pdf", [1, 2, 3])
    backward = checks["Total-Industrial Development of Backward and Remote Areas"]
    assert backward and all(c.verdict in HOLDS for c in backward if c.lane_label == "Budget Revenue")
    assert any(c.total.stated == "1447.01" and len(c.parts) == 7 for c in backward)
    assert not [c for cs in checks.values() for c in cs if c.alarm]


def test_a_part_larger_than_its_total_is_no_part_of_it() -> None:
    # Nigeria's 2026 budget: "TOTAL ALLOCATION:" is printed above the rows it adds, and the row
    # before it (2,019,617,780,421) is larger than it: that reading is no alarm
    checks = _by_label(DOCS / "enworld-03.pdf", [4])
    (total,) = checks["TOTAL ALLOCATION:"]
    assert total.verdict is Verdict.MISMATCH and not total.alarm and "larger than this total" in total.doubt


def test_a_part_larger_than_its_total_by_one_mistyped_digit_is_one_of_its_parts() -> None:
    # the doubt above gives way where one digit changed, added, dropped or two swapped in that part
    # (or in the total) makes the total the parts' sum: a typing slip, an error to report
    def n(text: str) -> CellNumber:
        value = Fraction(text.replace(",", ""))
        decimals = len(text.split(".")[1]) if "." in text else 0
        return CellNumber(text=text, value=value, decimals=decimals, half=Fraction(1, 2 * 10**decimals))

    assert typo_explains(n("1,800"), [n("500"), n("10,000"), n("300")])  # 1,000 typed 10,000
    assert typo_explains(n("1,800"), [n("500"), n("1,900"), n("300")])  # 1,000 typed 1,900
    assert typo_explains(n("2,340"), [n("10,000"), n("2,340")])  # total 12,340 with its first digit dropped
    # the two readings the doubt was made for: a total printed above its rows, and a grand total
    # read as closing the rows before it, are no typing slips (48.2 and 458.2 are too short to tell)
    assert not typo_explains(n("48.2"), [n("90.2"), n("368.0")])
    assert not typo_explains(n("1,376,500,075,792"), [n("2,019,617,780,421"), n("94,975,890,445")])


def test_a_house_number_and_a_dash_after_a_title_are_no_cells() -> None:
    # NYC FY2011 capital budget changes: "COURTHOUSE - 120 SCHERMERHORN ST." and "AGREEMENT --"
    # end a project title; the figures are 8,000,000 and 59,494,000 in the FY 2011 column
    (courts,) = [c for c in _by_label(DOCS / "enusa-01.pdf", [2])["TOTALS FOR COURTS (2 PROJECTS)"]
                 if c.lane_label == "FY 2011"]
    assert courts.verdict is Verdict.CONSISTENT
    assert [p.stated for p in courts.parts] == ["8,000,000", "59,494,000"]


def test_an_inclusive_row_stays_in_its_table_and_a_wrong_share_is_an_alarm() -> None:
    # An Austrian foundation's in-kind contributions: "edcstiftung.eu  inclusive" (in the hosting
    # package) is a row that adds nothing, not the header of a new table; the VPS's share is
    # printed 77.9% where 627.00 / 808.40 is 77.6% (a real error, confirmed on the page)
    (table,) = find_page_tables(DOCS / "eneur-03.pdf", "en", pages=[2], all_pages=True)[2]
    assert [c.header for c in table.columns] == ["2025", "Share", "2024"]
    inclusive = next(r for r in table.rows if r.label == "edcstiftung.eu")
    assert inclusive.cells[0].number is not None and inclusive.cells[0].number.nil
    (vps,) = [c for c in check_all_alarms(DOCS / "eneur-03.pdf", lang="en", pages=[2], all_pages=True)
              if c.relation == "share" and c.lane_label.startswith("VPS")]
    assert vps.verdict is Verdict.MISMATCH and vps.alarm
    assert [p.stated for p in vps.parts] == ["€627.00", "€808.40"]


def test_totals_printed_in_the_wrong_columns_are_alarms() -> None:
    # Kwale County Statistical Abstract 2015, Table 15.4: the Recurrent columns' rows add up exactly
    # to the totals printed under Development, and the other way round (confirmed on the page)
    checks = [c for c in check_all_alarms(DOCS / "enafr-03.pdf", lang="en", pages=[4], all_pages=True) if c.page == 4]
    assert len(checks) == 4 and all(c.verdict is Verdict.MISMATCH and c.alarm for c in checks)
    assert "wrong columns" in checks[0].reading


def test_a_cash_flow_statement_adds_up_by_its_labels() -> None:
    # Australia's Digital Transformation Agency, cash flow statement 2016-17: "Net increase in cash
    # held" = the three "Net cash ... activities" rows; cash at the end = at the beginning + increase
    checks = _by_label(DOCS / "enaus-03.pdf", [5])
    (net, net16) = checks["Net increase in cash held"]
    assert net.verdict is Verdict.CONSISTENT and [p.stated for p in net.parts] == ["1,414", "(1,002)", "-"]
    end = checks["Cash and cash equivalents at the end of the reporting period"]
    assert [p.stated for p in end[0].parts] == ["145", "412"] and all(c.verdict is Verdict.CONSISTENT for c in end)


def test_an_outer_figure_closes_an_inner_subtotal_and_the_rows_after_it() -> None:
    # London Hackspace's balance sheet: the current assets' subtotal 46,339 stands in the inner
    # column, then "Creditors (3,479)"; "Net current assets 42,860" in the outer column adds the two
    checks = _by_label(DOCS / "ennpo-01.pdf", [2])
    (net, net14) = checks["Net current assets"]
    assert net.verdict is Verdict.CONSISTENT and [p.stated for p in net.parts] == ["46,339", "(3,479)"]
    assert net14.verdict is Verdict.CONSISTENT


def test_bullet_points_beside_a_table_are_no_cells() -> None:
    # San Francisco USD's fiscal stabilization slides: bullet points run beside the projection table
    # ("2027-28 to meet the statutory 2%"); read as cells they broke every row
    (table,) = find_page_tables(DOCS / "enuni-03.pdf", "en", pages=[2], all_pages=True)[2]
    assert len(table.columns) == 3 and len(table.rows) == 11
    assert [c.text for _, c in sorted(table.rows[5].cells.items())] == ["-$51,527,446", "-$32,448,993", "-$19,547,898"]
    net = [c for c in check_pdf(DOCS / "enuni-03.pdf", lang="en", pages=[2], all_pages=True)
           if c.page == 2 and c.total_label == "D Net Surplus / (Shortfall)"]
    assert net and all(c.verdict in HOLDS for c in net)


def test_a_variance_percentage_is_taken_over_the_budget_it_was_taken_from() -> None:
    # Vancouver's 2014 Q3 operating budget review (expenditures): "Q3 Variance $" = Budget − Actuals
    # and "Q3 Variance %" is over the budget (Fire: 1.42 / 24.84 = 5.7 %), not over the actuals;
    # "436.7%" = 0.18 / 0.04 holds within the rounding of two-decimal millions, in check too
    checks = [c for c in check_pdf(DOCS / "enmun-01.pdf", lang="en", pages=[1, 2], all_pages=True)
              if c.relation == "share"]
    fire = [c for c in checks if c.page == 2 and c.lane_label == "Fire" and c.total.stated == "5.7%"]
    assert [p.stated for p in fire[0].parts] == ["1.42", "24.84"] and fire[0].verdict in HOLDS
    assert not [c for c in checks if c.alarm]
    (claim,) = [c for c in checks if c.total.stated == "436.7%"][0].to_claims()[-1:]
    assert claim["precision"] == "-1" and "tolerance" not in claim


def test_a_total_named_after_a_one_word_heading_starts_under_it() -> None:
    # NO2ID's income and expenses 2004-2007: "Total Expense" adds the rows from the one whose label
    # starts with the heading "Expenses" (joined to it by the layout), not the income rows above
    checks = [c for c in check_pdf(DOCS / "ennpo-03.pdf", lang="en", pages=[4], all_pages=True)
              if c.page == 4 and c.total_label == "Total Expense"]
    assert len(checks) == 3 and all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert checks[0].parts[0].stated == "6,339.00"


def test_a_balance_over_its_own_rows_is_not_read_off_the_head_above_it() -> None:
    # Nepal's financing overview 2017/18: "Net Investment" is printed over its domestic and foreign
    # share investments; "Fiscal Policy (L-R)" above it = Net Internal Loan + Net Investment, so
    # "Fiscal Policy − Net Internal Loan" holds too, but only as that head's arithmetic backwards
    (net,) = [c for c in check_pdf(DOCS / "enstat-01.pdf", lang="en", pages=[5], all_pages=True)
              if c.page == 5 and c.total_label == "Net Investment" and c.lane_label == "2015/16 Actual"]
    assert [p.stated for p in net.parts] == ["11,994,018", "706,771"] and net.verdict is Verdict.CONSISTENT


def test_rows_of_fixed_height_with_a_column_set_flush_left_stay_one_table() -> None:
    # Zuid-Holland's retail table: every row stands 2.5 lines below the last, its label wrapped on
    # a second line ("Midden / Holland"), and the "Niet dagelijks" column is set flush left: the
    # rows after a wrapped label still line up with the table's columns, left or right
    (table,) = find_page_tables(DOCS / "nlpub-03.pdf", "nl", pages=[2], all_pages=True)[2]
    assert [r.label for r in table.rows][3:6] == ["Holland Rijnland", "Midden Holland", "Drechtsteden"]
    assert len(table.rows) == 11
    checks = _by_label(DOCS / "nlpub-03.pdf", [2], lang="nl")
    assert len(checks["ZuidHolland Zuid"]) == 8 and all(c.verdict is Verdict.CONSISTENT for c in checks["ZuidHolland Zuid"])


def test_figures_grouped_by_spaces_pdfium_gives_without_a_box_are_split_at_the_space() -> None:
    # the EU's summary of the Dutch CAP plan prints "433 350 860" with spaces that pdfium reports
    # without a box; read as "433350" and "860" the columns came apart. Its Totaal (€) column is
    # EU + national: 433 350 860 + 1 350 860 = 434 701 720, printed 634 701 720, and TOTAAL carries
    # the same 200 000 000 (4 494 293 309 + 415 732 022 = 4 910 025 331, printed 5 110 025 331),
    # while the TOTAAL row adds up its rows in both columns it can be judged in: one error, carried
    # down, reported in both places (checked on the page image)
    checks = _by_label(DOCS / "nlrijk-02.pdf", [1], lang="nl")
    assert [(c.lane_label, c.verdict) for c in checks["TOTAAL"]] == [
        ("Nationale middelen (€)", Verdict.CONSISTENT), ("Totaal (€)", Verdict.CONSISTENT)]
    column = {c.lane_label: c for c in checks["Totaal (€)"]}
    assert column["Plattelandsontwikkeling"].verdict is Verdict.CONSISTENT
    for lane in ("Sectorale steun", "TOTAAL"):
        assert column[lane].alarm and column[lane].difference == 200_000_000


def test_rows_under_nested_heads_are_read_as_their_own_rows_not_as_the_heads_arithmetic_backwards() -> None:
    # Nepal's budget speech, financing overview: "Liquidity" is the head over "External - Net
    # Borrowing" and "Domestic Net Borrowing", each the head over its two rows; "Domestic Net
    # Borrowing" = Liquidity − External is the same identity backwards, so the rows below it are its parts
    checks = _by_label(DOCS / "enstat-01.pdf", [5])
    domestic = {c.lane_label: c for c in checks["Domestic Net Borrowing"]}
    assert [p.stated for p in domestic["2015/16 Actual"].parts] == ["50,334,947", "-87,774,515"]
    assert all(c.verdict is Verdict.CONSISTENT for c in domestic.values()) and len(domestic) == 4
    # and "Total Financing" = Fiscal Policy + Liquidity, the two outer heads, in all six columns
    # ("Net Investment" is no "Fiscal Policy" − "Net Internal Loan": that is Fiscal Policy's own sum)
    total = {c.lane_label: c for c in checks["Total Financing"]}
    assert [p.stated for p in total["2015/16 Actual"].parts] == ["38,195,717", "-54,100,513"]
    assert len(total) == 6 and all(c.verdict is Verdict.CONSISTENT for c in total.values())
    assert all("two totals before it" not in c.reading for c in checks["Net Investment"])


def test_rules_drawn_with_en_dashes_keep_the_total_row_under_them() -> None:
    # Hong Kong's 2023-24 budget, Appendix A notes (tests/unseen/docs/enfsx-03.pdf, a development
    # excerpt): "Total" stands between two lines of "–––––––" under each year's column. Read as
    # words, the rule line ended the table above it and the Total row was never read.
    checks = check_pdf(DOCS / "enfsx-03.pdf", lang="en", pages=[9, 10], all_pages=True)
    assert not [c for c in checks if c.alarm]
    totals = {(c.page, c.total.stated): c for c in checks if c.total_label == "Total" and c.orientation == "row"}
    operating = totals[(9, "493,396")]
    assert operating.verdict is Verdict.CONSISTENT
    assert [p.stated for p in operating.parts] == ["429,607", "63,789"]
    assert totals[(10, "120,079")].verdict is Verdict.CONSISTENT
    assert len([c for c in checks if c.page == 9 and c.total_label == "Total"]) == 6  # one per year


def test_a_dot_leader_glued_to_label_and_figure_parts_them() -> None:
    # A Massachusetts town's reserve fund accounts (tests/unseen/docs/enwld-03.pdf, page 4, a
    # development excerpt): "Fire Ladder Truck Emissions Expense……………$16,000.00" is one word in
    # the text layer; the leader between label and figure is no part of either.
    (first, second) = find_page_tables(DOCS / "enwld-03.pdf", "en", pages=[4], all_pages=True)[4]
    assert [(r.label, [c.text for c in r.cells.values()]) for r in first.rows[-3:]] == [
        ("Fire Ladder Truck Emissions Expense", ["$16,000.00"]),
        ("Total Transferred", ["$79,839.00"]),
        ("Returned to Treasury", ["$64,161.00"]),
    ]
    checks = check_pdf(DOCS / "enwld-03.pdf", lang="en", pages=[4], all_pages=True)
    transferred = [c for c in checks if c.total_label == "Total Transferred"]
    assert [(c.total.stated, c.verdict) for c in transferred] == [
        ("$79,839.00", Verdict.CONSISTENT), ("$128,524.00", Verdict.CONSISTENT)]
    assert len(second.rows) == 7 and not [c for c in checks if c.alarm]


def test_a_footnote_star_glued_to_a_figure_leaves_the_figure_a_cell() -> None:
    # Hong Kong's distribution of fiscal reserves (tests/unseen/docs/enfsx-03.pdf, page 8, a
    # development excerpt): "General Revenue Account 229,921 134,943 4,800* 130,143 134,943".
    # Read as a word, "4,800*" was no figure, so the row's label swallowed the first three.
    (table,) = find_page_tables(DOCS / "enfsx-03.pdf", "en", pages=[8], all_pages=True)[8]
    first = table.rows[0]
    assert first.label == "General Revenue Account"
    assert [c.text for _, c in sorted(first.cells.items())] == ["229,921", "134,943", "4,800", "130,143", "134,943"]
    checks = check_pdf(DOCS / "enfsx-03.pdf", lang="en", pages=[8], all_pages=True)
    assert not [c for c in checks if c.alarm]
    assert any(c.total.stated == "134,943" and sorted(p.stated for p in c.parts) == ["130,143", "4,800"]
               and c.verdict is Verdict.CONSISTENT for c in checks)


def test_a_page_whose_only_relation_is_an_increase_column_is_read() -> None:
    # Hong Kong's salaries tax allowances (tests/unseen/docs/enfsx-03.pdf, page 5, a development
    # excerpt): "Present | Proposed/New | Increase ($) (%)", no total anywhere. An "Increase"
    # head in a short line is a relation the table states, as "Change" and "Verschil" are.
    from factcheck.sources.pdf_layout import page_texts
    from factcheck.sources.tabular import looks_tabular

    text = page_texts(DOCS / "enfsx-03.pdf")[4]
    assert looks_tabular(text)
    assert not looks_tabular("Revenue will increase by 4% next year.\n" * 3)
    checks = check_pdf(DOCS / "enfsx-03.pdf", lang="en", pages=[5])
    rows = {(c.total.stated, tuple(p.stated for p in c.parts), c.verdict) for c in checks if c.relation == "difference"}
    assert ("20,000", ("260,000", "240,000"), Verdict.CONSISTENT) in rows
    assert not [c for c in checks if c.alarm]


def test_detail_rows_under_a_summary_block_take_the_header_at_the_top_of_the_page() -> None:
    # FTA Annual Report on Funding Recommendations FY2023, Table 1 (dev excerpt entrs-03, page 1):
    # the header stands over the summary block only; the project rows below it ("Existing New
    # Starts FFGAs" …) print the same columns. "Total for Proposed New Starts Projects" prints
    # 979,280,000 under "Total FY23 Funding" for 521,200,000 + 558,080,000 (the Hudson Tunnels'
    # 100,000,000 left out): a real error, off by one digit's worth
    checks = check_pdf(DOCS / "entrs-03.pdf", lang="en", pages=[1], all_pages=True)
    alarms = [c for c in checks if c.alarm]
    assert [(c.total.stated, [p.stated for p in c.parts]) for c in alarms] == [("979,280,000", ["$521,200,000", "558,080,000"])]
    assert alarms[0].total_label.startswith("Total FY23 Funding")


def test_a_small_number_a_word_takes_is_part_of_the_label() -> None:
    # Ruby Australia's profit and loss 2014 (development document enchr-01): "Railscamp 12   222
    # 574" and "Railscamp 10   520   -" made a third column of the event's number; read as label
    # words, the table keeps its two year columns and "Total Operating Income" (the gross loss and
    # the other income) is read as one table
    (table,) = find_page_tables(DOCS / "enchr-01.pdf", "en", pages=[1], all_pages=True)[1]
    assert [c.header for c in table.columns] == ["Jun-14", "Jun-13"]
    assert any(r.label == "Railscamp 12" for r in table.rows)
    checks = check_pdf(DOCS / "enchr-01.pdf", lang="en", pages=[1], all_pages=True)
    operating = [c for c in checks if c.total_label == "Total Operating Income"]
    assert [[p.stated for p in c.parts] for c in operating] == [["(5,609)", "863"], ["65,213", "377"]]
    assert [c.verdict for c in operating] == [Verdict.ROUNDING, Verdict.CONSISTENT]


def test_a_column_is_no_difference_of_itself_and_over_disbursement_is_no_remainder() -> None:
    # Singapore's Auditor-General, report for FY2023/24, Table 5 (development document enadt-01):
    # "Amount of Over-disbursement" beside "No. of Operator(s) Involved" was read as what is left
    # ("over"), equal to itself less the count of operators: "157,700 = 157,700 - 4", an alarm
    checks = check_pdf(DOCS / "enadt-01.pdf", lang="en", pages=[6], all_pages=True)
    assert not [c for c in checks if c.alarm]
    assert not [c for c in checks if c.total.stated in {p.stated for p in c.parts} and len(c.parts) == 2]
    (over,) = [c for c in checks if c.total.stated == "272,100"]
    assert over.verdict is Verdict.CONSISTENT
    assert [p.stated for p in over.parts] == ["-", "157,700", "91,300", "19,700", "3,400"]


def test_a_favourable_or_unfavourable_letter_after_a_variance_is_a_cell() -> None:
    # Avri, jaarstukken 2019, Tabel 24 (development document nlgmx-01): "Programma Basispakket
    # 26.237 27.215 27.091 -124 V 25.039": the "V" (voordelig) stopped the row's figures at the
    # last one, and the programme's figures became words of its label
    (table,) = find_page_tables(DOCS / "nlgmx-01.pdf", "nl", pages=[3], all_pages=True)[3]
    row = next(r for r in table.rows if r.label.endswith("Programma Basispakket"))
    assert [c.text for _, c in sorted(row.cells.items())] == ["26.237", "27.215", "27.091", "-124", "V", "25.039"]
    checks = check_pdf(DOCS / "nlgmx-01.pdf", lang="nl", pages=[3], all_pages=True)
    lasten = [c for c in checks if c.total_label == "Totaal lasten programma's"]
    assert [p.stated for p in lasten[0].parts] == ["26.237", "17.832", "1.943", "355"]
    # four years, and the variance column (-124 - 133 + 312 + 4 = 59)
    assert len(lasten) == 5 and all(c.verdict is Verdict.CONSISTENT for c in lasten)
    assert not [c for c in checks if c.alarm]


def test_a_rule_drawn_with_bars_between_two_blocks_of_a_table_is_no_word() -> None:
    # California's Finance Bulletin, June 2019 (development document ensta-01): "Personal Income
    # $5,226 $5,610 $383 7.3% | $85,731 $86,139 $407 0.5%": the bar stopped the row's figures,
    # the month's four went into the label, and the Total row fell off the table
    (table,) = find_page_tables(DOCS / "ensta-01.pdf", "en", pages=[1], all_pages=True)[1]
    row = next(r for r in table.rows if r.label == "Personal Income")
    assert [c.text for _, c in sorted(row.cells.items())] == [
        "$5,226", "$5,610", "$383", "7.3%", "$85,731", "$86,139", "$407", "0.5%"]
    checks = check_pdf(DOCS / "ensta-01.pdf", lang="en", pages=[1], all_pages=True)
    totals = [c for c in checks if c.total_label == "Total"]
    assert [c.total.stated for c in totals] == ["$9,056", "$9,659", "$603", "$124,417", "$125,037", "$620"]
    assert all(c.verdict in HOLDS for c in totals)
