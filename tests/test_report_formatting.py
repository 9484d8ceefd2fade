"""Numbers written the document's way, exactly: factcheck.formatting."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.formatting import (
    format_interval,
    format_money,
    format_number,
    format_percent,
    format_ratio_percent,
    format_value,
    round_fraction,
)
from factcheck.model import Interval


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (Fraction(983113200), "nl", "983.113.200"),
        (Fraction(983113200), "en", "983,113,200"),
        (Fraction(3, 2), "nl", "1,5"),
        (Fraction(3, 2), "en", "1.5"),
        (Fraction(1, 3), "nl", "0,33"),
        (Fraction(2, 3), "en", "0.67"),
        (Fraction(-5, 2), "nl", "\u22122,5"),
        (Fraction(1, 1000), "nl", "0"),
        (Fraction(-1, 1000), "nl", "0"),  # no "-0"
        (Fraction(5, 1000), "nl", "0,01"),  # half away from zero
        (Fraction(-5, 1000), "nl", "\u22120,01"),
        (Fraction(30343), "nl", "30.343"),
    ],
)
def test_format_number(value: Fraction, language: str, expected: str) -> None:
    assert format_number(value, language) == expected


def test_large_values_stay_exact() -> None:
    # A float would print 1e+30 or lose the last digit.
    value = Fraction(10**30 + 1)
    assert format_number(value, "en") == "1,000,000,000,000,000,000,000,000,000,001"
    assert format_number(Fraction(10**20 + 1, 10), "nl", 1) == "10.000.000.000.000.000.000,1"


def test_inexact_values_are_marked() -> None:
    assert format_number(Fraction(1, 3), "nl", mark_inexact=True) == "\u2248\u00a00,33"
    assert format_number(Fraction(1, 4), "nl", mark_inexact=True) == "0,25"


def test_significant_digits_for_small_ratios() -> None:
    assert format_ratio_percent(Fraction(1, 8000), "nl") == "+0,013%"
    assert format_ratio_percent(Fraction(-38, 1000), "en") == "\u22123.8%"
    assert format_ratio_percent(Fraction(0), "nl") == "0%"


def test_money_percent_and_units() -> None:
    assert format_money(Fraction(983113200), "nl") == "\u20ac\u00a0983.113.200"
    assert format_money(Fraction(983113200), "en") == "\u20ac983,113,200"
    assert format_money(Fraction(-1), "nl") == "\u2212\u20ac\u00a01"
    assert format_percent(Fraction(30), "nl") == "30%"
    assert format_value(Fraction(55700), "nl", "EUR / place / year") == "\u20ac\u00a055.700\u00a0/ place / year"
    assert format_value(Fraction(41000), "nl", "place") == "41.000\u00a0place"
    assert format_value(None, "nl", "EUR") == ""


def test_intervals() -> None:
    iv = Interval(Fraction(983113150), Fraction(983113250))
    assert format_interval(iv, "nl") == "983.113.150 \u2013 983.113.250"
    assert format_interval(Interval(Fraction(500), None), "nl") == "\u2265\u00a0500"
    assert format_interval(Interval(None, Fraction(500)), "en") == "\u2264\u00a0500"
    assert format_interval(Interval(None, None), "en") == "any value"
    assert format_interval(None) == ""
    # Bounds that would round to the same text get more decimals.
    narrow = Interval(Fraction(14862), Fraction(148621, 10))
    assert format_interval(narrow, "en", max_decimals=0) == "14,862 \u2013 14,862.1"


@given(st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**12), st.integers(0, 6))
def test_rounding_matches_decimal_half_up(value: Fraction, decimals: int) -> None:
    with localcontext() as ctx:
        ctx.prec = 80
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        expected = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert round_fraction(value, decimals) == expected
