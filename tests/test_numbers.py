"""Printed figures are read exactly, the Dutch or the English way."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.errors import NumberFormatError
from factcheck.model import Hedge
from factcheck.numbers import decimal_string, parse_figure


@pytest.mark.parametrize("text, lang, value, unit, hedge", [
    ("€983.113.200", "nl", 983_113_200, "EUR", Hedge.EXACT),
    ("€ 55.700", "nl", 55_700, "EUR", Hedge.EXACT),
    ("1 miljard", "nl", 10**9, None, Hedge.EXACT),
    ("1,2 miljard", "nl", 1_200_000_000, None, Hedge.EXACT),
    ("500 miljoen euro", "nl", 500_000_000, "EUR", Hedge.EXACT),
    ("ruim 1 miljard", "nl", 10**9, None, Hedge.ABOVE),
    ("bijna 80.000", "nl", 80_000, None, Hedge.BELOW),
    ("circa 45.640", "nl", 45_640, None, Hedge.ABOUT),
    ("30%", "nl", 30, "%", Hedge.EXACT),
    ("2 op de 3", "nl", Fraction(2, 3), None, Hedge.EXACT),
    ("een derde", "nl", Fraction(1, 3), None, Hedge.EXACT),
    ("€45 per dag", "nl", 45, "EUR/day", Hedge.EXACT),
    ("1.500", "en", Fraction(3, 2), None, Hedge.EXACT),
    ("1.500", "nl", 1500, None, Hedge.EXACT),
    ("$1,500.25", "en", Fraction(150025, 100), "USD", Hedge.EXACT),
    ("(35,8)", "nl", Fraction(-358, 10), None, Hedge.EXACT),
    ("\u2012 2.277", "nl", -2277, None, Hedge.EXACT),
    ("\u2212 5", "nl", -5, None, Hedge.EXACT),
    ("1\u00a0500", "nl", 1500, None, Hedge.EXACT),
    ("about $2.5 billion", "en", 2_500_000_000, "USD", Hedge.ABOUT),
])
def test_figures(text: str, lang: str, value: Fraction, unit: str | None, hedge: Hedge) -> None:
    figure = parse_figure(text, lang)
    assert figure.value == value
    assert figure.unit_hint == unit
    assert figure.hedge is hedge


def test_rounded_at_last_significant_digit() -> None:
    assert parse_figure("41.000").interval.lo == 40_500
    assert parse_figure("1 miljard").interval.hi == 1_500_000_000
    assert parse_figure("1,5").interval.lo == Fraction(145, 100)


def test_a_round_percentage_keeps_its_tens() -> None:
    # India's budget speech 2025: "increased 100 per cent from 65,000 to 1.35 lakh" is 107.7 %;
    # read as rounded to hundreds, "100 per cent" stood for 50 to 150 and passed as rounding
    assert parse_figure("100 per cent", "en").interval == (Fraction(95), Fraction(105))
    assert parse_figure("200%", "en").interval == (Fraction(195), Fraction(205))
    assert parse_figure("30%", "en").interval == (Fraction(25), Fraction(35))  # the tens, as before
    assert parse_figure("100", "en").interval == (Fraction(50), Fraction(150))  # a count is not a share


def test_hedged_intervals_lie_on_the_named_side() -> None:
    below = parse_figure("bijna 80.000").interval
    above = parse_figure("ruim 860 miljoen").interval
    assert below.hi == 80_000 and below.lo < 80_000
    assert above.lo == 860_000_000 and above.hi > 867_800_000


def test_range() -> None:
    figure = parse_figure("€ 30- 52 miljoen")
    assert (figure.value, figure.value_high) == (30_000_000, 52_000_000)


@pytest.mark.parametrize("text", ["abc", "12 apples and pears", ""])
def test_not_a_figure(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_figure(text)


def test_decimal_string() -> None:
    assert decimal_string(Fraction(983113200)) == "983113200"
    assert decimal_string(Fraction(-358, 10)) == "-35.8"
    assert decimal_string(Fraction(1, 3)) == "1/3"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_fast_path_agrees_with_full_grammar(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import random
    import re

    import factcheck.numbers as numbers

    rng = random.Random(7)
    group, point = (".", ",") if language == "nl" else (",", ".")
    samples = []
    for _ in range(500):
        whole = rng.randint(0, 10**10)
        text = f"{whole:,}".replace(",", group)
        if rng.random() < 0.3:
            text += point + str(rng.randint(0, 999)).rjust(rng.randint(1, 3), "0")
        if rng.random() < 0.5:
            text = "€ " + text if rng.random() < 0.5 else "€" + text
        samples.append(text)
    fast = [numbers.parse_figure(t, language) for t in samples]
    monkeypatch.setattr(numbers, "_SIMPLE", {"nl": re.compile("(?!)"), "en": re.compile("(?!)")})
    slow = [numbers.parse_figure(t, language) for t in samples]
    assert fast == slow


def test_a_number_word_joined_to_its_duration_by_a_hyphen_or_dash_reads_back() -> None:
    # "FIVE–YEAR GENERAL CAPITAL PROJECT SUMMARY" (a US city's capital programme, dev excerpt
    # enrdw-02): the extractor writes the figure as printed, so `check` must read it
    for text in ("FIVE–YEAR", "five-year", "Five-year", "five years"):
        figure = parse_figure(text, "en")
        assert figure.value == 5 and figure.unit_hint == "year"
