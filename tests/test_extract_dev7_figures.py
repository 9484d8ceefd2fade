"""What a figure is, in general rules made from the causes that recur over the development samples'
first looks (dev to dev7): telephone numbers, page ranges and codes opening a table's line are no
figures, nor a year over a column of percentages; auxiliaries, adverbs, prepositions, participles and
the next table row's label are not what a number counts; a per-tail may name any noun; limits as
contracts word them are hedges, and "over ten years" is a span. The texts are the pages' text layers
as pdfium gives them (seventh sample, dev7, and the documents it was drawn from)."""

from __future__ import annotations

from fractions import Fraction

from factcheck.extract.scan import scan
from factcheck.numbers import parse_figure


def figures(text: str, language: str) -> list[tuple[str, object, object, str | None, str]]:
    return [(f.stated, f.value, f.value_high, f.unit, f.hedge.value) for f in scan(text, language) if f.is_figure]


def test_a_telephone_number_in_groups_is_no_figure() -> None:
    # enukc-01: Southwark's budget book, a contact line
    text = "For further information please contact the Financial Accounting Team. \r\nChris O’Brien 020 7525 7468 \r\n"
    assert figures(text, "en") == []
    assert figures("Bel 070 342 43 44 of kijk op de site: 12 procent", "nl") == [("12 procent", 12, None, "%", "exact")]


def test_page_ranges_and_headings_of_accounts_are_no_figures() -> None:
    # eneur-01: an Irish charity's financial statements
    assert figures("AS AT 31 DECEMBER 2023\r\nThe notes on pages 12 to 15 form part of the financial statements\r\n",
                   "en") == []
    assert figures("10. Payables 2023 2022 \r\nAmounts falling due within one year € €\r\n", "en") == []
    assert figures("Creditors: amounts falling due after more than 1 year", "en") == []
    # a promise to pay within a year is a figure
    assert figures("The loan is to be repaid within one year.", "en") == [("one year", 1, None, "year", "exact")]


def test_a_year_over_a_column_of_percentages_is_no_percentage() -> None:
    # enaud-03: a nonprofit's profit and loss by quarter, its column heads
    text = "Total\r\nJan - Dec 2022 % of Income % of Expense\r\n6302 Dues & Subscriptions 6,139.17 1.27 %\r\n"
    assert figures(text, "en") == [("6,139.17", Fraction(613917, 100), None, None, "exact"),
                                   ("1.27 %", Fraction(127, 100), None, "%", "exact")]


def test_a_code_opening_a_line_before_a_name_is_no_figure() -> None:
    # enedu-03: a student government's encumbrance budget (account and event codes)
    text = ("Account Title Allocated Expenses Reserved Available\r\n4173 #UCLA Wellness Initiative - Contingency\r\n"
            "230 Contingency\r\n24358 RSS Bonfire & Beach Cleanup \r\n10/21/23\r\n")
    assert figures(text, "en") == []
    # enloc-03: Malaysia's revenue estimates, a code under the amount of the row before
    assert figures("(3,150,000)\r\n62300 Duti Eksais Terhadap Barangan Tempatan\r\n", "en") == [
        ("3,150,000", 3150000, None, None, "exact")]
    # a grouped amount, or a counted noun, opening a line is a figure, and so is a number before capitals
    assert figures("ended with\r\n2500 people in the hall", "en") == [("2500", 2500, None, "person", "exact")]
    # (la-precinct-bulletin, shared corpus)
    assert figures("327 BALLOTS CAST CONG 25\r\n1100 REGISTERED VOTERS\r\nSERIAL 1", "en")[-1][0] == "1100"


def test_words_that_are_no_counted_nouns() -> None:
    # ennpo-03: NO2ID's AGM minutes; enedu-01: Boston's budget; nlfon-01: DIVD's annual report
    assert figures("booklet, of which 10,000 have been distributed\r\n", "en") == [("10,000", 10000, None, None, "exact")]
    assert figures("and BPS staff levels will have increased by \r\napproximately 250 since he took office.", "en") == [
        ("250", 250, None, None, "about")]
    text = "In 2021 zijn negen zero-day cases gedraaid vanuit Research. Hiervan zijn er vijf gepubliceerd\r\n"
    assert figures(text, "nl") == [("negen", 9, None, "case", "exact")]
    assert figures("Van deze deelnemers zijn er\r\nnegentien pas in december 2021 aangenomen.", "nl") == []
    assert figures("er zijn 5 gebieden", "nl") == [("5", 5, None, "gebied", "exact")]


def test_an_english_decimal_above_one_counts_a_plural() -> None:
    # enaus-01: Toronto's staffing briefing note
    text = ("1,083.0 positions or 2.0% over the 2014 approved staff complement comprised of 516.3 \r\n"
            "additional base positions to maintain current service levels")
    assert figures(text, "en")[2] == ("516.3", Fraction(5163, 10), None, "position", "exact")


def test_the_next_rows_label_is_not_what_a_figure_counts() -> None:
    # nltab-03: a Rotary foundation's funds; nlwat-01: a subsidy scheme's regulatory burden (a sentence)
    text = ("Bij: uit ontvangsten bij scheepsafscheid 2.515 \r\n prijzengeld uit Botary sloepenroeiwedstrijd 750 \r\n"
            " 3.265 \r\n")
    assert figures(text, "nl")[0] == ("2.515", 2515, None, None, "exact")
    text = ("gemiddelde van tien locomotieven per aanvraag. In de regeling is de ruimte om tot maximaal 190 \r\n"
            "locomotieven om te bouwen. Het uitgangspunt is daarmee een gemiddelde van maximaal 19\r\n")
    assert ("190", 190, None, "locomotief", "below") in figures(text, "nl")
    # us-025 (shared corpus): a sentence that ends its line in an amount is no table row
    text = ("In 2006, stroke was the underlying cause of death for 137,119 \r\npersons; the age-adjusted mortality rate "
            "was 43.6 per 100,000 \r\nstandard population (Table 1).")
    assert figures(text, "en")[0] == ("137,119", 137119, None, "person", "exact")


def test_an_area_after_an_adjective_and_in_capitals() -> None:
    # enusa-01: New York City's capital budget changes, in capitals
    text = "AG DN410 SENIOR ACTION IN GAY ENVIRONMENT -- PLANS \r\nTO ACQUIRE 8200 RENTABLE SQ FT COMMERCIAL \r\n"
    assert figures(text, "en") == [("8200", 8200, None, "ft2", "exact")]
    assert figures("1,000 usable square feet", "en") == [("1,000", 1000, None, "ft2", "exact")]


def test_any_noun_after_per_is_a_per_tail() -> None:
    # nlmix-03: DUS-I's infographic; enworld-05: Zambia's budget speech
    text = "Per deelnemende leerling ontvangen de schoolvestigingen € 236 \r\nper klokuur (A-vestigingen) en € 118 per klokuur"
    assert [f[3] for f in figures(text, "nl")] == ["EUR / klokuur", "EUR / klokuur"]
    assert figures("€ 5 per deelnemende leerling", "nl") == [("€ 5", 5, None, "EUR / pupil", "exact")]
    assert figures("CDF has increased by K5.5 million per constituency.", "en")[0][3] == "ZMW / constituency"
    # "per saldo" says how, not per what
    assert figures("het resultaat is € 5.000 per saldo", "nl") == [("€ 5.000", 5000, None, "EUR", "exact")]


def test_the_currency_outside_accountants_brackets() -> None:
    # eneur-01
    assert figures("The net assets of the company have decreased by €(124,649). \r\n", "en") == [
        ("124,649", 124649, None, "EUR", "exact")]


def test_limits_and_spans() -> None:
    # eneur-01; enedu-01
    assert figures("company on the winding up, such amounts as maybe required not exceeding €1. \r\n", "en") == [
        ("€1", 1, None, "EUR", "below")]
    assert figures("committing $1 billion to BPS capital projects \r\nover ten years.\r\n", "en")[1] == (
        "ten years", 10, None, "year", "exact")
    assert figures("The loan is repayable over 25 years.", "en") == [("25 years", 25, None, "year", "exact")]
    assert figures("staff with over 5 years of service", "en") == [("5 years", 5, None, "year", "above")]


def test_dutch_tm_is_a_range() -> None:
    # nlbrf-03: a foundation's budget
    text = "Activiteiten m.b.t. ontmoeting voor kinderen (4 tm 11 jaar) € 13.877\r\n"
    assert figures(text, "nl") == [("4 tm 11 jaar", 4, 11, "year", "exact"), ("€ 13.877", 13877, None, "EUR", "exact")]
    assert figures("voor kinderen van 4 t.m. 11 jaar", "nl") == [("4 t.m. 11 jaar", 4, 11, "year", "exact")]
    # and `check` reads back what extract wrote
    for stated in ("4 tm 11 jaar", "4 t.m. 11 jaar"):
        figure = parse_figure(stated, "nl")
        assert (figure.value, figure.value_high) == (4, 11)
