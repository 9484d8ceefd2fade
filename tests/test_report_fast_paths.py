"""Shortcuts taken for large reports give exactly what the general code gives.

- sanitize: strings without special characters skip the regular expressions;
- formatting: rounding and the "≈" mark in integers, the unit's kind worked out once per unit;
- view: a figure without spaces is found in its quote with str.find.
"""

from __future__ import annotations

import re
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import formatting
from factcheck.model import Interval
from factcheck.report import sanitize
from factcheck.report.view import _SPACE_CLASS, mark_figure

# Every character the sanitizer treats specially, and ordinary ones around them.
SPECIAL = "\x00\x07\t\n\x0b\x0c\r\x1b\x1c\x7f\x85\x9f\u00a0\u202f\u2009\u202a\u202e\u2028\u2029\u2066\ufeff\ufffe\uffff\ud800"
TEXT = st.lists(st.sampled_from(list(SPECIAL) + list("ab :€.,-") + ["  "]), max_size=20).map("".join)


def _clean_reference(text: str) -> str:
    return sanitize._UNSAFE.sub("", sanitize._LINE_BREAKS.sub("\n", text))


@settings(max_examples=3000)
@given(text=st.one_of(TEXT, st.text(max_size=20)))
def test_clean_and_one_line_equal_the_regular_expressions(text: str) -> None:
    assert sanitize.clean(text) == _clean_reference(text)
    assert sanitize.one_line(text) == sanitize._SPACES.sub(" ", _clean_reference(text)).strip()


@settings(max_examples=3000)
@given(text=st.text(alphabet=st.sampled_from(list(": \t\ufeff\n\rxa\u00a0\x0b\x85\u2028")), max_size=16))
def test_workflow_guard_equals_the_regular_expression(text: str) -> None:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert sanitize.guard_workflow_commands(text) == sanitize._WORKFLOW_COMMAND.sub(r"\1: ", normalised)


def _mark_reference(quote: str, candidates: list[str | None]) -> tuple[tuple[str, bool], ...]:
    if not quote:
        return ()
    wanted = [sanitize.one_line(c) for c in candidates if c]
    wanted += [re.sub(r"^(?:[€$£]|EUR|USD|US\$)\s*", "", c) for c in wanted]
    for cand in wanted:
        if not cand:
            continue
        match = re.search(_SPACE_CLASS.join(re.escape(part) for part in cand.split(" ")), quote)
        if match:
            parts = [(quote[: match.start()], False), (match.group(0), True), (quote[match.end() :], False)]
            return tuple(p for p in parts if p[0])
    return ((quote, False),)


FIGURE_TEXT = st.lists(st.sampled_from(list("€1.5 \u00a0,()*+?[") + ["EUR ", "55.700", "  "]), max_size=10).map("".join)


@settings(max_examples=2000)
@given(quote=FIGURE_TEXT, first=st.one_of(st.none(), FIGURE_TEXT), second=st.one_of(st.none(), FIGURE_TEXT))
def test_mark_figure_equals_the_regular_expression(quote: str, first: str | None, second: str | None) -> None:
    assert mark_figure(quote, [first, second]) == _mark_reference(quote, [first, second])


VALUES = st.builds(
    Fraction,
    st.integers(min_value=-10**14, max_value=10**14),
    st.sampled_from([1, 2, 3, 7, 10, 100, 999, 1000, 10**6, 3 * 10**7]),
)
LANGUAGES = st.sampled_from(["nl", "en", "de", None])
UNITS = st.sampled_from([None, "", " ", "EUR", "eur", "EUR / year", "EUR/place/year", "USD", "%", "procent", "person",
                         "EUR /", " / year", "GBP / x"])


def _number_reference(value: Fraction, language: str | None, max_decimals: int, significant: int, mark: bool) -> str:
    decimals = formatting.decimals_for(value, max_decimals, significant)
    text = formatting._babel_plain(value, language, decimals)
    if mark and Fraction(formatting.round_fraction(value, decimals)) != value:
        return formatting.APPROX + text
    return text


def _value_reference(value: Fraction, language: str | None, unit: str | None, decimals: int, mark: bool) -> str:
    if unit:
        bare = " ".join(unit.split())
        head, sep, rest = bare.partition("/")
        if sep and head.strip().upper() in formatting._CURRENCIES and rest.strip():
            money = formatting.format_money(value, language, head.strip().upper(), decimals, mark_inexact=mark)
            return f"{money}\u00a0/ {rest.strip()}"
        if bare.upper() in formatting._CURRENCIES:
            return formatting.format_money(value, language, bare.upper(), decimals, mark_inexact=mark)
        if bare.lower() in formatting._PERCENT_UNITS:
            return formatting.format_percent(value, language, decimals, mark_inexact=mark)
        return f"{formatting.format_number(value, language, decimals, mark_inexact=mark)}\u00a0{bare}"
    return formatting.format_number(value, language, decimals, mark_inexact=mark)


@settings(max_examples=3000, deadline=None)
@given(value=VALUES, language=LANGUAGES, unit=UNITS, decimals=st.integers(min_value=0, max_value=13),
       significant=st.sampled_from([0, 1, 2, 3]), mark=st.booleans())
def test_numbers_equal_the_general_path(value: Fraction, language: str | None, unit: str | None, decimals: int,
                                        significant: int, mark: bool) -> None:
    assert formatting.format_number(value, language, decimals, significant=significant, mark_inexact=mark) == (
        _number_reference(value, language, decimals, significant, mark)
    )
    assert formatting.format_value(value, language, unit, decimals, mark_inexact=mark) == (
        _value_reference(value, language, unit, decimals, mark)
    )


@settings(max_examples=2000, deadline=None)
@given(lo=VALUES, width=VALUES.map(abs), language=LANGUAGES, unit=UNITS)
def test_interval_bounds_stay_distinct_as_before(lo: Fraction, width: Fraction, language: str | None,
                                                 unit: str | None) -> None:
    hi = lo + width
    text = formatting.format_interval(Interval(lo, hi), language, unit)
    if lo == hi:
        return
    decimals = 2
    while decimals < 12 and formatting.round_fraction(lo, decimals) == formatting.round_fraction(hi, decimals):
        decimals += 1
    bound_unit, suffix = formatting._split_unit(unit)
    expected = (f"{formatting.format_value(lo, language, bound_unit, decimals)} – "
                f"{formatting.format_value(hi, language, bound_unit, decimals)}{suffix}")
    assert text == expected


@settings(max_examples=2000)
@given(value=VALUES, max_digits=st.integers(min_value=0, max_value=14))
def test_decimal_string_in_integers_as_with_fractions(value: Fraction, max_digits: int) -> None:
    from factcheck.numbers import decimal_string

    expected = f"{value.numerator}/{value.denominator}"
    if value.denominator == 1:
        expected = str(value.numerator)
    else:
        for places in range(max_digits + 1):
            scaled = value * 10**places
            if scaled.denominator == 1:
                digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
                expected = f"{'-' if scaled < 0 else ''}{digits[:-places]}.{digits[-places:]}"
                break
    assert decimal_string(value, max_digits) == expected
