"""The string fast path for nl/en number formatting gives exactly what Babel gives."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.formatting as formatting


def babel_reference(value: Fraction, decimals: int, language: str) -> str:
    rounded = formatting.round_fraction(value, decimals)
    if rounded == 0:
        rounded = Decimal(0)
    with localcontext() as ctx:
        ctx.prec = 80
        text = format_decimal(abs(rounded), locale=formatting.babel_locale(language), decimal_quantization=False)
    return f"{formatting.MINUS}{text}" if rounded < 0 else text


@settings(max_examples=2000, deadline=None)
@given(
    numerator=st.integers(min_value=-10**15, max_value=10**15),
    denominator=st.sampled_from([1, 2, 3, 7, 8, 10, 100, 999, 1000, 10**6]),
    decimals=st.integers(min_value=0, max_value=8),
    language=st.sampled_from(["nl", "en"]),
)
def test_fast_path_equals_babel(numerator: int, denominator: int, decimals: int, language: str) -> None:
    value = Fraction(numerator, denominator)
    assert formatting._plain(value, language, decimals) == babel_reference(value, decimals, language)


def test_examples() -> None:
    assert formatting.format_number(Fraction(983113200), "nl") == "983.113.200"
    assert formatting.format_number(Fraction(983113200), "en") == "983,113,200"
    assert formatting.format_number(Fraction(-3, 2), "nl") == formatting.MINUS + "1,5"
