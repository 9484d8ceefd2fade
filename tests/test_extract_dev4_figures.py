"""Figures the grammar misread in development documents, judged in the fourth sample (dev4): a
footnote's number run into an amount, a month's name before a year, lakh and crore with the
rupee sign a font prints as a backtick, a period adverb after an amount, the unit of "van 20 naar
22%", hedges after the figure, a footnote's number before a web address; and, seen in the same
documents outside the sample, page numbers beside a bar, paragraph sub-numbers, a cited year with
its note's number, English counts after several attributes. The texts are the pages' text layers
as pdfium gives them."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.extract.scan import scan
from factcheck.model import Hedge
from factcheck.numbers import parse_figure


def figures(text: str, language: str) -> list[tuple[str, str, str | None, object]]:
    return [(f.stated, f.kind, f.unit, f.value) for f in scan(text, language) if f.is_figure]


def hedges(text: str, language: str) -> list[tuple[str, Hedge]]:
    return [(f.stated, f.hedge) for f in scan(text, language) if f.is_figure]


def test_a_footnote_number_run_into_thousands_groups_is_left_off() -> None:
    # enmix-03: superscript note numbers 3 and 4 after "$1,440" and "$8,400"
    text = ("• This means that the Government will co-fund $1,4403 of the total $8,4004 new and \r\n"
            "sustained wage increases in 2019 and 2020.")
    assert figures(text, "en") == [("$1,440", "money", "USD", 1440), ("$8,400", "money", "USD", 8400)]
    assert figures("een bijdrage van € 1.4403 in totaal", "nl") == [("€ 1.440", "money", "EUR", 1440)]


def test_a_footnote_number_after_a_full_stop_is_no_decimal() -> None:
    # enus-05: "ranged from $11,920 to $251,895.5 Given ..." (note 5 after the sentence's full stop)
    text = ("written agreement ranged from $11,920 to $251,895.5 Given the substantial amount of the \r\n"
            "expenses incurred annually")
    [found] = [f for f in scan(text, "en") if f.is_figure]
    assert (found.stated, found.value, found.value_high) == ("$11,920 to $251,895", 11920, 251895)
    [found] = [f for f in scan("The total was $1,234.5 Million in 2020.", "en") if f.is_figure]
    assert found.value == 1_234_500_000  # a scale word after it: the decimal stays


def test_a_month_before_a_year_is_a_date() -> None:
    # engrn-03: the column heads "Tourist Arrivals December 2017 % Change"
    text = "Tourist \r\nArrivals \r\nDecember\r\n2017\r\n% Change \r\nDecember\r\n2017/2018 By Air By Sea Total\r\n"
    assert figures(text, "en") == []
    assert figures("In januari 2023 steeg het aantal met 5%.", "nl") == [("5%", "percent", "%", 5)]
    assert figures("it may 2000 people", "en") == [("2000", "count", "person", 2000)]  # "may" is a verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # enrep-01: Indian budget speech; its font prints the rupee sign as a backtick
        ("We hope to raise \r\nfishery exports to ` 1 lakh crore by 2024-25.",
         [("` 1 lakh crore", "money", "INR", 10**12)]),
        ("an allocation of about `2.83 lakh crore has \r\nbeen made for the year 2020-21 .",
         [("`2.83 lakh crore", "money", "INR", 283 * 10**10)]),
        ("For income between ` 7.5 Lakh to ` 10 Lakh he will pay at the reduced rate of 15%",
         [("` 7.5 Lakh", "money", "INR", 750_000), ("` 10 Lakh", "money", "INR", 1_000_000),
          ("15%", "percent", "%", 15)]),
        ("revenue forgone of ` 40,000 crore per year.", [("` 40,000 crore", "money", "INR / year", 4 * 10**11)]),
    ],
)
def test_lakh_crore_and_the_backtick_rupee(text: str, expected: list) -> None:
    assert figures(text, "en") == expected
    for stated, _, unit, value in expected:
        figure = parse_figure(stated, "en")
        assert figure.value == value
        assert (figure.unit_hint or "").startswith(unit.split(" ")[0] if unit != "%" else "%")


def test_a_backtick_is_a_rupee_sign_only_before_lakh_or_crore() -> None:
    assert figures("the `5` key and 5 lakh farmers", "en")[-1][:3] == ("5 lakh", "count", "farmer")


def test_a_period_adverb_after_an_amount_is_its_per_tail() -> None:
    # enloc-03: "up to 200 ringgit monthly or 2,400 ringgit annually"
    text = ("Meanwhile, one million STR recipients under e\ufffeKasih will receive SARA up to 200 ringgit monthly "
            "or 2,400 ringgit \r\nannually. Those in the single category")
    # (and "one million STR recipients" counts recipients: an abbreviation before a plural is its attribute)
    assert [f[:3] for f in figures(text, "en")] == [("one million", "count", "recipient"),
        ("200 ringgit", "money", "MYR / month"), ("2,400 ringgit", "money", "MYR / year")]
    assert figures("Er is € 2 miljoen jaarlijks beschikbaar.", "nl") == [("€ 2 miljoen", "money", "EUR / year", 2_000_000)]


def test_the_first_figure_of_a_change_takes_the_unit_of_the_second() -> None:
    # nlpub-01: "het aandeel strafbeschikkingen steeg van \r\n20 naar 22%."
    text = "beleidssepots bleven gelijk op 4% en het aandeel strafbeschikkingen steeg van \r\n20 naar 22%.\r\n"
    assert figures(text, "nl") == [("4%", "percent", "%", 4), ("20", "percent", "%", 20), ("22%", "percent", "%", 22)]
    assert figures("het daalde van 3,1 naar 2,8 procentpunt", "nl")[0][1:] == ("percent", "pp", Fraction("3.1"))
    assert figures("het aantal ging van 20 naar 22 zaken", "nl")[0][:3] == ("20", "count", None)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # nlpub-01: "burgers van 15 jaar en ouder"
        ("b Betreft een schatting van online delicten ondervonden door burgers van 15 jaar en ouder. De",
         "nl", [("15 jaar", Hedge.ABOVE)]),
        # nlwat-01: "bij subsidies van € 125.000,– of meer"
        ("dient bij subsidies van € 125.000,– of meer de \r\nverantwoording met een accountantsverklaring",
         "nl", [("€ 125.000", Hedge.ABOVE)]),
        ("households of 5 people or fewer and children aged 12 and younger", "en",
         [("5", Hedge.BELOW), ("12", Hedge.BELOW)]),
        ("two applicants or more", "en", [("two", Hedge.ABOVE)]),
        # the hedge of the next figure, and a list going on, are not this figure's
        ("10 people or more than 5 households", "en", [("10", Hedge.EXACT), ("5", Hedge.ABOVE)]),
        ("Er komt € 5 miljoen en meer geld voor scholen.", "nl", [("€ 5 miljoen", Hedge.EXACT)]),
        ("income of $50,000 and above the line", "en", [("$50,000", Hedge.EXACT)]),
    ],
)
def test_a_hedge_after_the_figure(text: str, language: str, expected: list) -> None:
    assert hedges(text, language) == expected


def test_a_number_before_a_web_address_is_a_footnote() -> None:
    # nlstaat-03: footnotes run together in the text layer
    text = ("13 Kamerstukken II 2021/22, 29 515, nr. 463. 14 https://www.atr-regeldruk.nl/publicaties/overige/"
            "evaluatie-atr-2017-2020/. 15 Sira (2021) Opvolging ATR-a")
    assert "14" not in [f[0] for f in figures(text, "nl")]
    assert [f.kind for f in scan(text, "nl") if f.stated == "14"] == ["footnote"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # enrep-01: a numbered paragraph's sub-numbers
        ("in the sea.\r\n23 (15).Youth in coastal areas benefit through fish processing and \r\nmarketing.", "en"),
        ("Indian Museum in Kolkata. \r\n75 (1). In the historic Old Mint building Kolkata", "en"),
        # enaud-01: a note's number with a blank before its full stop
        ("Year ended December 31, 2023\r\n10 . Accumulated surplus: \r\nAccumulated", "en"),
        # enus-05, enacc-03, enmix-01, nltaal-03: names of a recommendation, a report, a vote, a kind
        ("Response to Recommendation 2 All written policies", "en"),
        ("DOIOIA Grant D17AP00107 Progress Report 4 for details", "en"),
        ("MINISTRY OF ENVIRONMENT AND FORESTRY – VOTE 1108 REPORT ON", "en"),
        ("48 Alleen de gesplitste kredieten (aard 2) worden opgenomen", "nl"),
    ],
)
def test_paragraph_note_and_name_numbers_are_not_figures(text: str, language: str) -> None:
    assert figures(text, language) == []


def test_a_cited_year_with_its_footnote_number_run_on_is_a_year() -> None:
    # nlgem-03: "(Ribbelink et al., 20023)": 2002 and note 3
    text = "18 Bij een ligduur van tien dagen (Ribbelink et al., 20023) bedragen de kosten hiervoor ongeveer 796.000 euro."
    assert [f[0] for f in figures(text, "nl")] == ["tien dagen", "796.000 euro"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("the three most populous trees in Guam's forests", "tree"),  # enacc-03
        ("were Sri Lanka's top five international tourist generating markets in the month", "market"),  # engrn-03
        ("The two disclosed account numbers differ with respective special accounts", "number"),  # enmix-01
        ("the organization's two primary accounting systems reflect conflicting", "system"),  # enus-05
        ("for the recruitment of 2,000 frontline health personnel.", "personnel"),  # enworld-05
        ("currently provides 2.3 million low-income families with rental assistance", "family"),  # enloc-01
        ("all 20,000 youth aging out of foster care annually", "youth"),
    ],
)
def test_an_english_count_counts_the_plural_after_its_attributes(text: str, unit: str) -> None:
    [found] = figures(text, "en")
    assert found[1:3] == ("count", unit)


def test_page_numbers_beside_a_bar_or_between_dashes_are_furniture() -> None:
    from pathlib import Path

    from factcheck.extract import extract_document

    docs = Path(__file__).resolve().parent / "unseen" / "docs"
    # enaud-01: "The District of Saanich 2023 Annual Report | 95" and "- 25 -" head each page
    claims = extract_document(docs / "enaud-01.pdf").claims
    heads = [c for c in claims if c["stated"] in ("95", "25", "98", "28") and c["where"]["line"] <= 3]
    assert heads == []
    assert any(c["stated"] == "$25.3 million" for c in claims)


def test_the_figures_of_a_list_take_the_percent_sign_of_its_last() -> None:
    # nltaal-05: "respectievelijk 0,1 en 0,4 procentpunt hoger geraamd"
    text = "wordt in 2025 en 2026 respectievelijk 0,1 en 0,4 procentpunt hoger geraamd"
    assert [f[:3] for f in figures(text, "nl")] == [("0,1", "percent", "pp"), ("0,4 procentpunt", "percent", "pp")]
    assert [f[2] for f in figures("rates of 10, 20 and 30 percent", "en")] == ["%", "%", "%"]
    # numbers of another form or size, or a year, are not of the list
    assert figures("het aantal steeg tot 500 en 20% daarvan was nieuw", "nl")[0][:3] == ("500", "count", None)
    assert [f[0] for f in figures("in 2023 en 5 procent", "nl")] == ["5 procent"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # enloc-01, engrn-03: an English month's day with no year, a day written "31 st"
        ("2 When October 1 falls on a weekend, certain mandatory benefit payments", "en", []),
        ("As at 31 st December 2018, 2,333,796 tourists had visited Sri Lanka", "en",
         [("2,333,796", "count", "tourist", 2333796)]),
        # nlgem-01, nlwat-03: a table's scale caption with no currency
        ("Risicoparagraaf\r\nRisico’s x 1.000\r\nnr. Risico", "nl", []),
        ("aantal belastingplichtigen ( x 1.000) 3.278 \r\ntotaal", "nl", [("3.278", "count", None, 3278)]),
        ("Het kost 3 x 1.000 euro", "nl", [("3", "count", None, 3), ("1.000 euro", "money", "EUR", 1000)]),
    ],
)
def test_dates_without_a_year_and_scale_captions_without_a_currency(text: str, language: str, expected: list) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # corpus us-004: a day and a year with no blank after the comma, no footnote run on
        ("based on BNY Mellon’s December 31, 2009, December 31,2010 and June 30, 2011 Call Reports:", "en", []),
        # corpus us-028: a comma alone makes no list
        ("instructional areas such as classrooms (n = 90, 57 percent; see Table 5).", "en",
         [("90", "count", None, 90), ("57 percent", "percent", "%", 57)]),
    ],
)
def test_what_the_run_on_and_list_rules_leave_alone(text: str, language: str, expected: list) -> None:
    assert figures(text, language) == expected
