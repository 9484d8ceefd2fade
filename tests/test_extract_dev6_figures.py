"""Figures the grammar misread in development documents, judged in the sixth sample (dev6): a
chart's number, references echoed in a spending report's own column, a footnote chain in a column
head, a flat type "1- and 2-room", a house number before a Dutch postcode, ranges whose currency is
printed once, a change "from $70 to $80" that is no range, table cells whose minus signs made a
range, and counted nouns ("1,37 fte besteed", "220 above the FY 2023 enacted", "24 paid through").
The texts are the pages' text layers as pdfium gives them."""

from __future__ import annotations

from fractions import Fraction

from factcheck.extract.scan import scan
from factcheck.numbers import parse_figure


def figures(text: str, language: str) -> list[tuple[str, object, object, str | None]]:
    return [(f.stated, f.value, f.value_high, f.unit) for f in scan(text, language) if f.is_figure]


def test_a_charts_number_and_a_public_laws_are_labels() -> None:
    # enparl-03: a New York City Council briefing paper
    text = ("been the case that actual headcount exceeds budgeted headcount for the Board. Chart 3 shows a \r\n"
            "ten-year comparison of the headcount budgeted at adoption and actual headcount at the end of the \r\n"
            "year for BOE, except for Fiscal 2024 which shows actual headcount as of January 2024. The positions \r\n"
            "shown in Chart 3 do not include poll workers at poll sites as they are part-time employees.")
    assert figures(text, "en") == []
    text = "Finance Division Briefing Paper Board of Elections\r\n4\r\nChart 3: BOE’s Ten-Year Actual vs. Budgeted Headcount"
    assert figures(text, "en") == []
    assert figures("the chart 12 percent", "en") == [("12 percent", 12, None, "%")]
    # engen-01: the DOE's appropriation summary, its notes
    assert figures("of the Consolidated Appropriations Act, 2023 (P.L. 117-328). \r\n(4) FY 2025 levels", "en") == []


def test_a_reference_echoed_in_its_own_column_is_no_count() -> None:
    # enint-03: a foundation's monthly spending report, "Description #ref ref"
    text = ("2026-04-13 Monthly Donation to Codeberg e.V. #251 251 BNP €10.00\r\n"
            "2026-04-22 kkremitzki - Infrastructure management #359 359 Split\r\nTransaction\r\n€1,000.00")
    assert figures(text, "en") == [("€10.00", 10, None, "EUR"), ("€1,000.00", 1000, None, "EUR")]
    text = "2026-04-07 Blog coordination grant #217 (Alex Prokoudine) 217 Split\r\nTransaction\r\n€525.00"
    assert figures(text, "en") == [("€525.00", 525, None, "EUR")]
    assert figures("Store #12 sold 12 percent more", "en") == [("12 percent", 12, None, "%")]


def test_footnote_marks_in_a_chain_and_the_first_of_two_compounds_are_no_figures() -> None:
    # engen-01: the DOE's appropriation summary; enparl-01: Singapore's S&CC rebate table
    assert figures("FY 2023 Enacted \r\n \r\nEnacted(1),(2),(3) Annualized CR Request(4) $ % \r\n", "en") == []
    text = "HDB Flat Type\r\nand Disbursement Month\r\n1- and \r\n2-room\r\n3- and \r\n4-room\r\n5-room\r\nExecutive /"
    assert figures(text, "en") == []


def test_a_house_number_before_a_dutch_postcode() -> None:
    # nlvla-03: a foundation's jaarrekening, its basic data
    text = "Basisgegevens:\r\n\uf0b7 Postadres: Toernooiveld 212, 6525 EC Nijmegen \r\n\uf0b7 Kamer van Koophandel"
    assert figures(text, "nl") == []


def test_a_range_whose_currency_is_printed_once() -> None:
    # enutl-03: a Sri Lankan water board's paper on cost recovery
    text = ("Capital investment per family to provide water supply infrastructure is Rs. \r\n"
            "175,000 to 340,000 (0.7 m3\r\n/d/family). Therefore")
    assert figures(text, "en")[0] == ("Rs. 175,000 to 340,000", 175000, 340000, "INR")
    text = "At present, the consumer pays Rs.18,000 to 23,000 to get the house connections"
    assert figures(text, "en") == [("Rs.18,000 to 23,000", 18000, 23000, "INR")]
    assert figures("costs $5 to 10 million", "en") == [("$5 to 10 million", 5000000, 10000000, "USD")]
    assert figures("gave $100 to 300 families", "en") == [("$100", 100, None, "USD"), ("300", 300, None, "family")]


def test_a_change_from_one_amount_to_another_is_no_range() -> None:
    # engen-03: Australia's Budget Paper No. 2
    text = ("The Government will increase the Passenger Movement Charge from 1 January 2027 by \r\n"
            "$10 from $70 to $80 per passenger. The Passenger Movement Charge is applied to")
    assert [f[:3] for f in figures(text, "en")] == [("$10", 10, None), ("$70", 70, None), ("$80", 80, None)]
    assert figures("fares ranging from $70 to $80 after the increase", "en") == [("$70 to $80", 70, 80, "USD")]
    assert [f[0] for f in figures("het tarief steeg van € 5 tot € 8", "nl")] == ["€ 5", "€ 8"]
    # enrgv-01: Peterborough's budget committee minutes, a change "by" an amount "to" the new level
    text = ("That the $777,052 provision for Greater Peterborough Area Economic Development Corporation "
            "reflected on page 225 of the 2009 Highlights Book be decreased by $1,136 to $775,916.")
    assert [f[0] for f in figures(text, "en")] == ["$777,052", "$1,136", "$775,916"]
    # ends of one size after "by" are a range still: "cut by $2 to $3 billion"
    assert figures("costs were cut by $2 to $3 billion", "en") == [("$2 to $3 billion", 2 * 10**9, 3 * 10**9, "USD")]


def test_a_minus_sign_after_a_blank_starts_the_next_cell() -> None:
    # engen-03: receipt measures in $m, one column a year
    text = ("Tax Reform – better targeting the Research \r\nand Development Tax Incentive(b) - - - -60.0 -850.0\r\n"
            "Tax Reform – expanding venture capital tax \r\nincentives(b) - - .. .. -10.0\r\n")
    assert figures(text, "en") == [("-60.0", -60, None, None), ("-850.0", -850, None, None), ("-10.0", -10, None, None)]
    assert figures("people aged 18 - 65 years", "en") == [("18 - 65 years", 18, 65, "year")]


def test_the_counted_noun_past_fte_and_before_a_comparison() -> None:
    # nlvla-03: "fte" ends as a Dutch adjective does; engen-01: "above" is no noun
    text = "In totaal is aan IRMA-ontwikkeling in 2018 \r\n1,37 fte besteed. \r\nb. De opbrengsten"
    assert figures(text, "nl") == [("1,37", Fraction(137, 100), None, "fte")]
    text = ("(FTEs) which is 220 above the FY 2023 enacted. The request includes 2,060 FTEs paid from FSE and 24 paid "
            "through the \r\nWorking Capital Fund.")
    assert figures(text, "en") == [("220", 220, None, None), ("2,060", 2060, None, "fte"), ("24", 24, None, None)]
    assert figures("15 dedicated staff and 1 dedicated officer", "en") == [("15", 15, None, "staff"), ("1", 1, None, None)]


def test_a_version_an_account_code_and_a_multiple() -> None:
    # enint-03: "[Purchase] 1.1 release material"; enutl-01: a pension fund's budget sheet, account
    # codes before each row; enparl-01: "2.5 times the amount"
    assert figures("2026-04-22 [Purchase] 1.1 release material #464 (C. Rogers Media) Split", "en") == []
    text = ("6524 Electricity $ 12,000 $ 8,000 $ 8,314 $ (4,000) -33.33%\r\n6526 Water $ - $ - $ - $ - 0.00%\r\n"
            "6532 Office Supplies- printing, stationery $ 7,000 $ 5,000 $ 6,103 $ (2,000) -28.57%\r\n")
    assert [f[0] for f in figures(text, "en")] == ["$ 12,000", "$ 8,000", "$ 8,314", "4,000", "-33.33%", "0.00%",
                                                   "$ 7,000", "$ 5,000", "$ 6,103", "2,000", "-28.57%"]
    assert figures("Total\r\n350 Border Patrol Agents were hired", "en") == []
    text = "In total, eligible HDB households will receive 2.5 times the amount of regular GSTV"
    assert [(f.stated, f.kind, f.value) for f in scan(text, "en") if f.is_figure] == [("2.5 times", "ratio", Fraction(5, 2))]
    assert figures("3 keer per jaar", "nl") == [("3", 3, None, "keer / year")]


def test_a_unit_joined_by_a_dash_or_over_a_line() -> None:
    # engen-03: "a 6–month transition arrangement"; engen-01: "over a 5-\r\nyear period"; enparl-01: "a 5-\r\nroom HDB flat"
    assert figures("supported by a 6–month transition arrangement", "en") == [("6–month", 6, None, "month")]
    assert figures("to the Department over a 5-\r\nyear period, to provide", "en") == [("5- year", 5, None, "year")]
    assert figures("a three-generation family living in a 5-\r\nroom HDB flat with", "en") == []


def test_check_reads_back_what_extract_writes() -> None:
    # the stated texts these rules write, as a claim file holds them
    assert (parse_figure("6–month", "en").value, parse_figure("6–month", "en").unit_hint) == (6, "month")
    assert (parse_figure("5- year", "en").value, parse_figure("5- year", "en").unit_hint) == (5, "year")
    assert (parse_figure("2.5 times", "en").value, parse_figure("2.5 times", "en").unit_hint) == (Fraction(5, 2), None)
    assert parse_figure("3 keer", "nl").value == 3
    assert (parse_figure("Rs.18,000 to 23,000", "en").value_high, parse_figure("Rs.18,000 to 23,000", "en").unit_hint) == (
        23000, "INR")
