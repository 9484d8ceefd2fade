"""Readings from the first look at the development documents of round 27 (Dutch care
institutions' accounts, a London borough's capital programme) and from an alarm hunt on
unlabelled care accounts: a page's rounding note, an outer-column total standing at its level,
signed runs in an inner column, a cash flow statement's activity totals, the corona annex's
ratios, and a rate that is no difference of a table row."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import yaml_roundtrip as yr
from factcheck.extract_cli import main
from factcheck.model import Verdict
from factcheck.tables import check_pdf
from factcheck.tables.rounding_note import says_rounding

DOCS = Path(__file__).parent / "unseen" / "docs"
PDFS = Path(__file__).parent / "pdfs"


def _checks(name: str, page: int | None = None) -> list[tuple[str, str, str, tuple[str, ...], Verdict, bool]]:
    checks = check_pdf(DOCS / name, lang="nl") if page is None else check_pdf(
        DOCS / name, lang="nl", pages=[page], all_pages=True)
    return [(c.total_label, c.lane_label, c.total.stated, tuple(("-" if p.sign < 0 else "") + p.stated for p in c.parts),
             c.verdict, c.alarm) for c in checks if page is None or c.page == page]


def test_a_rounding_note_lets_a_total_of_totals_miss_by_a_whole_unit_a_figure() -> None:
    # Southwark's Budget Book 2015/16 (ennhx-02): "Total General Fund Capital Programme 82,174 |
    # 503,456 | 585,632" adds totals of dozens of rounded rows; 82,174 + 503,456 = 585,630. Its last
    # page says "these schedules may contain rounding differences": within a whole unit of each
    # figure (3) the miss of 2 is that rounding, on every page of the document. It was an alarm.
    checks = check_pdf(DOCS / "ennhx-02.pdf", lang="en")
    grand = [c for c in checks if c.total.stated == "585,632" and [p.stated for p in c.parts] == ["82,174", "503,456"]]
    assert {c.page for c in grand} == {4, 6}
    assert all(c.verdict is Verdict.ROUNDING and not c.alarm and "rounding" in c.reading for c in grand)
    assert all(c.tolerance == 3 for c in grand)
    # the check as a claim: its tolerance, so `factcheck check` reaches the same verdict
    total = next(claim for claim in grand[0].to_claims() if "expr" in claim)
    assert total["tolerance"] == "3" and "precision" not in total
    assert not [c for c in checks if c.alarm]


def test_the_note_is_a_sentence_not_a_row_named_after_rounding() -> None:
    assert says_rounding("Please note that these schedules may contain rounding differences.")
    assert says_rounding("NOTE: Detail may not sum to totals because of rounding.")
    assert says_rounding("Due to rounding, figures may not add up.")
    assert says_rounding("Door afrondingsverschillen tellen de bedragen niet altijd exact op tot de totalen.")
    assert says_rounding("Als gevolg van afronding kunnen de totalen afwijken")
    # a row of a result statement, and the word in other senses, are no such note
    assert not says_rounding("Giften Projecten Cambodja Afrondingsverschillen Totaal Resultaat boekjaar 2022")
    assert not says_rounding("Indien bij afronding van het project met een verlies zal worden afgesloten")
    assert not says_rounding("Afronding oppervlakte op hele m2")


def test_a_total_in_the_outer_column_stands_at_its_level_for_the_result_under_it() -> None:
    # Alliade's consolidated result statement 2020 (nlzrn-01 p6): "Som der bedrijfsopbrengsten" and
    # "Som der bedrijfslasten" each close the rows of the inner column; "BEDRIJFSRESULTAAT" is the
    # first less the second. The costs' total had been read as closing the revenue's total too,
    # which left the result with one total above it and no reading.
    checks = _checks("nlzrn-01.pdf", 6)
    assert ("BEDRIJFSRESULTAAT", "€", "7.166.230", ("329.558.695", "-322.392.465"), Verdict.CONSISTENT, False) in checks
    assert ("BEDRIJFSRESULTAAT", "€", "4.049.410", ("312.895.529", "-308.846.119"), Verdict.CONSISTENT, False) in checks


def test_an_inner_run_of_opening_and_closing_cash_gives_the_change_under_it() -> None:
    # nlzrn-01 p7: "Liquide middelen per 1 januari 56.621.798 / Stand geldmiddelen per 31 december
    # 60.155.190" in the inner column, "Mutatie geldmiddelen 3.533.392" in the outer one.
    checks = _checks("nlzrn-01.pdf", 7)
    assert ("Mutatie geldmiddelen", "€", "3.533.392", ("-56.621.798", "60.155.190"), Verdict.CONSISTENT, False) in checks
    assert ("Mutatie geldmiddelen", "€", "-6.824.353", ("-63.446.151", "56.621.798"), Verdict.CONSISTENT, False) in checks


def test_an_inner_run_of_revenue_and_costs_gives_the_gross_margin() -> None:
    # Sportmedisch Adviescentrum Utrecht (nlzrn-03 p5): "Netto omzet 270.145 / Directe kosten
    # 164.463", then "Bruto winst 105.682" in the outer column.
    checks = _checks("nlzrn-03.pdf", 5)
    assert ("Bruto winst", "€", "105.682", ("270.145", "-164.463"), Verdict.CONSISTENT, False) in checks


def test_an_activity_s_net_cash_flow_closes_its_rows_in_one_column() -> None:
    # nlzrn-03 p6: the result, the depreciation, the change in working capital (itself closing an
    # inner run) and the interest, all in one column, then "Kasstroom uit operationele activiteiten".
    checks = _checks("nlzrn-03.pdf", 6)
    assert ("Kasstroom uit operationele activiteiten", "€", "-7.655", ("-17.064", "10.702", "-988", "-305"),
            Verdict.CONSISTENT, False) in checks


def test_the_corona_annex_ratios_by_the_model_s_definitions() -> None:
    # GGZ Westelijk Noord-Brabant (nlzrh-03): the share of the compensation in each column's revenue
    # (p5); the result ratio over the total revenue of the year its column names, printed on the
    # page before, and its change against the budget and the year before (p6).
    share = _checks("nlzrh-03.pdf", 5)
    assert any(c[0].startswith("Aandeel totaal") and c[1] == "Wlz" and c[2:5] == ("0,56%", ("75.918", "13.540.642"),
                                                                                   Verdict.ROUNDING) for c in share)
    ratios = [c for c in _checks("nlzrh-03.pdf") if c[0].startswith(("Resultaatratio", "Mutatie resultaatratio"))]
    assert [c[2:5] for c in ratios] == [
        ("0,86%", ("712.923", "82.488.178"), Verdict.ROUNDING),
        ("0,53%", ("408.163", "76.413.698"), Verdict.ROUNDING),
        ("3,15%", ("2.404.892", "76.344.433"), Verdict.ROUNDING),
        ("0,33%", ("0,86%", "-0,53%"), Verdict.CONSISTENT),
        ("-2,29%", ("0,86%", "-3,15%"), Verdict.CONSISTENT),
    ]
    # Zorgcollectief Zuidwest-Drenthe (nlzro-01 p6): the revenue in a table of its own on the page
    ratios = [c[2:5] for c in _checks("nlzro-01.pdf", 6) if c[0].startswith("Mutatie resultaatratio")]
    assert ratios == [("0,60%", ("2,31%", "-1,71%"), Verdict.CONSISTENT), ("4,23%", ("2,31%", "--1,91%"), Verdict.ROUNDING)]


@pytest.mark.parametrize("name", ["wilgenhoeve_2020_p18_monthly_repayment.pdf"])
def test_a_rate_per_month_is_no_difference_of_a_table_row(tmp_path: Path, name: str) -> None:
    # De Wilgenhoeve's accounts 2020, p18 (an alarm hunt on unlabelled DigiMV accounts; the
    # document is Nazar710/CIBG-WNT-Parser acafcc1…:dataProcessing/allPDF_1/DigiMV2020_Q7P89N66DD_0_
    # 11068704_Jaarrekening_9305_De Wilgenhoeve B.V..pdf): "De aflossing bedraagt € 6.533 per maand"
    # and the loan table's "Aflossing" row, 36.791 and 30.258 a year, which differ by 6.533 by
    # coincidence. The difference was proposed and judged per month: a false alarm.
    out = tmp_path / "w.yaml"
    assert main([str(PDFS / name), "-o", str(out), "--no-progress", "--lang", "nl"]) == 0
    claims = yr.to_plain(yr.load(out))["claims"]
    monthly = [c for c in claims if c.get("stated") == "€ 6.533"]
    assert monthly and all("expr" not in c for c in monthly)


def test_references_to_the_notes_set_apart_beside_the_ref_column_are_no_figures() -> None:
    # Stichting Amigo's cash flow statement (nlzrs-03 p3, DigiMV's model): "Ref." over "20, 21",
    # with the "21" of it, and every other reference ("11", "7", "13"), set in a column of their own
    # with no header. Read as figures they broke the inner column's subtotals and the statement's totals.
    checks = _checks("nlzrs-03.pdf", 3)
    assert ("Kasstroom uit bedrijfsoperaties", "2020 €", "-181.195", ("-92.929", "21.663", "-109.929"),
            Verdict.CONSISTENT, False) in checks
    assert ("Totaal kasstroom uit operationele activiteiten", "2020 €", "-181.763", ("-181.195", "-568"),
            Verdict.CONSISTENT, False) in checks
    assert not [c for c in checks if c[2] == "9"]  # "Stand geldmiddelen per 31 december  9" names note 9


def test_the_average_staff_is_the_sum_of_its_segments_under_their_heading() -> None:
    # Stichting Valkenhof's personnel note (nlzrq-01 p6, DigiMV's model): "Specificatie gemiddeld
    # aantal personeelsleden (in FTE's) per segment:" over one segment, 610, then "Gemiddeld aantal
    # personeelsleden op basis van full-time eenheden 610".
    checks = _checks("nlzrq-01.pdf", 6)
    assert ("Gemiddeld aantal personeelsleden op basis van full-time eenheden", "2020 €", "610", ("610",),
            Verdict.CONSISTENT, False) in checks


def test_the_financial_position_s_working_capital_and_long_term_funds() -> None:
    # Stichting Volantis' board report (nlzrq-03 p1): "Werkkapitaal 63.006" under the current assets
    # less the current debts, then "Gefinancierd met op lange termijn beschikbare middelen 69.189"
    # = the working capital plus the fixed assets.
    checks = _checks("nlzrq-03.pdf", 1)
    assert ("Werkkapitaal", "31-12-2020", "63.006", ("41.728", "24.973", "26.983", "-30.678"), Verdict.CONSISTENT,
            False) in checks
    assert ("Gefinancierd met op lange termijn beschikbare middelen", "31-12-2020", "69.189", ("63.006", "6.183"),
            Verdict.CONSISTENT, False) in checks


def test_a_row_with_last_year_s_figure_only_does_not_break_this_year_s_inner_column() -> None:
    # Savant Zorg's cash flow statement (nlzrs-01 p3): "- boekresultaten afstoting vaste activa"
    # prints 0 for 2019 only; this year's inner run above "3.347.890" was taken as left open there.
    checks = _checks("nlzrs-01.pdf", 3)
    assert ("unlabelled subtotal (a figure in the outer column under the items it adds)", "2020 €", "3.347.890",
            ("3.308.598", "39.292"), Verdict.CONSISTENT, False) in checks


def test_a_spreadsheet_s_overflow_is_a_cell_not_words_of_the_label() -> None:
    # Savant Zorg's corona annex (nlzrs-01 p5): "… corona-compensatie 3,70% 3,47% 0,91% 0,00%
    # ############## 0,00% 3,07%": the hashes ended the label, which took the first four shares.
    checks = _checks("nlzrs-01.pdf", 5)
    assert any(c[0].startswith("Aandeel totaal") and c[1:4] == ("Wlz", "3,70%", ("1.853.410", "50.159.131"))
               for c in checks)


def test_a_block_s_total_after_the_last_activity_is_a_flow_of_the_change_in_cash() -> None:
    # University of Twente's annual report 2013, p125 (an alarm hunt on documents of development
    # repositories: mgm1313/analyse-ut-annual-reports 4024880…:data/2013.pdf): "Overige
    # balansmutaties … Totaal overige balansmutaties 0,8" under the financing activities, then
    # "Mutatie liquide middelen en effecten 10,2" = 24,4 − 11,3 − 3,7 + 0,8. Without the block the
    # sum was 9,4: a false alarm (and 2012's 10,4 passed as rounding).
    checks = [(c.lane_label, c.total.stated, tuple(p.stated for p in c.parts), c.verdict)
              for c in check_pdf(PDFS / "ut_jaarverslag_2013_p28_cash_flow.pdf", lang="nl")
              if c.total_label == "Mutatie liquide middelen en effecten"]
    assert [c[1:] for c in checks] == [("10,2", ("24,4", "-11,3", "-3,7", "0,8"), Verdict.CONSISTENT),
                                       ("10,4", ("26,8", "-9,9", "-6,7", "0,2"), Verdict.CONSISTENT)]


def test_a_form_s_line_numbers_do_not_close_an_inner_column() -> None:
    # Form 990 Schedule D (enhlt-01 p7): the line numbers "3" and "5" stand in a column between the
    # amounts of lines 2a–2d and the line totals; rows that print only a line total are no rows of
    # another pair of columns, so the run of 2a–2d stays open there and no line number closes it.
    checks = _checks("enhlt-01.pdf", 7)
    assert ("Total expenses. Add lines 3 and 4c. (This must equal Form 990, Part I, line 18.)", "", "8,723,454,000",
            ("0", "8,723,454,000", "0"), Verdict.CONSISTENT, False) in checks


def test_a_budgetary_comparison_schedule_s_amount_available_for_appropriations() -> None:
    # Rock Creek Rural Fire Protection District, Idaho (ennhx-01 pp5-6, GASB's budgetary comparison
    # schedule): "Amount Available for Appropriations 1,124,927" = the beginning fund balance plus
    # the revenue; "Total Charges to Appropriations 868,770" = the three expense blocks' totals
    # since it (the first on the page before); "Ending Budgetary Fund Balance 256,157" = the first
    # less the second. Only the actual amounts' charges had been checked.
    checks = [(c.total_label, c.lane_label, c.total.stated, tuple(p.stated for p in c.parts), c.verdict)
              for c in check_pdf(DOCS / "ennhx-01.pdf", lang="en")]
    assert ("Total Charges to Appropriations", "Budgeted Original", "868,770", ("375,472", "489,798", "3,500"),
            Verdict.CONSISTENT) in checks
    assert ("Ending Budgetary Fund Balance", "Budgeted Original", "256,157", ("1,124,927", "868,770"),
            Verdict.CONSISTENT) in checks
