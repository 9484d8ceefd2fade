"""Readings from the first look at the development documents of round 29 (a Sri Lankan weekly
epidemiological report, a school finance report's landscape pages, a care institution's loan
schedule, DC's cash collections report) and from its alarm hunts (Indian budget speeches, a pension
scheme's accounts, Toronto's budget and variance reports, Canadian towns' financial statements,
Canada's public accounts, a village's budget, a Kenyan county's abstract, a company's quarterly
report and a hackspace's annual report), each page's origin named in its test."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from test_unseen_round28 import _checks

from factcheck import yaml_roundtrip as yr
from factcheck.engine import check_paths
from factcheck.extract_cli import main
from factcheck.model import Verdict
from factcheck.report.page_image import crop_png
from factcheck.sources.pdf_text import page_size
from factcheck.tables import check_pdf

DOCS = Path(__file__).parent / "unseen" / "docs"
PDFS = Path(__file__).parent / "pdfs"


def test_a_change_printed_with_its_sign_turned_round_is_an_alarm() -> None:
    # Weekly Epidemiological Report, Sri Lanka, vol. 52 no. 36 (enhue-01 p2), Table 2: the last
    # column is the change from the cases to date in 2024 to those in 2025. AFP (50 to 43, -14%),
    # Mumps, Measles and Whooping Cough settle which way round it counts; Rubella rose from 2 to 4
    # and prints -100%, Japanese Encephalitis fell from 6 to 4 and prints 33.3%. A change column
    # found by trying pairs of columns says nothing against a row that misses by any amount, but a
    # change of the right size with the wrong sign is a slip, not a misreading.
    checks = _checks(DOCS / "enhue-01.pdf", 2, "en")
    change = {c[1]: c[2:] for c in checks if c[0].endswith("number of cases to date in 2025 & 2024")}
    assert change["AFP*"] == ("-14%", ("43", "50"), Verdict.CONSISTENT, False)
    assert change["Whooping Cough"] == ("-58.5%", ("17", "41"), Verdict.ROUNDING, False)
    assert change["Rubella"] == ("-100%", ("04", "02"), Verdict.MISMATCH, True)
    assert change["Japanese Encephalitis"] == ("33.3%", ("04", "06"), Verdict.MISMATCH, True)
    assert [c[1] for c in checks if c[5]] == ["Rubella", "Japanese Encephalitis"]


def test_a_page_whose_text_is_set_sideways_is_read_turned_upright() -> None:
    # California school finance report, Attachment B continued (enaca-03 p6): a landscape table
    # printed on a portrait page by setting its text sideways (the page has no /Rotate). Read as
    # it lies, every column of figures ran together into one "word" a line; turned upright, each
    # year's total of salary plus benefits is the sum of the two columns before it.
    checks = _checks(DOCS / "enaca-03.pdf", 6, "en")
    row = {c[2]: c for c in checks if c[1] == "Superintendent (Has No Asst Sup)"}
    assert row["182,709"][3:] == (("165,953", "16,756"), Verdict.CONSISTENT, False)
    assert row["174,571"][3:] == (("155,994", "18,577"), Verdict.CONSISTENT, False)
    assert len(checks) == 66 and not [c for c in checks if c[5]]


def test_the_picture_of_a_figure_on_a_sideways_page_is_cut_from_the_page_turned() -> None:
    # The same page: the figure's box is on the page turned upright (wider than high, near the
    # top), and its picture is a band across the page turned, the width of its long side.
    total = next(c.total for c in check_pdf(DOCS / "enaca-03.pdf", lang="en", pages=[6], all_pages=True)
                 if c.total.stated == "182,709")
    width, height = page_size(DOCS / "enaca-03.pdf", 6)  # type: ignore[misc]
    assert (round(width), round(height)) == (842, 595)
    x0, top, x1, bottom = total.bbox
    assert x1 - x0 > 2 * (bottom - top) and bottom < 200
    png = crop_png(DOCS / "enaca-03.pdf", 6, total.bbox, scale=1.0)
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.width == 842 and image.height < 80


def test_a_column_of_words_set_centred_among_a_loan_schedule_s_figures() -> None:
    # Overzicht langlopende schulden of a care institution (nlzru-03 p2): each loan's way of
    # repayment stands among its figures, centred: "lineair" in four rows, "annuïteit" in two, a
    # few points further left. The four made a column of text; the two did not start where it
    # starts, so their rows kept the word and lost their figures, and the Totaal missed them.
    checks = _checks(DOCS / "nlzru-03.pdf", 2)
    totals = {c[1]: c[2:] for c in checks if c[0] == "Totaal"}
    assert totals["Restschuld 31 december leningen in 2019 €"] == (
        "7.070.446", ("437.500", "1.041.250", "631.400", "1.268.000", "1.120.961", "2.571.335"), Verdict.CONSISTENT, False)
    assert totals["Aflossing in 2020 €"] == (
        "547.606", ("50.000", "35.000", "57.400", "272.000", "32.331", "100.875"), Verdict.CONSISTENT, False)
    assert len(totals) == 6 and not [c for c in checks if c[5]]


def test_a_change_printed_without_its_brackets_and_the_total_over_it_are_alarms() -> None:
    # DC's Comparative Report of Cash Collections, June 2017 (enhuf-01 p4): Real Property Tax
    # Refunds fell from 37,037,147 to 33,093,781 over the year, and the cumulative difference prints
    # 3,943,366 where the column prints every other fall in brackets ("(761,281)" two rows up). The
    # TOTAL REFUNDS difference, (4,592,570), is right: it adds up only with that row's sign turned.
    checks = _checks(DOCS / "enhuf-01.pdf", 4, "en")
    alarms = [c for c in checks if c[5]]
    assert ("CUMULATIVE DIFFERENCE AMOUNT", "Real Property Tax Refunds", "3,943,366", ("33,093,781", "-37,037,147"),
            Verdict.MISMATCH, True) in alarms
    assert ("TOTAL REFUNDS", "CUMULATIVE DIFFERENCE AMOUNT", "(4,592,570)", ("(761,281)", "3,943,366", "112,078"),
            Verdict.MISMATCH, True) in alarms
    assert len(alarms) == 2
    # the monthly difference of the same rows holds, with its brackets
    assert ("MONTHLY DIFFERENCE AMOUNT", "Real Property Tax Refunds", "(2,707,230)", ("6,056,913", "-8,764,143"),
            Verdict.CONSISTENT, False) in checks


def _claims(tmp_path: Path, pdf: str) -> list[dict[str, object]]:
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / pdf), "-o", str(out), "--no-progress", "--lang", "en"]) == 0
    return list(yr.to_plain(yr.load(out))["claims"])


def test_rates_that_name_another_subject_or_stand_beside_another_amount_are_no_from_to_rate(tmp_path: Path) -> None:
    # USS Report and Accounts 2010, p16 (SussexUCU/USS a8dae43…:docs/reports_accounts/1996_2015/
    # 2010_Report_Accounts.pdf): "… an increase in operating costs from £44.6 million in 2008/2009 to
    # £52 million in 2009/2010. This represents a 2% increase in administration costs and a 24%
    # increase in investment management costs." Both rates are of the costs' parts, and both were
    # judged as the change from £44.6 million to £52 million (two false alarms).
    claims = _claims(tmp_path, "uss_accounts_2010_p16_operating_costs.pdf")
    assert not [c for c in claims if "expr" in c and str(c.get("stated", "")) in ("2%", "24%")]
    # City of Toronto, 2011 operating budget (CivicTechTO/budgetpedia-frontend 82e288e…: db/repositories/
    # toronto/datasets/summary/sources (manual)/staffing/2011.operating.backgroundfile-35804.pdf),
    # p10: "TESS -- $150.632 million or 11.1% decrease due mainly to … a reduction in the average
    # monthly caseload … from 105,000 to 101,000": the rate is the $150.632 million's, not the
    # caseload's (judged as 105,000 to 101,000, a false alarm)
    claims = _claims(tmp_path, "toronto_operating_2011_p10_tess.pdf")
    assert not [c for c in claims if "expr" in c and str(c.get("stated", "")) == "11.1%"]
    # London Hackspace, annual report 2011, p8 (londonhackspace/hackspace-foundation-sites cd93b5b…:
    # london.hackspace.org.uk/organisation/docs/annualreport-2011.pdf): "… the depreciation charge
    # being reduced from £1,325 to £952, which represents a 4% increase of the operating surplus":
    # the surplus is named by the rate's own words only
    claims = _claims(tmp_path, "london_hackspace_annual_report_2011_p8_surplus.pdf")
    assert not [c for c in claims if "expr" in c and str(c.get("stated", "")) == "4%"]


def _conflicts(tmp_path: Path, pdf: str) -> list[str]:
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / pdf), "-o", str(out), "--no-progress", "--lang", "en"]) == 0
    return [r.claim.id for r in check_paths([out]).results if r.verdict is Verdict.CONFLICT]


def test_sentences_about_other_programs_state_no_one_quantity(tmp_path: Path) -> None:
    # City of Toronto, 2014 operating variance report (same repository: …/staffing/2014.backgroundfile-
    # 79453.pdf), pages 26, 34, 36 and 38: "Children's Services (CS) reported a net favourable variance
    # of $11.065 million or 14.4% for the year ended December 31, 2014." and "Legal Services reported
    # a net unfavourable variance of $0.635 million or 3.3% …" open with other names; "As of December
    # 31, 2014, the Program reported a strength of 163.0 positions …" is said of 311 Toronto and of
    # Facilities Management, each with other figures (the "31" of the date is none they share). Five
    # conflicts were raised among them, all false.
    assert _conflicts(tmp_path, "toronto_variance_2014_p26_34_36_38.pdf") == []


def test_a_sentence_the_document_fills_in_for_many_things_states_no_one_quantity(tmp_path: Path) -> None:
    # City of Toronto, 2015 budget (same repository: db/_archive/explorerprototypedata/2015_files/
    # 2015.backgroundfile-77394.pdf), pages 10, 11 and 15: "The 2016 annualized impact is $0.148
    # million gross and $0 net." after each proposal, with $0.650, $0.174 and $1.447 million under
    # others: a form filled in four times, not one quantity stated four ways (two false conflicts).
    assert _conflicts(tmp_path, "toronto_budget_2015_p10_11_15_annualized.pdf") == []


def test_a_from_to_sentence_s_change_is_not_an_amount_it_sets_aside(tmp_path: Path) -> None:
    # Indian Union budget speeches (jvaidya/indian-budget-chatbot 2a25279…: data/bs197677.pdf p13,
    # bs195556.pdf p9, bs198586.pdf p9 and p14, bs198384.pdf p6, bs199899.pdf p15, bs199394.pdf p14
    # and p10, bs195657.pdf p6), one page each. Each amount or rate below was judged as the change
    # of a "from … to" sentence and raised as a false alarm: a part of the new level ("from Rs.170
    # crores to Rs.274 crores, of which Rs.73 crores …"), another subject's change after a comma
    # (", expenditure on displaced persons by Rs.89 lakhs"), another clause ("while …"), what is left
    # out ("Excluding the loan of Rs.1743 crores …"), a level named before the pair ("the present
    # ceiling of Rs.1,500"), the deficit of the next sentence ("This will leave a budgetary deficit of
    # Rs.3,985 crores"), a sentence with two "from … to" pairs, a level raised to ("raise the tax
    # rebate to 20 per cent"), and a rate of a cause ("due to a fall of about 7 per cent in the food
    # index"). The one real error stays: "Power … increased by 22% from Rs.5,167 crore to Rs.6,269
    # crore" is 21.3%.
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / "india_budget_speeches_from_to_asides.pdf"), "-o", str(out), "--no-progress", "--lang", "en"]) == 0
    alarms = [(r.claim.stated, r.verdict) for r in check_paths([out]).results
              if r.verdict in (Verdict.MISMATCH, Verdict.CONFLICT, Verdict.SCALE)]
    assert alarms == [("22%", Verdict.MISMATCH)]


def test_a_leading_digit_drawn_apart_is_glued_to_its_figure() -> None:
    # City of Hamilton, 2019 Financial Report, p52 (B44ken/statements e04fdc2…: Canada/Ontario/
    # Hamilton/2019/FinancialReport.pdf), segment table: "$ 316,819" is drawn as "$3" and "16,819"
    # touching, so the social services total read 16,819 against its rows' 316,819, and the annual
    # surplus (54,457) = 262,362 - 316,819 against it too (two false alarms). A currency sign glued
    # to the leading digit first is no reason to leave the digit apart.
    checks = check_pdf(PDFS / "hamilton_financial_report_2019_p34_split_glyph.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    surplus = [c for c in checks if c.total.stated == "(54,457)"]
    assert [([p.stated for p in c.parts], c.verdict) for c in surplus] == [(["$262,362", "$316,819"], Verdict.CONSISTENT)]
    # City of Toronto, 2009 staff recommended positions (CivicTechTO/budgetpedia-frontend 82e288e…:
    # db/repositories/toronto/datasets/summary/sources (manual)/staffing/2009.bn_2009_staff_rec_
    # approved_positions.pdf, p20): Solid Waste Management's "28.0" is drawn as "2" and "8.0" with no
    # gap, which shifted the row a column to the right (a false alarm, 44.7 against 2 + 8.0 + 16.7)
    checks = check_pdf(PDFS / "toronto_positions_2009_p20_split_glyph.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    assert any(c.verdict is Verdict.CONSISTENT and "28.0" in [p.stated for p in c.parts] and c.total.stated == "72.0"
               for c in checks)


def test_a_heading_over_indented_rows_that_a_total_names_is_a_section() -> None:
    # City of Toronto, 2015 budget (CivicTechTO/budgetpedia-frontend 82e288e…: db/_archive/
    # explorerprototypedata/2015_files/2015.backgroundfile-77394.pdf, p20): "Rate Supported
    # Operations" over "  Solid Waste Management Services 27.0 …", closed by "TOTAL - RATE SUPPORTED
    # OPERATIONS 39.0". The heading was read as the first line of the first row's label, and the
    # heading reading then left that row out (two false alarms, 68.4 against 41.4 + 0.0).
    checks = check_pdf(PDFS / "toronto_budget_2015_p20_rate_supported.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    rate = [([p.stated for p in c.parts], c.verdict) for c in checks
            if c.total_label == "TOTAL - RATE SUPPORTED OPERATIONS" and c.total.stated == "68.4"]
    assert rate == [(["27.0", "41.4", "0.0"], Verdict.CONSISTENT)]


def test_a_minus_printed_as_two_hyphens() -> None:
    # Public Accounts of Canada 1997, vol. I (BuildCanada/CanadaSpends 5552d9e…: PublicAccountsPDFs/
    # 1997/Volume I  Summary report and financial statements.pdf), p41: negatives print as "--6",
    # "--2,758". They were no figures, so "Other transactions" lost its first six columns and the
    # Net source of 1993, 6,524, was judged against 533 + 5,997 (a false alarm).
    checks = check_pdf(PDFS / "canada_public_accounts_1997_p41_double_hyphen.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    net = {c.lane_label: ([p.stated for p in c.parts], c.verdict) for c in checks if c.total_label == "Net source"}
    assert net["March 31 1993"] == (["533", "5,997", "--6"], Verdict.CONSISTENT)
    assert net["Year ended 1992"] == (["--409", "5,724", "--2,758"], Verdict.CONSISTENT)


def test_a_one_digit_negative_in_a_row_of_negatives_is_an_amount() -> None:
    # Town of Aurora, audited financial statements 2024, p42 (B44ken/statements e04fdc2…: Canada/
    # Ontario/Aurora/2024/AuditedFinancialStatements.pdf): "Less: Disposals  (5)  (6)  (631)  (432)
    # …". "(5)" and "(6)" were taken for footnote references among large amounts, so the Buildings
    # column's closing amortization, 67,937 + 6,580 - 6 = 74,511, missed its disposal (a false alarm).
    checks = check_pdf(PDFS / "aurora_financial_statements_2024_p42_disposals.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    closing = [([p.stated for p in c.parts], c.verdict) for c in checks if c.total.stated in ("74,511", "184,072")]
    assert (["67,937", "6,580", "(6)"], Verdict.CONSISTENT) in closing
    assert (["141,629", "42,444", "5", "(6)"], Verdict.CONSISTENT) in closing


def test_the_last_of_numbered_headings_is_a_word_of_the_header() -> None:
    # A Japanese company's quarterly financial report (Rahil71/Reports-Analysis 7655ad1…: flask-server/
    # uploaded_files/IR_FinancialReport_77th_3Q_en.pdf, p16), fair value hierarchy: "Level 1   Level 2
    # Level 3   Total". The "3" was read as a figure under Level 3, and the column's Total, 698, was
    # judged against 3 + 698 (a false alarm).
    checks = check_pdf(PDFS / "japan_ir_report_77th_q3_p16_levels.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    assert not [c for c in checks if "3" in [p.stated for p in c.parts]]
    assert ("Total", "Level 3", "698", ["698"], Verdict.CONSISTENT) in [
        (c.total_label, c.lane_label, c.total.stated, [p.stated for p in c.parts], c.verdict) for c in checks]


def test_a_total_row_is_no_item_of_a_heading() -> None:
    # Village of Scarsdale, adopted budget 2011-12, p33 (tlevine/scarsdale-data 2395612…: budget/2011-2012_
    # adopted_budget.pdf): ".200 A/C Breakdown / .20 Equipment 4,000 / Division Total 4,000" then
    # ".400 A/C Breakdown / .411 Fuel, Light & Power 60,000 …". ".20 Equipment" was read as a heading
    # over the Division Total and the next block's first row (they add up where Fuel prints "-"), and
    # raised as a total copied from the next column (a false alarm).
    checks = check_pdf(PDFS / "scarsdale_budget_2011_p2_division_totals.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    # (the Division Total may end a heading's rows, as the one row under ".20 Equipment": no row past it)
    assert not [c for c in checks if any(p.label == "Division Total" for p in c.parts[:-1])]


def test_a_spreadsheet_error_in_a_row_is_a_doubt_not_a_missing_part() -> None:
    # Mandera County Statistical Abstract 2015, Table 14.13, p42 (ndumbe0/kenya-county-analytics
    # 3255adb…: data/raw/Mandera/2015/County_Abstract_57_Mandera.pdf): the Total row prints "384
    # #VALUE!  424". The error took no column's place, so the row's Total, 424, was judged against
    # the Male total alone (a false alarm: the Female column adds up to 40).
    checks = check_pdf(PDFS / "mandera_abstract_2015_p42_value_error.pdf", lang="en")
    assert not [c for c in checks if c.alarm]
    doubted = [c for c in checks if c.total.stated == "424"]
    assert doubted and all(c.doubt is not None and "#VALUE!" in c.doubt for c in doubted if c.verdict is Verdict.MISMATCH)
    assert ("Total", "Male", "384", ("266", "6", "107", "4", "1"), Verdict.CONSISTENT, False) in _checks(
        PDFS / "mandera_abstract_2015_p42_value_error.pdf", 1, "en")
