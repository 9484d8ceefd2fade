"""Readings from the first look at the development documents of round 30 (a pension scheme's
annual report and accounts, UC Berkeley's schedule of current funds expenditures) and from the
false alarms of round 29's hunts that the round left standing (Sri Lanka's fisheries statistics,
an Indian budget annex, Toronto's summary of approved positions, a Kenyan county's statistical
abstract) and of the one false alarm of its last hunt (Boston's budget summary), each page's
origin named in its test."""

from __future__ import annotations

from pathlib import Path

from test_unseen_round28 import _checks

from factcheck import yaml_roundtrip as yr
from factcheck.engine import check_paths
from factcheck.extract_cli import main
from factcheck.model import ALARMS, Verdict
from factcheck.tables import check_pdf

DOCS = Path(__file__).parent / "unseen" / "docs"
PDFS = Path(__file__).parent / "pdfs"


def test_a_row_that_is_only_a_later_date_closes_the_movements_since_the_earlier_one() -> None:
    # The Freshwater Group Staff Retirement Benefits Plan, annual report 2024 (enhuh-03 p1): the
    # membership movements run from "At 30 July 2023" to "At 30 July 2024", a year that closes on
    # no 31 December or 31 March. The later date is the earlier one's figures plus the movements.
    # "Deaths  -  (6)  (6)" prints no figure a footnote reference could mark: the brackets are
    # the deaths, taken off, not references (they were dropped, and the Pensioners column with them).
    checks = _checks(DOCS / "enhuh-03.pdf", 1, "en")
    closing = {c[1]: c[2:] for c in checks if c[0] == "At 30 July 2024"}
    assert closing["Deferred"] == ("73", ("77", "-", "(4)", "-", "-", "-"), Verdict.CONSISTENT, False)
    assert closing["Pensioners"] == ("144", ("148", "(2)", "4", "(6)", "(2)", "2"), Verdict.CONSISTENT, False)
    assert closing["Total"] == ("217", ("225", "(2)", "-", "(6)", "(2)", "2"), Verdict.CONSISTENT, False)
    assert not [c for c in checks if c[5]]


def test_a_column_of_market_value_at_a_later_date_closes_the_columns_since_the_earlier_one() -> None:
    # The same report (enhuh-03 p5), note 10: "Market Value at 31 July 2023 | Purchases at cost |
    # Sales proceeds | Change in market value | Market Value at 30 July 2024". The change in
    # market value stands between the two values as a movement, not as a change column of its own.
    checks = _checks(DOCS / "enhuh-03.pdf", 5, "en")
    closing = {c[1]: c[2:] for c in checks if c[0] == "Market Value at 30 July 2024 £"}
    assert closing["Defined benefit section Pooled investment vehicles"] == (
        "33,022,927", ("31,202,024", "20,823,044", "(21,334,896)", "2,332,755"), Verdict.CONSISTENT, False)
    assert closing["Annuity policies"] == ("998,117", ("1,027,685", "-", "-", "(29,568)"), Verdict.CONSISTENT, False)
    assert closing[""] == ("34,021,044", ("32,229,709", "20,823,044", "(21,334,896)", "2,303,187"), Verdict.CONSISTENT, False)


def test_a_one_digit_bracket_beside_a_note_number_is_an_amount() -> None:
    # The same report's fund account (enhuh-03 p3): "Administrative expenses  8  (4)  -  (4)  -",
    # the 8 a note's number. The (4) is four pounds taken off, and the unlabelled line under the
    # payments adds it; read as footnote references, the 2024 columns went unchecked.
    checks = _checks(DOCS / "enhuh-03.pdf", 3, "en")
    line = {c[1]: c[2:] for c in checks if c[0].startswith("unlabelled subtotal")}
    assert line["2024 Defined benefit section £"] == (
        "(1,273,795)", ("(1,191,915)", "(81,876)", "(4)"), Verdict.CONSISTENT, False)
    assert line["2024 Total £"] == ("(1,273,795)", ("(1,191,915)", "(81,876)", "(4)"), Verdict.CONSISTENT, False)


def test_two_one_digit_brackets_in_a_row_of_small_figures_are_amounts() -> None:
    # UC Berkeley, Current Funds Expenditures by Uniform Classification Category 2019-2020,
    # Schedule B (enhuh-01 p1): "COOPERATIVE EXTENSIO  (2)  0  (2)  (3)" in the Public Service
    # block. Read as footnote references, the block's Total went unchecked; read as amounts, the
    # Unrestricted General total 5,489 is its rows' 5,490 within their rounding to thousands.
    checks = _checks(DOCS / "enhuh-01.pdf", 1, "en")
    total = {c[1]: c[2:] for c in checks if c[0] == "Total" and c[2] in ("5,489", "76,671") and len(c[3]) == 6}
    assert total["Unrestricted General"] == ("5,489", ("(11)", "42", "(2)", "5,463", "(2)", "0"), Verdict.ROUNDING, False)
    assert total["Total"] == ("76,671", ("23,034", "5,858", "(3)", "47,680", "(277)", "380"), Verdict.ROUNDING, False)


def test_parts_padded_with_zero_decimals_under_a_whole_total_are_no_alarm() -> None:
    # Sri Lanka, Fisheries Statistics 2019, Table 6.6 (github.com/nuuuwan/lk_fisheries, report
    # page 44; hunt29en-lkfish19): the exports by country carry hundredths from 2010 to 2017
    # ("10,219.81"), and only zeros in 2018 ("7,597.00 ... 13,175.00"), under a total in whole
    # tonnes, 27,998, one below their sum. The zeros pad figures rounded to whole tonnes: the
    # miss is what that rounding gives, no sign of a slip.
    checks = _checks(PDFS / "sri_lanka_fisheries_2019_p44_padded_decimals.pdf", 1, "en")
    total = next(c for c in checks if c[0] == "Total Quantity (Mt)" and c[1] == "2018")
    assert total[2:5] == ("27,998", ("7,597.00", "849.00", "4,193.00", "2,185.00", "13,175.00"), Verdict.MISMATCH)
    assert not total[5]
    assert not [c for c in checks if c[5]]


def test_three_dashes_among_a_row_s_words_are_nil_cells() -> None:
    # India, Union Budget 2022-23, Annexure 2, Statement of Extra Budgetary Resources
    # (github.com/Chaitanya-4899/Analysis-Of-Union-Budget-Of-India, datasets/Budget2022FMspeech.pdf
    # p35; hunt29pr-inbs2022): "---" marks an empty year. Taken for a rule drawn with dashes, the
    # rows above the first full one lost their cells, the table started below "Pradhan Mantri Awas
    # Yojana (PMAY) - Urban  20000.00", and the 2018-19 Total missed it (a false alarm).
    checks = _checks(PDFS / "india_budget_2022_p35_dashes_nil.pdf", 1, "en")
    totals = [c for c in checks if c[0] == "Total"]
    assert [c[2] for c in totals] == ["9167.00", "15095.00", "65602.10", "22006.30", "26665.10"]
    assert all(c[4] is Verdict.CONSISTENT and not c[5] for c in totals)
    assert "20000.00" in totals[2][3]


def test_a_column_whose_header_prints_its_formula_over_lettered_columns() -> None:
    # City of Toronto, 2007 Council approved operating budget, corporate summary of approved
    # positions (github.com/CivicTechTO/budgetpedia-frontend, staffing/2007.bn_oppositions.pdf
    # p12; hunt29pr-tor2007): the columns are lettered "(a)" to "(w)" and the totals print their
    # formulas, "Total (p = n + o)". Read as the columns before it, p took in the base budget
    # changes (k, l, m) too and missed (a false alarm). Its formula names n and o.
    checks = _checks(PDFS / "toronto_positions_2007_p12_lettered_columns.pdf", 1, "en")
    p = {c[1]: c[2:] for c in checks if c[0] == "Total (p = n + o)"}
    assert p['Sub-Total Citizen Centred Services "B"'] == ("14.8", ("3.0", "11.8"), Verdict.CONSISTENT, False)
    assert p["TOTAL - CITY OPERATIONS"] == ("25.8", ("4.0", "21.8"), Verdict.CONSISTENT, False)
    c = {c[1]: c[2:] for c in checks if c[0] == "Total (c = a + b)"}
    assert c['Sub-Total Citizen Centred Services "B"'] == ("457.4", ("398.8", "58.6"), Verdict.CONSISTENT, False)
    # the grand TOTAL prints 32.0 temporary new positions where its two blocks add up to 53.8:
    # p = n + o misses by 21.8, no one digit's slip, so it is written with its doubt
    assert p["TOTAL"] == ("57.8", ("4.0", "32.0"), Verdict.MISMATCH, False)
    assert not [c for c in checks if c[5]]


def test_a_share_the_reader_leaves_unchecked_keeps_its_column_s_percent_unit(tmp_path: Path) -> None:
    # KNBS, Murang'a County Statistical Abstract 2025 (github.com/ndumbe0/kenya-county-analytics,
    # data/raw/Murang'a/2025/21_Statistical_Abstract_Murang'a.pdf p25; hunt29c-kemur25), Table 17.4:
    # a "% share" column printed without the sign, over a Totals row of 100. The column's cells are
    # percentages; the last one (Naivasha, 14.6) was also read as a total the claim file cannot
    # state, written as a doubted figure, and lost its "%": the column's sum then added 14.6 as
    # 1,460 % (a false alarm).
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / "nakuru_statistical_abstract_p25_share_column.pdf"), "-o", str(out), "--no-progress",
                 "--lang", "en"]) == 0
    claims = {str(c["id"]): c for c in yr.to_plain(yr.load(out))["claims"]}
    naivasha = claims["t1_3_r11_c5"]
    assert naivasha["stated"] == "14.6" and naivasha["unit"] == "%"
    assert naivasha["evidence"]["relation"] == "table total, not checked"
    results = {r.claim.id: r.verdict for r in check_paths([out]).results}
    assert results["t1_3_r12_c5"] is Verdict.CONSISTENT  # 100.0 % exactly
    assert not [cid for cid, v in results.items() if v in (*ALARMS, Verdict.CONFLICT)]


def test_a_rate_compared_with_a_level_named_after_than_is_not_the_change_s_rate(tmp_path: Path) -> None:
    # City of Boston, FY19 recommended budget, Executive Summary p8 (github.com/CityOfBoston/
    # budget.boston.gov, _source/fy19_recommended/img/pdfs/01-Executive-Summary.pdf; hunt29e-bosexec19):
    # "… decrease the student to nurse ratio from 438:1 to 405:1, which is 40% lower than the ratio
    # recommended by the CDC". The 40% compares the new ratio with the CDC's, not with the old one
    # (a false alarm: 7.5% computed).
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / "boston_budget_fy19_p8_than_another.pdf"), "-o", str(out), "--no-progress",
                 "--lang", "en"]) == 0
    claims = yr.to_plain(yr.load(out))["claims"]
    assert not [c for c in claims if "expr" in c and c.get("stated") == "40%"]
    assert not [r for r in check_paths([out]).results if r.verdict in (*ALARMS, Verdict.CONFLICT)]


def test_a_row_labelled_less_than_a_month_is_a_class_not_a_deduction() -> None:
    # KNBS, Isiolo County Statistical Abstract 2025 (github.com/ndumbe0/kenya-county-analytics,
    # data/raw/Isiolo/2025/11_Statistical_Abstract_Isiolo.pdf p106; hunt30a-isiolo25c), Table 1.7.7:
    # prisoners by sentence, "Less Than I Month" the first class. Read as "Less:", it was taken
    # off the Total, which missed by twice it in 2018 (a false alarm).
    checks = _checks(PDFS / "isiolo_statistical_abstract_2025_p106_less_than.pdf", 1, "en")
    totals = {c[1]: c[2:] for c in checks if c[0] == "Total"}
    assert totals["2018"] == ("347", ("36", "182", "50", "-", "-", "-", "-", "-", "79", "-", "-"), Verdict.CONSISTENT, False)
    assert all(t[2] is Verdict.CONSISTENT for t in totals.values()) and len(totals) == 7
    assert not [c for c in checks if c[5]]


def _alarms(tmp_path: Path, pdf: str) -> list[tuple[str, str]]:
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / pdf), "-o", str(out), "--no-progress", "--lang", "en"]) == 0
    return [(str(r.claim.stated), r.claim.quote or "") for r in check_paths([out]).results
            if r.verdict in (*ALARMS, Verdict.CONFLICT)]


def test_a_next_sentence_that_states_a_level_of_its_own_speaks_of_another_change(tmp_path: Path) -> None:
    # Central Bank of Solomon Islands, Monthly Economic Bulletin November 2021, p1 (github.com/
    # worldbank/pacific-observatory, data/official_statistics/solomon_islands/MEB-November-2021.pdf;
    # hunt30b-meb2111): "… the deficit balance on trade in goods deteriorated to $168 million from $90
    # million in the previous month. This outcome stemmed from a significant fall in exports by 45%
    # to $153 million …". "This outcome" points back, but the fall of exports has its own level: its
    # 45% and $153 million were judged as the deficit's change (two false alarms). The page's one
    # real error stays: NCG "increased by 3% to $797 million from $720 million" (10.7 %).
    alarms = _alarms(tmp_path, "solomon_islands_meb_2021_11_p1_own_level.pdf")
    assert [a[0] for a in alarms] == ["3%"]
    assert "increased by 3% to $797 million from $720 million" in alarms[0][1]


def test_a_rate_followed_by_its_own_level_is_not_the_rate_of_another_pair(tmp_path: Path) -> None:
    # The same bulletin, April 2021, p1 (…/MEB-APRIL-2021.pdf; hunt30b-meb2104): "… the build up in
    # Central Bank's NFA by 12% to $5,402 million and to a lesser extent Other Depository
    # Corporations' NFA that grew from $31 million to $47 million". The 12% brings the Central
    # Bank's NFA to $5,402 million; it was judged as the change from $31 million to $47 million.
    assert _alarms(tmp_path, "solomon_islands_meb_2021_04_p1_rate_to_level.pdf") == []


def test_a_rate_printed_as_a_lower_bound_holds_when_the_change_is_larger(tmp_path: Path) -> None:
    # Singapore, Budget 2019 debate round-up speech, p43 (github.com/Phrey001/dataexpert-ai-capstone-
    # sg-budget-rag, data/round_up_speech/fy2019_budget_debate_round_up_speech.pdf; hunt30b-sgru19):
    # "The number of diesel taxis has also decreased by more than 30% from 23,700 in 2016 to 15,100
    # in 2018": a fall of 36.3 %, more than 30 %, beyond the reach a hedge gets in a claim file.
    assert _alarms(tmp_path, "singapore_budget_2019_roundup_p43_more_than.pdf") == []


def test_a_row_above_every_row_that_holds_may_count_its_change_the_other_way() -> None:
    # Public Accounts of Canada 2006-2007, Volume I, p44 (github.com/BuildCanada/CanadaSpends,
    # PublicAccountsPDFs/2007/Volume I - Summary report and financial statements.pdf; hunt30b-capa07):
    # fair values of financial instruments. "Difference" is fair less carrying value for the assets
    # (Foreign exchange accounts 44,059 - 44,178 = -119) and carrying less fair value for the
    # liabilities under them (414,192 - 446,605 = -32,413). The liabilities settled the column's
    # direction, and the asset row, above all of them, was raised as a sign printed turned round
    # (two false alarms). A row turned round is a slip only amid rows that hold.
    checks = _checks(PDFS / "canada_public_accounts_2007_v1_p44_fair_values.pdf", 1, "en")
    difference = [c for c in checks if c[0] == "Difference"]
    assert ("Unmatured debt", "-32,413", ("414,192", "-446,605"), Verdict.CONSISTENT, False) in [
        (c[1], *c[2:]) for c in difference]
    assert [c[2] for c in difference if c[1] == "Foreign exchange accounts"] == ["-119", "-61"]
    assert not [c for c in checks if c[5]]


def test_the_labels_heading_between_two_header_lines_keeps_the_line_above_in_the_header() -> None:
    # KNBS county statistical abstract 2025 (github.com/ndumbe0/kenya-county-analytics,
    # data/raw/Samburu/2025/25_Statistical_Abstract_Samburu.pdf p37; hunt30b-kesamb25), Table 12.5:
    # "Number of" over "Institutions" and "Enrolment" over "Boys  Girls  Total", with "Sub-county"
    # on a line between them. The header stopped at "Sub-county", the number of institutions lost
    # its "Number of", and the Total column added it to the pupils (Kinangop 7 + 125 + 95 against
    # 220: a false alarm).
    checks = _checks(PDFS / "samburu_statistical_abstract_2025_p37_stub_heading.pdf", 1, "en")
    total = {c[1]: c[2:] for c in checks if c[0] == "Total" and c[1] in ("Ol Kalau", "Kinangop") and c[2] in ("220", "450")}
    assert total["Kinangop"] == ("220", ("125", "95"), Verdict.CONSISTENT, False)
    assert total["Ol Kalau"] == ("450", ("240", "210"), Verdict.CONSISTENT, False)
    assert not [c for c in checks if c[5]]


def test_a_next_sentence_that_breaks_the_change_into_parts_states_no_change(tmp_path: Path) -> None:
    # A staff pension scheme's annual report to 30 July 2023, Trustee's report p4 (github.com/
    # sonechas/highdornlatest, public/pensions/Pension Financial Statements July 23.pdf; hunt30a-hdpen23):
    # "They show that the value of the fund decreased from £35,385,668 … to £32,467,648 … This
    # decrease comprises net withdrawals from dealings with members of £203,277 and net losses on
    # investments of £2,714,793." The losses are a part of the fall, not the fall (a false alarm).
    assert _alarms(tmp_path, "pension_scheme_accounts_2023_p4_comprises.pdf") == []


def test_an_age_group_s_bound_sign_and_number_are_one_label() -> None:
    # KNBS county statistical abstract 2025 (github.com/ndumbe0/kenya-county-analytics,
    # data/raw/Turkana/2025/23_Statistical_Abstract_Turkana.pdf p22; hunt30a-turkana25, hunt30b-keturk25),
    # Table 3.2, population by age group: "< 18  235,924  236,335  472,257 …". The "18" was read as
    # the row's first figure and added into its Total.
    checks = check_pdf(PDFS / "turkana_statistical_abstract_2025_p22_age_bound.pdf", lang="en")
    under = [c for c in checks if c.lane_label == "< 18" or c.total_label == "< 18"]
    assert under and all("18" not in [p.stated for p in c.parts] for c in under)
    assert ("< 18", "Number Total", "485,307", ["242,131", "243,177"]) in [
        (c.lane_label, c.total_label, c.total.stated, [p.stated for p in c.parts]) for c in under]


def test_a_total_that_exceeds_its_parts_by_its_column_s_year_is_an_alarm() -> None:
    # KNBS, Siaya County Statistical Abstract 2015 (github.com/ndumbe0/kenya-county-analytics,
    # data/raw/Siaya/2015/County_Abstract_50_Siaya.pdf p28; hunt30a-siaya15), Table 4.2: the 2013
    # area under 24 crops adds up to 161,102 and TOTAL prints 163,115, their sum and the 2013 of the
    # header (a spreadsheet sum taken over the header row); so does the production, 355,173 against
    # 357,186. A miss by the year is no digit's slip, but a slip of its own shape: an alarm.
    checks = _checks(PDFS / "siaya_county_abstract_2015_p28_year_summed.pdf", 1, "en")
    alarms = [(c[0], c[1], c[2]) for c in checks if c[5]]
    assert alarms == [("TOTAL", "2013", "163,115"), ("TOTAL", "2013", "357,186")]


def test_next_sentences_with_levels_of_their_own_state_no_rate_of_the_change(tmp_path: Path) -> None:
    # The same bulletin, June and July 2021, p1 (…/MEB-JUNE-2021.pdf, …/MEB-July-2021.pdf; hunt30b-meb2106,
    # hunt30b-meb2107): "Net domestic assets … markedly dropped to $43 million in June from $123
    # million in May. This was supported by the fall in other items net from $93 million to minus
    # $193 million." and "… rebounded to $275 million in July from $43 million in the previous
    # month. This was attributable to a 2% growth in private sector credit (PSC) to $2,568 million
    # combined with the 18% fall in net credit to government (NCG) to $770 million." Each next
    # sentence names levels of its own: its $93 million and its 18% are not the change before it.
    assert _alarms(tmp_path, "solomon_islands_meb_2021_06_p1_minus_level.pdf") == []
    assert _alarms(tmp_path, "solomon_islands_meb_2021_07_p1_growth_to_level.pdf") == []


def test_a_column_of_rows_that_are_each_their_own_distribution_adds_up_to_nothing() -> None:
    # Solomon Islands NSO, Visitor Arrivals Statistics Q4 2019, Table 11 (github.com/worldbank/
    # pacific-observatory, data/tourism/solomon_islands/scraping/Visitor-Arrivals-Statistics_4th-
    # Quarter-2019.pdf p17; hunt30b-sivaq419): under "PERCENTAGES (%)" each country's row is its own
    # arrivals by age and sex, 100.0 under "All" (Japan: one man of 25-34). Down the All column,
    # Japan's 100.0 and Solomon Islands' 100.0 were added against the Total row's 100.0 (a false alarm).
    checks = _checks(PDFS / "solomon_islands_visitor_arrivals_2019q4_p17_row_shares.pdf", 1, "en")
    assert not [c for c in checks if c[5]]
    assert [c[4] for c in checks if c[0] == "Total" and c[2] == "100.0" and c[3].count("100.0") == 2] == [Verdict.MISMATCH]


def test_a_last_row_turned_round_next_to_a_row_that_holds_is_still_an_alarm() -> None:
    # Rijksoverheid, verhuismotieven en woon-werkafstand (nlrijk-03 p3), Tabel 4.4: "Andere reden
    # 19,9  19,8  0,1", the change printed with its sign turned round (19,8 - 19,9 = -0,1) in the
    # table's last row, right under "Werk  42,1  17,1  -25,0" which holds. Rows that hold need not
    # stand below it too when one stands right next to it.
    checks = _checks(DOCS / "nlrijk-03.pdf", 3)
    alarms = [(c[1], c[2]) for c in checks if c[5]]
    assert alarms == [("Andere reden", "0,1")]


def test_one_digit_brackets_among_small_figures_of_a_statement_are_amounts() -> None:
    # Public Accounts of Canada 1995-96, Volume I, p62 (github.com/BuildCanada/CanadaSpends,
    # PublicAccountsPDFs/1996/Volume I  Summary report and financial statements.pdf; hunt30b-capa96):
    # expenditures of the consolidated specified purpose accounts, 1994-95: 15,728, (1), 1, 119 and
    # (5) add up to 15,842. The (1) and (5), each in a row of its own small figures, were dropped as
    # footnote references, and the total missed by 6 (a false alarm).
    checks = _checks(PDFS / "canada_public_accounts_1996_v1_p62_one_digit_brackets.pdf", 1, "en")
    total = [c[1:] for c in checks if c[0] == "Total expenditures of consolidated specified purpose accounts"]
    assert ("1994-95", "15,842", ("15,728", "(1)", "1", "119", "(5)"), Verdict.CONSISTENT, False) in total
    assert not [c for c in checks if c[5]]


def test_a_relation_keeps_the_hedge_of_its_stated_figure(tmp_path: Path) -> None:
    # Public Accounts of Canada 2005-06, Volume I, pp. 9-10 (github.com/BuildCanada/CanadaSpends,
    # PublicAccountsPDFs/2006/Volume I - Summary report and financial statements.pdf; hunt30b-capa06):
    # personal income tax "as a share of total revenues … averaging about 47 percent", beside a
    # table of 19,742 over 42,857 (46.1 %). Discovery matched the share as the words allow ("about"),
    # the claim file stated 47 percent without its hedge, and `check` called it wrong (a false alarm).
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / "canada_public_accounts_2006_v1_p9_10_about_share.pdf"), "-o", str(out),
                 "--no-progress", "--lang", "en"]) == 0
    claims = {str(c["id"]): c for c in yr.to_plain(yr.load(out))["claims"]}
    share = claims["rel_averaging"]
    assert share["stated"] == "47 percent" and share["hedge"] == "about"
    results = {r.claim.id: r.verdict for r in check_paths([out]).results}
    assert results["rel_averaging"] in (Verdict.CONSISTENT, Verdict.ROUNDING)
    assert not [cid for cid, v in results.items() if v in (*ALARMS, Verdict.CONFLICT)]


def test_a_second_pair_from_today_s_level_makes_two_pairs(tmp_path: Path) -> None:
    # Singapore, Budget Statement FY2020, p5 (github.com/Phrey001/dataexpert-ai-capstone-sg-budget-rag,
    # data/budgets_statements/fy2020/1_fy2020_budget_statement.pdf; hunt30d-sgbs20): "I will raise the
    # maximum loan quantum from $300,000 to $600,000, and increase our risk-share on these loans to
    # 80%, from the current 50% to 70%." Two pairs in one sentence give no change to check; "from
    # the current 50%" was not seen as the second, and the 50% was judged as the loan's growth.
    assert _alarms(tmp_path, "singapore_budget_2020_p5_from_the_current.pdf") == []


def test_a_figure_whose_subject_is_a_function_s_name_gets_another_id(tmp_path: Path) -> None:
    # Barbados, Supplementary Estimates No. 9 2020-2021, p7 (github.com/lmwilkigov/barbados-hack-data,
    # data/legislature/bills/pdf/539_supplementary-estimates-no-9-20202021-165581758.pdf;
    # hunt30d-bbse2021n9): a figure's subject read as "Sum" gave it the id "sum", the name of a
    # function of the formula language, and the relation over it ("sum - money_79_394") could not
    # be read (FC202, an error verdict).
    out = tmp_path / "r.yaml"
    assert main([str(PDFS / "barbados_supplementary_estimates_2021_p7_sum_subject.pdf"), "-o", str(out),
                 "--no-progress", "--lang", "en"]) == 0
    ids = [str(c["id"]) for c in yr.to_plain(yr.load(out))["claims"]]
    assert "money_sum" in ids and "sum" not in ids
    results = check_paths([out]).results
    assert results and all(r.verdict in (Verdict.CONSISTENT, Verdict.ROUNDING) for r in results)


def test_a_row_of_percentages_printed_without_the_sign_is_no_step_along_the_row() -> None:
    # PSL Tax-Data report of August 2024, p15 (github.com/PSLmodels/taxdata, history/reports/
    # taxdata_report_2024-08-20.pdf; hunt30c-taxd2408): "Change  …  -0.1  -0.2" over "Pct Change  …
    # -0.14  -0.28", the change over the Current row in percent. Read as the step of the Change
    # row from 2032 to 2033 (-0.2 - -0.1), it was a scale slip of its own (a false alarm).
    checks = _checks(PDFS / "tax_data_2024_08_p15_pct_change.pdf", 1, "en")
    assert not [c for c in checks if c[5]]
    assert not [c for c in checks if c[0] == "Pct Change" and c[3] == ("-0.2", "-0.1")]


def test_a_ward_s_number_beside_its_word_is_the_label_s() -> None:
    # Chicago's aldermanic menu program, 2006 Menu Detail by Ward, ward 3 (github.com/JohnCRuf/
    # alderman_machine, tasks/initialdata/output/2006.pdf p11; hunt30c-ald2006c): "2006 Menu - Ward: 03"
    # over "Menu Budget: 1,320,000", "Model Block Budget: 0" and "Ward Budget Total: 1,320,000".
    # The ward's number was added into the total (a false alarm, by 3).
    checks = _checks(PDFS / "chicago_ward_menu_2006_p11_ward_number.pdf", 1, "en")
    assert not [c for c in checks if c[5]]
    assert not [c for c in checks if "03" in c[3]]


def test_a_cumulative_annual_rate_of_growth_is_no_change_between_two_levels(tmp_path: Path) -> None:
    # Kenya, Economic Survey 1960, p40 (github.com/bgathecha/dnld_knbs_economic_reports, datafiles/
    # 1960-Economic-Survey.pdf; hunt30c-kes1960): "… rising from £22 million to £46.1 million, which
    # represents a cumulative annual rate of growth of 13 per cent" over seven years (13.1 % a
    # year), judged as the whole rise of 109.5 % (a false alarm).
    assert _alarms(tmp_path, "kenya_economic_survey_1960_p40_annual_rate.pdf") == []
