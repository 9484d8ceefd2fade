"""Exact numbers written the way a document writes them: ``983.113.200`` in Dutch, ``983,113,200`` in English.

This is the only module that imports Babel's number formatting. Values arrive as
:class:`fractions.Fraction` and are rounded exactly (integer arithmetic on the numerator and the
denominator, half away from zero) before Babel groups the digits; no float is ever made, so
``Fraction(1, 3)`` becomes ``0,33`` and ``983113200`` never turns into ``983113200.0000001``.

Formatting is for people only. Nothing in factcheck reads these strings back as numbers; the
JSON report carries exact values separately (see docs/report-json.md).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, get_currency_symbol

from factcheck.model import Interval

__all__ = [
    "babel_locale",
    "format_number",
    "format_money",
    "format_percent",
    "format_ratio_percent",
    "format_value",
    "format_interval",
    "format_signed",
    "round_fraction",
    "decimals_for",
]

# The locale used for each document language. Dutch documents group with "." and use a
# decimal comma; English ones the other way round.
_LOCALES = {"nl": "nl_NL", "en": "en_US"}

# Written after a figure for these units; money is written before it.
_PERCENT_UNITS = {"%", "percent", "procent", "pct"}
_CURRENCIES = {"EUR", "USD", "GBP", "CHF", "JPY"}

MINUS = "\u2212"  # a real minus sign: "−5" does not wrap and is not a hyphen
APPROX = "≈\u00a0"  # before a value that had to be rounded to be shown


@lru_cache(maxsize=32)
def babel_locale(language: str | None) -> str:
    """The Babel locale name for a document language ("nl" -> "nl_NL"); English when unknown."""
    if not language:
        return _LOCALES["en"]
    key = language.strip().replace("-", "_")
    if key.lower() in _LOCALES:
        return _LOCALES[key.lower()]
    try:
        return str(Locale.parse(key))
    except (UnknownLocaleError, ValueError, TypeError):
        return _LOCALES["en"]


def round_fraction(value: Fraction, decimals: int) -> Decimal:
    """``value`` rounded to ``decimals`` places, half away from zero, computed exactly."""
    scaled = value * (10**decimals) if decimals >= 0 else value / (10 ** (-decimals))
    magnitude = abs(scaled)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    if scaled < 0:
        whole = -whole
    return Decimal(f"{whole}E{-decimals}")  # built from text: exact whatever the context precision


def decimals_for(value: Fraction, max_decimals: int, significant: int = 0) -> int:
    """How many decimals to show: ``max_decimals``, or more so that ``significant`` digits show.

    With ``significant=2`` a relative difference of 0.0000123 is shown as 0.000012 rather than
    as 0. At most 12 decimals are ever shown.
    """
    decimals = max_decimals
    if significant > 0 and value != 0:
        magnitude = abs(value)
        # Smallest d with magnitude * 10**d >= 10**(significant-1).
        needed = 0
        threshold = Fraction(10 ** (significant - 1))
        while magnitude * 10**needed < threshold and needed < 12:
            needed += 1
        decimals = max(decimals, needed)
    return min(decimals, 12)


# Symbols of the locales we ship, read from Babel once. With these, grouping an integer is a
# string operation: Babel's format_decimal costs ~55 µs a call, and a 100k-claim check makes
# over a million of them (benchmarks/check_speed.py). Other locales still go through Babel.
_FAST_SYMBOLS: dict[str, tuple[str, str]] = {}


def _fast_symbols(locale: str) -> tuple[str, str] | None:
    if locale not in _LOCALES.values():
        return None
    symbols = _FAST_SYMBOLS.get(locale)
    if symbols is None:
        numbers = Locale.parse(locale).number_symbols.get("latn", {})
        symbols = (numbers.get("group", ","), numbers.get("decimal", "."))
        _FAST_SYMBOLS[locale] = symbols
    return symbols


def _fast_plain(value: Fraction, decimals: int, symbols: tuple[str, str]) -> str:
    """Round half away from zero and group digits, exactly as _plain does through Babel."""
    scaled = value * (10**decimals) if decimals >= 0 else value / (10 ** (-decimals))
    negative = scaled < 0
    whole, rest = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    digits = str(whole)
    if decimals > 0:
        digits = digits.rjust(decimals + 1, "0")
        integer, fraction = digits[:-decimals], digits[-decimals:].rstrip("0")
    else:
        integer, fraction = digits + "0" * (-decimals), ""
    group, point = symbols
    grouped = f"{int(integer):,}".replace(",", group)
    text = f"{grouped}{point}{fraction}" if fraction else grouped
    return f"{MINUS}{text}" if negative and whole else text


def _plain(value: Fraction, language: str | None, decimals: int) -> str:
    symbols = _fast_symbols(babel_locale(language))
    if symbols is not None:
        return _fast_plain(value, decimals, symbols)
    rounded = round_fraction(value, decimals)
    if rounded == 0:
        rounded = Decimal(0)  # no "-0"
    with localcontext() as ctx:  # Babel quantizes in the current context: give it every digit
        ctx.prec = max(28, len(rounded.as_tuple().digits) + decimals + 4)
        text = format_decimal(abs(rounded), locale=babel_locale(language), decimal_quantization=False)
    return f"{MINUS}{text}" if rounded < 0 else text


def format_number(
    value: Fraction | int,
    language: str | None = "nl",
    max_decimals: int = 2,
    *,
    significant: int = 0,
    mark_inexact: bool = False,
) -> str:
    """An exact number with the document's digit grouping: ``983.113.200`` (nl), ``983,113,200`` (en).

    At most ``max_decimals`` decimals are shown (trailing zeros dropped), more when needed to show
    ``significant`` digits. With ``mark_inexact`` a value that had to be rounded is prefixed "≈".
    """
    value = Fraction(value)
    decimals = decimals_for(value, max_decimals, significant)
    text = _plain(value, language, decimals)
    if mark_inexact and Fraction(round_fraction(value, decimals)) != value:
        return f"{APPROX}{text}"
    return text


def format_signed(value: Fraction | int, language: str | None = "nl", max_decimals: int = 2, **kw: object) -> str:
    """Like :func:`format_number`, with a "+" on positive values (for differences)."""
    text = format_number(value, language, max_decimals, **kw)  # type: ignore[arg-type]
    if Fraction(value) > 0:
        return f"+{text}" if not text.startswith(APPROX) else text.replace(APPROX, APPROX + "+", 1)
    return text


def format_money(
    value: Fraction | int, language: str | None = "nl", currency: str = "EUR", max_decimals: int = 2, **kw: object
) -> str:
    """Money as Dutch and English budget documents print it: ``€ 983.113.200`` / ``€983,113,200``."""
    locale = babel_locale(language)
    symbol = get_currency_symbol(currency, locale=locale)
    number = format_number(value, language, max_decimals, **kw)  # type: ignore[arg-type]
    approx = sign = ""
    if number.startswith(APPROX):
        approx, number = APPROX, number[len(APPROX) :]
    if number.startswith(MINUS):
        sign, number = MINUS, number[1:]
    gap = "\u00a0" if locale.startswith("nl") else ""
    return f"{approx}{sign}{symbol}{gap}{number}"


def format_percent(value: Fraction | int, language: str | None = "nl", max_decimals: int = 2, **kw: object) -> str:
    """A value already in percent points: ``Fraction(30)`` -> ``30%``."""
    return f"{format_number(value, language, max_decimals, **kw)}%"  # type: ignore[arg-type]


def format_ratio_percent(value: Fraction | int, language: str | None = "nl", max_decimals: int = 2) -> str:
    """A ratio shown as a percentage with at least two significant digits: ``1/8000`` -> ``0,0125%``."""
    ratio = Fraction(value) * 100
    text = format_number(ratio, language, max_decimals, significant=2)
    if ratio > 0:
        text = f"+{text}"
    return f"{text}%"


def format_value(
    value: Fraction | int | None,
    language: str | None = "nl",
    unit: str | None = None,
    max_decimals: int = 2,
    **kw: object,
) -> str:
    """A value with its unit, money and percent written as documents write them; "" for ``None``."""
    if value is None:
        return ""
    if unit:
        bare = " ".join(unit.split())
        head, sep, rest = bare.partition("/")
        if sep and head.strip().upper() in _CURRENCIES and rest.strip():
            # "EUR / place / year" -> "€ 55.700 / place / year"
            money = format_money(value, language, head.strip().upper(), max_decimals, **kw)
            return f"{money}\u00a0/ {rest.strip()}"
        if bare.upper() in _CURRENCIES:
            return format_money(value, language, bare.upper(), max_decimals, **kw)
        if bare.lower() in _PERCENT_UNITS:
            return format_percent(value, language, max_decimals, **kw)
        return f"{format_number(value, language, max_decimals, **kw)}\u00a0{bare}"  # type: ignore[arg-type]
    return format_number(value, language, max_decimals, **kw)  # type: ignore[arg-type]


def format_interval(
    interval: Interval | None, language: str | None = "nl", unit: str | None = None, max_decimals: int = 2
) -> str:
    """An interval as ``983.113.150 – 983.113.250``; one-sided ones as ``≥ 5``; "" for ``None``.

    Bounds get enough decimals to stay distinct from each other, so a narrow interval never
    prints as "1,5 – 1,5".
    """
    if interval is None:
        return ""
    lo, hi = interval.lo, interval.hi
    if lo is None and hi is None:
        return "any value"
    if lo is None:
        return f"≤\u00a0{format_value(hi, language, unit, max_decimals)}"
    if hi is None:
        return f"≥\u00a0{format_value(lo, language, unit, max_decimals)}"
    if lo == hi:
        return format_value(lo, language, unit, max(max_decimals, decimals_for(lo, 0, 3)))
    decimals = max_decimals
    while decimals < 12 and round_fraction(lo, decimals) == round_fraction(hi, decimals):
        decimals += 1
    # The unit once, not twice: "€ 450.000.000 – € 550.000.000 / year", "41.000 – 42.000 place".
    bound_unit, suffix = _split_unit(unit)
    text = f"{format_value(lo, language, bound_unit, decimals)} – {format_value(hi, language, bound_unit, decimals)}"
    return f"{text}{suffix}"


def _split_unit(unit: str | None) -> tuple[str | None, str]:
    """(unit to write at each bound, suffix to write once) for an interval."""
    if not unit:
        return None, ""
    bare = " ".join(unit.split())
    head, sep, rest = bare.partition("/")
    if head.strip().upper() in _CURRENCIES:
        return head.strip(), (f"\u00a0/ {rest.strip()}" if sep and rest.strip() else "")
    if bare.lower() in _PERCENT_UNITS:
        return bare, ""
    return None, f"\u00a0{bare}"
