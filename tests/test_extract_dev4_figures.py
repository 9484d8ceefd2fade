"""Figures the grammar misread in development documents, judged in the fourth sample (dev4): a
footnote's number run into an amount, a month's name before a year, lakh and crore with the
rupee sign a font prints as a backtick, a period adverb after an amount, the unit of "van 20 naar
22%", hedges after the figure, a footnote's number before a web address. The texts are the pages'
text layers as pdfium gives them."""

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
    assert [f[:3] for f in figures(text, "en")] == [
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
